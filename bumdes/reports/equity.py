"""Laporan Perubahan Ekuitas (changes in equity): village capital, reserves and retained earnings
at the start of the period, the capital paid in, the period's profit, the profit distributed
(to the village, to community investors, to reserves) and the balances at the end.

As in the balance sheet, closing entries are left out and results not yet closed count as
retained earnings, so the closing figures equal the balance sheet's equity at the period end.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q

from bumdes.models import AccountKind
from bumdes.models.accounts import INCOME_KINDS
from bumdes.reports.scope import Period, Scope, lines_of, scope_for, signed_sum, without_closing

ROWS = (
    ("opening", "Saldo awal"),
    ("capital", "Penyertaan modal"),
    ("profit", "Laba (rugi) periode berjalan"),
    ("distributions", "Pembagian laba dan cadangan"),
    ("closing", "Saldo akhir"),
)


@dataclass
class EquityRow:
    key: str
    label: str
    capital: int = 0
    reserves: int = 0
    retained: int = 0

    @property
    def total(self) -> int:
        return self.capital + self.reserves + self.retained


@dataclass
class EquityChanges:
    scope: Scope
    rows: list[EquityRow]
    prior_rows: list[EquityRow]


def _component(code: str, kind: str) -> str:
    if kind in INCOME_KINDS or code.startswith(("3.3", "3.9")):
        return "retained"
    if code.startswith("3.2"):
        return "reserves"
    return "capital"


def _rows(figures: list[tuple[str, str, int, int]]) -> list[EquityRow]:
    """From (code, kind, balance before, movement) per account, credit positive."""
    rows = {key: EquityRow(key, label) for key, label in ROWS}
    for code, kind, before, movement in figures:
        component = _component(code, kind)
        setattr(rows["opening"], component, getattr(rows["opening"], component) + before)
        if kind in INCOME_KINDS:
            target = "profit"
        elif component == "capital":
            target = "capital"
        else:
            target = "distributions"
        setattr(rows[target], component, getattr(rows[target], component) + movement)
    closing = rows["closing"]
    for component in ("capital", "reserves", "retained"):
        value = sum(getattr(rows[key], component) for key, _ in ROWS[:-1])
        setattr(closing, component, value)
    return list(rows.values())


def equity_changes(enterprise, *, start: dt.date, end: dt.date, unit=None) -> EquityChanges:
    """Opening, movements and closing equity for the period and a year earlier; one aggregate
    query."""
    period = Period(start, end)
    prior = period.prior
    kinds = [AccountKind.EQUITY, *INCOME_KINDS]
    rows = (
        without_closing(lines_of(enterprise, unit), enterprise)
        .filter(date__lte=end, account__kind__in=kinds)
        .values("account__code", "account__kind")
        .annotate(
            before=signed_sum(Q(date__lt=start)),
            movement=signed_sum(period.q()),
            prior_before=signed_sum(Q(date__lt=prior.start)),
            prior_movement=signed_sum(prior.q()),
        )
        .order_by("account__code")
    )
    current, earlier = [], []
    for row in rows:
        code, kind = row["account__code"], row["account__kind"]
        current.append((code, kind, -(row["before"] or 0), -(row["movement"] or 0)))
        earlier.append((code, kind, -(row["prior_before"] or 0), -(row["prior_movement"] or 0)))
    return EquityChanges(
        scope=scope_for(enterprise, unit, period), rows=_rows(current), prior_rows=_rows(earlier)
    )
