"""The Stripe fee of a card payment, read from the charge's balance transaction on the BUMDes's
connected account, recorded with the payment and posted Dr 6.3.99.92 / Cr 1.1.01.90; and what
happens when Stripe cannot be asked (the webhook fails, nothing is kept, the retry applies it)."""

import pytest
from django.test import Client

from bumdes import chart
from bumdes.ledger import balances
from bumdes.models import JournalEntry, JournalLine
from tests.payments.conftest import ACCOUNT
from tests.payments.test_webhooks import deliver, event, fee_of, session_for
from tests.tours.factories import DepartureFactory, hold
from tours.models import BookingStatus, Payment, WebhookEvent
from tours.payments.amounts import stripe_to_idr_rounded
from tours.payments.services import checkout_completed_apply

pytestmark = pytest.mark.django_db


# Rounding what Stripe computed ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("units", "rupiah"),
    [
        (0, 0),
        (49, 0),
        (50, 1),
        (99, 1),
        (100, 1),
        (149, 1),
        (150, 2),
        (123_456, 1235),
        (600_000, 6000),
    ],
)
def test_stripe_fees_round_half_up_to_whole_rupiah(units, rupiah):
    assert stripe_to_idr_rounded(units) == rupiah


@pytest.mark.parametrize("bad", [1.5, "100", None, True])
def test_rounding_refuses_non_integers(bad):
    with pytest.raises(TypeError):
        stripe_to_idr_rounded(bad)


def test_rounding_refuses_negative_and_too_long_amounts():
    with pytest.raises(ValueError):
        stripe_to_idr_rounded(-100)
    with pytest.raises(ValueError):
        stripe_to_idr_rounded(10**12)


# The fee of a payment ---------------------------------------------------------------------------


def fee_lines(payment: Payment) -> list[tuple[str, str, int]]:
    return sorted(
        JournalLine.objects.filter(
            entry__source_type="payment_fee", entry__source_ref=f"payment-{payment.pk}"
        ).values_list("account__code", "side", "amount")
    )


def test_the_fee_comes_from_the_balance_transaction_and_is_posted_once(
    client, fake_stripe, lipursari_stripe
):
    booking = hold(DepartureFactory(), 2)
    paid = event("evt_fee", "checkout.session.completed", session_for(fake_stripe, booking))

    for _ in range(2):
        assert deliver(client, paid).status_code == 200

    payment = booking.payments.get()
    session = fake_stripe.sessions[payment.provider_ref]
    assert payment.provider_payment == session["payment_intent"]
    assert payment.provider_payment.startswith("pi_")
    assert payment.fee == fee_of(200_000) == 6_000
    assert fee_lines(payment) == [
        (chart.GATEWAY, "credit", 6_000),
        (chart.PAYMENT_FEES, "debit", 6_000),
    ]
    # Asked once (the replay asks nothing), on the connected account, the real Stripe shape.
    [asked] = fake_stripe.got("/v1/checkout/sessions/")
    assert asked.stripe_account == ACCOUNT
    assert asked.form["expand"] == ["payment_intent.latest_charge.balance_transaction"]
    assert sum(balances(lipursari_stripe).values()) == 0


def test_a_fee_in_hundredths_of_a_rupiah_is_rounded(client, fake_stripe, lipursari_stripe):
    booking = hold(DepartureFactory(), 1)
    session = fake_stripe.paid_session(ACCOUNT, booking.reference, booking.total * 100, fee=123_456)
    session.pop("account")
    deliver(client, event("evt_fee_round", "checkout.session.completed", session))
    payment = booking.payments.get()
    assert payment.fee == 1_235
    assert (chart.PAYMENT_FEES, "debit", 1_235) in fee_lines(payment)
    assert sum(balances(lipursari_stripe).values()) == 0


def test_with_the_payment_intent_known_it_is_asked_for_directly(fake_stripe, lipursari_stripe):
    booking = hold(DepartureFactory(), 1)
    session = fake_stripe.paid_session(ACCOUNT, booking.reference, booking.total * 100)
    payment = checkout_completed_apply(
        booking=booking,
        session_id=session["id"],
        amount=booking.total,
        payment_intent=session["payment_intent"],
    )
    assert (payment.provider_payment, payment.fee) == (session["payment_intent"], 3_000)
    [asked] = fake_stripe.got("/v1/payment_intents/")
    assert asked.path == f"/v1/payment_intents/{session['payment_intent']}"
    assert asked.stripe_account == ACCOUNT
    assert asked.form["expand"] == ["latest_charge.balance_transaction"]


def test_when_stripe_cannot_be_reached_the_webhook_fails_and_keeps_nothing(
    fake_stripe, lipursari_stripe
):
    client = Client(raise_request_exception=False)
    booking = hold(DepartureFactory(), 2)
    paid = event("evt_down", "checkout.session.completed", session_for(fake_stripe, booking))
    before = (JournalEntry.objects.count(), Payment.objects.count())

    fake_stripe.down = True
    assert deliver(client, paid).status_code == 500

    booking.refresh_from_db()
    assert booking.status == BookingStatus.HELD
    assert (JournalEntry.objects.count(), Payment.objects.count()) == before
    assert not WebhookEvent.objects.filter(event_id="evt_down").exists()

    # Stripe delivers the event again once it answers: applied in full, once.
    fake_stripe.down = False
    assert deliver(client, paid).status_code == 200
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert booking.payments.get().fee == 6_000
    assert WebhookEvent.objects.filter(event_id="evt_down").count() == 1


def test_a_session_without_a_charge_yet_is_not_applied(fake_stripe, lipursari_stripe):
    client = Client(raise_request_exception=False)
    booking = hold(DepartureFactory(), 1)
    session = session_for(fake_stripe, booking)
    charge = fake_stripe.charge_of(session["id"])
    charge["balance_transaction"] = None
    assert (
        deliver(client, event("evt_nobt", "checkout.session.completed", session)).status_code == 500
    )
    assert not booking.payments.exists()
    assert not WebhookEvent.objects.filter(event_id="evt_nobt").exists()
