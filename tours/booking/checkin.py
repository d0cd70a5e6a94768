"""On the day: staff find a booking by its reference (typed, or scanned from the ticket's QR
code), check its guests in, and take at the door what is still owed in cash; guests who never
came are marked as not arrived once the departure has started.
"""

import datetime as dt
import re

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.localtime import business_date
from tours.booking.balances import booking_paid_amount
from tours.booking.books import payment_record
from tours.booking.errors import AlreadyCheckedIn, NotAllowed
from tours.booking.history import booking_event_record
from tours.booking.locks import booking_lock
from tours.models import Booking, BookingStatus, PaymentMethod

# A whole word: in "https://wisata-bumdes.example/..." the "ATA-BUMDE" inside is no reference.
REFERENCE_IN_TEXT = re.compile(r"(?<![A-Z0-9])([A-Z]{3}-[2-9A-HJ-NP-Z]{5})(?![A-Z0-9])")
# Typed by hand: "lpsf8uvz", "LPS F8UVZ", "lps – f8uvz". Only when the code is all that was typed,
# so that a run of eight letters inside a scanned link is never taken for one.
TYPED_REFERENCE = re.compile(r"([A-Z]{3})[\s\-‐‑–—_.]*([2-9A-HJ-NP-Z]{5})")


def reference_from_scan(text: str) -> str:
    """The booking reference in a typed code or a scanned ticket URL; empty if none.

    Any case; a typed code may have spaces or another dash instead of its dash, or none."""
    text = (text or "").strip().upper()
    match = REFERENCE_IN_TEXT.search(text)
    if match:
        return match.group(1)
    typed = TYPED_REFERENCE.fullmatch(text)
    return f"{typed.group(1)}-{typed.group(2)}" if typed else ""


def check_in_day_is_today(booking: Booking, *, now: dt.datetime) -> bool:
    """Guests are checked in on the day of their departure, the village's day."""
    departure = booking.departure
    zone = departure.zone
    return business_date(departure.starts_at, zone) == business_date(now, zone)


@transaction.atomic
def booking_check_in(*, booking: Booking, user=None, now=None) -> Booking:
    """Check the guests of a confirmed booking in. Twice is refused with the first time."""
    now = now or timezone.now()
    booking = booking_lock(booking.pk)
    if booking.checked_in_at:
        raise AlreadyCheckedIn(booking.checked_in_at, booking.departure.zone)
    if booking.status != BookingStatus.CONFIRMED:
        raise NotAllowed(
            _("This booking is %(status)s and cannot be checked in.")
            % {"status": booking.get_status_display().lower()}
        )
    if not check_in_day_is_today(booking, now=now):
        raise NotAllowed(_("This ticket is for another day."))
    booking.checked_in_at = now
    booking.checked_in_by = user if user and user.is_authenticated else None
    booking.save(update_fields=["checked_in_at", "checked_in_by"])
    booking_event_record(booking, "checked_in", now, "", user)
    # A group's balance not paid by its due date is taken in cash at the door, as is the total
    # of a booking paid on arrival (`tours.booking.deposits`).
    balance_overdue = booking.balance_on_arrival or (
        booking.deposit_amount > 0
        and booking.balance_due_at is not None
        and booking.balance_due_at <= now
    )
    if booking.payment_method == PaymentMethod.CASH or balance_overdue:
        # Cash on arrival: the operator takes it at check-in, and it goes into the books now.
        outstanding = booking.total - booking_paid_amount(booking)
        if outstanding > 0:
            payment_record(
                booking=booking, method=PaymentMethod.CASH, amount=outstanding, now=now, user=user
            )
            booking.refresh_from_db()
    return booking


@transaction.atomic
def booking_mark_no_show(*, booking: Booking, user=None, now=None) -> Booking:
    """Mark a confirmed booking whose guests never came, once the departure has started."""
    now = now or timezone.now()
    booking = booking_lock(booking.pk)
    if booking.status == BookingStatus.NO_SHOW:
        return booking
    if booking.status != BookingStatus.CONFIRMED or booking.checked_in_at:
        raise NotAllowed()
    if booking.departure.starts_at > now:
        raise NotAllowed(_("A guest can be marked as not arrived only once the departure started."))
    booking.status = BookingStatus.NO_SHOW
    booking.save(update_fields=["status"])
    booking_event_record(booking, "no_show", now, "", user)
    return booking
