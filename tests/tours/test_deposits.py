"""Deposits for groups: the terms fixed at booking, the deposit and balance payments, the balance
reminder, what happens when the balance is not paid in time, and the guest's balance pages.

Kelas Membatik (demo) asks here for 30% from groups of 10 or more, the balance 7 days before the
start: a departure on Saturday 16 March 2030 has its balance due by Saturday 9 March, 23.59 WIB.
"""

import datetime as dt

import pytest
from django.core import mail
from django.db.models import Sum
from django.urls import reverse

from bumdes import chart
from bumdes.models import JournalEntry, JournalLine, Side
from core.formats import local_date
from tests.tours.factories import BOOKED_AT, GUEST, STARTS_AT, DepartureFactory, hold, tour, wib
from tours.admin.manifest import manifest_rows
from tours.booking.balances import booking_paid_amount
from tours.booking.books import payment_record
from tours.booking.checkin import booking_check_in
from tours.booking.deposits import (
    amount_due_now,
    deposit_terms,
)
from tours.booking.notifications import balance_reminders_send, booking_email_send
from tours.booking.overdue import balance_overdue_handle, balances_overdue_handle
from tours.models import (
    BookingEvent,
    BookingStatus,
    PaymentMethod,
    PaymentStatus,
    TourPage,
    UnpaidBalance,
)
from tours.payments.paying import bank_transfer_confirm, booking_create

pytestmark = pytest.mark.django_db

DUE_AT = wib(2030, 3, 9, 23, 59)
TOTAL = 12 * 100_000
DEPOSIT = 360_000
BALANCE = TOTAL - DEPOSIT


@pytest.fixture(autouse=True)
def no_rate_limit(settings):
    settings.BOOKING_RATE_LIMIT = "0"


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


# The guest's pages -----------------------------------------------------------------------------


def test_the_manage_page_shows_the_balance_and_needs_the_token(client):
    deposits_asked()
    booking = with_deposit_paid(group_booking(12))

    response = client.get(url("booking_manage", booking))
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="balance"' in page
    assert "Rp 360.000" in page and "Rp 840.000" in page
    assert local_date(DUE_AT, "id") in page and "23.59" in page
    assert url("booking_pay_balance", booking).replace("&", "&amp;") in page

    for name in ("booking_manage", "booking_pay_balance"):
        assert client.get(reverse(name, kwargs={"reference": booking.reference})).status_code == 404
        assert client.get(url(name, booking, token="wrong")).status_code == 404


def test_the_balance_page_shows_the_bank_transfer_details(client):
    deposits_asked()
    booking = with_deposit_paid(group_booking(12))

    response = client.get(url("booking_pay_balance", booking))
    page = response.content.decode()
    assert response.status_code == 200
    assert response["Referrer-Policy"] == "same-origin"
    assert "DEMO-0000000002" in page  # Lipursari's demo account
    assert "Rp 840.000" in page and booking.reference in page
    assert "<form" not in page.split('id="balance"')[1]  # no card payment without Stripe

    # Without Stripe a POST changes nothing and shows the page again with a message.
    response = client.post(url("booking_pay_balance", booking))
    assert response.status_code == 200
    booking.refresh_from_db()
    assert booking.checkout_session_id == ""


def test_nothing_to_pay_leads_back_to_the_booking(client):
    booking = group_booking(3)
    transfer_received(booking, booking.total)
    response = client.get(url("booking_pay_balance", booking))
    assert response.status_code == 302
    assert response["Location"] == url("booking_manage", booking)
    page = client.get(url("booking_manage", booking)).content.decode()
    assert 'id="balance"' not in page


def test_no_balance_e_mail_once_the_balance_is_paid():
    deposits_asked()
    booking = with_deposit_paid(group_booking(12))
    transfer_received(booking, BALANCE, now=wib(2030, 3, 7, 10, 0))
    mail.outbox.clear()
    booking_email_send.call(booking.pk, "balance_due")
    assert mail.outbox == []


def test_staff_see_the_deposit_and_the_balance_due(client, login):
    deposits_asked(UnpaidBalance.COLLECT)
    booking = with_deposit_paid(group_booking(12))
    balances_overdue_handle(now=DUE_AT)
    login("lipursari-operator")
    html = client.get(f"/admin/bookings/inspect/{booking.pk}/").content.decode()
    assert "Rp 360.000" in html and "Rp 840.000" in html
    assert local_date(DUE_AT, "id") in html or local_date(DUE_AT, "en") in html
    assert "Rp 840.000 — <strong>" in html  # to collect at arrival
