"""Deposits for groups: the terms fixed at booking (a percentage from a group size, none too
close to the start or for cash on arrival), and the deposit then the balance paid, each posted."""

import datetime as dt

import pytest
from django.core import mail

from bumdes import chart
from core.formats import local_date
from tests.tours.factories import BOOKED_AT, GUEST, STARTS_AT, DepartureFactory, wib
from tests.tours.group_deposits import (
    BALANCE,
    DEPOSIT,
    DUE_AT,
    TOTAL,
    books_balance,
    deposits_asked,
    group_booking,
    lines_of,
    transfer_received,
    url,
    with_deposit_paid,
)
from tours.booking.balances import booking_paid_amount
from tours.booking.books import payment_record
from tours.booking.deposits import amount_due_now, deposit_terms
from tours.models import BookingStatus, PaymentMethod, PaymentStatus
from tours.payments.paying import booking_create

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit")]


# Terms ----------------------------------------------------------------------------------------


def test_no_deposit_below_the_group_size_or_when_the_tour_asks_none():
    page = deposits_asked()
    terms = {"total": 900_000, "departure_starts_at": STARTS_AT, "now": BOOKED_AT}
    assert deposit_terms(tour=page, seats=9, **terms) == (0, None)
    assert deposit_terms(tour=page, seats=10, **terms) == (270_000, DUE_AT)

    page.deposit_percent = 0
    assert deposit_terms(tour=page, seats=40, **terms) == (0, None)

    deposits_asked()
    small = group_booking(9)
    assert (small.deposit_amount, small.balance_due_at) == (0, None)
    assert amount_due_now(small) == small.total


def test_the_deposit_is_a_percentage_rounded_to_whole_rupiah():
    page = deposits_asked()
    terms = {"seats": 10, "departure_starts_at": STARTS_AT, "now": BOOKED_AT}
    assert deposit_terms(tour=page, total=100_005, **terms)[0] == 30_002  # 30.001,5 rounds up
    assert deposit_terms(tour=page, total=100_003, **terms)[0] == 30_001  # 30.000,9

    booking = group_booking(12)
    assert (booking.total, booking.deposit_amount) == (TOTAL, DEPOSIT)
    # The end of the due day, Western Indonesian Time, stored in UTC.
    assert booking.balance_due_at == DUE_AT
    assert booking.balance_due_at.astimezone(dt.UTC) == dt.datetime(
        2030, 3, 9, 16, 59, tzinfo=dt.UTC
    )
    assert amount_due_now(booking) == DEPOSIT


def test_too_late_for_a_deposit_the_group_pays_in_full():
    page = deposits_asked()
    terms = {"seats": 12, "total": TOTAL, "departure_starts_at": STARTS_AT}
    # Two days before the due date is the last moment a deposit is offered.
    assert deposit_terms(tour=page, now=DUE_AT - dt.timedelta(days=2), **terms)[0] == DEPOSIT
    assert deposit_terms(
        tour=page, now=DUE_AT - dt.timedelta(days=2) + dt.timedelta(minutes=1), **terms
    ) == (0, None)

    late = group_booking(12, now=wib(2030, 3, 8, 9, 0))
    assert (late.deposit_amount, late.balance_due_at) == (0, None)
    assert amount_due_now(late) == TOTAL


def test_cash_on_arrival_pays_everything_in_one_go():
    deposits_asked()
    departure = DepartureFactory(starts_at=STARTS_AT, capacity=40)
    booking, _created = booking_create(
        departure_id=departure.pk,
        lines=[(departure.tour.price_tiers.get(price=100_000).pk, 12)],
        customer=GUEST,
        payment_method=PaymentMethod.CASH,
        now=BOOKED_AT,
    )
    assert (booking.deposit_amount, booking.balance_due_at) == (0, None)


# Paying the deposit and the balance ------------------------------------------------------------


def test_deposit_then_balance_by_transfer(django_capture_on_commit_callbacks):
    deposits_asked()
    booking = group_booking(12)
    with django_capture_on_commit_callbacks(execute=True):
        with_deposit_paid(booking)

    assert booking.status == BookingStatus.CONFIRMED
    assert booking.payment_status == PaymentStatus.DEPOSIT
    assert booking_paid_amount(booking) == DEPOSIT
    assert amount_due_now(booking) == BALANCE
    # The confirmation tells the group what is left, by when, and where to pay it.
    [confirmation] = [m for m in mail.outbox if booking.reference in m.subject]
    assert "Rp 840.000" in confirmation.body
    assert local_date(DUE_AT, "id") in confirmation.body
    assert url("booking_pay_balance", booking) in confirmation.body

    transfer_received(booking, BALANCE, now=wib(2030, 3, 8, 10, 0))
    booking.refresh_from_db()
    assert booking.payment_status == PaymentStatus.PAID
    assert amount_due_now(booking) == 0
    assert lines_of(booking) == sorted(
        [
            (chart.BANK, "debit", DEPOSIT),
            (chart.UNEARNED, "credit", DEPOSIT),
            (chart.BANK, "debit", BALANCE),
            (chart.UNEARNED, "credit", BALANCE),
        ]
    )
    assert books_balance(booking.enterprise)


def test_a_partial_payment_below_the_deposit_leaves_the_booking_unpaid():
    deposits_asked()
    booking = with_deposit_paid(group_booking(12))
    assert booking.payment_status == PaymentStatus.DEPOSIT
    other = group_booking(12, departure=booking.departure)
    payment_record(booking=other, method=PaymentMethod.CASH, amount=100_000, now=BOOKED_AT)
    other.refresh_from_db()
    assert other.payment_status == PaymentStatus.UNPAID
