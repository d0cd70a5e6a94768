"""Paying by bank transfer: the places kept for the money (never past the booking cut-off), the
account details sent, the treasurer's screen that records the transfer once and posts it, and a
late transfer owed back instead of an oversold departure."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from core.formats import rupiah
from tests.payments.choosing_payment import api_body, journal, review_url
from tests.tours.factories import BOOKED_AT, DepartureFactory, hold
from tours.booking.errors import BookingInvalid
from tours.booking.holds import holds_expire
from tours.models import Booking, BookingStatus, Payment, PaymentMethod, PaymentStatus, Refund
from tours.models.availability import seats_taken
from tours.payments.paying import bank_transfer_confirm, booking_await_transfer, transfer_deadline

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit")]


# Bank transfer -------------------------------------------------------------------------------


def test_transfer_keeps_the_places_and_sends_the_account_details(
    django_capture_on_commit_callbacks,
):
    departure = DepartureFactory()
    booking = hold(departure, 2)
    with django_capture_on_commit_callbacks(execute=True):
        booking_await_transfer(booking=booking, now=BOOKED_AT)

    booking.refresh_from_db()
    assert booking.status == BookingStatus.HELD
    assert booking.payment_method == PaymentMethod.BANK_TRANSFER
    assert booking.hold_expires_at == BOOKED_AT + dt.timedelta(days=2)
    # Still holding its places two days later, free once the time has run out.
    assert seats_taken(departure, now=BOOKED_AT + dt.timedelta(days=1, hours=23)) == 2
    assert seats_taken(departure, now=BOOKED_AT + dt.timedelta(days=2)) == 0
    [message] = mail.outbox
    assert booking.reference in message.subject
    assert "DEMO-0000000002" in message.body  # Lipursari's demo account number
    assert "Rp 200.000" in message.body


def test_choosing_transfer_again_changes_nothing(django_capture_on_commit_callbacks):
    booking = hold(DepartureFactory())
    with django_capture_on_commit_callbacks(execute=True):
        booking_await_transfer(booking=booking, now=BOOKED_AT)
        booking_await_transfer(booking=booking, now=BOOKED_AT + dt.timedelta(hours=3))
    booking.refresh_from_db()
    assert booking.hold_expires_at == BOOKED_AT + dt.timedelta(days=2)
    assert len(mail.outbox) == 1


def test_transfer_never_keeps_places_past_the_booking_cutoff():
    departure = DepartureFactory()
    booking = hold(departure)
    now = departure.starts_at - dt.timedelta(days=1)
    booking_await_transfer(booking=booking, now=now)
    booking.refresh_from_db()
    cutoff = departure.starts_at - dt.timedelta(hours=departure.tour.booking_cutoff_hours)
    assert booking.hold_expires_at == cutoff == transfer_deadline(booking, now)


def test_transfer_refused_when_the_date_is_too_close():
    departure = DepartureFactory()
    cutoff = departure.tour.booking_cutoff_hours
    now = departure.starts_at - dt.timedelta(hours=cutoff + 1)  # cut-off in one hour
    booking = hold(departure, now=now)
    with pytest.raises(BookingInvalid) as error:
        booking_await_transfer(booking=booking, now=now)
    assert "payment_method" in error.value.errors
    booking.refresh_from_db()
    assert booking.payment_method == ""


def test_treasurer_confirms_the_transfer_and_the_books_get_it(django_capture_on_commit_callbacks):
    booking = hold(DepartureFactory(), 2)
    booking_await_transfer(booking=booking, now=BOOKED_AT)
    later = BOOKED_AT + dt.timedelta(hours=20)
    with django_capture_on_commit_callbacks(execute=True):
        payment = bank_transfer_confirm(booking=booking, amount=200_000, key="k1", now=later)
        again = bank_transfer_confirm(booking=booking, amount=200_000, key="k1", now=later)

    assert again.pk == payment.pk
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert booking.payment_status == PaymentStatus.PAID
    assert journal(booking) == [("1.1.01.02", "debit", 200_000), ("2.1.06.01", "credit", 200_000)]
    assert [m.subject for m in mail.outbox if booking.reference in m.subject]


def test_transfer_of_more_than_owed_is_refused():
    booking = hold(DepartureFactory(), 2)
    booking_await_transfer(booking=booking, now=BOOKED_AT)
    with pytest.raises(BookingInvalid) as error:
        bank_transfer_confirm(booking=booking, amount=250_000, now=BOOKED_AT)
    assert "200000" in error.value.errors["amount"]
    assert not Payment.objects.filter(booking=booking).exists()


def test_unpaid_transfer_expires_and_frees_the_places():
    departure = DepartureFactory(capacity=2)
    booking = hold(departure, 2)
    booking_await_transfer(booking=booking, now=BOOKED_AT)
    assert holds_expire(now=BOOKED_AT + dt.timedelta(days=2, minutes=1)) >= 1
    booking.refresh_from_db()
    assert booking.status == BookingStatus.EXPIRED
    assert seats_taken(departure, now=BOOKED_AT + dt.timedelta(days=2, minutes=1)) == 0


def test_late_transfer_after_the_places_were_sold_is_owed_back():
    departure = DepartureFactory(capacity=2)
    booking = hold(departure, 2)
    booking_await_transfer(booking=booking, now=BOOKED_AT)
    after = BOOKED_AT + dt.timedelta(days=3)
    hold(departure, 2, now=after)  # someone else took the places

    bank_transfer_confirm(booking=booking, amount=200_000, key="late", now=after)

    booking.refresh_from_db()
    assert booking.status == BookingStatus.EXPIRED
    assert seats_taken(departure, now=after) == 2  # never oversold
    refund = Refund.objects.get(booking=booking)
    assert (refund.method, refund.amount, refund.status) == ("bank_transfer", 200_000, "pending")
    assert journal(booking) == [
        ("1.1.01.02", "debit", 200_000),
        ("2.1.06.01", "credit", 200_000),
        ("2.1.06.01", "debit", 200_000),
        ("2.1.06.02", "credit", 200_000),
    ]


def test_transfer_booking_through_the_api(client):
    departure = DepartureFactory(starts_at=timezone.now() + dt.timedelta(days=9))
    body = api_body(departure, 2, "bank_transfer")
    response = client.post("/api/v1/bookings/", body, content_type="application/json")
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["status"] == "held"
    assert data["hold_expires_at"] is not None
    assert data["payment_url"] is None
    booking = Booking.objects.get(reference=data["reference"])
    assert booking.payment_method == PaymentMethod.BANK_TRANSFER


def test_transfer_refused_through_the_api_keeps_nothing(client):
    cutoff = DepartureFactory.tour.function().booking_cutoff_hours
    departure = DepartureFactory(starts_at=timezone.now() + dt.timedelta(hours=cutoff + 1))
    before = Booking.objects.count()
    body = api_body(departure, 1, "bank_transfer")
    response = client.post("/api/v1/bookings/", body, content_type="application/json")
    assert response.status_code == 400
    assert "payment_method" in str(response.json())
    assert Booking.objects.count() == before


def test_review_page_offers_the_bumdes_methods_and_shows_transfer_details(client):
    booking = hold(
        DepartureFactory(starts_at=timezone.now() + dt.timedelta(days=9)), 1, now=timezone.now()
    )
    page = client.get(review_url(booking)).content.decode()
    assert 'value="bank_transfer"' in page and 'value="cash"' in page
    assert 'value="stripe"' not in page  # no keys, no connected account

    response = client.post(review_url(booking), {"payment_method": "bank_transfer"})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "DEMO-0000000002" in page
    assert booking.reference in page
    assert "Rp 100.000" in page


# The treasurer's screen --------------------------------------------------------------------


def test_treasurer_sees_awaited_transfers_and_records_one(client, login):
    booking = hold(
        DepartureFactory(starts_at=timezone.now() + dt.timedelta(days=9)), 1, now=timezone.now()
    )
    booking_await_transfer(booking=booking)
    login("lipursari-treasurer")

    listing = client.get(reverse("bank_transfers:index")).content.decode()
    assert booking.reference in listing
    url = reverse("bank_transfers:confirm", args=[booking.pk])
    form = client.get(url)
    assert form.status_code == 200
    html = form.content.decode()
    assert f"{booking.reference} · Siti Rahayu" in html and booking.departure.tour.title in html
    assert rupiah(100_000, "id") in html  # what to look for on the bank statement
    response = client.post(url, {"amount": "100.000", "key": "abc123"})
    assert response.status_code == 302
    client.post(url, {"amount": "100.000", "key": "abc123"})  # a double tap

    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert Payment.objects.filter(booking=booking).count() == 1


@pytest.mark.parametrize(
    ("username", "status"),
    [("lipursari-operator", 302), ("plobangan-treasurer", 404), ("plobangan-manager", 404)],
)
def test_transfer_screen_isolation(client, login, username, status):
    booking = hold(
        DepartureFactory(starts_at=timezone.now() + dt.timedelta(days=9)), 1, now=timezone.now()
    )
    booking_await_transfer(booking=booking)
    login(username)
    url = reverse("bank_transfers:confirm", args=[booking.pk])
    response = client.post(url, {"amount": "100.000", "key": "x"})
    assert response.status_code == status
    if status == 302:  # Wagtail's "permission denied": back to the dashboard with a message
        assert response["Location"] == "/admin/"
    assert not Payment.objects.filter(booking=booking).exists()
    if status == 404:
        assert booking.reference not in client.get(reverse("bank_transfers:index")).content.decode()
