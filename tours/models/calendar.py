"""The availability calendar of a tour page: one month of bookable departures, soonest first.

A selector for the tour page and for its month fragment (swapped in by static/js/booking.js).
It reads the departures of the tour page of the default language, which translations share,
through `availability.bookable_departures`: past, closed, cut-off and full departures never show.

One query per call: every bookable departure up to the horizon, grouped here by local date and
month. The same rows answer "which month has dates", "the next few dates" and "this month".
When the current month has nothing left, the calendar opens on the next month that has.
"""

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.dates import WEEKDAYS_ABBR
from wagtail.models import Page

from core.localtime import business_date
from tours.models.availability import bookable_departures
from tours.models.departures import Departure

FEW_PLACES = 5  # "3 places left" is shown only at or below this
NEXT_SLOTS = 3  # quick links to the soonest dates, above the month
HORIZON_DAYS = 366  # how far ahead months are looked at
MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass
class Slot:
    departure: Departure
    seats_left: int

    @property
    def starts_at(self) -> dt.datetime:
        return self.departure.starts_at

    @property
    def few(self) -> bool:
        return self.seats_left <= FEW_PLACES


@dataclass
class Day:
    date: dt.date
    in_month: bool
    slots: list[Slot] = field(default_factory=list)
    selected: bool = False

    @property
    def few(self) -> bool:
        return bool(self.slots) and all(slot.few for slot in self.slots)


def _first_of(value: str | None) -> dt.date | None:
    match = MONTH_RE.match(value or "")
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if not (1 <= month <= 12 and 2000 <= year <= 2100):
        return None
    return dt.date(year, month, 1)


def _parse_day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value or "")
    except ValueError:
        return None


def _add_months(month: dt.date, count: int) -> dt.date:
    index = month.year * 12 + month.month - 1 + count
    return dt.date(index // 12, index % 12 + 1, 1)


def tour_availability(
    tour: Page,
    *,
    month: str | None = None,
    day: str | None = None,
    now: dt.datetime | None = None,
) -> dict:
    """The month to show (`month` is "YYYY-MM"; bad values are ignored), its days and slots.

    Returns a dict for the template: `month` (first day), `weeks` (lists of `Day`), `weekdays`,
    `selected` (the `Day` whose slots are listed), `next_slots`, `prev_month`, `next_month`,
    `next_with_slots` (when the shown month is empty), `moved` (the current month had nothing
    left, so a later month is shown) and `has_any`.
    """
    now = now or timezone.now()
    zone = tour.zone
    this_month = business_date(now, zone).replace(day=1)
    last_month = _add_months(this_month, 12)
    slots = [
        Slot(departure=d, seats_left=d.seats_left)
        for d in bookable_departures(
            tour, start=now, end=now + dt.timedelta(days=HORIZON_DAYS), now=now
        )
    ]
    by_date: dict[dt.date, list[Slot]] = {}
    for slot in slots:
        by_date.setdefault(business_date(slot.starts_at, zone), []).append(slot)
    months = sorted({date.replace(day=1) for date in by_date})
    shown, moved = _month_shown(_first_of(month), this_month, last_month, months)
    weeks = _weeks(shown, by_date)
    days = [d for week in weeks for d in week if d.in_month and d.slots]
    wanted = _parse_day(day)
    selected = next((d for d in days if d.date == wanted), days[0] if days else None)
    if selected is not None:
        selected.selected = True

    latest = months[-1] if months else this_month
    return {
        "month": shown,
        "weeks": weeks,
        "weekdays": [WEEKDAYS_ABBR[i] for i in range(7)],
        "selected": selected,
        "next_slots": slots[:NEXT_SLOTS],
        "prev_month": _add_months(shown, -1) if shown > this_month else None,
        "next_month": _add_months(shown, 1) if shown < min(latest, last_month) else None,
        "next_with_slots": next((m for m in months if m > shown), None) if not days else None,
        "moved": moved,
        "has_any": bool(slots),
        "few_places": FEW_PLACES,
    }


def _month_shown(
    requested: dt.date | None, this_month: dt.date, last_month: dt.date, months: list[dt.date]
) -> tuple[dt.date, bool]:
    """The month to show, and whether it moved on: with none asked for, this month, or the first
    month with dates when this one has none left; an asked-for month is kept within the year."""
    if requested is not None:
        return min(max(requested, this_month), last_month), False
    if months and this_month not in months:
        return months[0], True
    return this_month, False


def _weeks(shown: dt.date, by_date: dict[dt.date, list[Slot]]) -> list[list[Day]]:
    """The shown month's weeks from Monday, days of the months around it included."""
    return [
        [Day(date=d, in_month=d.month == shown.month, slots=by_date.get(d, [])) for d in week]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(shown.year, shown.month)
    ]
