"""What the treasurer posts by hand: manual entries with a second person's approval, and
payments to community members and partners.

A manual entry (a correction, an expense paid from the cash box, a bank charge) is first a
*proposal*: the lines are checked the way the journal checks them (two or more, positive whole
rupiah, debits equal credits, active detail accounts of the BUMDes, an open period) and kept as a
`ManualEntry` waiting for approval. A second person — the treasurer or the manager of the same
BUMDes, never the one who proposed it — approves it, and only then is it posted to the journal
(source `manual`, reference `manual-<id>`, so it posts once however often approve is pressed), or
rejects it with a reason. Every step is written in Wagtail's audit log, the reason included.

Paying a community member or a partner moves what the BUMDes owes them (2.1.01.90 or 2.1.01.91,
per person) to cash or bank. The amount is checked against what is owed under a row lock, and the
payment's reference carries a key made once per form, so a double tap posts once.
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import BigIntegerField, Case, F, Q, Sum, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from bumdes import chart
from bumdes.ledger import LedgerError, LineSpec, PeriodClosed, journal_entry_post, period_check_open
from bumdes.models import (
    Account,
    BusinessUnit,
    Counterparty,
    CounterpartyKind,
    Enterprise,
    JournalEntry,
    ManualEntry,
    Role,
    Side,
)
from bumdes.postings import post_counterparty_payment
from bumdes.services import user_roles
from core.formats import rupiah

OFFICERS = {Role.TREASURER, Role.MANAGER}
# Used by the year-end closing only; a manual entry never touches it.
CLOSING_ONLY = {chart.INCOME_SUMMARY}
PAYMENT_METHODS = ("cash", "bank_transfer")
PAYABLES = {CounterpartyKind.COMMUNITY: chart.COMMUNITY_PAYABLE}


class ManualEntryInvalid(LedgerError):
    """Bad input for a manual entry; `field` says which part of the form it belongs to."""

    def __init__(self, message, field: str | None = None):
        self.field = field
        super().__init__(message)


class NotAllowed(LedgerError):
    pass


@dataclass(frozen=True)
class ProposedLine:
    account: str
    side: str
    amount: int
    unit: BusinessUnit | None = None


def is_officer(user, enterprise: Enterprise) -> bool:
    """The treasurer or the manager of this BUMDes (the people who decide on its books)."""
    return bool(getattr(user, "is_authenticated", False)) and bool(
        user_roles(user, enterprise) & OFFICERS
    )


def _checked_lines(enterprise: Enterprise, lines: list[ProposedLine]) -> list[ProposedLine]:
    if len(lines) < 2:
        raise ManualEntryInvalid(_("An entry needs at least two lines."), "lines")
    for line in lines:
        amount = line.amount
        if not isinstance(amount, int) or isinstance(amount, bool) or amount <= 0:
            raise ManualEntryInvalid(_("Amounts are positive whole rupiah."), "lines")
        if line.side not in Side.values:
            raise ManualEntryInvalid(_("Each line is a debit or a credit."), "lines")
        if line.unit is not None and line.unit.enterprise_id != enterprise.pk:
            raise ManualEntryInvalid(_("The business unit belongs to another BUMDes."), "lines")
    codes = {line.account for line in lines}
    accounts = set(
        Account.objects.filter(
            enterprise=enterprise, code__in=codes, is_header=False, is_active=True
        ).values_list("code", flat=True)
    )
    for code in sorted(codes):
        if code not in accounts:
            raise ManualEntryInvalid(
                _("Post to an active detail account, not %(code)s.") % {"code": code}, "lines"
            )
        if code in CLOSING_ONLY:
            raise ManualEntryInvalid(
                _("%(code)s is used by the year-end closing only.") % {"code": code}, "lines"
            )
    debits = sum(line.amount for line in lines if line.side == Side.DEBIT)
    credits = sum(line.amount for line in lines if line.side == Side.CREDIT)
    if debits != credits:
        raise ManualEntryInvalid(
            _("Debits (%(d)s) and credits (%(c)s) must be equal.") % {"d": debits, "c": credits},
            "lines",
        )
    return lines


def manual_entry_lines(manual: ManualEntry) -> list[ProposedLine]:
    """The proposal's lines, with their business units looked up in one query."""
    unit_ids = {line.get("unit") for line in manual.lines if line.get("unit")}
    units = {u.pk: u for u in BusinessUnit.objects.filter(pk__in=unit_ids)}
    return [
        ProposedLine(
            account=line["account"],
            side=line["side"],
            amount=line["amount"],
            unit=units.get(line.get("unit")),
        )
        for line in manual.lines
    ]


@transaction.atomic
def manual_entry_propose(
    *,
    enterprise: Enterprise,
    date: dt.date,
    memo: str,
    lines: list[ProposedLine],
    user,
) -> ManualEntry:
    """Check a manual entry and keep it until a second person approves it."""
    if not (getattr(user, "is_superuser", False) or is_officer(user, enterprise)):
        raise NotAllowed(_("Only the treasurer or the manager of this BUMDes proposes entries."))
    memo = (memo or "").strip()
    if not memo:
        raise ManualEntryInvalid(_("Say what the entry is for."), "memo")
    if date is None:
        raise ManualEntryInvalid(_("Give the entry's date."), "date")
    try:
        period_check_open(enterprise, date)
    except PeriodClosed as error:
        raise ManualEntryInvalid(error.message, "date") from None
    lines = _checked_lines(enterprise, list(lines))
    manual = ManualEntry.objects.create(
        enterprise=enterprise,
        date=date,
        memo=memo[:255],
        lines=[
            {
                "account": line.account,
                "side": str(line.side),
                "amount": line.amount,
                "unit": line.unit.pk if line.unit else None,
            }
            for line in lines
        ],
        proposed_by=user,
    )
    log(manual, "bumdes.manual_entry.propose", user=user)
    return manual


def _check_decider(manual: ManualEntry, user) -> None:
    if not is_officer(user, manual.enterprise):
        raise NotAllowed(
            _("Only the treasurer or the manager of this BUMDes decides on manual entries.")
        )


@transaction.atomic
def manual_entry_approve(*, manual_entry: ManualEntry, user) -> ManualEntry:
    """A second person approves: the entry is posted to the journal, once."""
    manual = (
        ManualEntry.objects.select_for_update()
        .select_related("enterprise", "proposed_by")
        .get(pk=manual_entry.pk)
    )
    if manual.status == ManualEntry.Status.POSTED:
        return manual
    if manual.status != ManualEntry.Status.PENDING:
        raise NotAllowed(_("This proposal was rejected; propose the entry again."))
    _check_decider(manual, user)
    if user.pk == manual.proposed_by_id:
        raise NotAllowed(
            _("A second person approves: you proposed this entry, so someone else must.")
        )
    lines = _checked_lines(manual.enterprise, manual_entry_lines(manual))
    entry = journal_entry_post(
        enterprise=manual.enterprise,
        date=manual.date,
        memo=manual.memo,
        source_type="manual",
        source_ref=f"manual-{manual.pk}",
        lines=[LineSpec(line.account, line.side, line.amount, unit=line.unit) for line in lines],
        user=manual.proposed_by,
        approved_by=user,
    )
    manual.status = ManualEntry.Status.POSTED
    manual.decided_by = user
    manual.entry = entry
    manual.save(update_fields=["status", "decided_by", "entry"])
    log(manual, "bumdes.manual_entry.approve", user=user, data={"entry": entry.pk})
    return manual


@transaction.atomic
def manual_entry_reject(*, manual_entry: ManualEntry, user, reason: str) -> ManualEntry:
    """Turn a proposal down with a reason (the proposer may withdraw their own)."""
    reason = (reason or "").strip()
    if not reason:
        raise ManualEntryInvalid(_("Say why the entry is rejected."), "reason")
    manual = (
        ManualEntry.objects.select_for_update().select_related("enterprise").get(pk=manual_entry.pk)
    )
    if manual.status == ManualEntry.Status.REJECTED:
        return manual
    if manual.status != ManualEntry.Status.PENDING:
        raise NotAllowed(_("This entry is posted already; reverse it in the journal instead."))
    _check_decider(manual, user)
    manual.status = ManualEntry.Status.REJECTED
    manual.decided_by = user
    manual.save(update_fields=["status", "decided_by"])
    log(manual, "bumdes.manual_entry.reject", user=user, data={"reason": reason[:300]})
    return manual


def manual_entry_reject_reason(manual: ManualEntry) -> str:
    """The reason written in the audit log when the proposal was rejected."""
    entry = (
        ModelLogEntry.objects.for_instance(manual)
        .filter(action="bumdes.manual_entry.reject")
        .order_by("-timestamp")
        .first()
    )
    return (entry.data or {}).get("reason", "") if entry else ""


# Payments to community members and partners ------------------------------------------------------


def payable_account(counterparty: Counterparty) -> str:
    """The account holding what the BUMDes owes this person or partner (as in `postings`)."""
    return PAYABLES.get(counterparty.kind, chart.COMMISSION_PAYABLE)


def _credit(account: str) -> Coalesce:
    signed = Case(
        When(lines__side=Side.CREDIT, then=F("lines__amount")),
        default=-F("lines__amount"),
        output_field=BigIntegerField(),
    )
    return Coalesce(Sum(signed, filter=Q(lines__account__code=account)), Value(0))


def counterparties_owed(enterprise: Enterprise):
    """The BUMDes's community members and partners, each with `owed`: the credit balance of
    their payable (2.1.01.90 for community members, 2.1.01.91 for partners); one aggregate
    query. Ordered by most owed first."""
    return (
        Counterparty.objects.filter(enterprise=enterprise)
        .annotate(
            owed=Case(
                When(kind=CounterpartyKind.COMMUNITY, then=_credit(chart.COMMUNITY_PAYABLE)),
                default=_credit(chart.COMMISSION_PAYABLE),
                output_field=BigIntegerField(),
            )
        )
        .order_by("-owed", "name")
    )


def counterparty_owed(counterparty: Counterparty) -> int:
    return counterparties_owed(counterparty.enterprise).get(pk=counterparty.pk).owed


@transaction.atomic
def counterparty_pay(
    *,
    enterprise: Enterprise,
    counterparty: Counterparty,
    amount: int,
    method: str,
    date: dt.date,
    key: str,
    user=None,
) -> tuple[JournalEntry, bool]:
    """Pay what is owed (all or part) in cash or from the bank. `key` is made once per form, so
    the same submission posts once: the second call returns (the entry, False)."""
    if counterparty.enterprise_id != enterprise.pk:
        raise NotAllowed(_("This person is not with this BUMDes."))
    key = (key or "").strip()
    if not key or len(key) > 40:
        raise ManualEntryInvalid(_("The form has expired; open it again."), "key")
    source_ref = f"pay-{counterparty.pk}-{key}"
    done = JournalEntry.objects.filter(
        enterprise=enterprise, source_type="counterparty_payment", source_ref=source_ref
    ).first()
    if done is not None:
        return done, False
    # One payment at a time per person, so two payments cannot both take the same debt.
    counterparty = Counterparty.objects.select_for_update().get(pk=counterparty.pk)
    if method not in PAYMENT_METHODS:
        raise ManualEntryInvalid(_("Pay in cash or by bank transfer."), "method")
    owed = counterparty_owed(counterparty)
    if not isinstance(amount, int) or isinstance(amount, bool) or amount <= 0 or amount > owed:
        raise ManualEntryInvalid(
            _("Enter an amount between Rp 1 and %(owed)s.") % {"owed": rupiah(owed)}, "amount"
        )
    try:
        period_check_open(enterprise, date)
    except PeriodClosed as error:
        raise ManualEntryInvalid(error.message, "date") from None
    entry = post_counterparty_payment(
        enterprise=enterprise,
        counterparty=counterparty,
        amount=amount,
        method=method,
        date=date,
        source_ref=source_ref,
        user=user,
    )
    return entry, True
