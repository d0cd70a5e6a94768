"""Large unpaid public bookings wait for the guest's e-mail (see `tours.booking.guards`).

Until the guest opens the link we send, such a booking keeps its places only a short while
(`booking_await_email`). Opening the link (`booking_email_confirmed`) records the confirmation;
the caller then takes the chosen way to pay as for any other booking.
"""

import datetime as dt

from django.db import transaction

from tours.booking.guards import email_confirm_read, unconfirmed_hold_until
from tours.booking.history import booking_event_record
from tours.booking.locks import booking_lock
from tours.booking.notify import notify_after_commit
from tours.models import Booking, BookingStatus, PaymentMethod

AWAITING_EMAIL = "awaiting_email"


def booking_await_email(locked: Booking, *, payment_method: str, user, now: dt.datetime) -> Booking:
    """Keep a locked booking held briefly for `payment_method` and e-mail the confirmation
    link; asking again while it waits changes nothing (and sends nothing)."""
    waiting = (
        locked.status == BookingStatus.HELD
        and locked.payment_method == payment_method
        and locked.hold_expires_at > now
        and locked.events.filter(kind=AWAITING_EMAIL).exists()
    )
    if waiting:
        return locked
    locked.status = BookingStatus.HELD
    locked.payment_method = payment_method
    locked.hold_expires_at = unconfirmed_hold_until(now)
    locked.save(update_fields=["status", "payment_method", "hold_expires_at"])
    booking_event_record(
        locked, AWAITING_EMAIL, now, PaymentMethod(payment_method).label,
        user if getattr(user, "is_authenticated", False) else None,
    )  # fmt: skip
    notify_after_commit(locked, "email_confirm")
    return locked


def is_awaiting_email(booking: Booking) -> bool:
    """Held briefly until the guest confirms the e-mail."""
    return (
        booking.status == BookingStatus.HELD
        and booking.email_confirmed_at is None
        and booking.events.filter(kind=AWAITING_EMAIL).exists()
    )


@transaction.atomic
def booking_email_confirmed(*, signature: str, now: dt.datetime) -> Booking | None:
    """Record that the guest opened the link; the booking, or None for a link that is not
    genuine, too old, or for an e-mail the booking no longer has. Twice changes nothing."""
    read = email_confirm_read(signature)
    if read is None or not Booking.objects.filter(pk=read[0]).exists():
        return None
    booking = booking_lock(read[0])
    if booking.customer_email.lower() != read[1]:
        return None
    if booking.email_confirmed_at is None:
        booking.email_confirmed_at = now
        booking.save(update_fields=["email_confirmed_at"])
        booking_event_record(booking, "email_confirmed", now)
    return booking
