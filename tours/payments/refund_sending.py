"""Sending card refunds through Stripe's Refunds API, on the BUMDes's connected account.

A card refund is sent once the transaction that decided it has committed, and again by the
periodic job while Stripe could not be reached. Sending marks it `sent` (or `failed`, with
Stripe's reason); nothing is posted until Stripe reports the refund
(`tours.payments.refund_reports`). No row is locked while Stripe answers: one idempotency key per
try makes two senders of one refund get Stripe's one answer.
"""

import datetime as dt
import logging

import stripe
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks import task

from tours.booking.errors import BookingError, NotAllowed
from tours.booking.history import booking_event_record
from tours.booking.locks import refund_lock
from tours.models import Payment, PaymentMethod, Refund
from tours.payments.stripe_api import (
    refund_idempotency_key,
    stripe_client,
    stripe_configured,
    stripe_refund_create,
)

log = logging.getLogger(__name__)

# Stripe's answers that will not change if the same request is sent again.
REFUSED = (
    stripe.InvalidRequestError,
    stripe.CardError,
    stripe.PermissionError,
    stripe.IdempotencyError,
)
SENDABLE = (Refund.Status.PENDING, Refund.Status.FAILED)


class RefundNotSent(BookingError):
    """Stripe could not be asked (not set up, or not reachable): the refund waits, unchanged."""

    code = "refund_not_sent"
    message = gettext_lazy(
        "Stripe could not be reached. The refund waits; send it again in a few minutes."
    )


def card_refund_send_later(refund: Refund) -> None:
    """Send a card refund once the transaction that decided it has committed (the Stripe
    provider's `refund_later`)."""
    refund_pk = refund.pk
    transaction.on_commit(lambda: refund_send_task.enqueue(refund_pk))


@task()
def refund_send_task(refund_id: int) -> str:
    refund = Refund.objects.filter(pk=refund_id).first()
    if refund is None:
        return "gone"
    try:
        return refund_send(refund=refund).status
    except BookingError as error:
        # Not sent (Stripe unreachable or not set up): it waits for the next try, shown to the
        # treasurer with a "Send" button.
        log.warning("refund %s not sent: %s", refund_id, error.__cause__ or error)
        return refund.status


def refunds_send_pending(*, now: dt.datetime | None = None) -> int:
    """Send every card refund still waiting (Stripe was unreachable when it was decided).
    Periodic; returns how many went out."""
    sent = 0
    for refund in Refund.objects.filter(method=PaymentMethod.STRIPE, status=Refund.Status.PENDING):
        try:
            if refund_send(refund=refund, now=now).status == Refund.Status.SENT:
                sent += 1
        except BookingError as error:
            log.warning("refund %s not sent: %s", refund.pk, error.__cause__ or error)
    return sent


def _payment_intent_for(refund: Refund) -> str:
    """The PaymentIntent to refund: the latest card payment that covers the amount (the
    payments of a booking with a deposit are two PaymentIntents)."""
    payments = list(
        refund.booking.payments.filter(
            method=PaymentMethod.STRIPE, status=Payment.Status.SUCCEEDED
        ).order_by("-received_at", "-pk")
    )
    if not payments:
        raise NotAllowed(_("This booking has no card payment to refund."))
    payment = next((p for p in payments if p.amount >= refund.amount), payments[0])
    if payment.provider_payment:
        return payment.provider_payment
    if not payment.provider_ref:
        raise NotAllowed(_("Stripe does not know the card payment of this booking."))
    # Recorded before the PaymentIntent was kept: its Checkout Session knows it.
    session = stripe_client().v1.checkout.sessions.retrieve(
        payment.provider_ref,
        options={"stripe_account": refund.booking.enterprise.stripe_account_id},
    )
    intent = getattr(session, "payment_intent", None) or ""
    intent = intent if isinstance(intent, str) else intent.id
    if not intent:
        raise NotAllowed(_("Stripe does not know the card payment of this booking."))
    Payment.objects.filter(pk=payment.pk).update(provider_payment=intent)
    return intent


def refund_send(*, refund: Refund, now: dt.datetime | None = None) -> Refund:
    """Ask Stripe to refund the card (`POST /v1/refunds` on the BUMDes's connected account,
    idempotency key `refund-<id>`), and mark the refund `sent`. Nothing is posted yet: the books
    follow when Stripe reports the refund. A refund Stripe refuses is `failed`, with Stripe's
    reason; one Stripe could not be asked about stays `pending` (RefundNotSent). Sent or paid
    refunds are left alone, so calling twice sends once.

    No row is locked while Stripe answers (that would hold the departure's bookings up for as
    long as Stripe takes): the idempotency key makes two senders of one refund get Stripe's one
    answer, and the answer is recorded under the locks, unless another sender or the webhook
    recorded it first."""
    now = now or timezone.now()
    refund = Refund.objects.select_related("booking__enterprise").get(pk=refund.pk)
    if refund.method != PaymentMethod.STRIPE:
        raise NotAllowed(_("Cash and bank refunds are paid by hand, then recorded as paid."))
    if refund.status not in SENDABLE:
        return refund
    if not stripe_configured() or not refund.booking.enterprise.stripe_account_id:
        raise RefundNotSent(_("Stripe is not set up for this BUMDes; the refund waits."))
    key = refund_idempotency_key(refund)
    try:
        sent = stripe_refund_create(
            refund, payment_intent=_payment_intent_for(refund), idempotency_key=key
        )
    except REFUSED as error:
        reason = (getattr(error, "user_message", None) or str(error))[:255]
        return _refund_answer_record(refund, key=key, now=now, failure=reason)
    except stripe.StripeError as error:
        raise RefundNotSent() from error
    return _refund_answer_record(refund, key=key, now=now, stripe_id=sent.id)


@transaction.atomic
def _refund_answer_record(
    refund: Refund, *, key: str, now: dt.datetime, stripe_id: str = "", failure: str = ""
) -> Refund:
    """Record Stripe's answer to the send made with `key`, unless the refund moved on meanwhile
    (another sender recorded it, or Stripe's webhook reported it)."""
    refund = refund_lock(refund.pk)
    if refund.status not in SENDABLE or refund_idempotency_key(refund) != key:
        return refund
    booking = refund.booking
    refund.sent_at = now
    if failure:
        refund.status = Refund.Status.FAILED
        refund.failure_reason = failure
        refund.save(update_fields=["status", "failure_reason", "sent_at"])
        booking_event_record(booking, "refund_failed", now, f"#{refund.pk}: {failure}")
        return refund
    refund.provider_ref = stripe_id
    refund.status = Refund.Status.SENT
    refund.failure_reason = ""
    refund.save(update_fields=["provider_ref", "status", "sent_at", "failure_reason"])
    booking_event_record(booking, "refund_sent", now, f"#{refund.pk}: Stripe {stripe_id}")
    return refund
