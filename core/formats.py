"""Local formats: rupiah, dates and times as Indonesians and English readers expect them.

"Rp 150.000" in Indonesian and "Rp 150,000" in English; "Sabtu, 12 Desember 2026" and
"Saturday 12 December 2026"; "09.00 WIB" and "09:00 WIB". A moment is shown on the clock of the
zone it is given (the village's own: WIB, WITA or WIT), never in the reader's time zone; without
one, in WIB.
"""

import datetime as dt

from django.utils import translation
from django.utils.dates import MONTHS, MONTHS_3, WEEKDAYS, WEEKDAYS_ABBR
from django.utils.text import capfirst
from django.utils.translation import ngettext

from core.localtime import Zone, local_moment, zone_abbreviation


def _is_indonesian(language: str | None = None) -> bool:
    return (language or translation.get_language() or "id").startswith("id")


def rupiah(amount: int | None, language: str | None = None) -> str:
    if amount is None:
        return ""
    sign = "-" if amount < 0 else ""
    grouped = f"{abs(int(amount)):,}"
    if _is_indonesian(language):
        grouped = grouped.replace(",", ".")
    return f"{sign}Rp {grouped}"


def local_date(value: dt.date | dt.datetime, language: str | None = None, zone: Zone = None) -> str:
    if isinstance(value, dt.datetime):
        value = local_moment(value, zone).date()
    with translation.override(language or translation.get_language()):
        weekday = str(WEEKDAYS[value.weekday()])
        month = str(MONTHS[value.month])
        if _is_indonesian(language):
            return f"{weekday}, {value.day} {month} {value.year}"
        return f"{weekday} {value.day} {month} {value.year}"


def short_date(value: dt.date | dt.datetime, zone: Zone = None) -> str:
    """'Sab 12 Des 2026' / 'Sat 12 Dec 2026': short enough for a listing column on a phone."""
    if isinstance(value, dt.datetime):
        value = local_moment(value, zone).date()
    weekday = WEEKDAYS_ABBR[value.weekday()]
    return f"{weekday} {value.day} {capfirst(MONTHS_3[value.month])} {value.year}"


def local_time(value: dt.datetime | dt.time, language: str | None = None, zone: Zone = None) -> str:
    if isinstance(value, dt.datetime):
        value = local_moment(value, zone).time()
    separator = "." if _is_indonesian(language) else ":"
    return f"{value.hour:02d}{separator}{value.minute:02d} {zone_abbreviation(zone)}"


def duration(minutes: int | None) -> str:
    if not minutes:
        return ""
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return ngettext("%(h)d hour %(m)d min", "%(h)d hours %(m)d min", hours) % {
            "h": hours,
            "m": rest,
        }
    if hours:
        return ngettext("%(h)d hour", "%(h)d hours", hours) % {"h": hours}
    return ngettext("%(m)d minute", "%(m)d minutes", rest) % {"m": rest}
