"""Periods of the books: the lock date, closing a year and distributing its profit.

- **Lock**: nothing is posted on or before the lock date. Moving it back (reopening) needs a
  reason; every change is kept with its reason and its author, and PostgreSQL refuses a change of
  the date that this history does not describe.
- **Year close**: the year's revenue and expense balances are closed into the income summary,
  which is closed into retained earnings; then the year is locked. Closing twice returns the
  closing entry already posted.
- **Profit distribution**: the village meeting (Musyawarah Desa) decides how a closed year's
  profit is shared; the shares are the enterprise's AD/ART percentages.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bumdes import chart
from bumdes.ledger import EntryBuilder, LedgerError, LineSpec, balances, journal_entry_post
from bumdes.models import Account, Enterprise, JournalEntry, LockDateChange, Side
from bumdes.models.accounts import INCOME_KINDS
from core.money import percent_of


@transaction.atomic
def period_lock(*, enterprise: Enterprise, lock_date: dt.date, reason: str = "", user=None):
    """Lock the books up to a date. Moving the date back (reopening) needs a reason."""
    enterprise = Enterprise.objects.select_for_update().get(pk=enterprise.pk)
    old = enterprise.lock_date
    if old is not None and lock_date < old and not reason.strip():
        raise LedgerError(_("Reopening a locked period needs a reason."))
    if old == lock_date:
        return enterprise
    # The history first: PostgreSQL moves the date only as the latest history row describes.
    LockDateChange.objects.create(
        enterprise=enterprise,
        old_date=old,
        new_date=lock_date,
        reason=reason or _("Period locked"),
        user=user if getattr(user, "is_authenticated", False) else None,
    )
    Enterprise.objects.filter(pk=enterprise.pk).update(lock_date=lock_date)
    enterprise.lock_date = lock_date
    return enterprise


def _closing_lines(enterprise: Enterprise, year: int) -> tuple[list[LineSpec], int]:
    """Lines that bring the year's income statement accounts to zero, and their net
    (debit-positive sum of the balances: negative means profit)."""
    income_codes = set(
        Account.objects.filter(enterprise=enterprise, kind__in=INCOME_KINDS).values_list(
            "code", flat=True
        )
    )
    year_balances = balances(enterprise, start=dt.date(year, 1, 1), end=dt.date(year, 12, 31))
    lines, net = [], 0
    for code, balance in sorted(year_balances.items()):
        if code not in income_codes or balance == 0:
            continue
        net += balance
        side = Side.CREDIT if balance > 0 else Side.DEBIT
        lines.append(LineSpec(code, side, abs(balance)))
    return lines, net


def _result_post(*, enterprise: Enterprise, year: int, profit: int, user) -> None:
    """Move the year's result from the income summary to retained earnings."""
    builder = EntryBuilder(
        enterprise=enterprise,
        date=dt.date(year, 12, 31),
        memo=f"Laba (rugi) tahun {year} ke saldo laba",
        source_type="year_close_result",
        source_ref=str(year),
        user=user,
    )
    if profit > 0:
        builder.debit(chart.INCOME_SUMMARY, profit).credit(chart.RETAINED, profit)
    else:
        builder.debit(chart.RETAINED, -profit).credit(chart.INCOME_SUMMARY, -profit)
    builder.post()


@transaction.atomic
def year_close(*, enterprise: Enterprise, year: int, user=None) -> JournalEntry | None:
    """Close the year's revenues and expenses into the income summary, then into retained
    earnings, and lock the year. Calling it again returns the closing entry already posted."""
    end = dt.date(year, 12, 31)
    done = JournalEntry.objects.filter(
        enterprise=enterprise, source_type="year_close", source_ref=str(year)
    ).first()
    if done is not None:
        return done
    lines, net = _closing_lines(enterprise, year)
    if not lines:
        period_lock(enterprise=enterprise, lock_date=end, user=user)
        return None
    if net:
        summary_side = Side.DEBIT if net > 0 else Side.CREDIT
        lines.append(LineSpec(chart.INCOME_SUMMARY, summary_side, abs(net)))
    entry = journal_entry_post(
        enterprise=enterprise,
        date=end,
        memo=f"Tutup buku tahun {year}",
        source_type="year_close",
        source_ref=str(year),
        lines=lines,
        user=user,
    )
    if net:
        _result_post(enterprise=enterprise, year=year, profit=-net, user=user)
    period_lock(enterprise=enterprise, lock_date=end, user=user)
    return entry


def year_profit(enterprise: Enterprise, year: int) -> int:
    """The year's result as closed into retained earnings (0 before the year is closed)."""
    entry = JournalEntry.objects.filter(
        enterprise=enterprise, source_type="year_close_result", source_ref=str(year)
    ).first()
    if entry is None:
        return 0
    line = entry.lines.get(account__code=chart.RETAINED)
    return line.amount if line.side == Side.CREDIT else -line.amount


SHARE_VILLAGE = gettext_lazy("Village share (PADes)")
SHARE_RESERVES = gettext_lazy("Reserves")
SHARE_INVESTORS = gettext_lazy("Community investors")


@dataclass(frozen=True)
class Share:
    label: str
    account: str
    percent: Decimal
    amount: int


@dataclass(frozen=True)
class DistributionPlan:
    """How a year's profit is shared: what the treasurer previews is what is posted."""

    year: int
    profit: int
    shares: list[Share]
    percent: Decimal
    distributed: int

    @property
    def kept(self) -> int:
        """What stays in retained earnings."""
        return self.profit - self.distributed

    @property
    def valid(self) -> bool:
        return self.profit > 0 and 0 < self.percent <= 100

    @property
    def rounding(self) -> int:
        """Each share is rounded to whole rupiah; the difference to the rounded total."""
        return self.distributed - sum(share.amount for share in self.shares)


def profit_distribution_plan(enterprise: Enterprise, year: int) -> DistributionPlan:
    """The village meeting's split of a closed year's profit by the enterprise's AD/ART
    percentages, each share rounded to whole rupiah."""
    profit = year_profit(enterprise, year)
    rows = [
        (
            gettext_lazy("Village share (PADes)"),
            chart.PADES_PAYABLE,
            enterprise.share_village_percent,
        ),
        (gettext_lazy("Reserves"), chart.RESERVES, enterprise.share_reserve_percent),
        (
            gettext_lazy("Community investors"),
            chart.INVESTORS_PAYABLE,
            enterprise.share_investors_percent,
        ),
    ]
    shares = [
        Share(
            label=label,
            account=code,
            percent=Decimal(str(percent)),
            amount=percent_of(profit, percent),
        )
        for label, code, percent in rows
    ]
    total = sum((share.percent for share in shares), Decimal(0))
    return DistributionPlan(
        year=year,
        profit=profit,
        shares=shares,
        percent=total,
        distributed=percent_of(profit, total),
    )


@transaction.atomic
def profit_distribute(
    *,
    enterprise: Enterprise,
    year: int,
    decision_number: str,
    decision_date: dt.date,
    user=None,
) -> JournalEntry:
    """Post the village meeting's profit split of a closed year (decision number and date
    required). Shares are the enterprise's AD/ART percentages, each rounded to whole rupiah; the
    difference to the rounded total goes to the rounding account."""
    if not decision_number.strip() or decision_date is None:
        raise LedgerError(_("The village meeting's decision number and date are required."))
    plan = profit_distribution_plan(enterprise, year)
    if plan.profit <= 0:
        raise LedgerError(
            _("The year %(year)d has no closed profit to distribute.") % {"year": year}
        )
    if not plan.valid:
        raise LedgerError(_("The distribution percentages must add up to between 0 and 100."))
    builder = EntryBuilder(
        enterprise=enterprise,
        date=decision_date,
        memo=f"Bagi hasil tahun {year}, keputusan Musyawarah Desa {decision_number}",
        source_type="profit_distribution",
        source_ref=str(year),
        user=user,
    )
    builder.debit(chart.RETAINED, plan.distributed)
    for share in plan.shares:
        builder.credit(share.account, share.amount)
    rounding = plan.rounding
    if rounding > 0:
        builder.credit(chart.ROUNDING, rounding)
    elif rounding < 0:
        builder.debit(chart.ROUNDING, -rounding)
    return builder.post()
