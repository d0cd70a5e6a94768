"""Laporan Laba Rugi (income statement) in the Kepmendesa 136 layout: operating revenue less
revenue deductions, cost of services and operating expenses, then other income and expenses, to
the net profit of the period, with the same span one year earlier beside each figure.

Year-end closing entries are left out, so a closed year still shows what it earned.
"""

import datetime as dt
from dataclasses import dataclass

from bumdes.models import AccountKind
from bumdes.models.accounts import DEBIT_NORMAL, INCOME_KINDS
from bumdes.reports.figures import Figure, Line, Section
from bumdes.reports.scope import Period, Scope, lines_of, scope_for, signed_sum, without_closing

SECTIONS = (
    ("revenue", "Pendapatan Usaha"),
    ("deductions", "Pengurangan Pendapatan"),
    ("cost", "Beban Pokok Pendapatan"),
    ("operating", "Beban Operasional"),
    ("other_income", "Pendapatan Lain-lain"),
    ("other_expense", "Beban Lain-lain"),
)


@dataclass
class IncomeStatement:
    scope: Scope
    sections: dict[str, Section]
    net_revenue: Figure
    gross_profit: Figure
    operating_profit: Figure
    other_net: Figure
    net_profit: Figure


def section_of(code: str, kind: str) -> str:
    if kind == AccountKind.REVENUE:
        return "revenue"
    if kind == AccountKind.CONTRA_REVENUE:
        return "deductions"
    if kind == AccountKind.OTHER_INCOME:
        return "other_income"
    if kind == AccountKind.OTHER_EXPENSE:
        return "other_expense"
    return "cost" if code.startswith(("5", "6.1", "6.2")) else "operating"


def _figure(sections, plus, minus) -> Figure:
    figure = Figure(0, 0)
    for key in plus:
        figure += sections[key].total
    for key in minus:
        figure -= sections[key].total
    return figure


def income_statement(enterprise, *, start: dt.date, end: dt.date, unit=None) -> IncomeStatement:
    """Revenue, expenses and profit of a period and of the same span a year earlier; one
    aggregate query."""
    period = Period(start, end)
    prior = period.prior
    rows = (
        without_closing(lines_of(enterprise, unit), enterprise)
        .filter(period.q() | prior.q(), account__kind__in=INCOME_KINDS)
        .values("account__code", "account__name", "account__kind")
        .annotate(current=signed_sum(period.q()), prior=signed_sum(prior.q()))
        .order_by("account__code")
    )
    sections = {key: Section(key, title) for key, title in SECTIONS}
    for row in rows:
        # Shown in each account's own direction: revenue as a credit, expenses as a debit.
        sign = 1 if row["account__kind"] in DEBIT_NORMAL else -1
        line = Line(
            row["account__code"],
            row["account__name"],
            sign * (row["current"] or 0),
            sign * (row["prior"] or 0),
        )
        sections[section_of(line.code, row["account__kind"])].add(line)
    net_revenue = _figure(sections, ["revenue"], ["deductions"])
    gross = _figure(sections, ["revenue"], ["deductions", "cost"])
    operating = _figure(sections, ["revenue"], ["deductions", "cost", "operating"])
    other = _figure(sections, ["other_income"], ["other_expense"])
    net = operating + other
    return IncomeStatement(
        scope=scope_for(enterprise, unit, period),
        sections=sections,
        net_revenue=net_revenue,
        gross_profit=gross,
        operating_profit=operating,
        other_net=other,
        net_profit=net,
    )
