"""Groups that pay a deposit, for the deposit tests: Kelas Membatik (demo) asks here for 30% from
groups of 10 or more, the balance 7 days before the start: a departure on Saturday 16 March 2030
has its balance due by Saturday 9 March, 23.59 WIB. A group of 12 at Rp 100.000 pays Rp 360.000
first and Rp 840.000 later."""

import datetime as dt

from django.db.models import Sum
from django.urls import reverse

from bumdes.models import JournalLine, Side
from tests.tours.factories import BOOKED_AT, STARTS_AT, DepartureFactory, hold, tour, wib
from tours.models import TourPage, UnpaidBalance
from tours.payments.paying import bank_transfer_confirm

DUE_AT = wib(2030, 3, 9, 23, 59)
TOTAL = 12 * 100_000
DEPOSIT = 360_000
BALANCE = TOTAL - DEPOSIT


def deposits_asked(policy: str = UnpaidBalance.CANCEL, **changes) -> TourPage:
    page = tour()
    fields = {
        "deposit_percent": 30,
        "deposit_min_people": 10,
        "balance_due_days": 7,
        "unpaid_balance": policy,
        **changes,
    }
    TourPage.objects.filter(pk=page.pk).update(**fields)
    return TourPage.objects.get(pk=page.pk)


def group_booking(people: int = 12, *, now=BOOKED_AT, departure=None):
    departure = departure or DepartureFactory(starts_at=STARTS_AT, capacity=40)
    return hold(departure, people, now=now)


def transfer_received(booking, amount: int, *, now=BOOKED_AT + dt.timedelta(hours=1)):
    """The treasurer saw a transfer arrive: the booking is confirmed if need be, the money
    recorded and posted (`bank_transfer_confirm`, as the "Received" screen does it)."""
    bank_transfer_confirm(booking=booking, amount=amount, now=now)
    booking.refresh_from_db()
    return booking


def with_deposit_paid(booking, *, now=BOOKED_AT + dt.timedelta(hours=1)):
    return transfer_received(booking, booking.deposit_amount, now=now)


def lines_of(booking) -> list[tuple[str, str, int]]:
    return sorted(
        JournalLine.objects.filter(booking_ref=booking.reference).values_list(
            "account__code", "side", "amount"
        )
    )


def books_balance(enterprise) -> bool:
    lines = JournalLine.objects.filter(enterprise=enterprise)
    debit = lines.filter(side=Side.DEBIT).aggregate(s=Sum("amount"))["s"] or 0
    credit = lines.filter(side=Side.CREDIT).aggregate(s=Sum("amount"))["s"] or 0
    return debit == credit


def url(name: str, booking, token: str | None = None) -> str:
    path = reverse(name, kwargs={"reference": booking.reference})
    return f"{path}?t={booking.token if token is None else token}"
