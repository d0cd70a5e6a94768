"""What every report is about: which books (one enterprise, or several for the platform view),
which business unit, which period, and the prior period shown beside it.

The prior period is the same span one year earlier (29 February becomes 28 February). A report
for one business unit reads only the lines posted with that unit; `NO_UNIT` reads the lines
posted without one (capital, payments to community members, closing entries), so that the units
and `NO_UNIT` together add up to the whole BUMDes.

The shared query pieces live here too: the signed amount (debit positive), the accounts of a
kind, and the closing entries that statements leave out (a closed year's income statement shows
the year's revenue, not the zero the closing entry leaves behind).
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import BigIntegerField, Case, F, Q, QuerySet, Sum, When

from bumdes.models import BusinessUnit, Enterprise, JournalEntry, JournalLine, Side

CLOSING_SOURCES = ("year_close", "year_close_result")
NO_UNIT = "-"
MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
SIGNED = Case(
    When(side=Side.DEBIT, then=F("amount")),
    default=-F("amount"),
    output_field=BigIntegerField(),
)


def one_year_earlier(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def date_id(day: dt.date) -> str:
    """`31 Desember 2026`: how dates are written on the village meeting's forms."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def month_id(day: dt.date) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class Period:
    """From `start` to `end`, both included; no start means since the books began."""

    start: dt.date | None
    end: dt.date

    def __post_init__(self):
        if self.start is not None and self.start > self.end:
            raise ValueError(f"the period starts ({self.start}) after it ends ({self.end})")

    @property
    def prior(self) -> "Period":
        start = one_year_earlier(self.start) if self.start else None
        return Period(start, one_year_earlier(self.end))

    @property
    def label(self) -> str:
        if self.start is None:
            return f"s.d. {date_id(self.end)}"
        year = self.end.year
        if self.start == dt.date(year, 1, 1) and self.end == dt.date(year, 12, 31):
            return f"Tahun {self.end.year}"
        return f"{date_id(self.start)} s.d. {date_id(self.end)}"

    def q(self, prefix: str = "") -> Q:
        """The lines of this period (`prefix` for lines reached through a relation)."""
        q = Q(**{f"{prefix}date__lte": self.end})
        if self.start is not None:
            q &= Q(**{f"{prefix}date__gte": self.start})
        return q


@dataclass(frozen=True)
class Scope:
    """The header of every report: whose books, which unit, which period."""

    enterprise: str
    legal_name: str
    village: str
    unit: str
    period: Period
    prior: Period


def enterprise_list(enterprises: Enterprise | Iterable[Enterprise]) -> list[Enterprise]:
    if isinstance(enterprises, Enterprise):
        return [enterprises]
    found = list(enterprises)
    if not found:
        raise ValueError("no enterprise given")
    return found


def scope_for(
    enterprises: Enterprise | Iterable[Enterprise], unit, period: Period, title_all: str = ""
) -> Scope:
    found = enterprise_list(enterprises)
    if unit is None:
        unit_name = "Semua unit usaha"
    elif unit == NO_UNIT:
        unit_name = "Tanpa unit usaha (umum)"
    else:
        unit_name = unit.name
    if len(found) == 1:
        e = found[0]
        return Scope(e.name, e.legal_name, e.village, unit_name, period, period.prior)
    names = ", ".join(e.name for e in found)
    return Scope(title_all or "Semua BUMDes", names, "", unit_name, period, period.prior)


def lines_of(enterprises: Enterprise | Iterable[Enterprise], unit=None) -> QuerySet:
    """The journal lines of the given books, narrowed to one business unit if asked."""
    found = enterprise_list(enterprises)
    # No default ordering: the model orders lines by entry, which would join every line to its
    # entry (a second scan of the journal) even in aggregate queries.
    lines = JournalLine.objects.order_by()
    if len(found) == 1:
        lines = lines.filter(enterprise_id=found[0].pk)
    else:
        lines = lines.filter(enterprise_id__in=[e.pk for e in found])
    if unit is None:
        return lines
    if unit == NO_UNIT:
        return lines.filter(unit__isnull=True)
    if not isinstance(unit, BusinessUnit) or unit.enterprise_id not in {e.pk for e in found}:
        raise ValueError("the business unit belongs to another BUMDes")
    return lines.filter(unit_id=unit.pk)


def without_closing(lines: QuerySet, enterprises: Enterprise | Iterable[Enterprise]) -> QuerySet:
    """Leave out the year-end closing entries (a hashed `NOT IN` over a handful of entries)."""
    ids = [e.pk for e in enterprise_list(enterprises)]
    closing = JournalEntry.objects.filter(
        enterprise_id__in=ids, source_type__in=CLOSING_SOURCES
    ).values("pk")
    return lines.exclude(entry_id__in=closing)


def signed_sum(condition: Q | None = None) -> Sum:
    """Debit-positive sum of the lines matching `condition`."""
    return Sum(SIGNED, filter=condition) if condition is not None else Sum(SIGNED)


def credit_sum(condition: Q | None = None) -> Sum:
    """Credit-positive sum (revenue, liabilities, equity shown as positive figures)."""
    negated = Case(
        When(side=Side.CREDIT, then=F("amount")),
        default=-F("amount"),
        output_field=BigIntegerField(),
    )
    return Sum(negated, filter=condition) if condition is not None else Sum(negated)
