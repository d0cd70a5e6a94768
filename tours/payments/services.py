"""Applying what a payment provider tells us, idempotently (invariants 1, 4, 5).

`checkout_completed_apply` is the whole effect of a paid Stripe Checkout Session, in ONE
transaction: take the places again if need be (`booking_confirm_paid`), record the payment and
post it to the books (`payment_record`). When the hold had run out and its places were sold
meanwhile, the booking is never oversold: it stays expired, the money received is still recorded
and posted (it *is* in the BUMDes's Stripe balance), moved at once from unearned revenue to
refunds payable, and a pending Stripe `Refund` for the full amount is created for the refund step
to send (and the guest to be told).
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bumdes import postings

from ..availability import seats_taken
from ..models import (
    Booking,
    BookingEvent,
    BookingStatus,
    DepartureStatus,
    Payment,
    PaymentMethod,
    Refund,
)
from ..services.books import booking_sale, payment_record
from ..services.departures import departure_lock

PLACED = (BookingStatus.CONFIRMED, BookingStatus.COMPLETED, BookingStatus.NO_SHOW)


def _event(booking: Booking, kind: str, now: dt.datetime, note: str = "") -> None:
    BookingEvent.objects.create(booking=booking, kind=kind, at=now, note=note[:300])


def _notify(booking: Booking, kind: str) -> None:
    from ..notifications import booking_email_send

    booking_pk = booking.pk
    transaction.on_commit(lambda: booking_email_send.enqueue(booking_pk, kind))


def booking_confirm_paid(booking: Booking, now: dt.datetime) -> bool:
    """A held (or expired) booking was paid online: confirm it, re-taking its places under the
    departure lock as `booking_confirm` does. Returns whether the booking holds its places now.

    Returns False, changing nothing, when the hold ran out and the places were taken meanwhile
    (or the departure was cancelled, or the booking was cancelled): the caller refunds.
    Must run inside a transaction (the lock lasts until it commits).
    """
    locked_departure = departure_lock(booking.departure_id)
    locked = Booking.objects.select_for_update().get(pk=booking.pk)
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
    locked.payment_method = PaymentMethod.STRIPE
    locked.confirmed_at = now
    locked.hold_expires_at = None
    locked.save(update_fields=["status", "payment_method", "confirmed_at", "hold_expires_at"])
    _event(locked, "confirmed", now, PaymentMethod.STRIPE.label)
    _notify(locked, "confirmation")
    return True


@transaction.atomic
def checkout_completed_apply(
    *, booking: Booking, session_id: str, amount: int, now: dt.datetime | None = None
) -> Payment:
    """A Checkout Session was paid: confirm the booking and record + post the payment, once."""
    now = now or timezone.now()
    departure_lock(booking.departure_id)
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    existing = Payment.objects.filter(method=PaymentMethod.STRIPE, provider_ref=session_id).first()
    if existing is not None:
        return existing
    placed = booking_confirm_paid(booking, now)
    booking.refresh_from_db()
    if placed:
        return payment_record(
            booking=booking, method=PaymentMethod.STRIPE, amount=amount, now=now,
            provider_ref=session_id, fee=0,
        )  # fmt: skip
    # No places for it. The money arrived all the same: record and post it, then owe it back.
    # `payment_record` accepts held bookings only among the unplaced ones, so an expired booking
    # is held again for the moment of recording; the row is locked and nobody sees it.
    was = booking.status
    if was == BookingStatus.EXPIRED:
        Booking.objects.filter(pk=booking.pk).update(
            status=BookingStatus.HELD, hold_expires_at=booking.hold_expires_at or now
        )
    payment = payment_record(
        booking=booking, method=PaymentMethod.STRIPE, amount=amount, now=now,
        provider_ref=session_id, fee=0,
    )  # fmt: skip
    if was in (BookingStatus.HELD, BookingStatus.EXPIRED):
        Booking.objects.filter(pk=booking.pk).update(status=BookingStatus.EXPIRED)
    booking.refresh_from_db()
    postings.post_cancellation(
        sale=booking_sale(booking),
        refund=amount,
        date=timezone.localdate(now),
        source_ref=f"payment-{payment.pk}-unplaced",
    )
    Refund.objects.create(
        booking=booking,
        method=PaymentMethod.STRIPE,
        amount=amount,
        reason=_("Paid after the places were gone"),
        created_at=now,
    )
    _event(booking, "refund_due", now, _("Paid after the places were gone: full refund due"))
    return payment


@transaction.atomic
def checkout_expired_apply(*, booking: Booking, now: dt.datetime | None = None) -> bool:
    """The Checkout Session expired unpaid: release the hold if it is still held."""
    now = now or timezone.now()
    locked = Booking.objects.select_for_update().get(pk=booking.pk)
    if locked.status != BookingStatus.HELD:
        return False
    locked.status = BookingStatus.EXPIRED
    locked.save(update_fields=["status"])
    _event(locked, "expired", now, _("Online payment not completed"))
    return True
