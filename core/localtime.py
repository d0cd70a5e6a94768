"""Local time: every village keeps the clock of its own time zone.

Moments are stored in UTC. Indonesia has three zones, and a BUMDes names its own: WIB
(`Asia/Jakarta`, Java and Sumatra), WITA (`Asia/Makassar`, Bali, Lombok, Sulawesi) and WIT
(`Asia/Jayapura`, Maluku and Papua). A *business date* — the day of a departure, a posting, a
check-in, a due date — is the date of the moment in the village's zone. It never follows the time
zone of the person looking (Django's `timezone.localdate()` does, through the admin user's own
preference), so nothing here reads the active time zone.
"""

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

from django.db import models
from django.utils.translation import gettext_lazy as _

DEFAULT_ZONE = "Asia/Jakarta"

# name → (abbreviation, label); the order is west to east.
ZONES = {
    "Asia/Jakarta": (
        "WIB",
        _("WIB, Western Indonesia (Java, Sumatra, West Kalimantan)"),
    ),
    "Asia/Makassar": ("WITA", _("WITA, Central Indonesia (Bali, Nusa Tenggara, Sulawesi)")),
    "Asia/Jayapura": ("WIT", _("WIT, Eastern Indonesia (Maluku, Papua)")),
}
ZONE_CHOICES = [(name, label) for name, (_abbr, label) in ZONES.items()]

Zone = ZoneInfo | str | None


def zone_info(zone: Zone = None) -> ZoneInfo:
    """A ZoneInfo for a zone name or ZoneInfo; the default zone (WIB) when none is given."""
    if isinstance(zone, ZoneInfo):
        return zone
    return ZoneInfo(zone or DEFAULT_ZONE)


def zone_abbreviation(zone: Zone = None) -> str:
    """'WIB', 'WITA' or 'WIT'; another zone's own abbreviation for the rare one outside."""
    info = zone_info(zone)
    known = ZONES.get(info.key)
    if known:
        return known[0]
    return dt.datetime.now(info).tzname() or info.key


def local_moment(moment: dt.datetime, zone: Zone = None) -> dt.datetime:
    """The moment on the village's clock."""
    return moment.astimezone(zone_info(zone))


def business_date(moment: dt.datetime, zone: Zone = None) -> dt.date:
    """The village's date of a moment: the day it is posted, checked in or due."""
    return local_moment(moment, zone).date()


def local_datetime(day: dt.date, time: dt.time, zone: Zone = None) -> dt.datetime:
    """The aware moment of a wall-clock time on a village's day (e.g. 08.00 on Saturday)."""
    return dt.datetime.combine(day, time, tzinfo=zone_info(zone))


def day_start(day: dt.date, zone: Zone = None) -> dt.datetime:
    """Midnight at the start of a village's day."""
    return local_datetime(day, dt.time.min, zone)


def day_bounds(day: dt.date, zone: Zone = None) -> tuple[dt.datetime, dt.datetime]:
    """[start, end) of a village's day as aware moments."""
    start = day_start(day, zone)
    return start, day_start(day + dt.timedelta(days=1), zone)


DayOrRule = dt.date | Callable[[str], dt.date]


def _day_for(day: DayOrRule, zone: str) -> dt.date:
    return day(zone) if callable(day) else day


def local_days_filter(
    moment_field: str,
    zone_field: str,
    *,
    first: DayOrRule | None = None,
    last: DayOrRule | None = None,
) -> models.Q:
    """A filter for rows whose moment falls between two local days (both included) of the row's
    own zone, e.g. the departures of "today" wherever each village is. A day may be given as a
    function of the zone name (`lambda zone: business_date(now, zone)`). One condition per known
    zone, so a database query never depends on the active time zone."""
    condition = models.Q(pk__in=[])
    for name in ZONES:
        parts: dict = {zone_field: name}
        if first is not None:
            parts[f"{moment_field}__gte"] = day_start(_day_for(first, name), name)
        if last is not None:
            next_day = _day_for(last, name) + dt.timedelta(days=1)
            parts[f"{moment_field}__lt"] = day_start(next_day, name)
        condition |= models.Q(**parts)
    return condition


def today_in(now: dt.datetime) -> Callable[[str], dt.date]:
    """The local date of `now` in a zone, as a rule for `local_days_filter`."""
    return lambda zone: business_date(now, zone)
