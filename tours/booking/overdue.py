"""When a group's balance is not paid by its due date: the tour's policy decides.

`balances_overdue_handle` (periodic) applies it to every booking whose balance was due and is not
settled: *cancel, deposit kept* (the booking is cancelled with a 0% refund, so everything paid
becomes the retained cancellation fee) or *keep, collect on arrival* (check-in then takes the
balance in cash). Guests already there, a departure under way, or a deposit that came in only
after the due date (a slow transfer) are never sent away: they pay at the door.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.formats import local_date, local_time
from tours.booking.balances import booking_paid_amount
from tours.booking.cancelling import booking_cancel
from tours.booking.deposits import (
    EVENT_CANCELLED,
    EVENT_ON_ARRIVAL,
    PAID_IN_ONE_GO,
    has_balance_schedule,
)
from tours.booking.locks import booking_lock
from tours.booking.notify import notify_after_commit as _notify
from tours.models import Booking, BookingEvent, BookingStatus, PaymentStatus, UnpaidBalance


def _overdue(booking: Booking, now: dt.datetime) -> bool:
    return (
        booking.status == BookingStatus.CONFIRMED
        and has_balance_schedule(booking)
        and booking.balance_due_at <= now
        and not booking.balance_on_arrival
    )


def balances_overdue(now: dt.datetime):
    """Confirmed group bookings whose balance was due by `now` and is not settled yet."""
    return (
        Booking.objects.filter(
            status=BookingStatus.CONFIRMED,
            deposit_amount__gt=0,
            balance_due_at__lte=now,
            balance_on_arrival=False,
        )
        .exclude(payment_method__in=PAID_IN_ONE_GO)
        .exclude(payment_status=PaymentStatus.PAID)
    )


def balance_overdue_handle(*, booking: Booking, now: dt.datetime | None = None) -> str:
    """Apply the tour's policy to one booking whose balance was not paid in time. Returns
    "cancelled", "on_arrival", or "" when there was nothing to do (paid meanwhile, already
    handled): calling it again does nothing."""
    now = now or timezone.now()
    with transaction.atomic():
        booking = booking_lock(booking.pk)
        if not _overdue(booking, now) or booking_paid_amount(booking) >= booking.total:
            return ""
        departure = booking.departure
        zone = booking.zone
        due = (
            f"{local_date(booking.balance_due_at, zone=zone)}, "
            f"{local_time(booking.balance_due_at, zone=zone)}"
        )
        # Guests already there (or a departure under way) are never sent away, nor a group
        # whose deposit came in only after the due date (a slow transfer): they pay the
        # balance at the door whatever the policy.
        cancels = (
            departure.tour.unpaid_balance == UnpaidBalance.CANCEL
            and departure.starts_at > now
            and not booking.checked_in_at
            and booking.confirmed_at is not None
            and booking.confirmed_at < booking.balance_due_at
        )
        if cancels:
            reason = _("The balance was not paid by %(date)s; the deposit is kept.") % {"date": due}
            BookingEvent.objects.create(booking=booking, kind=EVENT_CANCELLED, at=now, note=reason)
            # The refund is 0%: everything paid (the deposit) becomes a retained fee.
            booking_cancel(booking=booking, reason=reason, refund_percent=0, now=now)
            _notify(booking, "balance_due")
            return "cancelled"
        booking.balance_on_arrival = True
        booking.save(update_fields=["balance_on_arrival"])
        BookingEvent.objects.create(
            booking=booking,
            kind=EVENT_ON_ARRIVAL,
            at=now,
            note=_("Balance not paid by %(date)s: collect it in cash at check-in.") % {"date": due},
        )
        _notify(booking, "balance_due")
        return "on_arrival"


def balances_overdue_handle(*, now: dt.datetime | None = None) -> int:
    """Every overdue balance, per its tour's policy (periodic). Returns how many were handled."""
    now = now or timezone.now()
    handled = 0
    for booking in balances_overdue(now).only("pk"):
        if balance_overdue_handle(booking=booking, now=now):
            handled += 1
    return handled
