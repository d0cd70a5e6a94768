"""Stripe payouts: the BUMDes's Stripe balance (1.1.01.90) paid out to its own bank (1.1.01.02).

Stripe pays the balance of a connected account out on its own schedule. The books follow
(DESIGN.md §5): when the payout is created the money leaves the Stripe balance and is in transit
(Dr 1.1.01.91 / Cr 1.1.01.90, source `payout-<id>-created`); when it is paid it is in the bank
(Dr 1.1.01.02 / Cr 1.1.01.91, source `payout-<id>-paid`). A payout that fails or is cancelled
brings the money back to the Stripe balance: whatever was posted for it is reversed, once.

Payout events may come late, out of order or more than once: each one makes us ask Stripe for the
payout's current state and bring the books to it. The entries' source references are unique per
BUMDes and reversals are made once, so a replay posts nothing.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from bumdes import postings
from bumdes.ledger import journal_entry_reverse
from bumdes.models import Enterprise, JournalEntry
from core.localtime import business_date
from tours.payments.amounts import stripe_to_idr_rounded
from tours.payments.stripe_api import stripe_client

IN_TRANSIT = ("pending", "in_transit")
PAID = "paid"
FAILED = ("failed", "canceled")


def _field(obj, name: str, default=None):
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _posted(enterprise: Enterprise, source_ref: str) -> JournalEntry | None:
    return JournalEntry.objects.filter(
        enterprise=enterprise, source_type="payout", source_ref=source_ref
    ).first()


@transaction.atomic
def payout_apply(
    *, enterprise: Enterprise, payout, now: dt.datetime | None = None
) -> list[JournalEntry]:
    """Bring the books to the payout's state (a Stripe Payout object or its dict). Returns the
    entries posted or reversed by this call's state (the ones that exist already included)."""
    now = now or timezone.now()
    payout_id = _field(payout, "id")
    status = _field(payout, "status")
    currency = (_field(payout, "currency") or "idr").lower()
    if not payout_id or currency != "idr":
        return []
    amount = stripe_to_idr_rounded(int(_field(payout, "amount") or 0))
    date = business_date(now, enterprise.zone)
    created_ref = f"payout-{payout_id}-created"
    paid_ref = f"payout-{payout_id}-paid"
    entries: list[JournalEntry] = []
    if status in FAILED:
        # Bank → in transit (if it had arrived), then in transit → the Stripe balance.
        for source_ref in (paid_ref, created_ref):
            entry = _posted(enterprise, source_ref)
            if entry is not None:
                entries.append(
                    journal_entry_reverse(entry=entry, date=date, reason=f"payout Stripe {status}")
                )
        return entries
    if amount <= 0 or (status not in IN_TRANSIT and status != PAID):
        return entries
    entries.append(
        postings.post_payout_created(
            enterprise=enterprise,
            amount=amount,
            date=date,
            source_ref=created_ref,
            payout=payout_id,
        )
    )
    if status == PAID:
        entries.append(
            postings.post_payout_paid(
                enterprise=enterprise,
                amount=amount,
                date=date,
                source_ref=paid_ref,
                payout=payout_id,
            )
        )
    return entries


def payout_event_apply(account: str, obj: dict, now) -> str:
    """Webhook `payout.created` / `payout.updated` / `payout.paid` / `payout.failed` /
    `payout.canceled` on a connected account: apply the payout's current state."""
    enterprise = Enterprise.objects.filter(stripe_account_id=account).first() if account else None
    payout_id = _field(obj, "id") or ""
    if enterprise is None or not payout_id:
        return "no enterprise"
    current = stripe_client().v1.payouts.retrieve(payout_id, options={"stripe_account": account})
    payout_apply(enterprise=enterprise, payout=current, now=now)
    return "applied"
