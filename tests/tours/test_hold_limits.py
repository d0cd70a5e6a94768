"""Abuse limits on public bookings (`tours.booking.guards`): one anonymous request cannot hold a
whole departure, on the site or through the API; partners' and staff bookings are exempt."""

import datetime as dt
import json
import re

import pytest
from django.core import mail

from tests.tours.api_calls import BOOKINGS, body, customer_data, make_departure
from tests.tours.guest_flow import GUEST, booking_from, guest_url, hold
from tours.booking.booking_input import Customer
from tours.booking.errors import HoldLimitReached
from tours.booking.guards import email_confirm_signature
from tours.models import Booking, BookingStatus, Channel
from tours.models.availability import seats_taken
from tours.payments.paying import booking_create, booking_email_confirm

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_rate_limit")]


@pytest.fixture
def limits(settings):
    """The production defaults."""
    settings.BOOKING_MAX_SEATS = 15
    settings.BOOKING_HOLDS_PER_DEPARTURE = 2
    settings.BOOKING_HOLDS_PER_DAY = 6
    settings.BOOKING_LARGE_HOLD_SEATS = 6
    settings.BOOKING_UNCONFIRMED_HOLD_MINUTES = 60
    return settings


@pytest.fixture
def big(batik):
    return make_departure(batik, capacity=40)


def post(client, url, data, address="127.0.0.1"):
    """A JSON POST from a client address."""
    return client.post(
        url, data=json.dumps(data), content_type="application/json", REMOTE_ADDR=address
    )


def guest(n: int) -> dict:
    return customer_data(email=f"tamu{n}@contoh.id", phone=f"+62812345600{n:02d}")


def test_the_api_refuses_more_places_than_the_cap_and_names_the_village(client, big, tiers, limits):
    response = post(
        client, BOOKINGS, body(big, tiers, lines=[{"tier": tiers[0].pk, "quantity": 20}])
    )
    assert response.status_code == 400
    data = response.json()
    assert data["error"] == "hold_limit"
    assert "15" in data["message"] and "812-0000-0102" in data["message"]
    assert not Booking.objects.filter(departure=big).exists()
    response = post(
        client, BOOKINGS, body(big, tiers, lines=[{"tier": tiers[0].pk, "quantity": 15}])
    )
    assert response.status_code == 201


def test_the_site_refuses_more_places_than_the_cap(client, big, tiers, limits):
    response = hold(client, big, {tiers[0]: 16})
    assert response.status_code == 200
    assert "15" in response.content.decode()
    assert not Booking.objects.filter(departure=big).exists()


def test_partners_and_staff_are_not_capped(big, tiers, limits, admin_user):
    booking, _ = booking_create(
        departure_id=big.pk, lines=[(tiers[0].pk, 20)], channel=Channel.STAFF,
        customer=Customer("Rombongan", "", "+6281234567890", "ID", "id"), payment_method="cash",
        user=admin_user,
    )  # fmt: skip
    assert booking.status == BookingStatus.CONFIRMED and booking.seats == 20


def test_one_email_holds_two_unpaid_bookings_per_departure(client, big, tiers, limits):
    for n in (1, 2):
        data = body(big, tiers, customer=customer_data(phone=f"+628123450000{n}"))
        assert post(client, BOOKINGS, data, address=f"10.0.0.{n}").status_code == 201
    third = body(big, tiers, customer=customer_data(phone="+6281234500003"))
    response = post(client, BOOKINGS, third, address="10.0.0.3")
    assert response.status_code == 400 and response.json()["error"] == "hold_limit"
    other_day = make_departure(big.tour, days=9, capacity=40)
    assert post(client, BOOKINGS, body(other_day, tiers)).status_code == 201


def test_one_phone_holds_two_unpaid_bookings_per_departure(big, tiers, limits):
    for n in (1, 2):
        booking_create(
            departure_id=big.pk, lines=[(tiers[0].pk, 1)], payment_method="cash",
            customer=Customer("Siti", f"s{n}@contoh.id", "+6281234567890", "ID", "id"),
        )  # fmt: skip
    with pytest.raises(HoldLimitReached):
        booking_create(
            departure_id=big.pk, lines=[(tiers[0].pk, 1)], payment_method="cash",
            customer=Customer("Siti", "s3@contoh.id", "+62 812-3456-7890", "ID", "id"),
        )  # fmt: skip


def test_one_address_holds_two_unpaid_bookings_per_departure(client, big, tiers, limits):
    for n in (1, 2):
        assert post(client, BOOKINGS, body(big, tiers, customer=guest(n))).status_code == 201
    response = post(client, BOOKINGS, body(big, tiers, customer=guest(3)))
    assert response.status_code == 400 and response.json()["error"] == "hold_limit"
    response = post(client, BOOKINGS, body(big, tiers, customer=guest(4)), address="10.9.9.9")
    assert response.status_code == 201


def test_the_site_counts_the_address_when_holding(client, big, tiers, limits):
    for _n in (1, 2):
        assert hold(client, big, {tiers[0]: 1}).status_code == 302
    response = hold(client, big, {tiers[0]: 1})
    assert response.status_code == 200
    assert Booking.objects.filter(departure=big).count() == 2


def test_the_site_counts_the_email_at_the_details_step(client, big, tiers, limits):
    for n in (1, 2):
        post(
            client,
            BOOKINGS,
            body(big, tiers, customer=customer_data(phone=f"+628123450000{n}")),
            address=f"10.1.0.{n}",
        )
    booking = booking_from(hold(client, big, {tiers[0]: 1}))
    response = client.post(guest_url("booking_details", booking), GUEST)
    assert response.status_code == 200
    booking.refresh_from_db()
    assert booking.customer_email == ""


def test_paid_or_cancelled_bookings_do_not_count_per_departure(client, big, tiers, limits):
    for n in (1, 2):
        response = post(client, BOOKINGS, body(big, tiers, customer=guest(n)))
        Booking.objects.filter(reference=response.json()["reference"]).update(status="cancelled")
    assert post(client, BOOKINGS, body(big, tiers, customer=guest(3))).status_code == 201


def test_one_address_makes_six_bookings_a_day(client, batik, tiers, limits):
    departures = [make_departure(batik, days=3 + n, capacity=40) for n in range(7)]
    for n, departure in enumerate(departures[:6]):
        assert post(client, BOOKINGS, body(departure, tiers, customer=guest(n))).status_code == 201
    response = post(client, BOOKINGS, body(departures[6], tiers, customer=guest(7)))
    assert response.status_code == 400
    assert "tomorrow" in response.json()["message"] or "besok" in response.json()["message"]
    yesterday = dt.datetime.now(dt.UTC) - dt.timedelta(days=1, minutes=1)
    Booking.objects.update(created_at=yesterday)
    assert post(client, BOOKINGS, body(departures[6], tiers, customer=guest(7))).status_code == 201


def _confirm_link(booking) -> str:
    message = next(m for m in mail.outbox if m.to == [booking.customer_email] and "s=" in m.body)
    return re.search(r"https?://\S+confirm-email/\S+", message.body).group(0)


@pytest.mark.parametrize("method", ["cash", "bank_transfer"])
def test_a_large_unpaid_hold_waits_briefly_for_the_email(
    client, big, tiers, limits, method, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(
            client,
            BOOKINGS,
            body(big, tiers, lines=[{"tier": tiers[0].pk, "quantity": 10}], payment_method=method),
        )
    assert response.status_code == 201
    data = response.json()
    booking = Booking.objects.get(reference=data["reference"])
    assert data["status"] == "held" == booking.status
    now = dt.datetime.now(dt.UTC)
    assert (
        now + dt.timedelta(minutes=55) < booking.hold_expires_at <= now + dt.timedelta(minutes=61)
    )
    # Only the inbox has the link's secret, never the API's answer.
    assert email_confirm_signature(booking) not in response.content.decode()
    assert len(mail.outbox) == 1
    path = "/" + _confirm_link(booking).split("://", 1)[1].split("/", 1)[1]
    with django_capture_on_commit_callbacks(execute=True):
        after = client.get(path)
    assert after.status_code == 302
    booking.refresh_from_db()
    assert booking.email_confirmed_at is not None
    if method == "cash":
        assert booking.status == BookingStatus.CONFIRMED
    else:
        assert booking.status == BookingStatus.HELD
        assert booking.hold_expires_at > now + dt.timedelta(hours=23)  # the transfer deadline
    assert len(mail.outbox) == 2  # then the ticket, or the account details


def test_an_unconfirmed_large_hold_frees_its_places(big, tiers, limits):
    booking, _ = booking_create(
        departure_id=big.pk, lines=[(tiers[0].pk, 10)], payment_method="bank_transfer",
        customer=Customer("Siti", "siti@contoh.id", "+6281234567890", "ID", "id"),
    )  # fmt: skip
    later = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=61)
    assert seats_taken(big, now=later) == 0


def test_small_holds_keep_the_usual_deadline(big, tiers, limits):
    booking, _ = booking_create(
        departure_id=big.pk, lines=[(tiers[0].pk, 6)], payment_method="cash",
        customer=Customer("Siti", "siti@contoh.id", "+6281234567890", "ID", "id"),
    )  # fmt: skip
    assert booking.status == BookingStatus.CONFIRMED


def test_a_forged_or_foreign_link_confirms_nothing(client, big, tiers, limits):
    booking, _ = booking_create(
        departure_id=big.pk, lines=[(tiers[0].pk, 10)], payment_method="cash",
        customer=Customer("Siti", "siti@contoh.id", "+6281234567890", "ID", "id"),
    )  # fmt: skip
    assert booking_email_confirm(signature="forged") is None
    signature = email_confirm_signature(booking)
    Booking.objects.filter(pk=booking.pk).update(customer_email="lain@contoh.id")
    assert booking_email_confirm(signature=signature) is None
    booking.refresh_from_db()
    assert booking.email_confirmed_at is None and booking.status == BookingStatus.HELD
    response = client.get(f"/booking/{booking.reference}/confirm-email/?s=forged")
    assert response.status_code == 404
