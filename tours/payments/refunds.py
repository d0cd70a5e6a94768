"""Refunds: decided by the village, sent the way the money came, posted when the money leaves.

A refund's life: `pending` (decided, owed to the guest) → for cash and bank, `paid` when the
treasurer records that it went out (`tours.services.books.refund_mark_paid`); for cards, `sent`
once Stripe's Refunds API accepted it (`refund_send`), then `paid` or `failed` when Stripe
reports it (`stripe_refund_apply`, from the webhooks `refund.*` and `charge.refunded`). A failed
refund is still owed: the treasurer sends it again.

Where refunds come from: a cancellation (`cancellation_post`, the policy's share of what was
paid), a payment that arrived after its places were gone (the whole payment), or the treasurer
(`refund_create`: the policy's amount, or another amount with a reason). Never more than was paid
less what was refunded already.

The books (DESIGN.md §5). Before delivery a refund is first a payable to the guest: the
cancellation moves the payment from unearned revenue to 2.1.06.02; a refund the treasurer gives
on a booking still to be delivered moves its amount from unearned revenue (2.1.06.01) to 2.1.06.02
at once, and on a cancelled booking out of the retained cancellation fee (7.1.03.01). When the
money goes out: Dr 2.1.06.02 / Cr cash, bank or the Stripe balance. After delivery there is no
payable: the refund reduces revenue when it is paid (Dr 4.1.98.01). A fee Stripe charges for
the refund is Dr 6.3.99.92.

Stripe's word is final and may come in any order, more than once: each event makes us ask Stripe
for the refund's current state and apply that, so a late or repeated event changes nothing. The
books are posted under the Stripe refund's id, once.
"""

import datetime as dt
import logging

import stripe
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks import task

from bumdes import chart, postings
from bumdes.ledger import journal_entry_reverse
from bumdes.models import Enterprise, JournalEntry
from core.formats import rupiah
from tours.booking.balances import (
    booking_paid_amount,
    refund_method_for,
    refunds_total,
)
from tours.booking.books import (
    booking_payment_status_refresh,
    booking_sale,
    posting_date,
    refund_paid_record,
)
from tours.booking.cancellation import RefundQuote, refund_quote
from tours.booking.errors import BookingError, BookingInvalid, NotAllowed
from tours.booking.locks import booking_lock, refund_lock
from tours.booking.providers import refund_send_later
from tours.models import (
    Booking,
    BookingEvent,
    BookingStatus,
    Payment,
    PaymentMethod,
    Refund,
)
from tours.payments.amounts import stripe_to_idr_rounded
from tours.payments.stripe_api import (
    refund_idempotency_key,
    stripe_client,
    stripe_configured,
    stripe_refund_create,
)

log = logging.getLogger(__name__)

# Stripe's answers that will not change if the same request is sent again.
REFUSED = (
    stripe.InvalidRequestError,
    stripe.CardError,
    stripe.PermissionError,
    stripe.IdempotencyError,
)
DELIVERED = (BookingStatus.COMPLETED, BookingStatus.NO_SHOW)
STRIPE_FAILED = ("failed", "canceled")


class RefundNotSent(BookingError):
    """Stripe could not be asked (not set up, or not reachable): the refund waits, unchanged."""

    code = "refund_not_sent"
    message = gettext_lazy(
        "Stripe could not be reached. The refund waits; send it again in a few minutes."
    )


# Deciding ---------------------------------------------------------------------------------------


def refund_policy_quote(booking: Booking, *, now: dt.datetime | None = None) -> RefundQuote | None:
    """What the tour's cancellation policy gives back today on a booking still to come (None
    once the departure started, or for a booking that is not confirmed): the same quote the
    guest's cancel page shows."""
    now = now or timezone.now()
    if booking.status != BookingStatus.CONFIRMED or booking.departure.starts_at <= now:
        return None
    return refund_quote(booking, now=now)


def _event(booking: Booking, kind: str, now: dt.datetime, note: str = "", user=None) -> None:
    BookingEvent.objects.create(
        booking=booking,
        kind=kind,
        at=now,
        note=note[:300],
        user=user if getattr(user, "is_authenticated", False) else None,
    )


@transaction.atomic
def refund_create(
    *, booking: Booking, amount: int, reason: str, user=None, now: dt.datetime | None = None
) -> Refund:
    """The treasurer (or manager) gives money back on a booking: the policy's amount or another
    one, with a reason. A card refund goes out through Stripe once this commits; a cash or bank
    refund waits to be paid by hand."""
    now = now or timezone.now()
    booking = booking_lock(booking.pk)
    if booking.status == BookingStatus.HELD:
        raise NotAllowed()
    paid = booking_paid_amount(booking)
    refunded = refunds_total(booking)
    left = max(0, paid - refunded)
    if left <= 0:
        raise NotAllowed(_("Nothing is left to refund on this booking."))
    if not isinstance(amount, int) or isinstance(amount, bool) or amount <= 0 or amount > left:
        raise BookingInvalid({"amount": refund_too_much_message(paid=paid, refunded=refunded)})
    reason = (reason or "").strip()
    if not reason:
        raise BookingInvalid({"reason": _("Say why the guest gets this refund.")})
    sale = booking_sale(booking)
    delivered = booking.status in DELIVERED or booking.departure.delivered_at is not None
    owed_from = None
    if booking.status == BookingStatus.CANCELLED:
        # Given back out of the cancellation fee the village kept.
        owed_from = chart.CANCELLATION_FEES
    elif not delivered and postings.unearned_balance(sale) >= amount:
        # Not delivered yet: the money leaves unearned revenue, never revenue.
        owed_from = chart.UNEARNED
    refund = Refund.objects.create(
        booking=booking,
        method=refund_method_for(booking),
        amount=amount,
        reason=reason[:255],
        after_delivery=owed_from is None,
        created_at=now,
    )
    if owed_from is not None:
        postings.post_refund_owed(
            sale=sale,
            amount=amount,
            from_account=owed_from,
            date=posting_date(booking, now),
            source_ref=f"refund-{refund.pk}-owed",
            user=user,
        )
    _event(booking, "refund_due", now, f"{amount}: {reason}", user)
    refund_send_later(refund)
    return refund


def refund_too_much_message(*, paid: int, refunded: int) -> str:
    return _(
        "At most %(left)s can be refunded: %(paid)s was paid and %(refunded)s is refunded "
        "or owed back already."
    ) % {
        "left": rupiah(max(0, paid - refunded)),
        "paid": rupiah(paid),
        "refunded": rupiah(refunded),
    }


# Sending through Stripe -------------------------------------------------------------------------


def card_refund_send_later(refund: Refund) -> None:
    """Send a card refund once the transaction that decided it has committed (the Stripe
    provider's `refund_later`)."""
    refund_pk = refund.pk
    transaction.on_commit(lambda: refund_send_task.enqueue(refund_pk))


@task()
def refund_send_task(refund_id: int) -> str:
    refund = Refund.objects.filter(pk=refund_id).first()
    if refund is None:
        return "gone"
    try:
        return refund_send(refund=refund).status
    except BookingError as error:
        # Not sent (Stripe unreachable or not set up): it waits for the next try, shown to the
        # treasurer with a "Send" button.
        log.warning("refund %s not sent: %s", refund_id, error.__cause__ or error)
        return refund.status


def refunds_send_pending(*, now: dt.datetime | None = None) -> int:
    """Send every card refund still waiting (Stripe was unreachable when it was decided).
    Periodic; returns how many went out."""
    sent = 0
    for refund in Refund.objects.filter(method=PaymentMethod.STRIPE, status=Refund.Status.PENDING):
        try:
            if refund_send(refund=refund, now=now).status == Refund.Status.SENT:
                sent += 1
        except BookingError as error:
            log.warning("refund %s not sent: %s", refund.pk, error.__cause__ or error)
    return sent


def _payment_intent_for(refund: Refund) -> str:
    """The PaymentIntent to refund: the latest card payment that covers the amount (the
    payments of a booking with a deposit are two PaymentIntents)."""
    payments = list(
        refund.booking.payments.filter(
            method=PaymentMethod.STRIPE, status=Payment.Status.SUCCEEDED
        ).order_by("-received_at", "-pk")
    )
    if not payments:
        raise NotAllowed(_("This booking has no card payment to refund."))
    payment = next((p for p in payments if p.amount >= refund.amount), payments[0])
    if payment.provider_payment:
        return payment.provider_payment
    if not payment.provider_ref:
        raise NotAllowed(_("Stripe does not know the card payment of this booking."))
    # Recorded before the PaymentIntent was kept: its Checkout Session knows it.
    session = stripe_client().v1.checkout.sessions.retrieve(
        payment.provider_ref,
        options={"stripe_account": refund.booking.enterprise.stripe_account_id},
    )
    intent = getattr(session, "payment_intent", None) or ""
    intent = intent if isinstance(intent, str) else intent.id
    if not intent:
        raise NotAllowed(_("Stripe does not know the card payment of this booking."))
    Payment.objects.filter(pk=payment.pk).update(provider_payment=intent)
    return intent


SENDABLE = (Refund.Status.PENDING, Refund.Status.FAILED)


def refund_send(*, refund: Refund, now: dt.datetime | None = None) -> Refund:
    """Ask Stripe to refund the card (`POST /v1/refunds` on the BUMDes's connected account,
    idempotency key `refund-<id>`), and mark the refund `sent`. Nothing is posted yet: the books
    follow when Stripe reports the refund. A refund Stripe refuses is `failed`, with Stripe's
    reason; one Stripe could not be asked about stays `pending` (RefundNotSent). Sent or paid
    refunds are left alone, so calling twice sends once.

    No row is locked while Stripe answers (that would hold the departure's bookings up for as
    long as Stripe takes): the idempotency key makes two senders of one refund get Stripe's one
    answer, and the answer is recorded under the locks, unless another sender or the webhook
    recorded it first."""
    now = now or timezone.now()
    refund = Refund.objects.select_related("booking__enterprise").get(pk=refund.pk)
    if refund.method != PaymentMethod.STRIPE:
        raise NotAllowed(_("Cash and bank refunds are paid by hand, then recorded as paid."))
    if refund.status not in SENDABLE:
        return refund
    if not stripe_configured() or not refund.booking.enterprise.stripe_account_id:
        raise RefundNotSent(_("Stripe is not set up for this BUMDes; the refund waits."))
    key = refund_idempotency_key(refund)
    try:
        sent = stripe_refund_create(
            refund, payment_intent=_payment_intent_for(refund), idempotency_key=key
        )
    except REFUSED as error:
        reason = (getattr(error, "user_message", None) or str(error))[:255]
        return _refund_answer_record(refund, key=key, now=now, failure=reason)
    except stripe.StripeError as error:
        raise RefundNotSent() from error
    return _refund_answer_record(refund, key=key, now=now, stripe_id=sent.id)


@transaction.atomic
def _refund_answer_record(
    refund: Refund, *, key: str, now: dt.datetime, stripe_id: str = "", failure: str = ""
) -> Refund:
    """Record Stripe's answer to the send made with `key`, unless the refund moved on meanwhile
    (another sender recorded it, or Stripe's webhook reported it)."""
    refund = refund_lock(refund.pk)
    if refund.status not in SENDABLE or refund_idempotency_key(refund) != key:
        return refund
    booking = refund.booking
    refund.sent_at = now
    if failure:
        refund.status = Refund.Status.FAILED
        refund.failure_reason = failure
        refund.save(update_fields=["status", "failure_reason", "sent_at"])
        _event(booking, "refund_failed", now, f"#{refund.pk}: {failure}")
        return refund
    refund.provider_ref = stripe_id
    refund.status = Refund.Status.SENT
    refund.failure_reason = ""
    refund.save(update_fields=["provider_ref", "status", "sent_at", "failure_reason"])
    _event(booking, "refund_sent", now, f"#{refund.pk}: Stripe {stripe_id}")
    return refund


# What Stripe reports ----------------------------------------------------------------------------


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
    _event(refund.booking, "refund_failed", now, f"#{refund.pk}: {reason}")
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
