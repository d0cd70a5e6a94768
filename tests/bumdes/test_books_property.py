"""Property: whatever happens to bookings — made, paid, cancelled, refunded, delivered, in any
order — every trial balance stays at zero, unearned revenue equals what was paid for bookings not
yet delivered, and no revenue is recognised before delivery."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bumdes import chart
from bumdes.ledger import balances
from tours.booking.balances import booking_paid_amount
from tours.booking.booking_input import Customer
from tours.booking.books import (
    cancellation_post,
    departure_deliver,
    payment_record,
    refund_mark_paid,
)
from tours.booking.cancelling import booking_cancel
from tours.booking.errors import BookingError
from tours.models import Booking, BookingStatus, Departure, PaymentMethod, Refund, TourPage
from tours.payments.paying import booking_create

JAKARTA = ZoneInfo("Asia/Jakarta")
NOW = dt.datetime(2026, 5, 1, 9, 0, tzinfo=JAKARTA)
STARTS = dt.datetime(2026, 5, 12, 8, 0, tzinfo=JAKARTA)
REVENUE = (chart.TOUR_REVENUE, chart.WORKSHOP_REVENUE)

operations = st.lists(
    st.tuples(
        st.sampled_from(["book", "pay_cash", "pay_bank", "cancel", "refund"]),
        st.integers(min_value=0, max_value=5),
        st.integers(min_value=1, max_value=3),
    ),
    max_size=12,
)


def _state(enterprise):
    b = balances(enterprise)
    return b, -b.get(chart.UNEARNED, 0), sum(-b.get(code, 0) for code in REVENUE)


@pytest.mark.django_db
@settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=operations, deliver=st.booleans())
def test_books_stay_balanced_whatever_happens(steps, deliver):
    with transaction.atomic():
        tour = TourPage.objects.get(locale__language_code="id", slug="kelas-membatik")
        enterprise = tour.business_unit.enterprise
        departure = Departure.objects.create(
            tour=tour, enterprise=enterprise, starts_at=STARTS, capacity=30, is_extra=True
        )
        tier = tour.price_tiers.filter(min_quantity__isnull=True).first()
        _, before_unearned, before_revenue = _state(enterprise)
        bookings: list[Booking] = []
        clock = NOW
        for operation, index, quantity in steps:
            clock += dt.timedelta(hours=1)
            target = bookings[index % len(bookings)] if bookings else None
            try:
                if operation == "book":
                    bookings.append(_book(departure, tier, quantity, clock))
                elif target is None:
                    continue
                else:
                    _act_on(target, operation, clock)
            except BookingError:
                pass
            _assert_nothing_earned_yet(enterprise, bookings, before_unearned, before_revenue)

        if deliver:
            departure_deliver(departure=departure, now=STARTS + dt.timedelta(hours=4))
            _assert_delivery_earned_what_was_paid(
                enterprise, departure, before_unearned, before_revenue
            )
        transaction.set_rollback(True)


def _book(departure, tier, quantity, clock) -> Booking:
    booking, _ = booking_create(
        departure_id=departure.pk,
        lines=[(tier.pk, quantity)],
        customer=Customer("Uji", "uji@example.com", "+6281200000000", "ID", "id"),
        payment_method=PaymentMethod.CASH,
        now=clock,
    )
    return booking


def _act_on(target: Booking, operation: str, clock) -> None:
    """Pay what is outstanding, cancel, or pay out the pending refunds of one booking."""
    if operation in ("pay_cash", "pay_bank"):
        target.refresh_from_db()
        outstanding = target.total - booking_paid_amount(target)
        if outstanding > 0:
            method = "cash" if operation == "pay_cash" else "bank_transfer"
            payment_record(booking=target, method=method, amount=outstanding, now=clock)
    elif operation == "cancel":
        cancelled = booking_cancel(booking=target, now=clock)
        if cancelled.status == BookingStatus.CANCELLED:
            cancellation_post(booking=cancelled, now=clock)
    elif operation == "refund":
        for refund in Refund.objects.filter(booking=target, status="pending"):
            refund_mark_paid(refund=refund, now=clock)


def _assert_nothing_earned_yet(enterprise, bookings, before_unearned, before_revenue) -> None:
    after, unearned, revenue = _state(enterprise)
    assert sum(after.values()) == 0
    # Nothing is delivered yet and every payment came days before the departure.
    assert revenue == before_revenue
    paid_active = sum(
        booking_paid_amount(b)
        for b in Booking.objects.filter(pk__in=[b.pk for b in bookings]).exclude(
            status=BookingStatus.CANCELLED
        )
    )
    assert unearned - before_unearned == paid_active


def _assert_delivery_earned_what_was_paid(
    enterprise, departure, before_unearned, before_revenue
) -> None:
    after, unearned, revenue = _state(enterprise)
    assert sum(after.values()) == 0
    assert unearned == before_unearned
    delivered = sum(
        booking_paid_amount(b)
        for b in Booking.objects.filter(departure=departure).exclude(status=BookingStatus.CANCELLED)
    )
    assert revenue - before_revenue == delivered
