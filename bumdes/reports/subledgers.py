"""Sub-ledgers that must agree with the general ledger: unearned revenue per booking (2.1.06.01),
receivables per partner (1.1.03.01), payables per community member (2.1.01.90) and per partner
(2.1.01.91). Each lists the open balances as of a date beside those a year earlier, and its total
equals the account's balance in the general ledger. One aggregate query per sub-ledger."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Max, Min, Q, Value
from django.db.models.functions import Coalesce

from bumdes import chart
from bumdes.reports.figures import Figure
from bumdes.reports.scope import (
    Period,
    Scope,
    credit_sum,
    lines_of,
    one_year_earlier,
    scope_for,
    signed_sum,
)


@dataclass
class SubLedgerRow:
    key: str  # booking reference or counterparty id
    name: str  # tour or counterparty name
    since: dt.date | None  # first line on the account
    current: int
    prior: int


@dataclass
class SubLedger:
    code: str
    title: str
    rows: list[SubLedgerRow]
    total: Figure


@dataclass
class SubLedgers:
    scope: Scope
    ledgers: list[SubLedger]


def _ledger(lines, code: str, date: dt.date, by: str, name: str, debit_normal: bool) -> list:
    prior = one_year_earlier(date)
    total = signed_sum if debit_normal else credit_sum
    return list(
        lines.filter(account__code=code, date__lte=date)
        .values(by)
        .annotate(
            label=Max(name),
            since=Min("date"),
            current=Coalesce(total(), Value(0)),
            prior=Coalesce(total(Q(date__lte=prior)), Value(0)),
        )
        .filter(~Q(current=0) | ~Q(prior=0))
        .order_by(by)
    )


def _figures(row: dict) -> tuple[int, int]:
    return row["current"], row["prior"]


def _rows(rows: list, by: str) -> tuple[list[SubLedgerRow], Figure]:
    result = [
        SubLedgerRow(str(row[by] or ""), row["label"] or "", row["since"], *_figures(row))
        for row in rows
    ]
    return result, Figure(sum(r.current for r in result), sum(r.prior for r in result))


def unearned_by_booking(enterprise, *, date: dt.date, unit=None) -> SubLedger:
    rows = _ledger(lines_of(enterprise, unit), chart.UNEARNED, date, "booking_ref", "tour", False)
    result, total = _rows(rows, "booking_ref")
    return SubLedger(chart.UNEARNED, "Pendapatan Diterima Dimuka per Pemesanan", result, total)


def balances_by_counterparty(
    enterprise, *, code: str, date: dt.date, unit=None, title: str = ""
) -> SubLedger:
    debit_normal = code.startswith("1")
    lines = lines_of(enterprise, unit)
    rows = _ledger(lines, code, date, "counterparty_id", "counterparty__name", debit_normal)
    result, total = _rows(rows, "counterparty_id")
    return SubLedger(code, title or code, result, total)


SUBLEDGERS = (
    (chart.RECEIVABLES, "Piutang Usaha per Mitra"),
    (chart.COMMUNITY_PAYABLE, "Utang kepada Mitra Komunitas per Orang"),
    (chart.COMMISSION_PAYABLE, "Utang Komisi per Mitra"),
)


def subledgers(enterprise, *, date: dt.date, unit=None) -> SubLedgers:
    """All four sub-ledgers as of a date; four aggregate queries."""
    ledgers = [unearned_by_booking(enterprise, date=date, unit=unit)]
    for code, title in SUBLEDGERS:
        ledgers.append(
            balances_by_counterparty(enterprise, code=code, date=date, unit=unit, title=title)
        )
    return SubLedgers(scope_for(enterprise, unit, Period(None, date)), ledgers)
