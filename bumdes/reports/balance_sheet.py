"""Laporan Posisi Keuangan (balance sheet) as of a date, beside the same date one year earlier.

Equity shows the year's result even before the year is closed, so the statement always
balances: closing entries are left out, results of earlier years are part of retained earnings
(Saldo Laba) and the result from 1 January to the date is the current year's result. Whether or
not a year has been closed, the figures are the same; and the current year's result equals the
income statement from 1 January to the date.

For one business unit the statement lists the lines posted with that unit; it balances as long
as entries keep a unit on all their lines (the sales postings do). `difference` shows any gap.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q

from bumdes.models import AccountKind
from bumdes.models.accounts import INCOME_KINDS
from bumdes.reports.figures import Figure, Line, Section
from bumdes.reports.scope import (
    Period,
    Scope,
    lines_of,
    one_year_earlier,
    scope_for,
    signed_sum,
    without_closing,
)

SECTIONS = (
    ("current_assets", "Aset Lancar"),
    ("noncurrent_assets", "Aset Tidak Lancar"),
    ("current_liabilities", "Liabilitas Jangka Pendek"),
    ("noncurrent_liabilities", "Liabilitas Jangka Panjang"),
    ("equity", "Ekuitas"),
)
RETAINED_PREFIXES = ("3.3", "3.9")


@dataclass
class BalanceSheet:
    scope: Scope
    sections: dict[str, Section]
    total_assets: Figure
    total_liabilities: Figure
    total_equity: Figure
    total_liabilities_equity: Figure
    retained_earnings: Figure  # 3.3 and 3.9 with the results of earlier years
    current_year_result: Figure  # 1 January to the date, closed or not

    @property
    def difference(self) -> Figure:
        return self.total_assets - self.total_liabilities_equity

    @property
    def balanced(self) -> bool:
        return self.difference == Figure(0, 0)


def _section_of(code: str, kind: str) -> str:
    if kind == AccountKind.ASSET:
        return "current_assets" if code.startswith("1.1") else "noncurrent_assets"
    if kind == AccountKind.LIABILITY:
        return "current_liabilities" if code.startswith("2.1") else "noncurrent_liabilities"
    return "equity"


def balance_sheet(enterprise, *, date: dt.date, unit=None) -> BalanceSheet:
    """Assets, liabilities and equity as of `date` and one year earlier; one aggregate query."""
    prior_date = one_year_earlier(date)
    year_start = dt.date(date.year, 1, 1)
    prior_year_start = dt.date(prior_date.year, 1, 1)
    rows = (
        without_closing(lines_of(enterprise, unit), enterprise)
        .filter(date__lte=date)
        .values("account__code", "account__name", "account__kind")
        .annotate(
            current=signed_sum(),
            current_before=signed_sum(Q(date__lt=year_start)),
            prior=signed_sum(Q(date__lte=prior_date)),
            prior_before=signed_sum(Q(date__lt=prior_year_start)),
        )
        .order_by("account__code")
    )
    sections = {key: Section(key, title) for key, title in SECTIONS}
    retained = Figure(0, 0)
    result = Figure(0, 0)
    for row in rows:
        code, kind = row["account__code"], row["account__kind"]
        current, prior = row["current"] or 0, row["prior"] or 0
        if kind in INCOME_KINDS:
            before = Figure(-(row["current_before"] or 0), -(row["prior_before"] or 0))
            retained += before
            result += Figure(-current, -prior) - before
        elif kind == AccountKind.ASSET:
            sections[_section_of(code, kind)].add(Line(code, row["account__name"], current, prior))
        elif kind == AccountKind.EQUITY and code.startswith(RETAINED_PREFIXES):
            retained += Figure(-current, -prior)
        else:
            line = Line(code, row["account__name"], -current, -prior)
            sections[_section_of(code, kind)].add(line)
    equity = sections["equity"]
    equity.add(Line("3.3", "Saldo Laba", retained.current, retained.prior))
    equity.add(Line("", "Laba (Rugi) Tahun Berjalan", result.current, result.prior))
    assets = sections["current_assets"].total + sections["noncurrent_assets"].total
    liabilities = sections["current_liabilities"].total + sections["noncurrent_liabilities"].total
    return BalanceSheet(
        scope=scope_for(enterprise, unit, Period(None, date)),
        sections=sections,
        total_assets=assets,
        total_liabilities=liabilities,
        total_equity=equity.total,
        total_liabilities_equity=liabilities + equity.total,
        retained_earnings=retained,
        current_year_result=result,
    )
