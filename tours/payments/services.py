"""Applying what a payment provider tells us, idempotently (invariants 1, 4, 5).

`checkout_completed_apply` is the whole effect of a paid Stripe Checkout Session, in ONE
transaction: take the places again if need be (`booking_confirm_paid`), record the payment and
post it to the books (`payment_record`). When the hold had run out and its places were sold
meanwhile, the booking is never oversold: it stays expired, the money received is still recorded
and posted (it *is* in the BUMDes's Stripe balance), moved at once from unearned revenue to
refunds payable, and a pending Stripe `Refund` for the full amount is created and sent through
Stripe once the transaction commits (`tours.payments.refund_sending`); the guest is told when Stripe
reports it paid. Money for a booking that owes nothing (cancelled meanwhile, or paid twice from
two open Checkout tabs) goes the same way: recorded, posted, and owed back — never an error that
would make Stripe retry forever.

The payment is recorded with its PaymentIntent (refunds are made against it) and the fee Stripe
took, read from the charge's balance transaction on the BUMDes's connected account. If Stripe
cannot be reached the whole event fails (the webhook answers 500 and Stripe retries): nothing is
half applied.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bumdes import chart, postings
from tours.booking.balances import booking_paid_amount
from tours.booking.books import booking_sale, payment_record, posting_date
from tours.booking.history import booking_event_record
from tours.booking.locks import booking_lock
from tours.booking.notify import notify_after_commit as _notify
from tours.booking.providers import refund_send_later
from tours.models import (
    Booking,
    BookingStatus,
    DepartureStatus,
    Payment,
    PaymentMethod,
    Refund,
)
from tours.models.availability import seats_taken
from tours.payments.amounts import stripe_to_idr_rounded
from tours.payments.stripe_api import stripe_client

PLACED = (BookingStatus.CONFIRMED, BookingStatus.COMPLETED, BookingStatus.NO_SHOW)


class StripeNotSettled(Exception):
    """Stripe does not show the payment's charge and balance transaction (yet): the event is
    not applied, so that Stripe delivers it again."""


def _field(obj, name: str):
    return getattr(obj, name, None) if obj is not None else None


def stripe_payment_fetch(
    enterprise, *, session_id: str, payment_intent: str = ""
) -> tuple[str, int]:
    """The PaymentIntent of a paid Checkout Session and the fee Stripe took for it, in whole
    rupiah, from the BUMDes's connected account: session.payment_intent → PaymentIntent
    .latest_charge → Charge.balance_transaction.fee (the Stripe fee and any platform fee).

    Raises `stripe.StripeError` when Stripe cannot be reached, `StripeNotSettled` when the
    charge has no balance transaction.
    """
    client = stripe_client()
    options = {"stripe_account": enterprise.stripe_account_id}
    if payment_intent:
        intent = client.v1.payment_intents.retrieve(
            payment_intent, {"expand": ["latest_charge.balance_transaction"]}, options
        )
    else:
        session = client.v1.checkout.sessions.retrieve(
            session_id, {"expand": ["payment_intent.latest_charge.balance_transaction"]}, options
        )
        intent = _field(session, "payment_intent")
    transaction_ = _field(_field(intent, "latest_charge"), "balance_transaction")
    if isinstance(intent, str) or transaction_ is None or isinstance(transaction_, str):
        raise StripeNotSettled(f"{session_id}: no charge with a balance transaction yet")
    return intent.id, stripe_to_idr_rounded(int(transaction_.fee or 0))


def booking_confirm_paid(
    booking: Booking, now: dt.datetime, method: str = PaymentMethod.STRIPE
) -> bool:
    """A held (or expired) booking was paid online: confirm it, re-taking its places under the
    departure lock as `booking_confirm` does. Returns whether the booking holds its places now.

    Returns False, changing nothing, when the hold ran out and the places were taken meanwhile
    (or the departure was cancelled, or the booking was cancelled): the caller refunds.
    Must run inside a transaction (the lock lasts until it commits).
    """
    locked = booking_lock(booking.pk)
    locked_departure = locked.departure
    if locked.status in PLACED:
        return True
    if locked.status not in (BookingStatus.HELD, BookingStatus.EXPIRED):
        return False
    if locked_departure.status == DepartureStatus.CANCELLED:
        return False
    hold_ran_out = locked.status == BookingStatus.EXPIRED or locked.hold_expires_at <= now
    if hold_ran_out:
        # The count leaves this booking out (its hold ran out), so it must fit in what is left.
        left = locked_departure.capacity - seats_taken(locked_departure, now=now)
        if locked.seats > left:
            return False
    locked.status = BookingStatus.CONFIRMED
    locked.payment_method = method
    locked.confirmed_at = now
    locked.hold_expires_at = None
    locked.save(update_fields=["status", "payment_method", "confirmed_at", "hold_expires_at"])
    booking_event_record(locked, "confirmed", now, PaymentMethod(method).label)
    _notify(locked, "confirmation")
    return True


@transaction.atomic
def checkout_completed_apply(
    *,
    booking: Booking,
    session_id: str,
    amount: int,
    now: dt.datetime | None = None,
    payment_intent: str = "",
) -> Payment:
    """A Checkout Session was paid: confirm the booking and record + post the payment and its
    Stripe fee, once."""
    existing = Payment.objects.filter(method=PaymentMethod.STRIPE, provider_ref=session_id).first()
    if existing is not None:
        return existing
    # Ask Stripe before taking any lock: the departure is not held while Stripe answers.
    intent_id, fee = stripe_payment_fetch(
        booking.enterprise, session_id=session_id, payment_intent=payment_intent
    )
    return payment_received_apply(
        booking=booking, method=PaymentMethod.STRIPE, amount=amount, provider_ref=session_id,
        provider_payment=intent_id, fee=fee, now=now,
    )  # fmt: skip


@transaction.atomic
def payment_received_apply(
    *,
    booking: Booking,
    method: str,
    amount: int,
    provider_ref: str = "",
    provider_payment: str = "",
    fee: int = 0,
    user=None,
    now: dt.datetime | None = None,
) -> Payment:
    """Money for a held, expired or confirmed booking arrived (a paid Checkout Session, a bank
    transfer the treasurer confirms): confirm the booking if need be, record and post it, once
    per provider reference. When its places are gone, the money is owed back (see above):
    Stripe refunds are sent at once, bank transfers are paid back by hand."""
    now = now or timezone.now()
    booking = booking_lock(booking.pk)
    if provider_ref:
        existing = Payment.objects.filter(method=method, provider_ref=provider_ref).first()
        if existing is not None:
            return existing
    placed = booking_confirm_paid(booking, now, method)
    booking.refresh_from_db()
    owed = booking.total - booking_paid_amount(booking)
    if placed and amount <= owed:
        payment = payment_record(
            booking=booking, method=method, amount=amount, now=now, provider_ref=provider_ref,
            fee=fee, user=user,
        )  # fmt: skip
        return _with_intent(payment, provider_payment)
    # No places for it (or nothing owed: a booking cancelled or paid twice). The money arrived
    # all the same: record and post it, then owe it back.
    payment = payment_record(
        booking=booking, method=method, amount=amount, now=now, provider_ref=provider_ref,
        fee=fee, user=user, owed_back=True,
    )  # fmt: skip
    payment = _with_intent(payment, provider_payment)
    if not placed and booking.status == BookingStatus.HELD:
        # Its hold ran out (the places were sold meanwhile): it is over, say so.
        Booking.objects.filter(pk=booking.pk).update(status=BookingStatus.EXPIRED)
    booking.refresh_from_db()
    postings.post_refund_owed(
        sale=booking_sale(booking),
        amount=amount,
        from_account=chart.UNEARNED,
        date=posting_date(booking, now),
        source_ref=f"payment-{payment.pk}-unplaced",
    )
    reason = _("Paid more than was owed") if placed else _("Paid after the places were gone")
    refund = Refund.objects.create(
        booking=booking, method=method, amount=amount, reason=reason, created_at=now
    )
    booking_event_record(
        booking, "refund_due", now, _("%(reason)s: full refund due") % {"reason": reason}
    )
    refund_send_later(refund)
    return payment


def _with_intent(payment: Payment, intent_id: str) -> Payment:
    if intent_id and payment.provider_payment != intent_id:
        Payment.objects.filter(pk=payment.pk).update(provider_payment=intent_id)
        payment.provider_payment = intent_id
    return payment


@transaction.atomic
def checkout_expired_apply(*, booking: Booking, now: dt.datetime | None = None) -> bool:
    """The Checkout Session expired unpaid: release the hold if it is still held."""
    now = now or timezone.now()
    locked = booking_lock(booking.pk)
    if locked.status != BookingStatus.HELD:
        return False
    locked.status = BookingStatus.EXPIRED
    locked.save(update_fields=["status"])
    booking_event_record(locked, "expired", now, _("Online payment not completed"))
    return True
