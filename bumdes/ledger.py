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

from django.db import IntegrityError, transaction
from django.db.models import Q, Sum
from django.utils.translation import gettext as _

from bumdes.models import (
    Account,
    BusinessUnit,
    Counterparty,
    Enterprise,
    JournalEntry,
    JournalLine,
    Side,
)


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


def period_check_open(enterprise: Enterprise, date: dt.date) -> None:
    """Refuse a date on or before the lock date (read fresh from the database)."""
    lock = Enterprise.objects.values_list("lock_date", flat=True).get(pk=enterprise.pk)
    if lock is not None and date <= lock:
        raise PeriodClosed(
            _("The books are locked up to %(lock)s; use a date after it.") % {"lock": lock}
        )


def _entry_posted(enterprise: Enterprise, source_type: str, source_ref: str):
    return JournalEntry.objects.filter(
        enterprise=enterprise, source_type=source_type, source_ref=source_ref
    ).first()


def _balanced_lines(lines: list[LineSpec]) -> list[LineSpec]:
    """The lines without zeros, once their amounts are whole rupiah and they balance."""
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
    return lines


def _detail_accounts(enterprise: Enterprise, lines: list[LineSpec]) -> dict[str, Account]:
    """The lines' accounts by code; each must exist and be an active detail account."""
    codes = {line.account for line in lines}
    accounts = {a.code: a for a in Account.objects.filter(enterprise=enterprise, code__in=codes)}
    for code in codes:
        account = accounts.get(code)
        if account is None:
            raise LedgerError(_("Unknown account %(code)s.") % {"code": code})
        if account.is_header or not account.is_active:
            raise LedgerError(_("Post to an active detail account, not %(code)s.") % {"code": code})
    return accounts


def _check_dimensions(enterprise: Enterprise, lines: list[LineSpec]) -> None:
    """A line's business unit and counterparty belong to the entry's own BUMDes."""
    for line in lines:
        if line.unit is not None and line.unit.enterprise_id != enterprise.pk:
            raise LedgerError(_("The business unit belongs to another BUMDes."))
        if line.counterparty is not None and line.counterparty.enterprise_id != enterprise.pk:
            raise LedgerError(_("The counterparty belongs to another BUMDes."))


def _signed_in(user):
    return user if getattr(user, "is_authenticated", False) else None


@transaction.atomic
def _entry_create(
    *, lines: list[LineSpec], accounts: dict[str, Account], **entry_fields
) -> JournalEntry:
    """Write the entry and its lines (checked already) in one transaction."""
    entry = JournalEntry.objects.create(**entry_fields)
    JournalLine.objects.bulk_create(
        JournalLine(
            entry=entry,
            enterprise=entry.enterprise,
            date=entry.date,
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
    return entry


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
    existing = _entry_posted(enterprise, source_type, source_ref)
    if existing is not None:
        return existing
    lines = _balanced_lines(lines)
    accounts = _detail_accounts(enterprise, lines)
    _check_dimensions(enterprise, lines)
    period_check_open(enterprise, date)
    try:
        return _entry_create(
            lines=lines,
            accounts=accounts,
            enterprise=enterprise,
            date=date,
            memo=memo[:255],
            source_type=source_type,
            source_ref=source_ref,
            reverses=reverses,
            created_by=_signed_in(user),
            approved_by=_signed_in(approved_by),
        )
    except IntegrityError:
        # The same event posted at the same moment by another process: it won, keep its entry.
        existing = _entry_posted(enterprise, source_type, source_ref)
        if existing is None:
            raise
        return existing


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
