"""Suspicious public holds, and staff releasing them (see `tours.booking.guards`).

A hold is suspicious when it is a guest's own unpaid booking that still takes places and is
large (more than `BOOKING_LARGE_HOLD_SEATS` places), or when its e-mail or client address holds
more than one such booking. Releasing one frees its places at once through the cancelling
service (no refund: nothing was paid) and records who did it.
"""

import datetime as dt
from collections import Counter

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from tours.booking.cancelling import booking_cancel
from tours.booking.errors import NotAllowed
from tours.booking.locks import booking_lock
from tours.models import Booking, BookingStatus, Channel, PaymentStatus


def holds_unpaid(bookings, *, now: dt.datetime):
    """Guests' own unpaid bookings that take places on departures still to come."""
    return (
        bookings.filter(
            channel=Channel.DIRECT,
            partner__isnull=True,
            payment_status=PaymentStatus.UNPAID,
            departure__starts_at__gt=now,
            checked_in_at__isnull=True,
        )
        .taking_seats(now)
        .select_related("departure__tour", "enterprise")
        .order_by("departure__starts_at", "created_at")
    )


def holds_suspicious(bookings, *, now: dt.datetime) -> list[tuple[Booking, list[str]]]:
    """(booking, reasons) for each suspicious hold among `bookings` (already scoped)."""
    holds = list(holds_unpaid(bookings, now=now))
    emails = Counter(b.customer_email.lower() for b in holds if b.customer_email)
    addresses = Counter(b.client_address for b in holds if b.client_address)
    rows = []
    for booking in holds:
        reasons = []
        if booking.seats > settings.BOOKING_LARGE_HOLD_SEATS:
            reasons.append("large")
        if booking.customer_email and emails[booking.customer_email.lower()] > 1:
            reasons.append("email")
        if booking.client_address and addresses[booking.client_address] > 1:
            reasons.append("address")
        if reasons:
            rows.append((booking, reasons))
    return rows


def booking_release(*, booking: Booking, user, now: dt.datetime | None = None) -> Booking:
    """Staff free the places of an unpaid public hold. Paid, partners' and staff bookings are
    refused (`NotAllowed`); releasing twice changes nothing."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = booking_lock(booking.pk)
        if locked.status in (BookingStatus.EXPIRED, BookingStatus.CANCELLED):
            return locked
        public = locked.channel == Channel.DIRECT and locked.partner_id is None
        if not public or locked.payment_status != PaymentStatus.UNPAID or locked.checked_in_at:
            raise NotAllowed()
        return booking_cancel(
            booking=locked, reason="released by staff (suspicious hold)", refund_percent=0,
            user=user, now=now,
        )  # fmt: skip
