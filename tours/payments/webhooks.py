"""Stripe webhook endpoint: `POST /payments/stripe/webhook/` (invariant 5).

1. The signature is verified with the SDK against `STRIPE_WEBHOOK_SECRET`; a forged, missing or
   stale (older than the SDK's 300 s tolerance) signature gets 400 and nothing is written.
2. The event is recorded under the unique (provider, event id) constraint *in the same
   transaction as its effect*: a replay finds the row and gets 200 with no effect; if applying
   fails, the record is rolled back too and Stripe's retry applies it later.
3. Connect events carry `account`: the BUMDes is found by its connected account and the booking by
   `client_reference_id` within that BUMDes only.

Handled: `checkout.session.completed` and `.async_payment_succeeded` (confirm + record + post
the payment once it is paid), `checkout.session.expired` and `.async_payment_failed` (release the
hold), `account.updated` (keep the connected account's status, `tours.payments.connect`),
`refund.created` / `refund.updated` / `refund.failed` and `charge.refunded` (post a card refund
when Stripe reports it paid, or mark it failed: `tours.payments.refund_reports`),
`payout.created` / `payout.updated` / `payout.paid` / `payout.failed` / `payout.canceled` (the
Stripe balance paid out to the bank: `tours.payments.payouts`). Handlers that ask Stripe for an
object's current state fail when Stripe cannot be reached: the webhook answers 500, nothing is
kept, and Stripe delivers the event again. Every other event: 200, recorded, ignored.
"""

import logging

import stripe
from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from bumdes.models import Enterprise
from tours.models import Booking, WebhookEvent
from tours.payments.amounts import stripe_to_idr
from tours.payments.connect import account_updated_apply
from tours.payments.payouts import payout_event_apply
from tours.payments.refund_reports import charge_refunded_apply, refund_event_apply
from tours.payments.services import checkout_completed_apply, checkout_expired_apply

log = logging.getLogger(__name__)

PROVIDER = "stripe"


def _booking_for(account: str, reference: str | None) -> Booking | None:
    if not account or not reference:
        return None
    enterprise = Enterprise.objects.filter(stripe_account_id=account).first()
    if enterprise is None:
        return None
    return Booking.objects.filter(enterprise=enterprise, reference=reference).first()


def session_completed_apply(account: str, session: dict, now) -> str:
    booking = _booking_for(account, session.get("client_reference_id"))
    if booking is None:
        return "no booking"
    if (session.get("currency") or "").lower() != "idr":
        raise ValueError(f"{session.get('id')}: currency {session.get('currency')}")
    if session.get("payment_status") not in (None, "paid"):
        return "not paid yet"  # delayed methods: wait for async_payment_succeeded
    checkout_completed_apply(
        booking=booking,
        session_id=session["id"],
        amount=stripe_to_idr(int(session["amount_total"])),
        now=now,
    )
    return "applied"


def _session_expired(account: str, session: dict, now) -> str:
    booking = _booking_for(account, session.get("client_reference_id"))
    if booking is None:
        return "no booking"
    if booking.checkout_session_id and session.get("id") != booking.checkout_session_id:
        return "an older session"  # the guest is paying through a newer one: keep the hold
    checkout_expired_apply(booking=booking, now=now)
    return "applied"


HANDLERS = {
    "checkout.session.completed": session_completed_apply,
    # Delayed payment methods (if STRIPE_PAYMENT_METHOD_TYPES has any): completed unpaid, then
    # one of these two when the money arrives or does not.
    "checkout.session.async_payment_succeeded": session_completed_apply,
    "checkout.session.async_payment_failed": _session_expired,
    "checkout.session.expired": _session_expired,
    "account.updated": account_updated_apply,
    "refund.created": refund_event_apply,
    "refund.updated": refund_event_apply,
    "refund.failed": refund_event_apply,
    "charge.refunded": charge_refunded_apply,
    "payout.created": payout_event_apply,
    "payout.updated": payout_event_apply,
    "payout.paid": payout_event_apply,
    "payout.failed": payout_event_apply,
    "payout.canceled": payout_event_apply,
}


def event_apply(payload: dict, *, now=None) -> bool:
    """Record a verified event and apply it, once. Returns False for a replay."""
    now = now or timezone.now()
    account = payload.get("account") or ""
    with transaction.atomic():
        try:
            with transaction.atomic():
                record = WebhookEvent.objects.create(
                    provider=PROVIDER,
                    event_id=payload["id"],
                    type=payload.get("type", ""),
                    account=account,
                    received_at=now,
                    payload=payload,
                )
        except IntegrityError:
            return False
        handler = HANDLERS.get(record.type)
        if handler is not None:
            handler(account, payload.get("data", {}).get("object", {}), now)
        record.processed_at = now
        record.save(update_fields=["processed_at"])
    return True


@csrf_exempt
@require_POST
def stripe_webhook(request: HttpRequest) -> HttpResponse:
    secret = settings.STRIPE_WEBHOOK_SECRET
    signature = request.headers.get("Stripe-Signature")
    if not secret or not signature:
        return HttpResponseBadRequest("signature required")
    try:
        event = stripe.Webhook.construct_event(request.body, signature, secret)
    except (ValueError, stripe.SignatureVerificationError):
        return HttpResponseBadRequest("invalid signature")
    payload = event.to_dict(for_json=True)
    if not isinstance(payload.get("id"), str):
        return HttpResponseBadRequest("invalid event")
    applied = event_apply(payload)
    log.info("stripe event %s %s %s", payload["id"], payload.get("type"), applied or "replay")
    return HttpResponse("ok" if applied else "replay")
