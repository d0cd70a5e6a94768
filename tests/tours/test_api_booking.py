"""Public JSON API v1, making a booking: the exact answer, and every kind of bad input refused
with a message per field in the caller's language and nothing written."""

import pytest
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from tests.tours.api_calls import (
    BOOKINGS,
    body,
    customer_data,
    in_hours,
    make_departure,
    post,
    site_root,
)
from tours.models import Booking, DepartureStatus, PriceTier

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_rate_limit")]


def test_create_cash_booking_is_confirmed(client, fresh_departure, tiers):
    response = post(client, BOOKINGS, body(fresh_departure, tiers))
    assert response.status_code == 201, response.content
    data = response.json()
    assert set(data) == {
        "reference",
        "token",
        "status",
        "total",
        "currency",
        "hold_expires_at",
        "manage_url",
        "payment_url",
        "partner",
        "commission",
    }
    booking = Booking.objects.get(reference=data["reference"])
    assert data["token"] == booking.token
    assert data["status"] == "confirmed" == booking.status
    assert data["total"] == 200000 == booking.total
    assert data["partner"] is None and data["commission"] is None  # a direct booking
    assert data["currency"] == "IDR"
    assert data["hold_expires_at"] is None
    assert data["payment_url"] is None
    assert data["manage_url"].startswith(f"{site_root()}/booking/")  # the site's address
    assert data["manage_url"].endswith(f"?t={booking.token}")
    assert booking.channel == "direct"
    assert booking.customer_phone == "+6281234567890"
    assert [(line.label, line.unit_price, line.quantity) for line in booking.lines.all()] == [
        ("Per orang", 100000, 2)
    ]


def test_create_without_csrf_token(fresh_departure, tiers):
    client = Client(enforce_csrf_checks=True)
    response = post(client, BOOKINGS, body(fresh_departure, tiers))
    assert response.status_code == 201
    booking = Booking.objects.get(reference=response.json()["reference"])
    assert booking.departure_id == fresh_departure.pk and booking.customer_email == "siti@contoh.id"


BAD_BODIES = {
    "zero quantity": (lambda t: {"lines": [{"tier": t[0].pk, "quantity": 0}]}, "lines.0.quantity"),
    "negative quantity": (
        lambda t: {"lines": [{"tier": t[0].pk, "quantity": -2}]},
        "lines.0.quantity",
    ),
    "fractional quantity": (
        lambda t: {"lines": [{"tier": t[0].pk, "quantity": 1.5}]},
        "lines.0.quantity",
    ),
    "quantity as text": (
        lambda t: {"lines": [{"tier": t[0].pk, "quantity": "2"}]},
        "lines.0.quantity",
    ),
    "quantity as boolean": (
        lambda t: {"lines": [{"tier": t[0].pk, "quantity": True}]},
        "lines.0.quantity",
    ),
    "missing quantity": (lambda t: {"lines": [{"tier": t[0].pk}]}, "lines.0.quantity"),
    "second line bad": (
        lambda t: {"lines": [{"tier": t[0].pk, "quantity": 1}, {"tier": t[1].pk, "quantity": -1}]},
        "lines.1.quantity",
    ),
    "below the tier's minimum": (
        lambda t: {"lines": [{"tier": t[1].pk, "quantity": 2}]},
        "lines.0.quantity",
    ),
    "more than a booking takes": (
        lambda t: {"lines": [{"tier": t[0].pk, "quantity": 41}]},
        "lines",
    ),
    "unknown tier": (lambda t: {"lines": [{"tier": 999999, "quantity": 1}]}, "lines.0.tier"),
    "tier of another tour": (
        lambda t: {
            "lines": [
                {
                    "tier": PriceTier.objects.exclude(page_id=t[0].page_id).first().pk,
                    "quantity": 1,
                }
            ]
        },
        "lines.0.tier",
    ),
    "same tier twice": (
        lambda t: {"lines": [{"tier": t[0].pk, "quantity": 1}, {"tier": t[0].pk, "quantity": 1}]},
        "lines.1.tier",
    ),
    "no lines": (lambda t: {"lines": []}, "lines"),
    "lines not a list": (lambda t: {"lines": {"tier": t[0].pk}}, "lines"),
    "unknown payment method": (lambda t: {"payment_method": "bitcoin"}, "payment_method"),
    "empty payment method": (lambda t: {"payment_method": ""}, "payment_method"),
    "unknown departure": (lambda t: {"departure": 999999}, "departure"),
    "departure as text": (lambda t: {"departure": "abc"}, "departure"),
    "missing customer": (lambda t: {"customer": None}, "customer"),
    "missing e-mail": (lambda t: {"customer": customer_data(email=None)}, "customer.email"),
    "bad e-mail": (lambda t: {"customer": customer_data(email="siti@")}, "customer.email"),
    "overlong e-mail": (
        lambda t: {"customer": customer_data(email="a" * 250 + "@contoh.id")},
        "customer.email",
    ),
    "empty name": (lambda t: {"customer": customer_data(name="  ")}, "customer.name"),
    "overlong name": (lambda t: {"customer": customer_data(name="x" * 121)}, "customer.name"),
    "bad phone": (lambda t: {"customer": customer_data(phone="12")}, "customer.phone"),
    "phone as number": (lambda t: {"customer": customer_data(phone=62812345678)}, "customer.phone"),
    "bad country": (lambda t: {"customer": customer_data(country="id")}, "customer.country"),
    "phone not in use": (
        lambda t: {"customer": customer_data(phone="+62 0000 000")},
        "customer.phone",
    ),
    "unknown country": (lambda t: {"customer": customer_data(country="XX")}, "customer.country"),
    "unknown language": (lambda t: {"customer": customer_data(language="fr")}, "customer.language"),
}


@pytest.mark.parametrize("case", list(BAD_BODIES))
def test_bad_booking_is_refused_and_writes_nothing(client, fresh_departure, tiers, case):
    make_changes, field = BAD_BODIES[case]
    data = body(fresh_departure, tiers, **make_changes(tiers))
    data = {key: value for key, value in data.items() if value is not None}
    before = Booking.objects.count()
    response = post(client, BOOKINGS, data)
    assert response.status_code == 400, response.content
    result = response.json()
    assert result["error"] == "invalid"
    assert field in result["errors"], result
    assert all(isinstance(text, str) and text for text in result["errors"].values())
    assert Booking.objects.count() == before


@pytest.mark.parametrize(
    "raw", ['{"departure": 1, "lines": [', "not json", b"\xff\xfe", "", "[1, 2]", '"text"']
)
def test_malformed_body_is_refused(client, raw):
    before = Booking.objects.count()
    response = post(client, BOOKINGS, raw)
    assert response.status_code == 400
    assert response.json()["error"] == "invalid"
    assert set(response.json()["errors"]) == {"body"}
    assert Booking.objects.count() == before


def test_past_departure_is_refused(client, batik, tiers):
    started = make_departure(batik, days=-1)
    before = Booking.objects.count()
    response = post(client, BOOKINGS, body(started, tiers))
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"departure"}
    assert Booking.objects.count() == before


@pytest.mark.parametrize(
    "make",
    [
        lambda tour: make_departure(tour, days=4, status=DepartureStatus.CLOSED),
        lambda tour: make_departure(tour, days=4, status=DepartureStatus.CANCELLED),
        lambda tour: make_departure(tour, starts_at=in_hours(6)),
    ],
    ids=["closed", "cancelled", "past the cut-off"],
)
def test_closed_departure_is_refused(client, batik, tiers, make):
    closed = make(batik)
    before = Booking.objects.count()
    response = post(client, BOOKINGS, body(closed, tiers))
    assert response.status_code == 400
    assert response.json()["error"] == "closed"
    assert response.json()["message"]
    assert Booking.objects.count() == before


def test_sold_out_answers_409_with_the_places_left(client, batik, tiers):
    small = make_departure(batik, capacity=3)
    assert post(client, BOOKINGS, body(small, tiers)).status_code == 201
    before = Booking.objects.count()
    response = post(client, BOOKINGS, body(small, tiers))
    assert response.status_code == 409
    assert response.json()["error"] == "sold_out"
    assert response.json()["seats_left"] == 1
    assert response.json()["message"]
    one = body(small, tiers, lines=[{"tier": tiers[0].pk, "quantity": 1}])
    assert post(client, BOOKINGS, one).status_code == 201
    response = post(client, BOOKINGS, one)
    assert response.status_code == 409
    assert response.json()["seats_left"] == 0
    assert Booking.objects.count() == before + 1


def test_messages_follow_accept_language(client, fresh_departure, tiers):
    data = body(fresh_departure, tiers, customer=customer_data(email=None))
    indonesian = post(client, BOOKINGS, data)
    english = post(client, BOOKINGS, data, accept_language="en-GB,en;q=0.9")
    assert indonesian["Content-Language"] == "id"
    assert english["Content-Language"] == "en"
    assert "Accept-Language" in english["Vary"]
    assert english.json()["errors"]["customer.email"] == "This field is required."
    with translation.override("id"):
        assert indonesian.json()["errors"]["customer.email"] == gettext("This field is required.")
    assert indonesian.json()["errors"]["customer.email"] != "This field is required."
    assert (
        post(client, BOOKINGS, data, accept_language="fr").json()["errors"]
        == (indonesian.json()["errors"])
    )


def test_departure_of_an_unpublished_tour_cannot_be_booked(client, batik, fresh_departure, tiers):
    batik.unpublish()
    before = Booking.objects.count()
    response = post(client, BOOKINGS, body(fresh_departure, tiers))
    assert response.status_code == 400
    assert response.json()["error"] == "closed"
    assert response.json()["message"]
    assert Booking.objects.count() == before
