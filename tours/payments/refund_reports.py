"""Applying what Stripe reports about card refunds: paid, failed, or still pending.

Stripe's word is final and may come in any order, more than once: each event makes us ask Stripe
for the refund's current state and apply that, so a late or repeated event changes nothing. The
books are posted under the Stripe refund's id, once; a refund that succeeded and later failed
(a closed card) has its posting reversed and is owed to the guest again. Refunds made outside
this site (the Stripe dashboard) are not ours and are left alone.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from bumdes.ledger import journal_entry_reverse
from bumdes.models import Enterprise, JournalEntry
from tours.booking.books import (
    booking_payment_status_refresh,
    posting_date,
    refund_paid_record,
)
from tours.booking.history import booking_event_record
from tours.booking.locks import refund_lock
from tours.models import Payment, PaymentMethod, Refund
from tours.payments.amounts import stripe_to_idr_rounded
from tours.payments.stripe_api import stripe_client

STRIPE_FAILED = ("failed", "canceled")


def _field(obj, name: str, default=None):
    """A field of a StripeObject or a plain dict (webhook payloads are dicts)."""
    if obj is None:
        return default
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _fee(balance_transaction) -> int:
    """Stripe's fee for sending the refund, in whole rupiah (0 when none or returned)."""
    units = _field(balance_transaction, "fee") if not isinstance(balance_transaction, str) else 0
    units = int(units or 0)
    return stripe_to_idr_rounded(units) if units > 0 else 0


def stripe_refund_apply(
    *, enterprise: Enterprise, stripe_refund, now: dt.datetime | None = None
) -> Refund | None:
    """Apply Stripe's current state of one of its refunds (balance transaction expanded) to
    ours: `succeeded` posts it (once, under the Stripe refund's id) and tells the guest;
    `failed`/`canceled` marks it failed (reversing the posting if it had succeeded before);
    `pending` waits. A refund made outside this site (the Stripe dashboard) is not ours: None.
    """
    now = now or timezone.now()
    stripe_id = _field(stripe_refund, "id")
    status = _field(stripe_refund, "status")
    ours = Refund.objects.filter(booking__enterprise=enterprise, method=PaymentMethod.STRIPE)
    found = ours.filter(provider_ref=stripe_id).first()
    refund_id = str(_field(_field(stripe_refund, "metadata"), "refund") or "")
    if found is None and refund_id.isdigit():
        found = ours.filter(pk=int(refund_id)).first()
    if found is None:
        return None
    with transaction.atomic():
        refund = refund_lock(found.pk)
        if refund.provider_ref != stripe_id:
            if status in STRIPE_FAILED or refund.status == Refund.Status.PAID:
                return refund  # an earlier try that failed, or paid by another try
            # Stripe made it but our record of sending it was lost (the answer never
            # committed): it is this refund's try.
            refund.provider_ref = stripe_id
            refund.status = Refund.Status.SENT
            refund.sent_at = refund.sent_at or now
            refund.save(update_fields=["provider_ref", "status", "sent_at"])
        source_ref = f"refund-{refund.pk}-{stripe_id}"
        if status == "succeeded":
            fee = _fee(_field(stripe_refund, "balance_transaction"))
            return refund_paid_record(refund=refund, source_ref=source_ref, fee=fee, now=now)
        if status in STRIPE_FAILED:
            reason = str(_field(stripe_refund, "failure_reason") or status)
            return _refund_failed(refund, reason=reason, source_ref=source_ref, now=now)
        return refund


def _refund_failed(refund: Refund, *, reason: str, source_ref: str, now: dt.datetime) -> Refund:
    if refund.status == Refund.Status.FAILED:
        return refund
    if refund.status == Refund.Status.PAID:
        # It had succeeded and came back (a closed card): the money is in the Stripe balance
        # again and still owed to the guest.
        entry = JournalEntry.objects.filter(
            enterprise=refund.booking.enterprise, source_type="refund", source_ref=source_ref
        ).first()
        if entry is not None:
            journal_entry_reverse(
                entry=entry, date=posting_date(refund.booking, now), reason="refund Stripe gagal"
            )
        refund.paid_at = None
    refund.status = Refund.Status.FAILED
    refund.failure_reason = reason[:255]
    refund.save(update_fields=["status", "failure_reason", "paid_at"])
    booking_payment_status_refresh(refund.booking)
    booking_event_record(refund.booking, "refund_failed", now, f"#{refund.pk}: {reason}")
    return refund


def _enterprise_for(account: str) -> Enterprise | None:
    if not account:
        return None
    return Enterprise.objects.filter(stripe_account_id=account).first()


def refund_event_apply(account: str, obj: dict, now) -> str:
    """Webhook `refund.created` / `refund.updated` / `refund.failed`."""
    enterprise = _enterprise_for(account)
    stripe_id = _field(obj, "id") or ""
    if enterprise is None or not stripe_id:
        return "no enterprise"
    refund_id = str(_field(_field(obj, "metadata"), "refund") or "")
    known = Refund.objects.filter(booking__enterprise=enterprise, method=PaymentMethod.STRIPE)
    if not (
        known.filter(provider_ref=stripe_id).exists()
        or (refund_id.isdigit() and known.filter(pk=int(refund_id)).exists())
    ):
        return "not ours"
    current = stripe_client().v1.refunds.retrieve(
        stripe_id, {"expand": ["balance_transaction"]}, {"stripe_account": account}
    )
    stripe_refund_apply(enterprise=enterprise, stripe_refund=current, now=now)
    return "applied"


def charge_refunded_apply(account: str, charge: dict, now) -> str:
    """Webhook `charge.refunded`: apply each refund of the charge that is ours."""
    enterprise = _enterprise_for(account)
    charge_id = _field(charge, "id") or ""
    if enterprise is None or not charge_id:
        return "no enterprise"
    intent = _field(charge, "payment_intent") or ""
    if not Payment.objects.filter(
        booking__enterprise=enterprise, method=PaymentMethod.STRIPE, provider_payment=intent
    ).exists():
        return "not ours"
    listing = stripe_client().v1.refunds.list(
        {"charge": charge_id, "limit": 100, "expand": ["data.balance_transaction"]},
        {"stripe_account": account},
    )
    for stripe_refund in listing.data:
        stripe_refund_apply(enterprise=enterprise, stripe_refund=stripe_refund, now=now)
    return "applied"
