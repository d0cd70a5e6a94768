"""Stripe webhook endpoint: `POST /payments/stripe/webhook/` (invariant 5).

1. The signature is verified with the SDK against `STRIPE_WEBHOOK_SECRET`; a forged, missing or
   stale (older than the SDK's 300 s tolerance) signature gets 400 and nothing is written, and so
   does one timestamped more than that tolerance ahead of our clock (the SDK checks only the
   past), or a signed body that is not an event (an object with a string `id` and `type`, a
   string `account` if any, and `data.object` an object).
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
kept, and Stripe delivers the event again; with no `STRIPE_SECRET_KEY` they ask nothing, log a
warning and answer 200. An event whose object lacks what its handler needs (a session without
its id or `amount_total`, not in rupiah, an id that is not a string) is logged and answered 200
with nothing written: Stripe would only send it again. Every other event: 200, recorded, ignored.
"""

import json
import logging
import time

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
from tours.payments.stripe_api import stripe_configured

log = logging.getLogger(__name__)

PROVIDER = "stripe"
TOLERANCE = stripe.Webhook.DEFAULT_TOLERANCE  # seconds, either side of our clock
# Fields of an event's object that the handlers look rows up by: strings when present.
LOOKUP_FIELDS = ("id", "client_reference_id", "payment_intent")


class EventMalformed(ValueError):
    """A verified event whose object lacks what its handler needs: logged and ignored."""


def _amount_paid(session: dict) -> int:
    """The session's `amount_total` in whole rupiah; `EventMalformed` if it is not one."""
    if not isinstance(session.get("id"), str) or not session["id"]:
        raise EventMalformed("a session without its id")
    if (session.get("currency") or "").lower() != "idr":
        raise EventMalformed(f"{session['id']}: currency {session.get('currency')!r}")
    units = session.get("amount_total")
    try:
        return stripe_to_idr(units)
    except (TypeError, ValueError) as error:
        raise EventMalformed(f"{session['id']}: amount_total {units!r}") from error


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
    amount = _amount_paid(session)
    if session.get("payment_status") not in (None, "paid"):
        return "not paid yet"  # delayed methods: wait for async_payment_succeeded
    checkout_completed_apply(booking=booking, session_id=session["id"], amount=amount, now=now)
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
# Handlers that ask Stripe for the object's current state: nothing to ask without a key.
ASK_STRIPE = {refund_event_apply, charge_refunded_apply, payout_event_apply}


def event_shape_ok(payload) -> bool:
    """Is a verified body an event we can record: `id` and `type` strings, `account` a string
    if present, `data.object` an object."""
    if not isinstance(payload, dict):
        return False
    data = payload.get("data")
    return (
        isinstance(payload.get("id"), str)
        and bool(payload["id"])
        and isinstance(payload.get("type"), str)
        and isinstance(payload.get("account") or "", str)
        and isinstance(data, dict)
        and isinstance(data.get("object"), dict)
    )


def _handle(record: WebhookEvent, account: str, obj: dict, now) -> str:
    handler = HANDLERS.get(record.type)
    if handler is None:
        return "not handled"
    for name in LOOKUP_FIELDS:
        if not isinstance(obj.get(name) or "", str):
            raise EventMalformed(f"{name} {obj.get(name)!r}")
    if handler in ASK_STRIPE and not stripe_configured():
        log.warning("stripe event %s %s: no Stripe key to ask with", record.event_id, record.type)
        return "no Stripe key"
    return handler(account, obj, now)


def event_apply(payload: dict, *, now=None) -> str:
    """Record a verified event (of a good shape, `event_shape_ok`) and apply it, once. Returns
    "applied", "replay", or "ignored" for an object its handler cannot use (nothing is kept)."""
    now = now or timezone.now()
    account = payload.get("account") or ""
    try:
        with transaction.atomic():
            try:
                with transaction.atomic():
                    record = WebhookEvent.objects.create(
                        provider=PROVIDER,
                        event_id=payload["id"],
                        type=payload["type"],
                        account=account,
                        received_at=now,
                        payload=payload,
                    )
            except IntegrityError:
                return "replay"
            _handle(record, account, payload["data"]["object"], now)
            record.processed_at = now
            record.save(update_fields=["processed_at"])
    except EventMalformed as problem:
        log.warning("stripe event %s %s ignored: %s", payload["id"], payload["type"], problem)
        return "ignored"
    return "applied"


def _signed_in_time(signature: str) -> bool:
    """Whether the signature's timestamp (`t=`) is a number not beyond the tolerance ahead of
    our clock; the SDK refuses one that far behind."""
    stamps = [item[2:] for item in signature.split(",") if item.startswith("t=")]
    if len(stamps) != 1 or not stamps[0].isdigit() or len(stamps[0]) > 12:
        return False
    return int(stamps[0]) <= time.time() + TOLERANCE


@csrf_exempt
@require_POST
def stripe_webhook(request: HttpRequest) -> HttpResponse:
    secret = settings.STRIPE_WEBHOOK_SECRET
    signature = request.headers.get("Stripe-Signature")
    if not secret or not signature:
        return HttpResponseBadRequest("signature required")
    if not _signed_in_time(signature):
        return HttpResponseBadRequest("invalid signature")
    try:
        body = request.body.decode("utf-8")
        stripe.WebhookSignature.verify_header(body, signature, secret, TOLERANCE)
        payload = json.loads(body)
    except (ValueError, stripe.SignatureVerificationError):
        return HttpResponseBadRequest("invalid signature")
    if not event_shape_ok(payload):
        log.warning("stripe webhook: a signed body that is not an event")
        return HttpResponseBadRequest("invalid event")
    outcome = event_apply(payload)
    log.info("stripe event %s %s %s", payload["id"], payload["type"], outcome)
    return HttpResponse("ok" if outcome == "applied" else outcome)
