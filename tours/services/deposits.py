"""Deposits for groups: a tour may ask bookings of N people or more to pay a percentage now and
the balance a set number of days before the departure.

`Booking.deposit_amount` and `Booking.balance_due_at` are fixed when the booking is made, like the
prices (0 and None: the whole total is due at once). `amount_due_now` is what the guest is asked
to pay next, by whichever method. The balance is due at the end of its day on the village's
clock; a deposit is offered only when that leaves the guest time to pay it.

Guests who pay on arrival (cash) or whose partner pays on account pay everything in one go, so
they have no balance schedule even when the tour asks groups for a deposit.

When the due date passes with money still owed, `balances_overdue_handle` applies the tour's
policy: cancel the booking keeping the deposit as a cancellation fee, or keep it and collect the
balance in cash at check-in (`balance_on_arrival`).
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.formats import local_date, local_time
from core.localtime import business_date, local_datetime
from core.money import percent_of

from ..models import (
    Booking,
    BookingEvent,
    BookingStatus,
    PaymentMethod,
    PaymentStatus,
    UnpaidBalance,
)
from .locks import booking_lock
from .notify import notify_after_commit as _notify

# The balance is due at the end of its local day: "pay by Saturday" means all of Saturday.
BALANCE_DUE_TIME = dt.time(23, 59)
# A deposit only when the guest has this long between booking and the balance's due date
# (to gather the money, e.g. from a class's parents); nearer the day, the group pays in full.
MIN_TIME_TO_PAY_BALANCE = dt.timedelta(days=2)
# The reminder goes out on the morning of the day this long before the due date.
REMINDER_DAYS_BEFORE = 3
REMINDER_TIME = dt.time(8, 0)
# Paid in one go, whatever the tour asks of groups.
PAID_IN_ONE_GO = (PaymentMethod.CASH, PaymentMethod.PARTNER_ACCOUNT)

EVENT_CANCELLED = "balance_overdue"
EVENT_ON_ARRIVAL = "balance_on_arrival"


def balance_due_at_for(*, tour, departure_starts_at: dt.datetime) -> dt.datetime:
    """The end of the village's day `tour.balance_due_days` before the departure's date."""
    zone = tour.zone
    day = business_date(departure_starts_at, zone)
    due_day = day - dt.timedelta(days=tour.balance_due_days)
    return local_datetime(due_day, BALANCE_DUE_TIME, zone)


def deposit_terms(
    *,
    tour,
    seats: int,
    total: int,
    departure_starts_at: dt.datetime,
    now: dt.datetime,
    payment_method: str = "",
) -> tuple[int, dt.datetime | None]:
    """(deposit, balance due at) for a new booking, or (0, None): pay the whole total now."""
    if tour.deposit_percent <= 0 or seats < tour.deposit_min_people:
        return 0, None
    if payment_method in PAID_IN_ONE_GO:
        return 0, None
    due_at = balance_due_at_for(tour=tour, departure_starts_at=departure_starts_at)
    if due_at - now < MIN_TIME_TO_PAY_BALANCE:
        return 0, None
    deposit = percent_of(total, tour.deposit_percent)
    if deposit <= 0 or deposit >= total:
        return 0, None
    return deposit, due_at


def has_balance_schedule(booking: Booking) -> bool:
    """Does this booking pay a deposit first and the balance by a due date?"""
    return bool(
        booking.deposit_amount
        and booking.balance_due_at
        and booking.payment_method not in PAID_IN_ONE_GO
    )


def amount_due_now(booking: Booking) -> int:
    """What the guest pays next: the deposit while nothing is paid, else what is still owed."""
    from .balances import booking_paid_amount

    paid = booking_paid_amount(booking)
    outstanding = max(booking.total - paid, 0)
    if booking.deposit_amount and paid == 0:
        return min(booking.deposit_amount, outstanding)
    return outstanding


def deposit_percent_shown(booking: Booking) -> int | None:
    """The tour's percentage when it still gives this booking's deposit (pages can change)."""
    percent = booking.departure.tour.deposit_percent
    if percent and percent_of(booking.total, percent) == booking.deposit_amount:
        return percent
    return None


def balance_reminder_at(booking: Booking) -> dt.datetime:
    zone = booking.zone
    due_day = business_date(booking.balance_due_at, zone)
    day = due_day - dt.timedelta(days=REMINDER_DAYS_BEFORE)
    return local_datetime(day, REMINDER_TIME, zone)


def card_payment_possible(booking: Booking, *, now: dt.datetime) -> bool:
    """May the guest pay what is owed by card now? Only when the BUMDes takes cards, before
    the departure, and, when an unpaid balance cancels the booking, while a Checkout Session
    opened now would close before the due date (a payment must never land on a booking that
    was cancelled meanwhile)."""
    from ..payments.registry import providers_available
    from ..payments.stripe_provider import BALANCE_CHECKOUT_LONGEST

    if PaymentMethod.STRIPE not in providers_available(booking.enterprise):
        return False
    if booking.departure.starts_at <= now or booking.checked_in_at:
        return False
    cancels = booking.departure.tour.unpaid_balance == UnpaidBalance.CANCEL
    if cancels and not booking.balance_on_arrival:
        return now + BALANCE_CHECKOUT_LONGEST < booking.balance_due_at
    return True


def bank_transfer_possible(booking: Booking, *, now: dt.datetime) -> bool:
    from ..payments.registry import providers_available

    if booking.departure.starts_at <= now:
        return False
    return PaymentMethod.BANK_TRANSFER in providers_available(booking.enterprise)


@dataclass(frozen=True)
class BalanceSummary:
    """What the guest and staff see of a group booking's deposit and balance."""

    deposit: int
    percent: int | None
    paid: int
    owed: int
    due_now: int  # what the guest is asked to pay next (`amount_due_now`)
    due_at: dt.datetime
    cancels_if_unpaid: bool  # the tour's policy when the balance is not paid in time
    # "due": the balance is still to pay by `due_at`; "on_arrival": it is collected in cash at
    # check-in; "paid": nothing is owed; "cancelled": cancelled for an unpaid balance.
    state: str
    overdue: bool
    card: bool
    bank: bool

    @property
    def deposit_paid(self) -> bool:
        return self.paid >= self.deposit


def balance_summary(booking: Booking, *, now: dt.datetime | None = None) -> BalanceSummary | None:
    """The deposit and balance of a confirmed group booking (or one cancelled because its
    balance was not paid); None for any other booking."""
    from .balances import booking_paid_amount

    if not has_balance_schedule(booking):
        return None
    if booking.status == BookingStatus.CONFIRMED:
        state = None
    elif booking.status == BookingStatus.CANCELLED and (
        booking.events.filter(kind=EVENT_CANCELLED).exists()
    ):
        state = "cancelled"
    else:
        return None
    now = now or timezone.now()
    paid = booking_paid_amount(booking)
    owed = max(booking.total - paid, 0)
    if state is None:
        state = "paid" if owed == 0 else ("on_arrival" if booking.balance_on_arrival else "due")
    payable = state in ("due", "on_arrival")
    return BalanceSummary(
        deposit=booking.deposit_amount,
        percent=deposit_percent_shown(booking),
        paid=paid,
        owed=owed,
        due_now=min(booking.deposit_amount, owed) if paid == 0 else owed,
        due_at=booking.balance_due_at,
        cancels_if_unpaid=booking.departure.tour.unpaid_balance == UnpaidBalance.CANCEL,
        state=state,
        overdue=owed > 0 and booking.balance_due_at <= now,
        card=payable and card_payment_possible(booking, now=now),
        bank=payable and bank_transfer_possible(booking, now=now),
    )


# The due date passes ---------------------------------------------------------------------------


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
    from .balances import booking_paid_amount
    from .bookings import booking_cancel

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
