"""The guest's choice of payment: which methods a BUMDes offers, bank transfers kept for the
money and confirmed by the treasurer, and Stripe's hosted Checkout from the review step.
"""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from bumdes.models import Enterprise, JournalLine
from tests.payments.conftest import ACCOUNT
from tests.tours.factories import BOOKED_AT, GUEST, DepartureFactory, hold
from tours.booking.errors import BookingInvalid, PaymentUnavailable, SoldOut
from tours.booking.holds import holds_expire
from tours.booking.providers import payment_methods_available
from tours.models import Booking, BookingStatus, Payment, PaymentMethod, PaymentStatus, Refund
from tours.models.availability import seats_taken
from tours.payments.paying import (
    bank_transfer_confirm,
    booking_await_checkout,
    booking_await_transfer,
    booking_create,
    transfer_deadline,
)
from tours.payments.services import payment_received_apply

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_rate_limit(settings):
    settings.BOOKING_RATE_LIMIT = "0"


def lipursari() -> Enterprise:
    return Enterprise.objects.get(slug="lipursari")


def review_url(booking: Booking) -> str:
    return f"{reverse('booking_review', kwargs={'reference': booking.reference})}?t={booking.token}"


def manage_url(booking: Booking) -> str:
    return f"{reverse('booking_manage', kwargs={'reference': booking.reference})}?t={booking.token}"


def journal(booking: Booking) -> list[tuple[str, str, int]]:
    return sorted(
        JournalLine.objects.filter(booking_ref=booking.reference).values_list(
            "account__code", "side", "amount"
        )
    )


# Which methods ------------------------------------------------------------------------------


def test_methods_follow_the_bumdes_settings(fake_stripe, lipursari_stripe):
    enterprise = lipursari_stripe
    assert payment_methods_available(enterprise) == ["stripe", "bank_transfer", "cash"]

    enterprise.offer_cash = False
    enterprise.offer_stripe = False
    assert payment_methods_available(enterprise) == ["bank_transfer"]
    # At the counter, staff can always take cash.
    assert payment_methods_available(enterprise, "staff") == ["bank_transfer", "cash"]

    enterprise.bank_account_number = " "
    assert payment_methods_available(enterprise) == []


def test_stripe_needs_keys_and_a_connected_account(settings):
    enterprise = lipursari()
    settings.STRIPE_SECRET_KEY = ""
    enterprise.stripe_account_id, enterprise.stripe_charges_enabled = ACCOUNT, True
    assert "stripe" not in payment_methods_available(enterprise)
    settings.STRIPE_SECRET_KEY = "sk_test_platform"
    assert "stripe" in payment_methods_available(enterprise)
    enterprise.stripe_charges_enabled = False
    assert "stripe" not in payment_methods_available(enterprise)


def test_a_method_the_bumdes_does_not_offer_is_refused():
    enterprise = lipursari()
    enterprise.offer_bank_transfer = False
    enterprise.save(update_fields=["offer_bank_transfer"])
    booking = hold(DepartureFactory())
    with pytest.raises(BookingInvalid) as error:
        booking_await_transfer(booking=booking, now=BOOKED_AT)
    assert "payment_method" in error.value.errors
    booking.refresh_from_db()
    assert booking.payment_method == ""


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


def api_body(departure, quantity: int, method: str) -> dict:
    return {
        "departure": departure.pk,
        "lines": [{"tier": departure.tour.price_tiers.get(price=100_000).pk, "quantity": quantity}],
        "customer": {
            "name": GUEST.name,
            "email": GUEST.email,
            "phone": "+6281234567890",
            "country": "ID",
            "language": "id",
        },
        "payment_method": method,
    }


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


# Stripe from the review step ---------------------------------------------------------------


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
        import threading

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
