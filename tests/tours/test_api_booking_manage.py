"""Public JSON API v1, the guest's booking: read and cancelled only with its token, the refund
by the tour's policy."""

import pytest

from core.localtime import zone_info
from tests.tours.api_calls import (
    BOOKINGS,
    book,
    departures_url,
    in_hours,
    local_day,
    make_departure,
    site_root,
)
from tours.models import Booking, BookingStatus

JAKARTA = zone_info("Asia/Jakarta")

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_rate_limit")]


def test_booking_detail_with_token(client, fresh_departure, tiers):
    booking = book(fresh_departure, tiers, quantity=3)
    response = client.get(f"{BOOKINGS}{booking.reference}/", {"token": booking.token})
    assert response.status_code == 200
    local_start = fresh_departure.starts_at.astimezone(JAKARTA).isoformat()
    assert response.json() == {
        "reference": booking.reference,
        "status": "confirmed",
        "payment_status": "unpaid",
        "total": 300000,
        "currency": "IDR",
        "seats": 3,
        "departure": {"id": fresh_departure.pk, "starts_at": local_start},
        "tour": {"id": fresh_departure.tour_id, "title": "Batik Class"},  # the guest's language
        "lines": [{"label": "Per person", "unit_price": 100000, "quantity": 3}],
        "customer": {
            "name": "Budi",
            "email": "budi@contoh.id",
            "phone": "+6281234567890",
            "country": "ID",
            "language": "en",
        },
        "hold_expires_at": None,
        "manage_url": f"{site_root()}/en/booking/{booking.reference}/?t={booking.token}",
        "partner": None,
        "commission": None,
    }


def test_booking_without_the_right_token_is_not_found(client, fresh_departure, tiers):
    booking = book(fresh_departure, tiers)
    unknown = client.get(f"{BOOKINGS}XYZ-22222/", {"token": booking.token})
    assert unknown.status_code == 404
    for params in ({}, {"token": ""}, {"token": booking.token[:-1]}, {"token": "ü" * 32}):
        response = client.get(f"{BOOKINGS}{booking.reference}/", params)
        assert response.status_code == 404
        assert response.json() == unknown.json()


def test_cancel_with_token_refunds_by_policy_and_frees_the_places(
    client, batik, fresh_departure, tiers
):
    booking = book(fresh_departure, tiers, quantity=4)
    url = f"{BOOKINGS}{booking.reference}/cancel/?token={booking.token}"
    response = client.post(url)
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "cancelled"
    assert data["refund_percent"] == 100  # five days ahead: the full refund
    assert data["reference"] == booking.reference
    assert set(data) == {
        *client.get(f"{BOOKINGS}{booking.reference}/", {"token": booking.token}).json(),
        "refund_percent",
        "refund_amount",
    }
    assert data["refund_amount"] == 0  # cash on arrival: nothing was paid, nothing goes back
    day = local_day(5).isoformat()
    listed = client.get(departures_url(batik), {"from": day, "to": day}).json()
    assert next(item for item in listed if item["id"] == fresh_departure.pk)["seats_left"] == 10
    again = client.post(url)
    assert again.status_code == 200
    assert again.json()["refund_percent"] == 100


def test_cancel_late_gives_the_partial_refund(client, batik, tiers):
    soon = make_departure(batik, starts_at=in_hours(30))
    booking = book(soon, tiers)
    response = client.post(f"{BOOKINGS}{booking.reference}/cancel/?token={booking.token}")
    assert response.status_code == 200
    assert response.json()["refund_percent"] == 50


def test_cancel_needs_the_token(client, fresh_departure, tiers):
    booking = book(fresh_departure, tiers)
    for query in ("", "?token=", f"?token={booking.token}x"):
        response = client.post(f"{BOOKINGS}{booking.reference}/cancel/{query}")
        assert response.status_code == 404
        assert response.json()["error"] == "not_found"
        assert booking.reference not in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED


def test_cancel_not_allowed_answers_409(client, fresh_departure, tiers):
    booking = book(fresh_departure, tiers)
    Booking.objects.filter(pk=booking.pk).update(status=BookingStatus.COMPLETED)
    response = client.post(f"{BOOKINGS}{booking.reference}/cancel/?token={booking.token}")
    assert response.status_code == 409
    assert response.json()["error"] == "not_allowed"
    assert response.json()["message"]
    booking.refresh_from_db()
    assert booking.status == BookingStatus.COMPLETED
