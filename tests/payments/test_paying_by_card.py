"""Paying by card from the review step: the places kept as long as Stripe's Checkout, the guest
sent there once and back to the ticket, Stripe's outages said, and money for a booking that owes
nothing owed back."""

import datetime as dt
import threading

import pytest
from django.utils import timezone, translation

from tests.payments.choosing_payment import api_body, journal, manage_url, review_url
from tests.payments.conftest import ACCOUNT
from tests.tours.factories import BOOKED_AT, GUEST, DepartureFactory, hold
from tours.booking.errors import BookingInvalid, PaymentUnavailable, SoldOut
from tours.models import Booking, BookingStatus, Payment, PaymentMethod, PaymentStatus
from tours.payments.paying import (
    bank_transfer_confirm,
    booking_await_checkout,
    booking_await_transfer,
    booking_create,
)
from tours.payments.services import payment_received_apply

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit")]


def test_online_payment_keeps_places_as_long_as_the_checkout():
    booking = hold(DepartureFactory())
    enterprise = booking.enterprise
    enterprise.stripe_account_id, enterprise.stripe_charges_enabled = ACCOUNT, True
    enterprise.save(update_fields=["stripe_account_id", "stripe_charges_enabled"])
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("django.conf.settings.STRIPE_SECRET_KEY", "sk_test_platform")
        booking_await_checkout(booking=booking, now=BOOKED_AT)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.HELD
    assert booking.payment_method == PaymentMethod.STRIPE
    assert booking.hold_expires_at == BOOKED_AT + dt.timedelta(minutes=32)


def test_review_sends_the_guest_to_checkout_once(client, fake_stripe, lipursari_stripe):
    booking = hold(
        DepartureFactory(starts_at=timezone.now() + dt.timedelta(days=9)), 1, now=timezone.now()
    )
    # The review form may lead to Checkout: CSP `form-action` allows Stripe's origin there.
    csp = client.get(review_url(booking))["Content-Security-Policy"]
    assert "form-action 'self' https://checkout.stripe.com" in csp
    response = client.post(review_url(booking), {"payment_method": "stripe"})
    assert response.status_code == 302
    assert response["Location"].startswith(f"{fake_stripe.url}/pay/cs_test_")
    # Back on the review page and paying again: the same open session, no second one.
    again = client.post(review_url(booking), {"payment_method": "stripe"})
    assert again["Location"] == response["Location"]
    [created] = fake_stripe.posted("/v1/checkout/sessions")
    assert created.stripe_account == ACCOUNT
    booking.refresh_from_db()
    assert int(created.form["expires_at"]) == int(booking.hold_expires_at.timestamp())
    assert booking.checkout_session_id in response["Location"]


def test_review_says_so_when_stripe_cannot_be_reached(client, fake_stripe, lipursari_stripe):
    booking = hold(
        DepartureFactory(starts_at=timezone.now() + dt.timedelta(days=9)), 1, now=timezone.now()
    )
    fake_stripe.server.shutdown()  # unreachable for this test
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr("django.conf.settings.STRIPE_API_BASE", "http://127.0.0.1:9")
            response = client.post(review_url(booking), {"payment_method": "stripe"})
    finally:
        fake_stripe.thread = threading.Thread(target=fake_stripe.server.serve_forever, daemon=True)
        fake_stripe.thread.start()
    assert response.status_code == 200
    with translation.override("id"):
        assert str(PaymentUnavailable.message) in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.HELD


def test_guest_back_from_checkout_sees_the_ticket(client, fake_stripe, lipursari_stripe):
    booking = hold(
        DepartureFactory(starts_at=timezone.now() + dt.timedelta(days=9)), 1, now=timezone.now()
    )
    response = client.post(review_url(booking), {"payment_method": "stripe"})
    session_id = response["Location"].rsplit("/", 1)[1]
    fake_stripe.session_complete(session_id)

    page = client.get(f"{manage_url(booking)}&paid=1").content.decode()

    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert booking.payment_status == PaymentStatus.PAID
    assert "<svg" in page  # the QR ticket
    assert Payment.objects.get(booking=booking).provider_ref == session_id


def test_soldout_while_choosing_is_said_and_nothing_kept():
    departure = DepartureFactory(capacity=1)
    booking = hold(departure)
    later = BOOKED_AT + dt.timedelta(hours=1)  # the 20-minute hold ran out
    booking_create(
        departure_id=departure.pk,
        lines=[(departure.tour.price_tiers.get(price=100_000).pk, 1)],
        customer=GUEST,
        payment_method="cash",
        now=later,
    )
    with pytest.raises(SoldOut):
        booking_await_transfer(booking=booking, now=later)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.EXPIRED


def test_card_booking_through_the_api_returns_the_checkout(client, fake_stripe, lipursari_stripe):
    departure = DepartureFactory(starts_at=timezone.now() + dt.timedelta(days=9))
    response = client.post(
        "/api/v1/bookings/", api_body(departure, 1, "stripe"), content_type="application/json"
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["status"] == "held"
    assert data["payment_url"].startswith(f"{fake_stripe.url}/pay/cs_test_")
    [created] = fake_stripe.posted("/v1/checkout/sessions")
    assert created.stripe_account == ACCOUNT
    assert created.form["line_items"][0]["price_data"]["unit_amount"] == "10000000"


def test_money_for_a_booking_that_owes_nothing_is_owed_back():
    """A second transfer (or a second paid Checkout) for a paid booking, or money for a
    cancelled one, is recorded and becomes a refund; it never fails and never double-counts."""
    booking = hold(DepartureFactory(), 2)
    booking_await_transfer(booking=booking, now=BOOKED_AT)
    bank_transfer_confirm(booking=booking, amount=200_000, key="first", now=BOOKED_AT)
    # The treasurer's form refuses more than is owed (a typing slip)...
    with pytest.raises(BookingInvalid):
        bank_transfer_confirm(booking=booking, amount=200_000, key="second", now=BOOKED_AT)
    # ...but a provider's second payment (two Checkout tabs both paid) is taken and owed back.
    payment_received_apply(
        booking=booking, method="bank_transfer", amount=200_000, provider_ref="t2", now=BOOKED_AT
    )

    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert booking.payment_status == PaymentStatus.PAID
    assert booking.payments.count() == 2
    [refund] = booking.refunds.all()
    assert (refund.amount, refund.method, refund.status) == (200_000, "bank_transfer", "pending")
    assert journal(booking) == [
        ("1.1.01.02", "debit", 200_000),
        ("1.1.01.02", "debit", 200_000),
        ("2.1.06.01", "credit", 200_000),
        ("2.1.06.01", "credit", 200_000),
        ("2.1.06.01", "debit", 200_000),
        ("2.1.06.02", "credit", 200_000),
    ]


def test_coming_back_to_pay_keeps_the_hold_and_the_session_together(fake_stripe, lipursari_stripe):
    booking = hold(DepartureFactory())
    booking_await_checkout(booking=booking, now=BOOKED_AT)
    Booking.objects.filter(pk=booking.pk).update(checkout_session_id="cs_test_open")
    booking_await_checkout(booking=booking, now=BOOKED_AT + dt.timedelta(minutes=10))
    booking.refresh_from_db()
    assert booking.hold_expires_at == BOOKED_AT + dt.timedelta(minutes=32)
