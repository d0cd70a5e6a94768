"""Laporan Arus Kas (cash flow statement), direct method.

Cash is the accounts 1.1.01.* (cash on hand, bank, payment gateway balance, payouts in transit).
Each cash movement is classified by the other accounts of the same entry: money received against
unearned revenue or revenue comes from customers, money paid against the community payable goes
to community members, and so on. In a balanced entry the cash lines add up to minus the other
lines, so the flows are the other lines of every entry that touches cash: one aggregate query
with a semi-join of the lines to the entries that touch cash. An entry with only cash lines (a
Stripe payout from the gateway to payouts in transit to the bank) moves money between cash
accounts and is no cash flow.

Opening cash + net cash flow = closing cash, for the whole BUMDes always, and for one business
unit as long as entries keep a unit on all their lines.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q

from bumdes.models import Account, JournalLine
from bumdes.reports.figures import Figure, Line, Section
from bumdes.reports.scope import (
    Period,
    Scope,
    credit_sum,
    enterprise_list,
    lines_of,
    scope_for,
    signed_sum,
)

CASH_PREFIX = "1.1.01."
ACTIVITIES = (
    ("operating", "Arus Kas dari Aktivitas Operasi"),
    ("investing", "Arus Kas dari Aktivitas Investasi"),
    ("financing", "Arus Kas dari Aktivitas Pendanaan"),
)
CATEGORIES = {
    "customers": ("operating", "Penerimaan dari pelanggan"),
    "refunds": ("operating", "Pengembalian dana kepada pelanggan"),
    "community": ("operating", "Pembayaran kepada mitra komunitas"),
    "partners": ("operating", "Pembayaran komisi kepada mitra"),
    "fees": ("operating", "Pembayaran biaya layanan pembayaran"),
    "other_operating": ("operating", "Penerimaan (pembayaran) operasional lainnya"),
    "investing": ("investing", "Perolehan (pelepasan) aset tidak lancar"),
    "capital": ("financing", "Penerimaan penyertaan modal"),
    "distributions": ("financing", "Pembayaran bagi hasil (PADes, investor)"),
    "loans": ("financing", "Penerimaan (pembayaran) pinjaman"),
}
# The counter-account's code decides the category: the first matching prefix wins.
PREFIXES = (
    ("4.1.98", "refunds"),
    ("2.1.06.02", "refunds"),
    ("2.1.06", "customers"),
    ("1.1.03", "customers"),
    ("4", "customers"),
    ("7.1.03", "customers"),
    ("2.1.01.90", "community"),
    ("6.2.99.90", "community"),
    ("2.1.01.91", "partners"),
    ("6.3.99.91", "partners"),
    ("6.3.99.92", "fees"),
    ("2.1.07", "distributions"),
    ("3.2", "distributions"),
    ("3.3", "distributions"),
    ("3", "capital"),
    ("2.2", "loans"),
    ("1.1", "other_operating"),
    ("1", "investing"),
)


def category_of(code: str) -> str:
    for prefix, category in PREFIXES:
        if code == prefix or code.startswith(prefix + "."):
            return category
    return "other_operating"


@dataclass
class CashFlow:
    scope: Scope
    activities: dict[str, Section]  # lines: one per category (code = category key)
    net_change: Figure
    opening_cash: Figure
    closing_cash: Figure
    cash_accounts: list[Line]  # closing balance per cash account

    @property
    def reconciles(self) -> bool:
        return self.opening_cash + self.net_change == self.closing_cash


def _cash_account_ids(ids: list[int]) -> list[int]:
    """The cash accounts' ids as literals (a query on the small chart, not the journal): with a
    subquery PostgreSQL guesses one cash line in a hundred and plans a hash that spills."""
    return list(
        Account.objects.filter(
            enterprise_id__in=ids, code__startswith=CASH_PREFIX, is_header=False
        ).values_list("pk", flat=True)
    )


def _activities(
    enterprise, unit, period: Period, *, ids: list[int], cash: list[int]
) -> dict[str, Section]:
    """The flows by activity, one line per category: one aggregate query over the other lines
    of the entries that touch cash (a parallel hash semi-join on the entry)."""
    prior = period.prior
    span = period.q() | prior.q()
    entries_with_cash = (
        JournalLine.objects.order_by()
        .filter(span, enterprise_id__in=ids, account_id__in=cash)
        .values("entry_id")
    )
    flows = (
        lines_of(enterprise, unit)
        .filter(span, entry_id__in=entries_with_cash)
        .exclude(account_id__in=cash)
        .values("account__code")
        .annotate(current=credit_sum(period.q()), prior=credit_sum(prior.q()))
    )
    totals: dict[str, Figure] = {}
    for row in flows:
        category = category_of(row["account__code"])
        figure = Figure(row["current"] or 0, row["prior"] or 0)
        totals[category] = totals.get(category, Figure(0, 0)) + figure
    activities = {key: Section(key, title) for key, title in ACTIVITIES}
    for category, (activity, label) in CATEGORIES.items():
        if category in totals:
            figure = totals[category]
            activities[activity].add(Line(category, label, figure.current, figure.prior))
    return activities


def _cash_balances(
    enterprise, unit, period: Period, *, cash: list[int]
) -> tuple[Figure, Figure, list[Line]]:
    """Opening and closing cash, and the closing balance per cash account: one aggregate query."""
    prior = period.prior
    rows = (
        lines_of(enterprise, unit)
        .filter(date__lte=period.end, account_id__in=cash)
        .values("account__code", "account__name")
        .annotate(
            opening=signed_sum(Q(date__lt=period.start)),
            closing=signed_sum(),
            prior_opening=signed_sum(Q(date__lt=prior.start)),
            prior_closing=signed_sum(Q(date__lte=prior.end)),
        )
        .order_by("account__code")
    )
    opening, closing, accounts = Figure(0, 0), Figure(0, 0), []
    for row in rows:
        opening += Figure(row["opening"] or 0, row["prior_opening"] or 0)
        figure = Figure(row["closing"] or 0, row["prior_closing"] or 0)
        closing += figure
        accounts.append(
            Line(row["account__code"], row["account__name"], figure.current, figure.prior)
        )
    return opening, closing, accounts


def cash_flow(enterprise, *, start: dt.date, end: dt.date, unit=None) -> CashFlow:
    """Receipts and payments of the period by activity, and the cash at its start and end, with
    the same span a year earlier; one aggregate query for the flows, one for the cash balances,
    and one look-up of the cash accounts in the chart."""
    period = Period(start, end)
    ids = [e.pk for e in enterprise_list(enterprise)]
    cash = _cash_account_ids(ids)
    activities = _activities(enterprise, unit, period, ids=ids, cash=cash)
    net = Figure(0, 0)
    for section in activities.values():
        net += section.total
    opening, closing, accounts = _cash_balances(enterprise, unit, period, cash=cash)
    return CashFlow(
        scope=scope_for(enterprise, unit, period),
        activities=activities,
        net_change=net,
        opening_cash=opening,
        closing_cash=closing,
        cash_accounts=accounts,
    )
