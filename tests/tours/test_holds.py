"""Invariants 1 and 9: a hold keeps places until it runs out, then frees them on its own.

Nothing runs between the steps below except the clock passed as `now=`: expired holds must stop
counting at once (lazily), and `holds_expire` only records what already happened.
"""

import datetime as dt

import pytest

from tests.tours.factories import (
    BOOKED_AT,
    GUEST,
    DepartureFactory,
    confirmed,
    hold,
    per_person,
    written,
)
from tours.booking.cancelling import booking_cancel
from tours.booking.confirming import booking_confirm
from tours.booking.errors import NotAllowed, SoldOut
from tours.booking.holds import booking_hold, holds_expire
from tours.models import Booking, BookingEvent, BookingStatus, Departure, PaymentMethod
from tours.models.availability import bookable_departures, seats_taken, with_seats_left
from tours.payments.paying import booking_create

pytestmark = pytest.mark.django_db

# The demo's Kelas Membatik keeps places for 20 minutes.
HOLD = dt.timedelta(minutes=20)
JUST_BEFORE = BOOKED_AT + HOLD - dt.timedelta(seconds=1)
RAN_OUT = BOOKED_AT + HOLD


def test_a_hold_takes_its_places_until_it_runs_out():
    departure = DepartureFactory(capacity=4)
    booking = hold(departure, 3)

    assert booking.status == BookingStatus.HELD
    assert booking.hold_expires_at == RAN_OUT
    assert seats_taken(departure, now=JUST_BEFORE) == 3
    with pytest.raises(SoldOut) as refused:
        hold(departure, 2, now=JUST_BEFORE)
    assert refused.value.seats_left == 1


def test_an_expired_hold_frees_its_places_with_no_command_run():
    departure = DepartureFactory(capacity=4)
    first = hold(departure, 3)

    # Not one second more: at hold_expires_at the places are free again.
    assert seats_taken(departure, now=RAN_OUT) == 0
    second = hold(departure, 4, now=RAN_OUT)

    first.refresh_from_db()
    assert first.status == BookingStatus.HELD  # nobody marked it: the count ignores it
    assert second.status == BookingStatus.HELD
    assert seats_taken(departure, now=RAN_OUT) == 4


def test_listings_see_expired_holds_as_free_places():
    departure = DepartureFactory(capacity=4)
    hold(departure, 4)
    listed = with_seats_left(Departure.objects.filter(pk=departure.pk), now=JUST_BEFORE).get()
    assert listed.seats_taken == 4
    listed = with_seats_left(Departure.objects.filter(pk=departure.pk), now=RAN_OUT).get()
    assert listed.seats_taken == 0

    window = {"start": departure.starts_at - HOLD, "end": departure.starts_at + HOLD}
    assert departure not in bookable_departures(departure.tour, now=JUST_BEFORE, **window)
    (found,) = bookable_departures(departure.tour, now=RAN_OUT, **window)
    assert found == departure
    assert found.seats_left == 4


def test_holds_expire_marks_each_run_out_hold_exactly_once():
    departure = DepartureFactory(capacity=10)
    running_out = hold(departure, 2)
    later = hold(departure, 1, now=BOOKED_AT + dt.timedelta(minutes=10))
    kept = confirmed(departure, 1)

    assert holds_expire(now=JUST_BEFORE) == 0
    assert holds_expire(now=RAN_OUT) == 1
    assert holds_expire(now=RAN_OUT) == 0
    assert holds_expire(now=RAN_OUT + dt.timedelta(hours=1)) == 1

    for booking, status in [
        (running_out, BookingStatus.EXPIRED),
        (later, BookingStatus.EXPIRED),
        (kept, BookingStatus.CONFIRMED),
    ]:
        booking.refresh_from_db()
        assert booking.status == status
    assert BookingEvent.objects.filter(booking=running_out, kind="expired").count() == 1
    assert not BookingEvent.objects.filter(booking=kept, kind="expired").exists()
    assert seats_taken(departure, now=RAN_OUT) == 1


def test_confirming_a_live_hold_needs_no_free_places():
    departure = DepartureFactory(capacity=3)
    booking = hold(departure, 3)

    booking = booking_confirm(booking=booking, payment_method=PaymentMethod.CASH, now=JUST_BEFORE)

    assert booking.status == BookingStatus.CONFIRMED
    assert booking.hold_expires_at is None
    assert seats_taken(departure, now=RAN_OUT + dt.timedelta(days=1)) == 3


@pytest.mark.parametrize("marked_first", [False, True], ids=["lazily", "after-holds-expire"])
def test_confirming_after_the_hold_ran_out_takes_the_places_again_when_free(marked_first):
    departure = DepartureFactory(capacity=3)
    booking = hold(departure, 3)
    late = RAN_OUT + dt.timedelta(minutes=5)
    if marked_first:
        assert holds_expire(now=late) == 1

    booking = booking_confirm(booking=booking, payment_method=PaymentMethod.CASH, now=late)

    assert booking.status == BookingStatus.CONFIRMED
    assert seats_taken(departure, now=late) == 3
    with pytest.raises(SoldOut):
        hold(departure, 1, now=late)


@pytest.mark.parametrize("marked_first", [False, True], ids=["lazily", "after-holds-expire"])
def test_confirming_after_the_places_went_to_someone_else_is_sold_out(marked_first):
    departure = DepartureFactory(capacity=3)
    booking = hold(departure, 2)
    late = RAN_OUT + dt.timedelta(minutes=5)
    other = hold(departure, 2, now=RAN_OUT)
    if marked_first:
        assert holds_expire(now=late) == 1
    before = written()

    with pytest.raises(SoldOut) as refused:
        booking_confirm(booking=booking, payment_method=PaymentMethod.CASH, now=late)

    assert refused.value.seats_left == 1
    booking.refresh_from_db()
    assert booking.status == BookingStatus.EXPIRED
    assert booking.confirmed_at is None
    # Marked expired once, whichever noticed first; no second mark.
    assert BookingEvent.objects.filter(booking=booking, kind="expired").count() == 1
    assert written()[:2] == before[:2]
    assert holds_expire(now=late) == 0
    assert seats_taken(departure, now=late) == other.seats


def test_confirming_twice_is_harmless():
    departure = DepartureFactory(capacity=3)
    booking = hold(departure, 2)
    first = booking_confirm(booking=booking, payment_method=PaymentMethod.CASH, now=JUST_BEFORE)
    again = booking_confirm(booking=booking, payment_method=PaymentMethod.CASH, now=RAN_OUT)

    assert again.pk == first.pk
    assert again.confirmed_at == JUST_BEFORE
    assert BookingEvent.objects.filter(booking=booking, kind="confirmed").count() == 1


def test_dropping_a_hold_frees_its_places_at_once():
    departure = DepartureFactory(capacity=3)
    booking = hold(departure, 3)

    booking_cancel(booking=booking, now=JUST_BEFORE)

    booking.refresh_from_db()
    assert booking.status == BookingStatus.EXPIRED
    assert seats_taken(departure, now=JUST_BEFORE) == 0
    hold(departure, 3, now=JUST_BEFORE)


def test_a_cancelled_booking_cannot_be_confirmed_again():
    departure = DepartureFactory(capacity=3)
    booking = confirmed(departure, 2)
    booking_cancel(booking=booking, now=BOOKED_AT + dt.timedelta(hours=1))

    with pytest.raises(NotAllowed):
        booking_confirm(booking=booking, payment_method=PaymentMethod.CASH, now=RAN_OUT)


# Idempotency (a guest's double click, a client's retry) ---------------------------------------


def test_holding_twice_with_one_idempotency_key_returns_the_first_booking():
    departure = DepartureFactory(capacity=10)
    tier = per_person(departure.tour)
    before = written()

    first, created = booking_hold(
        departure_id=departure.pk,
        lines=[(tier.pk, 2)],
        language="id",
        idempotency_key="klik-2x",
        now=BOOKED_AT,
    )
    # The retry differs (a later click with more people): the first booking stands.
    again, created_again = booking_hold(
        departure_id=departure.pk,
        lines=[(tier.pk, 5)],
        language="id",
        idempotency_key="klik-2x",
        now=JUST_BEFORE,
    )

    assert (created, created_again) == (True, False)
    assert again.pk == first.pk
    assert again.seats == 2
    after = written()
    assert (after[0] - before[0], after[1] - before[1], after[2] - before[2]) == (1, 1, 1)
    assert seats_taken(departure, now=JUST_BEFORE) == 2


def test_creating_twice_with_one_idempotency_key_confirms_one_booking():
    departure = DepartureFactory(capacity=10)
    tier = per_person(departure.tour)
    kwargs = {
        "departure_id": departure.pk,
        "lines": [(tier.pk, 2)],
        "customer": GUEST,
        "payment_method": PaymentMethod.CASH,
        "idempotency_key": "api-retry-1",
        "now": BOOKED_AT,
    }
    before = written()

    first, created = booking_create(**kwargs)
    again, created_again = booking_create(**kwargs)

    assert (created, created_again) == (True, False)
    assert again.pk == first.pk
    assert again.status == BookingStatus.CONFIRMED
    assert Booking.objects.filter(idempotency_key="api-retry-1").count() == 1
    after = written()
    assert (after[0] - before[0], after[1] - before[1]) == (1, 1)
    assert BookingEvent.objects.filter(booking=first, kind="confirmed").count() == 1
    assert seats_taken(departure, now=BOOKED_AT) == 2
