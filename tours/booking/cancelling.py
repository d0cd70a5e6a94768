"""Cancelling: a guest or staff cancel a booking, or the village cancels a whole departure.

The places are free again at once. What the guest gets back is decided in one place,
`tours.booking.cancellation` (the tour's policy, or the percentage staff give), and the money
moves in the books in the same transaction (`cancellation_post`).
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tours.booking.books import cancellation_post
from tours.booking.cancellation import refund_percent_for
from tours.booking.errors import BookingInvalid, NotAllowed
from tours.booking.history import booking_event_record
from tours.booking.locks import booking_lock, departure_lock
from tours.booking.notify import notify_after_commit
from tours.models import Booking, BookingStatus, Departure, DepartureStatus, PaymentMethod


@transaction.atomic
def booking_cancel(
    *,
    booking: Booking,
    reason: str = "",
    refund_percent: int | None = None,
    user=None,
    now: dt.datetime | None = None,
) -> Booking:
    """Cancel a confirmed booking, or one held while the guest transfers the money (who was
    told to pay, so is told it is off); drop any other held one. The places are free again at
    once.

    The refund follows the tour's policy unless staff give another percentage (e.g. 100 when
    the village cancels).
    """
    now = now or timezone.now()
    booking = booking_lock(booking.pk)
    if booking.status == BookingStatus.CANCELLED:
        return booking
    awaiting_transfer = (
        booking.status == BookingStatus.HELD
        and booking.payment_method == PaymentMethod.BANK_TRANSFER
    )
    if booking.status == BookingStatus.HELD and not awaiting_transfer:
        booking.status = BookingStatus.EXPIRED
        booking.save(update_fields=["status"])
        booking_event_record(booking, "released", now, reason, user)
        return booking
    if booking.status not in (BookingStatus.CONFIRMED, BookingStatus.HELD):
        raise NotAllowed()
    if booking.departure.starts_at <= now and refund_percent is None:
        raise NotAllowed(_("The experience has started; please contact the village."))
    if booking.checked_in_at:
        raise NotAllowed(_("The guests have already checked in."))
    percent = refund_percent if refund_percent is not None else refund_percent_for(booking, now=now)
    booking.status = BookingStatus.CANCELLED
    booking.cancelled_at = now
    booking.refund_percent = max(0, min(100, percent))
    booking.hold_expires_at = None
    booking.save()
    booking_event_record(
        booking, "cancelled", now, reason or f"refund {booking.refund_percent}%", user
    )
    notify_after_commit(booking, "cancellation")
    # What was paid becomes a refund payable and a retained fee, in the same transaction.
    cancellation_post(booking=booking, now=now)
    return booking


@transaction.atomic
def departure_cancel(*, departure: Departure, reason: str, user=None, now=None) -> list[Booking]:
    """The village cancels a departure: every guest is told and gets a full refund."""
    now = now or timezone.now()
    locked = departure_lock(departure.pk)
    if not reason.strip():
        raise BookingInvalid({"reason": _("Please say why, for the guests.")})
    locked.status = DepartureStatus.CANCELLED
    locked.note = reason[:200]
    locked.save(update_fields=["status", "note", "updated_at"])
    cancelled = []
    for booking in locked.bookings.filter(status__in=(BookingStatus.HELD, BookingStatus.CONFIRMED)):
        cancelled.append(
            booking_cancel(booking=booking, reason=reason, refund_percent=100, user=user, now=now)
        )
    return cancelled
