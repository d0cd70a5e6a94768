"""Impact: income of community members (guides, artisans, hosts), for the BUMDes and its
funders, by month, by village (enterprise) and by the members' flags (returned migrant worker:
yes, no, unknown; gender).

Two figures, both from the books:
- **earned**: the community fees recognised when a service was delivered (6.2.99.90, debits less
  credits, so reversals net out) — the income the member has a right to, paid or not yet;
- **paid**: money that left the BUMDes's cash accounts (1.1.01.*) to the member, net of any
  reversal — what reached their hands in the period.
Earned is the headline figure (it follows the service, like revenue); paid shows how quickly the
BUMDes settles what it owes. Members counts each person with earned or paid income once.
One aggregate query per view.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth

from bumdes import chart
from bumdes.models import CounterpartyKind
from bumdes.reports.scope import (
    Period,
    Scope,
    credit_sum,
    lines_of,
    month_id,
    one_year_earlier,
    scope_for,
    signed_sum,
)

MIGRANT = {True: "Pekerja migran purna (atau keluarga)", False: "Bukan pekerja migran purna"}
GENDERS = {"female": "Perempuan", "male": "Laki-laki"}
UNKNOWN = "Tidak diketahui"


@dataclass
class ImpactRow:
    key: str
    label: str
    earned: int
    paid: int
    members: int
    prior_earned: int
    prior_paid: int
    prior_members: int


@dataclass
class ImpactReport:
    scope: Scope
    by_month: list[ImpactRow]
    by_village: list[ImpactRow]
    by_migrant: list[ImpactRow]
    by_gender: list[ImpactRow]
    total: ImpactRow


def _aggregates(period: Period, prior: Period) -> dict:
    fees = Q(account__code=chart.COMMUNITY_FEES)
    cash = Q(account__code__startswith="1.1.01.")
    return {
        "earned": signed_sum(fees & period.q()),
        "paid": credit_sum(cash & period.q()),
        "members": Count("counterparty", distinct=True, filter=period.q()),
        "prior_earned": signed_sum(fees & prior.q()),
        "prior_paid": credit_sum(cash & prior.q()),
        "prior_members": Count("counterparty", distinct=True, filter=prior.q()),
    }


FIGURES = ("earned", "paid", "members", "prior_earned", "prior_paid", "prior_members")


def _row(key, label, row: dict) -> ImpactRow:
    return ImpactRow(str(key), label, *(row.get(name) or 0 for name in FIGURES))


def _sum(key, label, rows: list[ImpactRow]) -> ImpactRow:
    return ImpactRow(key, label, *(sum(getattr(r, name) for r in rows) for name in FIGURES))


def _by_month(lines, period: Period) -> list[ImpactRow]:
    """Each month of the period beside the same month a year earlier: one aggregate query."""
    monthly = {
        row["month"]: row
        for row in lines.annotate(month=TruncMonth("date"))
        .values("month")
        .annotate(
            earned=signed_sum(Q(account__code=chart.COMMUNITY_FEES)),
            paid=credit_sum(Q(account__code__startswith="1.1.01.")),
            members=Count("counterparty", distinct=True),
        )
        .order_by("month")
    }
    rows = []
    month = dt.date(period.start.year, period.start.month, 1)
    while month <= period.end:
        now, before = monthly.get(month, {}), monthly.get(one_year_earlier(month), {})
        rows.append(
            ImpactRow(
                month.isoformat()[:7],
                month_id(month),
                now.get("earned") or 0,
                now.get("paid") or 0,
                now.get("members") or 0,
                before.get("earned") or 0,
                before.get("paid") or 0,
                before.get("members") or 0,
            )
        )
        month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return rows


def _by_flags(lines, figures: dict) -> tuple[list[ImpactRow], list[ImpactRow]]:
    """By the returned-migrant-worker flag and by gender, unknown last: one aggregate query on
    the pairs of both, summed each way."""
    cells = list(
        lines.values("counterparty__returned_migrant_worker", "counterparty__gender")
        .annotate(**figures)
        .order_by()
    )
    by_migrant, by_gender = [], []
    for flag in (True, False, None):
        found = [
            _row("", "", c) for c in cells if c["counterparty__returned_migrant_worker"] is flag
        ]
        key = {True: "yes", False: "no", None: "unknown"}[flag]
        by_migrant.append(_sum(key, MIGRANT.get(flag, UNKNOWN), found))
    for gender in ("female", "male", ""):
        found = [_row("", "", c) for c in cells if (c["counterparty__gender"] or "") == gender]
        by_gender.append(_sum(gender or "unknown", GENDERS.get(gender, UNKNOWN), found))
    return by_migrant, by_gender


def impact(enterprises, *, start: dt.date, end: dt.date, unit=None) -> ImpactReport:
    """Community members' income by month, village, migrant flag and gender; three queries."""
    period = Period(start, end)
    prior = period.prior
    lines = lines_of(enterprises, unit).filter(
        Q(account__code=chart.COMMUNITY_FEES) | Q(account__code__startswith="1.1.01."),
        period.q() | prior.q(),
        counterparty__kind=CounterpartyKind.COMMUNITY,
    )
    figures = _aggregates(period, prior)
    by_month = _by_month(lines, period)
    by_village = [
        _row(row["enterprise_id"], row["enterprise__name"], row)
        for row in lines.values("enterprise_id", "enterprise__name")
        .annotate(**figures)
        .order_by("enterprise__name")
    ]
    by_migrant, by_gender = _by_flags(lines, figures)
    return ImpactReport(
        scope=scope_for(enterprises, unit, period),
        by_month=by_month,
        by_village=by_village,
        by_migrant=by_migrant,
        by_gender=by_gender,
        total=_sum("total", "Jumlah", by_village),
    )
