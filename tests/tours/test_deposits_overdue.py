"""A group's balance not paid by its due date: cancelled with the deposit kept as a fee, or kept
and collected in cash at check-in, as the tour says; never for guests already there. The
balance reminder goes once, three days before the due date."""

import datetime as dt

import pytest
from django.core import mail

from bumdes import chart
from bumdes.models import JournalEntry
from tests.tours.factories import GUEST, STARTS_AT, DepartureFactory, wib
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
from tours.admin.manifest import manifest_rows
from tours.booking.balances import booking_paid_amount
from tours.booking.checkin import booking_check_in
from tours.booking.notifications import balance_reminders_send
from tours.booking.overdue import balance_overdue_handle, balances_overdue_handle
from tours.models import BookingEvent, BookingStatus, PaymentMethod, PaymentStatus, UnpaidBalance

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit")]


# The due date passes ---------------------------------------------------------------------------


def test_overdue_with_cancel_policy_keeps_the_deposit_as_a_fee(django_capture_on_commit_callbacks):
    deposits_asked(UnpaidBalance.CANCEL)
    booking = with_deposit_paid(group_booking(12))
    before_due = DUE_AT - dt.timedelta(minutes=1)
    assert balances_overdue_handle(now=before_due) == 0

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert balances_overdue_handle(now=DUE_AT) == 1
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert booking.refund_percent == 0
    assert not booking.refunds.exists()
    # What was paid leaves unearned revenue for the retained cancellation fees, all of it.
    entry = JournalEntry.objects.get(
        enterprise=booking.enterprise, source_ref=f"booking-{booking.reference}-cancelled"
    )
    assert sorted(entry.lines.values_list("account__code", "side", "amount")) == [
        (chart.UNEARNED, "debit", DEPOSIT),
        (chart.CANCELLATION_FEES, "credit", DEPOSIT),
    ]
    assert books_balance(booking.enterprise)
    # The guest is told: the cancellation, and why.
    subjects = sorted(m.subject for m in mail.outbox)
    assert len(subjects) == 2 and all(booking.reference in s for s in subjects)
    # The one that says why names the deposit kept and the balance that was not paid.
    [why] = [m for m in mail.outbox if "Rp 840.000" in m.body]
    assert "Rp 360.000" in why.body
    assert BookingEvent.objects.filter(booking=booking, kind="balance_overdue").count() == 1

    # Running again (every five minutes) changes nothing.
    assert balances_overdue_handle(now=DUE_AT + dt.timedelta(hours=1)) == 0
    assert balance_overdue_handle(booking=booking, now=DUE_AT + dt.timedelta(hours=2)) == ""
    entries = JournalEntry.objects.filter(lines__booking_ref=booking.reference).distinct()
    assert entries.count() == 2  # the deposit and the cancellation


def test_overdue_with_collect_policy_takes_the_balance_in_cash_at_check_in(
    django_capture_on_commit_callbacks,
):
    deposits_asked(UnpaidBalance.COLLECT)
    booking = with_deposit_paid(group_booking(12))
    paid_in_time = with_deposit_paid(group_booking(12, departure=booking.departure))
    transfer_received(paid_in_time, BALANCE, now=wib(2030, 3, 8, 10, 0))

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert balances_overdue_handle(now=DUE_AT) == 1
    assert balances_overdue_handle(now=DUE_AT + dt.timedelta(minutes=5)) == 0
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert booking.balance_on_arrival
    assert BookingEvent.objects.filter(booking=booking, kind="balance_on_arrival").count() == 1
    [message] = mail.outbox
    assert "Rp 840.000" in message.body
    # The manifest tells staff what to collect: the balance, not the total.
    assert sorted(row["due"] for row in manifest_rows(booking.departure)) == [0, BALANCE]

    checked_in = booking_check_in(booking=booking, now=STARTS_AT - dt.timedelta(minutes=20))
    assert checked_in.payment_status == PaymentStatus.PAID
    cash = booking.payments.get(method=PaymentMethod.CASH)
    assert cash.amount == BALANCE
    assert booking_paid_amount(booking) == TOTAL
    # Cash on the day of the service is revenue at once.
    assert (chart.CASH, "debit", BALANCE) in lines_of(booking)
    assert books_balance(booking.enterprise)

    # The group that paid in time pays nothing at the door.
    booking_check_in(booking=paid_in_time, now=STARTS_AT - dt.timedelta(minutes=10))
    assert not paid_in_time.payments.filter(method=PaymentMethod.CASH).exists()


def test_guests_already_there_are_never_cancelled():
    deposits_asked(UnpaidBalance.CANCEL)
    booking = with_deposit_paid(group_booking(12))
    # The periodic job did not run until the morning of the departure.
    assert balance_overdue_handle(booking=booking, now=STARTS_AT + dt.timedelta(minutes=5)) == (
        "on_arrival"
    )
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED and booking.balance_on_arrival


def test_a_deposit_that_came_after_the_due_date_is_not_cancelled():
    deposits_asked(UnpaidBalance.CANCEL)
    # A slow transfer: the treasurer saw the deposit only the morning after the due date.
    booking = with_deposit_paid(group_booking(12), now=DUE_AT + dt.timedelta(hours=9))
    assert balances_overdue_handle(now=DUE_AT + dt.timedelta(hours=9, minutes=5)) == 1
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED and booking.balance_on_arrival


# Reminders -------------------------------------------------------------------------------------


def test_the_balance_reminder_goes_once_three_days_before(django_capture_on_commit_callbacks):
    deposits_asked(balance_due_days=5)  # due by Monday 11 March, reminded from Friday 8 March
    departure = DepartureFactory(starts_at=STARTS_AT, capacity=60)
    owing = with_deposit_paid(group_booking(12, departure=departure))
    settled = with_deposit_paid(group_booking(12, departure=departure))
    transfer_received(settled, BALANCE, now=wib(2030, 3, 7, 10, 0))
    late = group_booking(12, departure=departure, now=wib(2030, 3, 8, 9, 0))
    with_deposit_paid(late, now=wib(2030, 3, 8, 9, 30))

    def send(now) -> int:
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            return balance_reminders_send(now=now)

    assert send(wib(2030, 3, 8, 7, 59)) == 0
    assert send(wib(2030, 3, 8, 10, 0)) == 1
    [message] = mail.outbox
    assert message.to == [GUEST.email] and owing.reference in message.subject
    assert "Rp 840.000" in message.body
    assert url("booking_pay_balance", owing) in message.body
    owing.refresh_from_db()
    assert owing.balance_reminder_sent_at == wib(2030, 3, 8, 10, 0)
    assert BookingEvent.objects.filter(booking=owing, kind="email_balance_due").count() == 1
    # Nobody hears twice; the group that paid and the one just told by its confirmation, never.
    assert send(wib(2030, 3, 9, 10, 0)) == 0
    assert send(wib(2030, 3, 11, 23, 0)) == 0
