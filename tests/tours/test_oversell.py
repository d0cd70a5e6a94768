"""Invariant 1, never oversell: real threads, each with its own PostgreSQL connection, hammer one
departure at the same moment; the row lock and the re-count under it must let exactly as many
places go as there are. (How threaded tests keep the demo: `tests/concurrency.py`.)
"""

import datetime as dt

import pytest
from django.db.models import Sum

from tests.concurrency import run_together
from tests.tours.factories import GUEST, village_tour_create, wib, written
from tours.booking.confirming import booking_confirm
from tours.booking.departures import departure_add_extra, departure_set_capacity
from tours.booking.errors import BookingInvalid, SoldOut
from tours.booking.holds import booking_hold
from tours.models import (
    Booking,
    BookingStatus,
    Departure,
    PaymentMethod,
)
from tours.models.availability import seats_taken
from tours.payments.paying import booking_create

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("demo_restored")]

NOW = wib(2030, 4, 1, 9, 0)
STARTS_AT = wib(2030, 4, 5, 10, 0)


@pytest.fixture
def fresh_tour():
    return village_tour_create()


def _departure(tour, capacity: int) -> Departure:
    return departure_add_extra(tour=tour, starts_at=STARTS_AT, capacity=capacity, now=NOW)


def _hold_call(departure, tier, quantity, **kwargs):
    return lambda: booking_hold(
        departure_id=departure.pk,
        lines=[(tier.pk, quantity)],
        language="id",
        now=NOW,
        **kwargs,
    )


def _seats_in_db(departure) -> int:
    rows = Booking.objects.filter(departure=departure, status__in=[BookingStatus.HELD])
    return rows.aggregate(total=Sum("seats"))["total"] or 0


def test_thirty_guests_at_once_for_ten_places_exactly_ten_get_one(fresh_tour):
    tour, tier = fresh_tour
    departure = _departure(tour, capacity=10)

    results = run_together([_hold_call(departure, tier, 1) for _ in range(30)])

    booked = [r for r in results if isinstance(r, tuple)]
    refused = [r for r in results if isinstance(r, SoldOut)]
    assert len(booked) == 10
    assert len(refused) == 20, [r for r in results if not isinstance(r, tuple | SoldOut)]
    assert all(error.seats_left == 0 for error in refused)
    assert seats_taken(departure, now=NOW) == 10
    assert _seats_in_db(departure) == 10
    assert Booking.objects.filter(departure=departure).count() == 10


def test_groups_of_two_and_three_at_once_never_take_more_than_the_capacity(fresh_tour):
    tour, tier = fresh_tour
    departure = _departure(tour, capacity=10)
    quantities = [2, 3] * 16

    results = run_together([_hold_call(departure, tier, q) for q in quantities])

    taken = sum(r[0].seats for r in results if isinstance(r, tuple))
    assert taken <= 10
    assert _seats_in_db(departure) == taken == seats_taken(departure, now=NOW)
    for quantity, result in zip(quantities, results, strict=True):
        if isinstance(result, tuple):
            assert result[0].seats == quantity
        else:
            # Refused only when the group really did not fit any more.
            assert isinstance(result, SoldOut), result
            assert result.seats_left < quantity
    # Whatever the order, groups of 2 and 3 leave at most one place unsold.
    assert taken >= 9


def test_bookings_racing_a_capacity_cut_never_end_above_the_capacity(fresh_tour):
    tour, tier = fresh_tour
    departure = _departure(tour, capacity=20)
    calls = [_hold_call(departure, tier, 1) for _ in range(30)]
    cuts = [
        lambda: departure_set_capacity(departure=departure, capacity=12, now=NOW) for _ in range(6)
    ]

    results = run_together(calls + cuts)

    booked = [r for r in results[:30] if isinstance(r, tuple)]
    assert all(isinstance(r, tuple | SoldOut) for r in results[:30]), results[:30]
    cut_results = results[30:]
    assert all(isinstance(r, Departure | BookingInvalid) for r in cut_results), cut_results
    departure.refresh_from_db()
    taken = seats_taken(departure, now=NOW)
    assert taken == len(booked) == _seats_in_db(departure)
    assert taken <= departure.capacity
    if any(isinstance(r, Departure) for r in cut_results):
        assert departure.capacity == 12
    else:
        # Every cut came too late: more than 12 places had gone already.
        assert departure.capacity == 20
        assert taken > 12
    for refused in (r for r in cut_results if isinstance(r, BookingInvalid)):
        assert "capacity" in refused.errors


def test_late_confirmations_of_expired_holds_race_new_guests_without_overselling(fresh_tour):
    tour, tier = fresh_tour
    departure = _departure(tour, capacity=6)
    early = NOW - dt.timedelta(hours=2)
    holds = [
        booking_hold(
            departure_id=departure.pk,
            lines=[(tier.pk, 1)],
            language="id",
            customer=GUEST,
            now=early,
        )[0]
        for _ in range(6)
    ]
    # The six holds ran out long ago; six late confirmations and twelve new guests race.
    late = [
        (lambda b=b: booking_confirm(booking=b, payment_method=PaymentMethod.CASH, now=NOW))
        for b in holds
    ]
    new = [_hold_call(departure, tier, 1) for _ in range(12)]

    results = run_together(late + new)

    assert all(isinstance(r, Booking | tuple | SoldOut) for r in results), results
    assert seats_taken(departure, now=NOW) == 6
    winners = sum(1 for r in results if isinstance(r, Booking | tuple))
    assert winners == 6
    for booking, result in zip(holds, results[:6], strict=True):
        booking.refresh_from_db()
        expected = BookingStatus.CONFIRMED if isinstance(result, Booking) else BookingStatus.EXPIRED
        assert booking.status == expected


@pytest.mark.parametrize("service", ["hold", "create"])
def test_one_idempotency_key_sent_eight_times_at_once_makes_one_booking(fresh_tour, service):
    tour, tier = fresh_tour
    departure = _departure(tour, capacity=10)
    before = written()

    def call():
        if service == "hold":
            return booking_hold(
                departure_id=departure.pk,
                lines=[(tier.pk, 2)],
                language="id",
                customer=GUEST,
                idempotency_key="retry-7f3a",
                now=NOW,
            )
        return booking_create(
            departure_id=departure.pk,
            lines=[(tier.pk, 2)],
            customer=GUEST,
            payment_method=PaymentMethod.CASH,
            idempotency_key="retry-7f3a",
            now=NOW,
        )

    results = run_together([call for _ in range(8)])

    assert all(isinstance(r, tuple) for r in results), results
    assert len({booking.pk for booking, _ in results}) == 1
    assert [created for _, created in results].count(True) == 1
    assert Booking.objects.filter(idempotency_key="retry-7f3a").count() == 1
    assert seats_taken(departure, now=NOW) == 2
    # One booking, one line, and its history: held (and confirmed for a cash booking).
    events = 1 if service == "hold" else 2
    after = written()
    assert (after[0] - before[0], after[1] - before[1]) == (1, 1)
    assert after[2] - before[2] >= events
