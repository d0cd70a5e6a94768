"""Posting to the books: the entry builder and the services that change the journal.

Double entry: every entry has two or more lines whose debits equal their credits, so the trial
balance of every enterprise is zero at all times. Posted entries are never edited or deleted; a
correction is a reversing entry dated in an open period. Each event posts once: the entry's
source (`source_type`, `source_ref`) is unique per enterprise, and posting the same source again
returns the entry already posted. Nothing is posted on or before the lock date.

The same rules are enforced by PostgreSQL (see migration 0003); checking them here as well gives
people a clear message instead of a database error. Memos are written in Indonesian, the language
of the books, whatever the language of the person posting.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Q, Sum
from django.utils.translation import gettext as _

from bumdes import chart
from bumdes.models import (
    Account,
    AccountKind,
    BusinessUnit,
    Counterparty,
    Enterprise,
    JournalEntry,
    JournalLine,
    LockDateChange,
    Side,
)
from bumdes.models.accounts import INCOME_KINDS
from core.money import percent_of


class LedgerError(Exception):
    def __init__(self, message):
        self.message = message
        super().__init__(str(message))


class Unbalanced(LedgerError):
    pass


class PeriodClosed(LedgerError):
    pass


@dataclass
class LineSpec:
    account: str
    side: str
    amount: int
    unit: BusinessUnit | None = None
    booking_ref: str = ""
    counterparty: Counterparty | None = None
    tour: str = ""
    channel: str = ""


@dataclass
class EntryBuilder:
    """Collect lines, then post: `EntryBuilder(...).debit(CASH, 5).credit(UNEARNED, 5).post()`."""

    enterprise: Enterprise
    date: dt.date
    memo: str
    source_type: str
    source_ref: str
    user: object = None
    lines: list[LineSpec] = field(default_factory=list)

    def debit(self, account: str, amount: int, **dimensions) -> "EntryBuilder":
        self.lines.append(LineSpec(account, Side.DEBIT, amount, **dimensions))
        return self

    def credit(self, account: str, amount: int, **dimensions) -> "EntryBuilder":
        self.lines.append(LineSpec(account, Side.CREDIT, amount, **dimensions))
        return self

    def post(self) -> JournalEntry:
        return journal_entry_post(
            enterprise=self.enterprise,
            date=self.date,
            memo=self.memo,
            source_type=self.source_type,
            source_ref=self.source_ref,
            lines=self.lines,
            user=self.user,
        )


def chart_create(*, enterprise: Enterprise) -> int:
    """Create the default chart of accounts for an enterprise (missing accounts only)."""
    existing = set(enterprise.accounts.values_list("code", flat=True))
    accounts = [
        Account(
            enterprise=enterprise,
            code=code,
            name=name,
            name_en=name_en,
            kind=kind,
            is_header=chart.is_header(code),
        )
        for code, name, name_en, kind in chart.DEFAULT_CHART
        if code not in existing
    ]
    Account.objects.bulk_create(accounts)
    return len(accounts)


def _check_open(enterprise: Enterprise, date: dt.date) -> None:
    lock = Enterprise.objects.values_list("lock_date", flat=True).get(pk=enterprise.pk)
    if lock is not None and date <= lock:
        raise PeriodClosed(
            _("The books are locked up to %(lock)s; use a date after it.") % {"lock": lock}
        )


def journal_entry_post(
    *,
    enterprise: Enterprise,
    date: dt.date,
    memo: str,
    source_type: str,
    source_ref: str,
    lines: list[LineSpec],
    user=None,
    approved_by=None,
    reverses: JournalEntry | None = None,
) -> JournalEntry:
    """Post one balanced entry, once per source. Lines of zero are left out. `approved_by` is
    the second person who approved a manual entry."""
    existing = JournalEntry.objects.filter(
        enterprise=enterprise, source_type=source_type, source_ref=source_ref
    ).first()
    if existing is not None:
        return existing
    lines = [line for line in lines if line.amount != 0]
    for line in lines:
        if not isinstance(line.amount, int) or isinstance(line.amount, bool) or line.amount < 0:
            raise LedgerError(_("Amounts are positive whole rupiah."))
    debits = sum(line.amount for line in lines if line.side == Side.DEBIT)
    credits = sum(line.amount for line in lines if line.side == Side.CREDIT)
    if len(lines) < 2:
        raise Unbalanced(_("An entry needs at least two lines."))
    if debits != credits:
        raise Unbalanced(
            _("Debits (%(d)s) and credits (%(c)s) must be equal.") % {"d": debits, "c": credits}
        )
    codes = {line.account for line in lines}
    accounts = {a.code: a for a in Account.objects.filter(enterprise=enterprise, code__in=codes)}
    for code in codes:
        account = accounts.get(code)
        if account is None:
            raise LedgerError(_("Unknown account %(code)s.") % {"code": code})
        if account.is_header or not account.is_active:
            raise LedgerError(_("Post to an active detail account, not %(code)s.") % {"code": code})
    for line in lines:
        if line.unit is not None and line.unit.enterprise_id != enterprise.pk:
            raise LedgerError(_("The business unit belongs to another BUMDes."))
        if line.counterparty is not None and line.counterparty.enterprise_id != enterprise.pk:
            raise LedgerError(_("The counterparty belongs to another BUMDes."))
    _check_open(enterprise, date)
    try:
        with transaction.atomic():
            entry = JournalEntry.objects.create(
                enterprise=enterprise,
                date=date,
                memo=memo[:255],
                source_type=source_type,
                source_ref=source_ref,
                reverses=reverses,
                created_by=user if getattr(user, "is_authenticated", False) else None,
                approved_by=approved_by
                if getattr(approved_by, "is_authenticated", False)
                else None,
            )
            JournalLine.objects.bulk_create(
                JournalLine(
                    entry=entry,
                    enterprise=enterprise,
                    date=date,
                    account=accounts[line.account],
                    unit=line.unit,
                    side=line.side,
                    amount=line.amount,
                    booking_ref=line.booking_ref,
                    counterparty=line.counterparty,
                    tour=line.tour[:120],
                    channel=line.channel,
                )
                for line in lines
            )
    except IntegrityError:
        # The same event posted at the same moment by another process: it won, keep its entry.
        existing = JournalEntry.objects.filter(
            enterprise=enterprise, source_type=source_type, source_ref=source_ref
        ).first()
        if existing is None:
            raise
        return existing
    return entry


@transaction.atomic
def journal_entry_reverse(
    *, entry: JournalEntry, date: dt.date, reason: str, user=None
) -> JournalEntry:
    """Cancel an entry's effect with its mirror image, dated in an open period."""
    if not reason.strip():
        raise LedgerError(_("Say why the entry is reversed."))
    if hasattr(entry, "reversed_by"):
        return entry.reversed_by
    lines = [
        LineSpec(
            account=line.account.code,
            side=Side.CREDIT if line.side == Side.DEBIT else Side.DEBIT,
            amount=line.amount,
            unit=line.unit,
            booking_ref=line.booking_ref,
            counterparty=line.counterparty,
            tour=line.tour,
            channel=line.channel,
        )
        for line in entry.lines.select_related("account", "unit", "counterparty")
    ]
    return journal_entry_post(
        enterprise=entry.enterprise,
        date=date,
        memo=f"Pembalikan: {entry.memo} ({reason})",
        source_type="reversal",
        source_ref=f"entry-{entry.pk}",
        lines=lines,
        user=user,
        reverses=entry,
    )


@transaction.atomic
def period_lock(*, enterprise: Enterprise, lock_date: dt.date, reason: str = "", user=None):
    """Lock the books up to a date. Moving the date back (reopening) needs a reason."""
    enterprise = Enterprise.objects.select_for_update().get(pk=enterprise.pk)
    old = enterprise.lock_date
    if old is not None and lock_date < old and not reason.strip():
        raise LedgerError(_("Reopening a locked period needs a reason."))
    if old == lock_date:
        return enterprise
    Enterprise.objects.filter(pk=enterprise.pk).update(lock_date=lock_date)
    LockDateChange.objects.create(
        enterprise=enterprise,
        old_date=old,
        new_date=lock_date,
        reason=reason or _("Period locked"),
        user=user if getattr(user, "is_authenticated", False) else None,
    )
    enterprise.lock_date = lock_date
    return enterprise


def balances(enterprise: Enterprise, *, start=None, end=None, unit=None) -> dict[str, int]:
    """Signed balance (debit positive) per account code, in one aggregate query."""
    lines = JournalLine.objects.filter(enterprise=enterprise)
    if start is not None:
        lines = lines.filter(date__gte=start)
    if end is not None:
        lines = lines.filter(date__lte=end)
    if unit is not None:
        lines = lines.filter(unit=unit)
    rows = (
        lines.order_by()
        .values("account__code")
        .annotate(
            debit=Sum("amount", filter=Q(side=Side.DEBIT)),
            credit=Sum("amount", filter=Q(side=Side.CREDIT)),
        )
    )
    return {row["account__code"]: (row["debit"] or 0) - (row["credit"] or 0) for row in rows}


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
    income_codes = set(
        Account.objects.filter(enterprise=enterprise, kind__in=INCOME_KINDS).values_list(
            "code", flat=True
        )
    )
    year_balances = balances(enterprise, start=dt.date(year, 1, 1), end=end)
    lines = []
    net = 0  # debit-positive sum of income statement balances: negative means profit
    for code, balance in sorted(year_balances.items()):
        if code not in income_codes or balance == 0:
            continue
        net += balance
        side = Side.CREDIT if balance > 0 else Side.DEBIT
        lines.append(LineSpec(code, side, abs(balance)))
    if not lines:
        period_lock(enterprise=enterprise, lock_date=end, user=user)
        return None
    summary_side = Side.DEBIT if net > 0 else Side.CREDIT
    lines.append(LineSpec(chart.INCOME_SUMMARY, summary_side, abs(net)) if net else None)
    lines = [line for line in lines if line is not None]
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
        profit = -net
        builder = EntryBuilder(
            enterprise=enterprise,
            date=end,
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
    profit = year_profit(enterprise, year)
    if profit <= 0:
        raise LedgerError(
            _("The year %(year)d has no closed profit to distribute.") % {"year": year}
        )
    shares = [
        (chart.PADES_PAYABLE, enterprise.share_village_percent),
        (chart.RESERVES, enterprise.share_reserve_percent),
        (chart.INVESTORS_PAYABLE, enterprise.share_investors_percent),
    ]
    total_percent = sum(Decimal(str(p)) for _, p in shares)
    if total_percent <= 0 or total_percent > 100:
        raise LedgerError(_("The distribution percentages must add up to between 0 and 100."))
    distributed = percent_of(profit, total_percent)
    builder = EntryBuilder(
        enterprise=enterprise,
        date=decision_date,
        memo=f"Bagi hasil tahun {year}, keputusan Musyawarah Desa {decision_number}",
        source_type="profit_distribution",
        source_ref=str(year),
        user=user,
    )
    builder.debit(chart.RETAINED, distributed)
    parts = 0
    for code, percent in shares:
        amount = percent_of(profit, percent)
        parts += amount
        builder.credit(code, amount)
    rounding = distributed - parts
    if rounding > 0:
        builder.credit(chart.ROUNDING, rounding)
    elif rounding < 0:
        builder.debit(chart.ROUNDING, -rounding)
    return builder.post()


__all__ = [
    "AccountKind",
    "EntryBuilder",
    "LedgerError",
    "LineSpec",
    "PeriodClosed",
    "Unbalanced",
    "balances",
    "chart_create",
    "journal_entry_post",
    "journal_entry_reverse",
    "period_lock",
    "profit_distribute",
    "year_close",
    "year_profit",
]
