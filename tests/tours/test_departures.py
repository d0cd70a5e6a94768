"""Departures: generated from the schedule rules, then edited by staff one by one.

Generation creates only what is missing and never touches what exists; capacity never drops
below the places taken; cancelling a departure cancels its bookings with a full refund and tells
every guest.
"""

import datetime as dt

import pytest
from django.core import mail

from tests.tours.factories import (
    BOOKED_AT,
    GUEST,
    GUEST_EN,
    STARTS_AT,
    DepartureFactory,
    confirmed,
    hold,
    tour,
    wib,
)
from tours.booking.cancelling import departure_cancel
from tours.booking.departures import (
    departure_add_extra,
    departure_set_capacity,
    departure_set_status,
    departures_generate,
)
from tours.booking.errors import BookingClosed, BookingInvalid, NotAllowed
from tours.models import BookingStatus, Departure, DepartureStatus, ScheduleRule
from tours.models.availability import seats_taken

pytestmark = pytest.mark.django_db

MONDAY = wib(2030, 3, 11, 6, 0)  # Monday 11 March 2030, 06.00 WIB


@pytest.fixture
def page():
    """Kelas Membatik with one rule of our own: Wednesdays and Saturdays at 10.00, 8 places,
    from Wednesday 13 to Saturday 23 March 2030."""
    page = tour()
    ScheduleRule.objects.filter(page=page).delete()
    ScheduleRule.objects.create(
        page=page,
        weekdays="25",
        start_time=dt.time(10, 0),
        capacity=8,
        valid_from=dt.date(2030, 3, 13),
        valid_to=dt.date(2030, 3, 23),
    )
    return page


def _generated(page) -> list[dt.datetime]:
    rows = Departure.objects.filter(tour=page, starts_at__year=2030, rule__isnull=False)
    return list(rows.order_by("starts_at").values_list("starts_at", flat=True))


def test_generation_follows_weekdays_and_the_validity_range(page):
    created = departures_generate(tour=page, days=28, now=MONDAY)

    expected = [wib(2030, 3, day, 10, 0) for day in (13, 16, 20, 23)]
    assert created == 4
    assert _generated(page) == expected
    assert {d.capacity for d in Departure.objects.filter(starts_at__in=expected)} == {8}


def test_generating_again_creates_nothing(page):
    assert departures_generate(tour=page, days=28, now=MONDAY) == 4
    assert departures_generate(tour=page, days=28, now=MONDAY) == 0
    assert departures_generate(tour=page, days=28, now=MONDAY + dt.timedelta(days=2)) == 0
    assert len(_generated(page)) == 4


def test_generation_skips_times_already_past(page):
    # Wednesday 13 March at 11.00: that day's 10.00 slot is gone.
    assert departures_generate(tour=page, days=28, now=wib(2030, 3, 13, 11, 0)) == 3
    assert _generated(page)[0] == wib(2030, 3, 16, 10, 0)


def test_generation_never_overwrites_what_staff_changed(page):
    departures_generate(tour=page, days=28, now=MONDAY)
    closed, smaller, cancelled, untouched = Departure.objects.filter(
        tour=page, starts_at__year=2030, rule__isnull=False
    ).order_by("starts_at")
    departure_set_status(departure=closed, status=DepartureStatus.CLOSED)
    departure_set_capacity(departure=smaller, capacity=3, now=MONDAY)
    departure_cancel(departure=cancelled, reason="Upacara adat desa", now=MONDAY)
    # The editor also changes the rule afterwards: existing departures keep their capacity.
    ScheduleRule.objects.filter(page=page).update(capacity=30)

    assert departures_generate(tour=page, days=60, now=MONDAY) == 0

    for departure, status, capacity in [
        (closed, DepartureStatus.CLOSED, 8),
        (smaller, DepartureStatus.OPEN, 3),
        (cancelled, DepartureStatus.CANCELLED, 8),
        (untouched, DepartureStatus.OPEN, 8),
    ]:
        departure.refresh_from_db()
        assert (departure.status, departure.capacity) == (status, capacity)


def test_generation_for_all_tours_uses_only_live_pages(page):
    page.unpublish()
    departures_generate(days=28, now=MONDAY)
    assert _generated(page) == []


# Capacity ---------------------------------------------------------------------------------


def test_capacity_cannot_drop_below_the_places_taken():
    departure = DepartureFactory(capacity=10)
    hold(departure, 3)
    confirmed(departure, 2)

    with pytest.raises(BookingInvalid) as refused:
        departure_set_capacity(departure=departure, capacity=4, now=BOOKED_AT)
    assert "5" in str(refused.value.errors["capacity"])
    departure.refresh_from_db()
    assert departure.capacity == 10

    assert departure_set_capacity(departure=departure, capacity=5, now=BOOKED_AT).capacity == 5


def test_capacity_counts_live_holds_only():
    departure = DepartureFactory(capacity=10)
    hold(departure, 3)
    confirmed(departure, 2)
    after_the_hold = BOOKED_AT + dt.timedelta(minutes=20)

    departure_set_capacity(departure=departure, capacity=2, now=after_the_hold)

    departure.refresh_from_db()
    assert departure.capacity == 2
    assert seats_taken(departure, now=after_the_hold) == 2


@pytest.mark.parametrize("capacity", [-1, -10])
def test_a_negative_capacity_is_refused(capacity):
    departure = DepartureFactory(capacity=10)
    with pytest.raises(BookingInvalid):
        departure_set_capacity(departure=departure, capacity=capacity, now=BOOKED_AT)


# Status and extra slots --------------------------------------------------------------------


def test_a_closed_departure_takes_no_bookings_until_reopened():
    departure = DepartureFactory(capacity=10)
    departure_set_status(departure=departure, status=DepartureStatus.CLOSED)
    with pytest.raises(BookingClosed):
        hold(departure, 1)

    departure_set_status(departure=departure, status=DepartureStatus.OPEN)
    hold(departure, 1)


def test_a_departure_cannot_be_set_to_cancelled_or_nonsense_by_status():
    departure = DepartureFactory(capacity=10)
    for status in (DepartureStatus.CANCELLED, "gone", ""):
        with pytest.raises(BookingInvalid):
            departure_set_status(departure=departure, status=status)
    departure.refresh_from_db()
    assert departure.status == DepartureStatus.OPEN


def test_an_extra_slot_is_added_once_and_only_in_the_future():
    page = tour()
    starts_at = wib(2030, 3, 12, 14, 0)
    extra = departure_add_extra(tour=page, starts_at=starts_at, capacity=6, now=MONDAY)
    assert (extra.is_extra, extra.capacity, extra.rule) == (True, 6, None)
    assert extra.enterprise.slug == "lipursari"

    for kwargs, field in [
        ({"starts_at": starts_at, "capacity": 6}, "starts_at"),  # already there
        ({"starts_at": MONDAY - dt.timedelta(hours=1), "capacity": 6}, "starts_at"),
        ({"starts_at": wib(2030, 3, 12, 15, 0), "capacity": 0}, "capacity"),
    ]:
        with pytest.raises(BookingInvalid) as refused:
            departure_add_extra(tour=page, now=MONDAY, **kwargs)
        assert field in refused.value.errors


# Cancelling a departure --------------------------------------------------------------------


def test_cancelling_a_departure_refunds_every_guest_in_full_and_tells_them(
    django_capture_on_commit_callbacks,
):
    departure = DepartureFactory(starts_at=STARTS_AT, capacity=20)
    siti = confirmed(departure, 2, customer=GUEST)
    emma = confirmed(departure, 3, customer=GUEST_EN)
    held = hold(departure, 1)
    # Two hours before the start the guests' own policy would refund nothing.
    now = STARTS_AT - dt.timedelta(hours=2)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        cancelled = departure_cancel(departure=departure, reason="Jalan desa longsor", now=now)

    departure.refresh_from_db()
    assert departure.status == DepartureStatus.CANCELLED
    assert departure.note == "Jalan desa longsor"
    assert {b.pk for b in cancelled} == {siti.pk, emma.pk, held.pk}
    for booking in (siti, emma):
        booking.refresh_from_db()
        assert booking.status == BookingStatus.CANCELLED
        assert booking.refund_percent == 100
        assert booking.cancelled_at == now
    held.refresh_from_db()
    assert held.status == BookingStatus.EXPIRED
    assert seats_taken(departure, now=now) == 0
    # One e-mail per confirmed guest, none for the hold that never became a booking.
    assert len(callbacks) == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["emma@example.com", "siti@contoh.id"]
    assert all(siti.reference in m.subject or emma.reference in m.subject for m in mail.outbox)


def test_cancelling_a_departure_needs_a_reason_and_changes_nothing_without_one():
    departure = DepartureFactory(capacity=20)
    booking = confirmed(departure, 2)
    with pytest.raises(BookingInvalid) as refused:
        departure_cancel(departure=departure, reason="  ", now=BOOKED_AT)
    assert "reason" in refused.value.errors
    departure.refresh_from_db()
    booking.refresh_from_db()
    assert departure.status == DepartureStatus.OPEN
    assert booking.status == BookingStatus.CONFIRMED


def test_a_cancelled_departure_stays_cancelled(django_capture_on_commit_callbacks):
    departure = DepartureFactory(capacity=20)
    confirmed(departure, 2)
    departure_cancel(departure=departure, reason="Hujan badai", now=BOOKED_AT)

    with pytest.raises(NotAllowed):
        departure_set_status(departure=departure, status=DepartureStatus.OPEN)
    with pytest.raises(BookingClosed):
        hold(departure, 1)
    # Cancelling again tells nobody twice.
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert departure_cancel(departure=departure, reason="Hujan badai", now=BOOKED_AT) == []
    assert callbacks == []
