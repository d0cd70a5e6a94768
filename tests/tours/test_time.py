"""Invariant 7: stored in UTC, shown and scheduled in Asia/Jakarta; a departure's date is its
local date. The dangerous hours are 00.00–07.00 WIB, when the UTC date is still the day before.
"""

import datetime as dt

import pytest

from core.formats import local_date, local_time
from tests.tours.factories import JAKARTA, UTC, DepartureFactory, confirmed, tour, wib
from tours.booking.checkin import booking_check_in
from tours.booking.departures import departures_generate
from tours.booking.errors import AlreadyCheckedIn, NotAllowed
from tours.models import Departure, ScheduleRule
from tours.models.availability import bookable_departures

pytestmark = pytest.mark.django_db

# Friday 15 March 2030 at 00.30 WIB is Thursday 14 March at 17.30 UTC.
MIDNIGHT_SLOT = wib(2030, 3, 15, 0, 30)
BOOKED_AT = wib(2030, 3, 1, 9, 0)


def _day(year, month, day) -> dict:
    """A local calendar day as the half-open range of instants the pages ask for."""
    start = wib(year, month, day)
    return {"start": start, "end": start + dt.timedelta(days=1)}


def test_a_departure_is_stored_in_utc_and_shown_on_its_local_date():
    departure = DepartureFactory(starts_at=MIDNIGHT_SLOT)

    stored = Departure.objects.get(pk=departure.pk).starts_at
    assert stored.utcoffset() == dt.timedelta(0)
    assert stored == dt.datetime(2030, 3, 14, 17, 30, tzinfo=UTC)
    assert local_date(stored, "id") == "Jumat, 15 Maret 2030"
    assert local_date(stored, "en") == "Friday 15 March 2030"
    assert local_time(stored, "id") == "00.30 WIB"
    assert "15 Maret 2030 00.30 WIB" in str(Departure.objects.get(pk=departure.pk))


def test_a_departure_just_after_midnight_is_listed_under_its_local_day():
    departure = DepartureFactory(starts_at=MIDNIGHT_SLOT, capacity=5)
    late_evening = DepartureFactory(starts_at=wib(2030, 3, 14, 23, 30), capacity=5)
    page = departure.tour

    friday = bookable_departures(page, now=BOOKED_AT, **_day(2030, 3, 15))
    thursday = bookable_departures(page, now=BOOKED_AT, **_day(2030, 3, 14))

    assert departure in friday and late_evening not in friday
    assert late_evening in thursday and departure not in thursday
    # The English page lists the same departures on the same days.
    english = bookable_departures(tour(language="en"), now=BOOKED_AT, **_day(2030, 3, 15))
    assert departure in english


def test_generated_departures_start_at_the_rule_time_in_jakarta():
    page = tour()  # Kelas Membatik: weekdays at 08.00, weekends at 09.00 WIB
    monday = wib(2030, 3, 11, 0, 0)

    created = departures_generate(tour=page, days=7, now=monday)

    week = Departure.objects.filter(
        tour=page, starts_at__gte=monday, starts_at__lt=wib(2030, 3, 18)
    )
    assert created == 7 == week.count()
    for departure in week:
        local = departure.starts_at.astimezone(JAKARTA)
        if local.weekday() < 5:
            assert departure.starts_at.astimezone(UTC).time() == dt.time(1, 0)  # 08.00 WIB
            assert local.time() == dt.time(8, 0)
        else:
            assert departure.starts_at.astimezone(UTC).time() == dt.time(2, 0)  # 09.00 WIB
            assert local.time() == dt.time(9, 0)


def test_a_rule_just_after_midnight_lands_on_its_local_weekday():
    page = tour()
    ScheduleRule.objects.filter(page=page).delete()
    ScheduleRule.objects.create(page=page, weekdays="4", start_time=dt.time(0, 30), capacity=6)

    created = departures_generate(tour=page, days=7, now=wib(2030, 3, 11, 12, 0))

    assert created == 1
    (departure,) = Departure.objects.filter(tour=page, starts_at__year=2030, rule__isnull=False)
    # Friday 00.30 WIB, which in UTC is still Thursday evening.
    assert departure.starts_at == MIDNIGHT_SLOT
    assert departure.starts_at.astimezone(UTC).weekday() == 3


def test_the_first_day_starts_at_local_midnight_not_utc_midnight():
    page = tour()
    ScheduleRule.objects.filter(page=page).delete()
    ScheduleRule.objects.create(page=page, weekdays="4", start_time=dt.time(5, 0), capacity=6)

    # Friday 02.00 WIB = Thursday 19.00 UTC: the Friday 05.00 slot is still ahead.
    assert departures_generate(tour=page, days=1, now=wib(2030, 3, 15, 2, 0)) == 1
    assert Departure.objects.filter(tour=page, starts_at=wib(2030, 3, 15, 5, 0)).exists()


def test_check_in_works_on_the_local_day_around_midnight():
    booking = confirmed(DepartureFactory(starts_at=MIDNIGHT_SLOT), now=BOOKED_AT)

    # 23.50 WIB on Thursday is the day before, though it is the same UTC date (14 March).
    with pytest.raises(NotAllowed):
        booking_check_in(booking=booking, now=wib(2030, 3, 14, 23, 50))
    # 00.10 WIB on Friday (still 14 March in UTC) is the day.
    checked = booking_check_in(booking=booking, now=wib(2030, 3, 15, 0, 10))
    assert checked.checked_in_at == wib(2030, 3, 15, 0, 10)


def test_check_in_late_in_the_evening_is_refused_after_local_midnight():
    evening = wib(2030, 3, 15, 23, 30)  # Friday 16.30 UTC
    booking = confirmed(DepartureFactory(starts_at=evening), now=BOOKED_AT)

    # Saturday 00.05 WIB: still Friday in UTC, but the ticket was for Friday in Wonosobo.
    with pytest.raises(NotAllowed):
        booking_check_in(booking=booking, now=wib(2030, 3, 16, 0, 5))
    booking_check_in(booking=booking, now=wib(2030, 3, 15, 23, 40))


def test_already_checked_in_tells_the_local_time():
    booking = confirmed(DepartureFactory(starts_at=MIDNIGHT_SLOT), now=BOOKED_AT)
    booking_check_in(booking=booking, now=wib(2030, 3, 15, 0, 10))

    with pytest.raises(AlreadyCheckedIn) as again:
        booking_check_in(booking=booking, now=wib(2030, 3, 15, 0, 20))

    assert again.value.at == wib(2030, 3, 15, 0, 10)
    message = str(again.value.message)
    assert "15 Maret 2030" in message or "15 March 2030" in message, message
    assert "00.10 WIB" in message or "00:10 WIB" in message, message
