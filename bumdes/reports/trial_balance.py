"""Neraca Saldo (trial balance): the balance of every detail account with movement, on its debit
or credit side, up to a date (or the movement of a period). Debits always equal credits: every
entry balances, and the database refuses one that does not."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count

from bumdes.reports.scope import Period, Scope, lines_of, scope_for, signed_sum


@dataclass
class TrialBalanceRow:
    code: str
    name: str
    debit: int
    credit: int
    prior_debit: int
    prior_credit: int
    moved: bool  # has lines in the current period (the prior column may list more accounts)

    def as_dict(self) -> dict:
        return {"code": self.code, "name": self.name, "debit": self.debit, "credit": self.credit}


@dataclass
class TrialBalance:
    scope: Scope
    rows: list[TrialBalanceRow]
    total_debit: int
    total_credit: int
    prior_total_debit: int
    prior_total_credit: int

    @property
    def balanced(self) -> bool:
        return (
            self.total_debit == self.total_credit
            and self.prior_total_debit == self.prior_total_credit
        )

    def as_list(self) -> list[dict]:
        """The plain form (JSON): `[{code, name, debit, credit}]` of the current period."""
        return [row.as_dict() for row in self.rows if row.moved]


def _sides(balance: int) -> tuple[int, int]:
    return (balance, 0) if balance >= 0 else (0, -balance)


def trial_balance(
    enterprise, *, end: dt.date, start: dt.date | None = None, unit=None
) -> TrialBalance:
    """Balances per detail account up to `end` (movement from `start` if given), and the same
    span one year earlier; one aggregate query."""
    period = Period(start, end)
    prior = period.prior
    rows = (
        lines_of(enterprise, unit)
        .filter(period.q() | prior.q())
        .values("account__code", "account__name")
        .annotate(
            current=signed_sum(period.q()),
            current_lines=Count("id", filter=period.q()),
            prior=signed_sum(prior.q()),
        )
        .order_by("account__code")
    )
    result = []
    for row in rows:
        debit, credit = _sides(row["current"] or 0)
        prior_debit, prior_credit = _sides(row["prior"] or 0)
        result.append(
            TrialBalanceRow(
                code=row["account__code"],
                name=row["account__name"],
                debit=debit,
                credit=credit,
                prior_debit=prior_debit,
                prior_credit=prior_credit,
                moved=row["current_lines"] > 0,
            )
        )
    return TrialBalance(
        scope=scope_for(enterprise, unit, period),
        rows=result,
        total_debit=sum(r.debit for r in result),
        total_credit=sum(r.credit for r in result),
        prior_total_debit=sum(r.prior_debit for r in result),
        prior_total_credit=sum(r.prior_credit for r in result),
    )
