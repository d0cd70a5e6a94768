"""Deposits for groups: a tour may ask bookings of N people or more to pay a percentage now and
the balance a set number of days before the departure.

`Booking.deposit_amount` and `Booking.balance_due_at` are fixed when the booking is made, like the
prices (0 and None: the whole total is due at once). `amount_due_now` is what the guest is asked
to pay next, by whichever method. The balance is due at the end of its day on the village's
clock; a deposit is offered only when that leaves the guest time to pay it.

Guests who pay on arrival (cash) or whose partner pays on account pay everything in one go, so
they have no balance schedule even when the tour asks groups for a deposit.

When the due date passes with money still owed, `tours.booking.overdue` applies the tour's
policy. Which methods may take a balance is each payment provider's to say
(`tours.booking.providers`).
"""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from core.localtime import business_date, local_datetime
from core.money import percent_of
from tours.booking.balances import booking_paid_amount
from tours.booking.providers import balance_payable_by
from tours.models import (
    Booking,
    BookingStatus,
    PaymentMethod,
    UnpaidBalance,
)

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
    """May the guest pay what is owed by card now? (The card provider's rule.)"""
    return balance_payable_by(booking, PaymentMethod.STRIPE, now=now)


def bank_transfer_possible(booking: Booking, *, now: dt.datetime) -> bool:
    return balance_payable_by(booking, PaymentMethod.BANK_TRANSFER, now=now)


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
    # "held": not booked yet, the deposit is asked first (while the guest chooses how to pay or
    # transfers it); "due": the balance is still to pay by `due_at`; "on_arrival": it is
    # collected in cash at check-in; "paid": nothing is owed; "cancelled": cancelled for an
    # unpaid balance.
    state: str
    overdue: bool
    card: bool
    bank: bool

    @property
    def deposit_paid(self) -> bool:
        return self.paid >= self.deposit

    @property
    def later(self) -> int:
        """What is still owed once `due_now` is paid (the balance, while the deposit is due)."""
        return self.owed - self.due_now


def balance_summary(booking: Booking, *, now: dt.datetime | None = None) -> BalanceSummary | None:
    """The deposit and balance of a group booking that is held (the deposit comes first) or
    confirmed (or cancelled because its balance was not paid); None for any other booking."""
    if not has_balance_schedule(booking):
        return None
    if booking.status == BookingStatus.HELD:
        state = "held"
    elif booking.status == BookingStatus.CONFIRMED:
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
