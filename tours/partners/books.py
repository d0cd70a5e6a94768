"""What a partner and a BUMDes owe each other, and the money settled between them.

The balance is read from the BUMDes's books, never kept apart: an on-account partner owes the
BUMDes its receivable (1.1.03.01, per partner: the totals of its delivered bookings less its
commission, less what it paid), and a guest-pays partner is owed its commission (2.1.01.91, per
partner). The treasurer records each settlement once: the form's key goes into the entry's
reference, so a double tap posts once. Neither side is ever settled for more than is owed.
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bumdes import chart, postings
from bumdes.ledger import PeriodClosed, period_check_open
from bumdes.manual import ManualEntryInvalid
from bumdes.models import Counterparty, JournalEntry
from core.formats import rupiah
from tours.models import PartnerAgreement, PartnerSettlement

Direction = PartnerSettlement.Direction
METHODS = ("bank_transfer", "cash")


@dataclass(frozen=True)
class Balance:
    """What the partner owes the BUMDes (`receivable`) and the BUMDes owes it (`payable`)."""

    receivable: int
    payable: int


def agreement_balance(agreement: PartnerAgreement, until: dt.date | None = None) -> Balance:
    """Both balances of the agreement, from the books (up to and including `until` if given)."""
    counterparty = agreement.counterparty
    return Balance(
        receivable=postings.counterparty_balance(counterparty, chart.RECEIVABLES, until),
        payable=-postings.counterparty_balance(counterparty, chart.COMMISSION_PAYABLE, until),
    )


def _source(agreement: PartnerAgreement, direction: str, key: str) -> tuple[str, str]:
    if direction == Direction.FROM_PARTNER:
        return "partner_settlement", f"settle-{agreement.pk}-{key}"
    # The BUMDes paying a commission is a payment to a counterparty like any other.
    return "counterparty_payment", f"pay-{agreement.counterparty_id}-{key}"


def _checked(agreement: PartnerAgreement, direction: str, amount, date, method) -> None:
    if direction not in Direction.values:
        raise ManualEntryInvalid(_("Choose who paid whom."), "direction")
    if method not in METHODS:
        raise ManualEntryInvalid(_("Pay in cash or by bank transfer."), "method")
    if not isinstance(amount, int) or isinstance(amount, bool) or amount <= 0:
        raise ManualEntryInvalid(_("Amounts are positive whole rupiah."), "amount")
    balance = agreement_balance(agreement)
    if direction == Direction.FROM_PARTNER and amount > balance.receivable:
        raise ManualEntryInvalid(
            _("%(partner)s owes %(owed)s; record at most that.")
            % {"partner": agreement.partner.name, "owed": rupiah(max(balance.receivable, 0))},
            "amount",
        )
    if direction == Direction.TO_PARTNER and amount > balance.payable:
        raise ManualEntryInvalid(
            _("The BUMDes owes %(partner)s %(owed)s in commission; pay at most that.")
            % {"partner": agreement.partner.name, "owed": rupiah(max(balance.payable, 0))},
            "amount",
        )
    try:
        period_check_open(agreement.enterprise, date)
    except PeriodClosed as error:
        raise ManualEntryInvalid(error.message, "date") from None


@transaction.atomic
def settlement_record(
    *,
    agreement: PartnerAgreement,
    direction: str,
    amount: int,
    date: dt.date,
    method: str,
    note: str = "",
    user=None,
    key: str,
    now: dt.datetime | None = None,
) -> tuple[JournalEntry, bool]:
    """Record money settled with a partner and post it: the partner paying what it owes
    (Dr bank or cash / Cr 1.1.03.01) or the BUMDes paying its commission (Dr 2.1.01.91 / Cr bank
    or cash). Returns (the entry, created); the same form's key returns (the entry, False)."""
    key = (key or "").strip()
    if not key or len(key) > 40:
        raise ManualEntryInvalid(_("The form has expired; open it again."), "key")
    source_type, source_ref = _source(agreement, direction, key)
    done = JournalEntry.objects.filter(
        enterprise_id=agreement.enterprise_id, source_type=source_type, source_ref=source_ref
    ).first()
    if done is not None:
        return done, False
    # One settlement at a time per partner, so two cannot both take the same balance.
    counterparty = Counterparty.objects.select_for_update().get(pk=agreement.counterparty_id)
    _checked(agreement, direction, amount, date, method)
    posting = (
        postings.post_partner_settlement_received
        if direction == Direction.FROM_PARTNER
        else postings.post_counterparty_payment
    )
    entry = posting(
        enterprise=agreement.enterprise,
        counterparty=counterparty,
        amount=amount,
        method=method,
        date=date,
        source_ref=source_ref,
        user=user,
    )
    PartnerSettlement.objects.create(
        agreement=agreement,
        direction=direction,
        amount=amount,
        date=date,
        method=method,
        note=note[:200],
        recorded_at=now or timezone.now(),
        recorded_by=user if getattr(user, "is_authenticated", False) else None,
    )
    return entry, True
