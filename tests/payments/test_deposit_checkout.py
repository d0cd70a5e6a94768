"""Deposits for groups through Stripe: the Checkout Session asks for the deposit first, then for
the balance from the guest's balance page, each on the BUMDes's own account, and the webhook
records each once (real SDK, fake Stripe, signed events).

Kelas Membatik asks here for 30% from groups of 10 or more: 12 people at Rp 100.000 pay a
deposit of Rp 360.000 and a balance of Rp 840.000, due by Saturday 9 March 2030, 23.59 WIB.
"""

import datetime as dt
import json
import time

import pytest
import stripe
from django.db.models import Sum
from django.urls import reverse

from bumdes.models import JournalLine, Side
from tests.payments.conftest import ACCOUNT, WEBHOOK_SECRET
from tests.tours.factories import BOOKED_AT, STARTS_AT, DepartureFactory, hold, tour, wib
from tours.booking.deposits import card_payment_possible
from tours.models import BookingStatus, PaymentStatus, TourPage, UnpaidBalance
from tours.payments.stripe_api import checkout_session_create

pytestmark = pytest.mark.django_db

TOTAL = 1_200_000
DEPOSIT = 360_000
BALANCE = 840_000
DUE_AT = wib(2030, 3, 9, 23, 59)
BACK = "http://testserver/back"


@pytest.fixture(autouse=True)
def no_rate_limit(settings):
    settings.BOOKING_RATE_LIMIT = "0"


@pytest.fixture
def group(db):
    page = tour()
    TourPage.objects.filter(pk=page.pk).update(
        deposit_percent=30,
        deposit_min_people=10,
        balance_due_days=7,
        unpaid_balance=UnpaidBalance.CANCEL,
    )
    booking = hold(DepartureFactory(starts_at=STARTS_AT, capacity=40), 12)
    assert (booking.total, booking.deposit_amount, booking.balance_due_at) == (
        TOTAL,
        DEPOSIT,
        DUE_AT,
    )
    return booking


def completed(session: dict, event_id: str) -> dict:
    return {
        "id": event_id,
        "object": "event",
        "type": "checkout.session.completed",
        "account": ACCOUNT,
        "api_version": "2025-01-01",
        "created": int(time.time()),
        "livemode": False,
        "data": {"object": session},
    }


def deliver(client, payload: dict):
    body = json.dumps(payload)
    header = stripe.WebhookSignature.generate_signature_header(body, WEBHOOK_SECRET)
    response = client.post(
        "/payments/stripe/webhook/",
        data=body,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=header,
    )
    assert response.status_code == 200
    return response


def balance_url(booking) -> str:
    path = reverse("booking_pay_balance", kwargs={"reference": booking.reference})
    return f"{path}?t={booking.token}"


def books_balance(enterprise) -> bool:
    lines = JournalLine.objects.filter(enterprise=enterprise)
    debit = lines.filter(side=Side.DEBIT).aggregate(s=Sum("amount"))["s"] or 0
    credit = lines.filter(side=Side.CREDIT).aggregate(s=Sum("amount"))["s"] or 0
    return debit == credit


def test_the_deposit_session_charges_the_deposit_on_the_connected_account(
    fake_stripe, lipursari_stripe, group
):
    session = checkout_session_create(group, success_url=BACK, cancel_url=BACK, now=BOOKED_AT)

    assert session.amount_total == DEPOSIT * 100 == 36_000_000
    [request] = fake_stripe.posted("/v1/checkout/sessions")
    assert request.stripe_account == ACCOUNT
    assert request.idempotency_key.startswith(f"booking-{group.reference}-checkout-")
    [item] = request.form["line_items"]
    assert item["quantity"] == "1"
    assert item["price_data"]["unit_amount"] == "36000000"
    name = item["price_data"]["product_data"]["name"]
    assert "30%" in name and group.departure.tour.title in name
    assert request.form["metadata"] == {"booking": group.reference, "part": "deposit"}
    assert request.form["client_reference_id"] == group.reference


def test_deposit_then_balance_through_checkout(client, fake_stripe, lipursari_stripe, group):
    # The deposit: the guest pays on Stripe's page, the webhook confirms.
    session = checkout_session_create(group, success_url=BACK, cancel_url=BACK)
    paid = fake_stripe.session_complete(session.id)
    for _ in range(2):
        deliver(client, completed(paid, "evt_deposit"))
    group.refresh_from_db()
    assert group.status == BookingStatus.CONFIRMED
    assert group.payment_status == PaymentStatus.DEPOSIT
    assert list(group.payments.values_list("amount", flat=True)) == [DEPOSIT]

    # The balance: from the balance page, a session for what is owed, on the same account.
    page = client.get(balance_url(group)).content.decode()
    assert "Rp 840.000" in page and "<form" in page
    response = client.post(balance_url(group))
    assert response.status_code == 302
    balance_request = fake_stripe.posted("/v1/checkout/sessions")[-1]
    assert balance_request.stripe_account == ACCOUNT
    assert balance_request.idempotency_key.startswith(f"booking-{group.reference}-balance-")
    [item] = balance_request.form["line_items"]
    assert (item["price_data"]["unit_amount"], item["quantity"]) == ("84000000", "1")
    assert group.departure.tour.title in item["price_data"]["product_data"]["name"]
    balance_session = fake_stripe.sessions[response["Location"].rsplit("/", 1)[1]]
    assert balance_session["amount_total"] == BALANCE * 100
    assert balance_session["success_url"].endswith(f"{balance_url(group)}&paid=1")

    # Asking again while that session is open gets the same page, not a second session.
    again = client.post(balance_url(group))
    assert again["Location"] == response["Location"]
    assert len(fake_stripe.posted("/v1/checkout/sessions")) == 2

    # Paid; the guest comes back before the webhook: the payment is applied at once, once.
    paid_balance = fake_stripe.session_complete(balance_session["id"])
    back = client.get(f"{balance_url(group)}&paid=1")
    assert back.status_code == 302
    manage = reverse("booking_manage", kwargs={"reference": group.reference})
    assert back["Location"] == f"{manage}?t={group.token}"
    deliver(client, completed(paid_balance, "evt_balance"))

    group.refresh_from_db()
    assert group.payment_status == PaymentStatus.PAID
    assert sorted(group.payments.values_list("amount", flat=True)) == [DEPOSIT, BALANCE]
    assert books_balance(group.enterprise)
    # Nothing left to pay: the balance page leads back to the booking.
    assert client.get(balance_url(group)).status_code == 302


def test_no_card_payment_when_a_cancelling_due_date_is_too_near(
    fake_stripe, lipursari_stripe, group
):
    group.status = BookingStatus.CONFIRMED
    group.payment_method = "stripe"
    assert card_payment_possible(group, now=DUE_AT - dt.timedelta(hours=2))
    # A session opened now could still be paid after the booking was cancelled.
    assert not card_payment_possible(group, now=DUE_AT - dt.timedelta(minutes=30))

    TourPage.objects.filter(pk=group.departure.tour_id).update(unpaid_balance=UnpaidBalance.COLLECT)
    group.departure.tour.refresh_from_db()
    assert card_payment_possible(group, now=DUE_AT - dt.timedelta(minutes=30))
    assert not card_payment_possible(group, now=STARTS_AT)
