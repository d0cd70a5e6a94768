"""Card refunds go through Stripe's Refunds API (on the BUMDes's connected account, idempotency
key `refund-<id>`, amount × 100) and are posted only when Stripe reports them, once, whatever the
order and number of the events; failed ones can be sent again. The trial balance stays zero."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from bumdes import chart
from bumdes.models import JournalEntry, JournalLine
from core.formats import rupiah
from tests.payments.conftest import ACCOUNT
from tests.payments.refunding import (
    cancelled_and_sent,
    charge_event,
    lines_of,
    paid_by_card,
    refund_entries,
    refund_event,
    zero_trial_balance,
)
from tests.payments.test_webhooks import deliver, event, session_for
from tests.tours.factories import DepartureFactory, confirmed, hold
from tours.booking.books import booking_sale
from tours.booking.cancelling import booking_cancel
from tours.models import BookingStatus, PaymentStatus, Refund
from tours.payments.refund_sending import RefundNotSent, refund_send, refunds_send_pending
from tours.payments.stripe_api import stripe_refund_create

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit")]


def test_a_guest_cancelling_through_the_manage_link_is_refunded_through_stripe(
    client, fake_stripe, lipursari_stripe, django_capture_on_commit_callbacks
):
    booking = paid_by_card(client, fake_stripe, 2)
    payment = booking.payments.get()
    url = f"{reverse('booking_cancel', kwargs={'reference': booking.reference})}?t={booking.token}"

    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302

    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    refund = booking.refunds.get()
    assert (refund.method, refund.amount, refund.status) == ("stripe", 200_000, "sent")
    [sent] = fake_stripe.posted("/v1/refunds")
    assert sent.stripe_account == ACCOUNT
    assert sent.idempotency_key == f"refund-{refund.pk}"
    assert sent.form["amount"] == "20000000"
    assert sent.form["payment_intent"] == payment.provider_payment
    assert sent.form["metadata"] == {"booking": booking.reference, "refund": str(refund.pk)}
    assert refund.provider_ref == next(iter(fake_stripe.refunds))
    assert refund.sent_at is not None
    # Nothing is posted for the refund until Stripe reports it.
    assert not refund_entries(refund).exists()
    assert booking.payment_status == PaymentStatus.PAID

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert deliver(client, charge_event(fake_stripe, refund.provider_ref)).status_code == 200

    refund.refresh_from_db()
    booking.refresh_from_db()
    assert refund.status == Refund.Status.PAID and refund.paid_at is not None
    assert lines_of(refund_entries(refund)) == [
        (chart.GATEWAY, "credit", 200_000),
        (chart.REFUNDS_PAYABLE, "debit", 200_000),
    ]
    assert booking.payment_status == PaymentStatus.REFUNDED
    assert zero_trial_balance(booking.enterprise)
    [message] = mail.outbox
    assert message.to == [booking.customer_email]
    assert booking.reference in message.subject
    assert rupiah(200_000, "id") in message.body


@pytest.mark.parametrize(
    "order",
    [
        ["updated", "charge", "updated", "charge"],
        ["charge", "updated", "created", "charge"],
        ["created", "created", "updated", "charge", "updated"],
    ],
)
def test_events_in_any_order_and_replayed_post_once(
    client, fake_stripe, lipursari_stripe, django_capture_on_commit_callbacks, order
):
    booking, refund = cancelled_and_sent(client, fake_stripe, django_capture_on_commit_callbacks)
    seen: dict[str, int] = {}
    for kind in order:
        seen[kind] = seen.get(kind, 0) + 1
        # A repeat is either the same event again or a new event saying the same thing.
        suffix = "" if seen[kind] % 2 else f"-{seen[kind]}"
        if kind == "charge":
            payload = charge_event(fake_stripe, refund.provider_ref, suffix)
        else:
            payload = refund_event(fake_stripe, refund, f"refund.{kind}", suffix)
        assert deliver(client, payload).status_code == 200

    refund.refresh_from_db()
    assert refund.status == Refund.Status.PAID
    assert refund_entries(refund).count() == 1
    assert booking.events.filter(kind="refund_paid").count() == 1
    assert zero_trial_balance(booking.enterprise)


def test_a_pending_refund_is_posted_when_it_succeeds(
    client, fake_stripe, lipursari_stripe, django_capture_on_commit_callbacks
):
    fake_stripe.refund_status = "pending"
    booking, refund = cancelled_and_sent(client, fake_stripe, django_capture_on_commit_callbacks)
    deliver(client, refund_event(fake_stripe, refund, "refund.created"))
    refund.refresh_from_db()
    assert refund.status == Refund.Status.SENT
    assert not refund_entries(refund).exists()

    fake_stripe.refund_update(refund.provider_ref, "succeeded")
    deliver(client, refund_event(fake_stripe, refund))
    refund.refresh_from_db()
    assert refund.status == Refund.Status.PAID
    assert refund_entries(refund).count() == 1


def test_a_stale_pending_event_after_success_changes_nothing(
    client, fake_stripe, lipursari_stripe, django_capture_on_commit_callbacks
):
    fake_stripe.refund_status = "pending"
    booking, refund = cancelled_and_sent(client, fake_stripe, django_capture_on_commit_callbacks)
    stale = refund_event(fake_stripe, refund, "refund.created")
    fake_stripe.refund_update(refund.provider_ref, "succeeded")
    deliver(client, refund_event(fake_stripe, refund))
    deliver(client, stale)  # arrives last; Stripe's current word is "succeeded"
    refund.refresh_from_db()
    assert refund.status == Refund.Status.PAID
    assert refund_entries(refund).count() == 1


def test_the_fee_stripe_reports_for_a_refund_is_posted(
    client, fake_stripe, lipursari_stripe, django_capture_on_commit_callbacks
):
    fake_stripe.refund_fee = 150_000  # Rp 1.500
    booking, refund = cancelled_and_sent(client, fake_stripe, django_capture_on_commit_callbacks)
    deliver(client, refund_event(fake_stripe, refund))
    refund.refresh_from_db()
    assert refund.fee == 1_500
    assert lines_of(refund_entries(refund)) == [
        (chart.GATEWAY, "credit", 201_500),
        (chart.REFUNDS_PAYABLE, "debit", 200_000),
        (chart.PAYMENT_FEES, "debit", 1_500),
    ]
    assert zero_trial_balance(booking.enterprise)


def test_a_failed_refund_posts_nothing_and_can_be_sent_again(
    client, login, fake_stripe, lipursari_stripe, django_capture_on_commit_callbacks
):
    booking, refund = cancelled_and_sent(client, fake_stripe, django_capture_on_commit_callbacks)
    first = refund.provider_ref
    fake_stripe.refund_update(first, "failed", "expired_or_canceled_card")
    failed_event = refund_event(fake_stripe, refund)
    assert deliver(client, failed_event).status_code == 200

    refund.refresh_from_db()
    assert refund.status == Refund.Status.FAILED
    assert refund.failure_reason == "expired_or_canceled_card"
    assert not refund_entries(refund).exists()
    assert zero_trial_balance(booking.enterprise)

    # The treasurer sends it again from the booking's page: a new Stripe refund, a new key.
    login("lipursari-treasurer")
    page = client.get(reverse("bookings:inspect", args=[booking.pk])).content.decode()
    send_url = reverse("booking_refunds:send", args=[refund.pk])
    assert send_url in page and "expired_or_canceled_card" in page
    assert client.post(send_url).status_code == 302
    refund.refresh_from_db()
    assert refund.status == Refund.Status.SENT
    assert refund.provider_ref not in ("", first)
    keys = [request.idempotency_key for request in fake_stripe.posted("/v1/refunds")]
    assert keys[0] == f"refund-{refund.pk}"
    assert keys[1].startswith(f"refund-{refund.pk}-") and keys[1] != keys[0]

    # The old failure told again changes nothing; the charge's refunds now include the new one.
    deliver(
        client, event("evt_old_failure_again", "refund.updated", failed_event["data"]["object"])
    )
    refund.refresh_from_db()
    assert refund.status == Refund.Status.SENT
    deliver(client, charge_event(fake_stripe, refund.provider_ref))
    refund.refresh_from_db()
    assert refund.status == Refund.Status.PAID
    assert refund_entries(refund).count() == 1
    assert zero_trial_balance(booking.enterprise)


def test_a_refund_that_fails_after_succeeding_is_reversed_once(
    client, fake_stripe, lipursari_stripe, django_capture_on_commit_callbacks
):
    booking, refund = cancelled_and_sent(client, fake_stripe, django_capture_on_commit_callbacks)
    deliver(client, refund_event(fake_stripe, refund))
    refund.refresh_from_db()
    assert refund.status == Refund.Status.PAID
    [posted] = refund_entries(refund)

    fake_stripe.refund_update(refund.provider_ref, "failed", "lost_or_stolen_card")
    for suffix in ("", "", "-again"):
        deliver(client, refund_event(fake_stripe, refund, suffix=suffix))

    refund.refresh_from_db()
    booking.refresh_from_db()
    assert refund.status == Refund.Status.FAILED
    assert JournalEntry.objects.filter(reverses=posted).count() == 1
    assert booking.payment_status == PaymentStatus.PAID  # nothing refunded any more
    assert zero_trial_balance(booking.enterprise)
    # Still owed to the guest.
    sale = booking_sale(booking)
    owed = JournalLine.objects.filter(
        enterprise=booking.enterprise,
        booking_ref=sale.booking_ref,
        account__code=chart.REFUNDS_PAYABLE,
    ).values_list("side", "amount")
    assert sum(amount if side == "credit" else -amount for side, amount in owed) == 200_000


def test_when_stripe_cannot_be_reached_the_refund_waits(
    client, fake_stripe, lipursari_stripe, django_capture_on_commit_callbacks
):
    booking = paid_by_card(client, fake_stripe, 1)
    fake_stripe.down = True
    with django_capture_on_commit_callbacks(execute=True):
        booking_cancel(booking=booking, reason="Sakit")
    refund = booking.refunds.get()
    assert refund.status == Refund.Status.PENDING  # the task could not send it
    with pytest.raises(RefundNotSent):
        refund_send(refund=refund)
    refund.refresh_from_db()
    assert (refund.status, refund.provider_ref) == (Refund.Status.PENDING, "")

    fake_stripe.down = False
    assert refunds_send_pending() == 1
    refund.refresh_from_db()
    assert refund.status == Refund.Status.SENT
    # Every try used the same key, so a refund Stripe had made would have been found again.
    assert {r.idempotency_key for r in fake_stripe.posted("/v1/refunds")} == {f"refund-{refund.pk}"}


def test_a_refund_whose_answer_was_lost_is_recognised(client, fake_stripe, lipursari_stripe):
    booking = paid_by_card(client, fake_stripe, 1)
    booking_cancel(booking=booking, reason="Sakit")  # no commit: the task did not run
    refund = booking.refunds.get()
    # Stripe made the refund but our record of it never committed.
    made = stripe_refund_create(
        refund,
        payment_intent=booking.payments.get().provider_payment,
        idempotency_key=f"refund-{refund.pk}",
    )
    deliver(client, event("evt_lost", "refund.updated", made.to_dict()))
    refund.refresh_from_db()
    assert (refund.status, refund.provider_ref) == (Refund.Status.PAID, made.id)
    # Sending it now does nothing: it is paid.
    refund_send(refund=refund)
    assert len(fake_stripe.posted("/v1/refunds")) == 1


def test_refunds_that_are_not_ours_are_ignored(
    client, fake_stripe, lipursari_stripe, django_capture_on_commit_callbacks
):
    booking, refund = cancelled_and_sent(client, fake_stripe, django_capture_on_commit_callbacks)
    other_account = refund_event(fake_stripe, refund)
    other_account["account"] = "acct_other"
    other_account["id"] = "evt_other_account"
    deliver(client, other_account)
    stranger = dict(fake_stripe.refunds[refund.provider_ref], id="re_dashboard", metadata={})
    deliver(client, event("evt_dashboard", "refund.updated", stranger))
    refund.refresh_from_db()
    assert refund.status == Refund.Status.SENT
    assert not refund_entries(refund).exists()


def test_paid_after_the_places_were_gone_is_refunded_and_the_guest_told(
    client, fake_stripe, lipursari_stripe, monkeypatch, django_capture_on_commit_callbacks
):
    departure = DepartureFactory(capacity=2)
    late = hold(departure, 2)
    confirmed(departure, 2, now=late.hold_expires_at + dt.timedelta(minutes=1))
    later = late.hold_expires_at + dt.timedelta(minutes=2)
    monkeypatch.setattr("tours.payments.webhooks.timezone.now", lambda: later)

    with django_capture_on_commit_callbacks(execute=True):
        deliver(
            client, event("evt_late", "checkout.session.completed", session_for(fake_stripe, late))
        )

    refund = late.refunds.get()
    assert refund.status == Refund.Status.SENT
    [sent] = fake_stripe.posted("/v1/refunds")
    assert (sent.stripe_account, sent.idempotency_key, sent.form["amount"]) == (
        ACCOUNT,
        f"refund-{refund.pk}",
        "20000000",
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        deliver(client, charge_event(fake_stripe, refund.provider_ref))
    refund.refresh_from_db()
    late.refresh_from_db()
    assert refund.status == Refund.Status.PAID
    assert late.status == BookingStatus.EXPIRED
    assert departure.bookings.filter(status=BookingStatus.CONFIRMED).count() == 1
    assert zero_trial_balance(late.enterprise)
    [message] = mail.outbox
    with translation.override(late.language):
        told = _(
            "Hello %(name)s, your payment arrived after the places on this departure had been "
            "taken by other guests, so we could not confirm your booking. We are sorry: you get "
            "the full amount back."
        ) % {"name": late.customer_name}
    assert told in message.body
