"""Operational revenue views: revenue by tour, by channel, by month and by village (the
enterprise itself; several enterprises for the platform-wide view of superusers).

Revenue is what was recognised on the revenue accounts 4.1.* net of the revenue deductions
4.1.98 (refunds after delivery), by the dimensions the sales side writes on each line. Closing
entries are left out. One aggregate query per view, each with the prior period beside it.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models.functions import TruncMonth

from bumdes.reports.figures import Figure
from bumdes.reports.scope import (
    Period,
    Scope,
    credit_sum,
    lines_of,
    month_id,
    one_year_earlier,
    scope_for,
    without_closing,
)

REVENUE_PREFIX = "4.1."
CHANNELS = {"direct": "Langsung", "partner": "Mitra (hotel, agen)", "staff": "Petugas"}
UNKNOWN = "(tidak tercatat)"


@dataclass
class RevenueRow:
    key: str
    label: str
    current: int
    prior: int


@dataclass
class RevenueReport:
    scope: Scope
    by_tour: list[RevenueRow]
    by_channel: list[RevenueRow]
    by_month: list[RevenueRow]
    by_village: list[RevenueRow]
    total: Figure


def _months(period: Period) -> list[dt.date]:
    month = dt.date(period.start.year, period.start.month, 1)
    months = []
    while month <= period.end:
        months.append(month)
        month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return months


def revenue(enterprises, *, start: dt.date, end: dt.date, unit=None) -> RevenueReport:
    """Net revenue of the period and of the same span a year earlier by tour, channel, month and
    village; four aggregate queries."""
    period = Period(start, end)
    prior = period.prior
    lines = without_closing(lines_of(enterprises, unit), enterprises).filter(
        period.q() | prior.q(), account__code__startswith=REVENUE_PREFIX
    )
    current, earlier = credit_sum(period.q()), credit_sum(prior.q())

    def grouped(*fields) -> list[dict]:
        rows = lines.values(*fields).annotate(current=current, prior=earlier)
        return list(rows.order_by(*fields))

    def rows(found, key, label) -> list[RevenueRow]:
        result = [
            RevenueRow(str(row[key]), label(row), row["current"] or 0, row["prior"] or 0)
            for row in found
        ]
        return sorted(result, key=lambda r: (-r.current, -r.prior, r.label))

    by_tour = rows(grouped("tour"), "tour", lambda r: r["tour"] or UNKNOWN)
    by_channel = rows(
        grouped("channel"), "channel", lambda r: CHANNELS.get(r["channel"], r["channel"] or UNKNOWN)
    )
    villages = grouped("enterprise_id", "enterprise__name")
    by_village = rows(villages, "enterprise_id", lambda r: r["enterprise__name"])
    monthly = {
        row["month"]: row["total"] or 0
        for row in lines.annotate(month=TruncMonth("date"))
        .values("month")
        .annotate(total=credit_sum())
        .order_by("month")
    }
    by_month = [
        RevenueRow(
            month.isoformat()[:7],
            month_id(month),
            monthly.get(month, 0),
            monthly.get(one_year_earlier(month), 0),
        )
        for month in _months(period)
    ]
    total = Figure(sum(r.current for r in by_village), sum(r.prior for r in by_village))
    return RevenueReport(
        scope=scope_for(enterprises, unit, period),
        by_tour=by_tour,
        by_channel=by_channel,
        by_month=by_month,
        by_village=by_village,
        total=total,
    )
