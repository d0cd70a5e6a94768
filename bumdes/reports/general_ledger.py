"""Buku Besar (general ledger): per account, the balance at the start of the period, every line
of the period with the balance after it, and the balance at the end.

Balances are shown in each account's normal direction (assets and expenses as debit balances,
liabilities, equity and revenue as credit balances). The running balance is a window function in
PostgreSQL: the opening balance joined to each line plus the sum of the lines so far, ordered
by date and entry.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Q, Sum

from bumdes.models import Account, BusinessUnit, Counterparty, JournalEntry, JournalLine, Side
from bumdes.models.accounts import DEBIT_NORMAL
from bumdes.reports.scope import NO_UNIT, Period, Scope, lines_of, scope_for, signed_sum


@dataclass(slots=True)
class LedgerLine:
    date: dt.date
    entry_id: int
    memo: str
    booking_ref: str
    counterparty: str
    unit: str
    debit: int
    credit: int
    balance: int


@dataclass
class LedgerAccount:
    code: str
    name: str
    normal: str  # "debit" or "credit": the direction balances are shown in
    opening: int
    debit: int
    credit: int
    closing: int
    prior_closing: int  # the balance one year before the period's end
    lines: list[LedgerLine] = field(default_factory=list)


@dataclass
class GeneralLedger:
    scope: Scope
    accounts: list[LedgerAccount]


# The opening balances come from the summary query (as a VALUES list), so the journal is read
# once for the balances and once for the period's lines. Plain SQL that PostgreSQL and SQLite (the
# embedded default) both run.
LINES_SQL = """
WITH opening(account_id, balance) AS (VALUES {openings})
SELECT a.code, l.date, l.entry_id, e.memo, l.booking_ref, COALESCE(cp.name, ''),
       COALESCE(u.name, ''), l.side, l.amount,
       CAST((CASE WHEN a.kind IN ({debit_normal}) THEN 1 ELSE -1 END)
       * (COALESCE(o.balance, 0) + SUM(CASE WHEN l.side = 'debit' THEN l.amount ELSE -l.amount END)
            OVER (PARTITION BY l.account_id ORDER BY l.date, l.entry_id, l.id)) AS bigint)
  FROM {line} l
  JOIN {account} a ON a.id = l.account_id
  JOIN {entry} e ON e.id = l.entry_id
  LEFT JOIN {counterparty} cp ON cp.id = l.counterparty_id
  LEFT JOIN {unit} u ON u.id = l.unit_id
  LEFT JOIN opening o ON o.account_id = l.account_id
 WHERE l.enterprise_id = %(enterprise)s AND l.date >= %(start)s AND l.date <= %(end)s {filters}
       -- an entry has its lines' date: this lets PostgreSQL read only the period's entries
       AND e.enterprise_id = %(enterprise)s AND e.date >= %(start)s AND e.date <= %(end)s
 ORDER BY l.account_id, l.date, l.entry_id, l.id
"""


def _sql(account: str | None, unit, openings: dict[int, int]) -> tuple[str, dict]:
    filters, params = [], {}
    values = []
    for number, (account_id, balance) in enumerate(openings.items()):
        values.append(f"(%(account{number})s, %(balance{number})s)")
        params[f"account{number}"], params[f"balance{number}"] = account_id, balance
    if account is not None:
        filters.append(
            f"AND l.account_id IN (SELECT id FROM {Account._meta.db_table} "
            "WHERE enterprise_id = %(enterprise)s AND code = %(account)s)"
        )
        params["account"] = account
    if unit == NO_UNIT:
        filters.append("AND l.unit_id IS NULL")
    elif unit is not None:
        filters.append("AND l.unit_id = %(unit)s")
        params["unit"] = unit.pk
    sql = LINES_SQL.format(
        line=JournalLine._meta.db_table,
        account=Account._meta.db_table,
        entry=JournalEntry._meta.db_table,
        counterparty=Counterparty._meta.db_table,
        unit=BusinessUnit._meta.db_table,
        filters=" ".join(filters),
        openings=", ".join(values),
        # Our own constants, not user input.
        debit_normal=", ".join(f"'{kind}'" for kind in sorted(DEBIT_NORMAL)),
    )
    return sql, params


def _ledger_accounts(
    enterprise, unit, period: Period, account: str | None
) -> tuple[dict[str, LedgerAccount], dict[int, int]]:
    """The accounts with a balance or movement by code, without their lines yet, and every
    account's opening balance by id (debit positive): one aggregate query."""
    lines = lines_of(enterprise, unit).filter(date__lte=period.end)
    if account is not None:
        lines = lines.filter(account__code=account)
    summary = (
        lines.values("account_id", "account__code", "account__name", "account__kind")
        .annotate(
            opening=signed_sum(Q(date__lt=period.start or dt.date.min)),
            debit=Sum("amount", filter=period.q() & Q(side=Side.DEBIT)),
            credit=Sum("amount", filter=period.q() & Q(side=Side.CREDIT)),
            closing=signed_sum(),
            prior_closing=signed_sum(Q(date__lte=period.prior.end)),
        )
        .order_by("account__code")
    )
    accounts, openings = {}, {}
    for row in summary:
        openings[row["account_id"]] = row["opening"] or 0
        if not (row["opening"] or row["debit"] or row["credit"]):
            continue  # nothing before the period and nothing in it
        sign = 1 if row["account__kind"] in DEBIT_NORMAL else -1
        accounts[row["account__code"]] = LedgerAccount(
            code=row["account__code"],
            name=row["account__name"],
            normal=Side.DEBIT if sign == 1 else Side.CREDIT,
            opening=sign * (row["opening"] or 0),
            debit=row["debit"] or 0,
            credit=row["credit"] or 0,
            closing=sign * (row["closing"] or 0),
            prior_closing=sign * (row["prior_closing"] or 0),
        )
    return accounts, openings


def _lines_add(
    accounts: dict[str, LedgerAccount],
    enterprise,
    unit,
    period: Period,
    account: str | None,
    openings: dict[int, int],
) -> None:
    """Give each account its period's lines with the running balance: one query."""
    sql, params = _sql(account, unit, openings)
    params.update(enterprise=enterprise.pk, start=period.start or dt.date.min, end=period.end)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for code, *values in cursor.fetchall():
            date, entry_id, memo, booking, counterparty, unit_name, side, amount, balance = values
            accounts[code].lines.append(
                LedgerLine(
                    date=date,
                    entry_id=entry_id,
                    memo=memo,
                    booking_ref=booking,
                    counterparty=counterparty,
                    unit=unit_name,
                    debit=amount if side == Side.DEBIT else 0,
                    credit=amount if side == Side.CREDIT else 0,
                    balance=balance,
                )
            )


def general_ledger(
    enterprise,
    *,
    start: dt.date | None,
    end: dt.date,
    account: str | None = None,
    unit=None,
) -> GeneralLedger:
    """One account (by code) or all accounts with a balance or movement: two queries, one
    aggregate for the opening and closing balances, one for the lines with running balances."""
    period = Period(start, end)
    accounts, openings = _ledger_accounts(enterprise, unit, period, account)
    if accounts:
        _lines_add(accounts, enterprise, unit, period, account, openings)
    scope = scope_for(enterprise, unit, period)
    return GeneralLedger(scope=scope, accounts=list(accounts.values()))
