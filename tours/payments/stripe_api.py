"""Stripe's API, the marketplace way: the platform holds one secret key; each BUMDes
connects its own account and charges are *direct charges* on it (`Stripe-Account` header), so
payouts reach the BUMDes's own bank. Hosted Checkout: no card data touches our servers.

The SDK talks to `settings.STRIPE_API_BASE`, so tests and local work point it at a fake server.
Amounts cross the boundary only through `tours.payments.amounts`.
"""

import datetime as dt

import stripe
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.money import percent_of
from tours.booking.balances import booking_paid_amount
from tours.booking.deposits import amount_due_now, deposit_percent_shown
from tours.models import BookingStatus
from tours.payments.amounts import idr_to_stripe

# Stripe accepts a Checkout Session's `expires_at` 30 minutes to 24 hours after it creates the
# session. Its clock starts when the request arrives, a moment after ours: keep a small margin.
CHECKOUT_MIN = dt.timedelta(minutes=30)
CHECKOUT_MAX = dt.timedelta(hours=24)
CLOCK_MARGIN = dt.timedelta(minutes=1)
LOCALES = {"id": "id", "en": "en"}


def stripe_configured() -> bool:
    return bool(settings.STRIPE_SECRET_KEY)


def stripe_client() -> stripe.StripeClient:
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        base_addresses={"api": settings.STRIPE_API_BASE},
        max_network_retries=2,
    )


def checkout_expires_at(hold_expires_at: dt.datetime | None, now: dt.datetime) -> dt.datetime:
    """The session lasts as long as the hold, but at least 30 minutes and at most 24 hours."""
    earliest = now + CHECKOUT_MIN + CLOCK_MARGIN
    latest = now + CHECKOUT_MAX - CLOCK_MARGIN
    wanted = hold_expires_at or earliest
    return min(max(wanted, earliest), latest)


def checkout_idempotency_key(booking, expires_at: int) -> str:
    """Stable for one hold (a retried request gets the same session back), new for a new hold:
    a session that expired with its hold is replaced by a fresh one, not returned again."""
    return f"booking-{booking.reference}-checkout-{expires_at}"


# A balance is paid on a confirmed booking, with no hold to follow: its sessions are cut in
# windows of BALANCE_WINDOW (a double click gets the same session back) and last Stripe's minimum
# after their window ends.
BALANCE_WINDOW = dt.timedelta(minutes=10)
BALANCE_CHECKOUT_LONGEST = BALANCE_WINDOW + CHECKOUT_MIN + CLOCK_MARGIN


def balance_checkout_expires_at(now: dt.datetime) -> dt.datetime:
    window = int(BALANCE_WINDOW.total_seconds())
    window_end = (int(now.timestamp()) // window + 1) * window
    return dt.datetime.fromtimestamp(window_end, tz=dt.UTC) + CHECKOUT_MIN + CLOCK_MARGIN


def balance_idempotency_key(booking, amount: int, expires_at: int) -> str:
    return f"booking-{booking.reference}-balance-{amount}-{expires_at}"


def _part_name(booking, part: str, amount: int, tour_title: str) -> str:
    with translation.override(booking.language):
        if part == "balance":
            return _("Balance · %(tour)s") % {"tour": tour_title}
        percent = deposit_percent_shown(booking)
        if percent:
            return _("Deposit %(percent)d%% · %(tour)s") % {"percent": percent, "tour": tour_title}
        return _("Deposit · %(tour)s") % {"tour": tour_title}


def checkout_session_create(
    booking, *, success_url: str, cancel_url: str, now: dt.datetime | None = None
):
    """Create a hosted Checkout Session on the booking's BUMDes's Stripe account for what it
    owes now (`amount_due_now`): a held booking's whole total, one line per price tier; or, for
    a group booking (`tours.booking.deposits`), its deposit and later its balance, one line
    each. A balance session is paid on a confirmed booking and has its own idempotency key."""
    now = now or timezone.now()
    enterprise = booking.enterprise
    if not enterprise.stripe_account_id:
        raise ValueError(f"{enterprise} has no connected Stripe account")
    lines = list(booking.lines.all())
    if sum(line.amount for line in lines) != booking.total:
        raise ValueError(f"{booking}: lines do not add up to the total")
    paid = booking_paid_amount(booking)
    amount = amount_due_now(booking)
    if amount <= 0:
        raise ValueError(f"{booking}: nothing to pay")
    first = paid == 0 and booking.status != BookingStatus.CONFIRMED
    if first:
        expires_at = int(checkout_expires_at(booking.hold_expires_at, now).timestamp())
        key = checkout_idempotency_key(booking, expires_at)
    else:
        expires_at = int(balance_checkout_expires_at(now).timestamp())
        key = balance_idempotency_key(booking, amount, expires_at)
    part = "" if amount == booking.total else ("deposit" if paid == 0 else "balance")
    metadata = {"booking": booking.reference, **({"part": part} if part else {})}
    params = {
        "mode": "payment",
        "currency": "idr",
        "line_items": _line_items(booking, lines, part=part, amount=amount),
        "client_reference_id": booking.reference,
        "metadata": metadata,
        "payment_intent_data": {"metadata": dict(metadata)},
        "locale": LOCALES.get(booking.language, "auto"),
        "expires_at": expires_at,
        "payment_method_types": list(settings.STRIPE_PAYMENT_METHOD_TYPES),
        "success_url": success_url,
        "cancel_url": cancel_url,
    }
    if booking.customer_email:
        params["customer_email"] = booking.customer_email
    fee_percent = settings.STRIPE_PLATFORM_FEE_PERCENT
    if fee_percent and fee_percent > 0:
        fee = percent_of(amount, fee_percent)
        if fee > 0:
            params["payment_intent_data"]["application_fee_amount"] = idr_to_stripe(fee)
    return stripe_client().v1.checkout.sessions.create(
        params, {"stripe_account": enterprise.stripe_account_id, "idempotency_key": key}
    )


def _line_items(booking, lines: list, *, part: str, amount: int) -> list[dict]:
    """What the guest sees on Checkout: one line for a deposit or a balance (`part`), else
    one line per price tier of the booking."""
    tour_title = booking.departure.tour.title
    if part:
        return [
            {
                "price_data": {
                    "currency": "idr",
                    "unit_amount": idr_to_stripe(amount),
                    "product_data": {"name": _part_name(booking, part, amount, tour_title)},
                },
                "quantity": 1,
            }
        ]
    return [
        {
            "price_data": {
                "currency": "idr",
                "unit_amount": idr_to_stripe(line.unit_price),
                "product_data": {"name": f"{tour_title} · {line.label}"},
            },
            "quantity": line.quantity,
        }
        for line in lines
    ]


def checkout_session_retrieve(booking):
    """The booking's last Checkout Session, as Stripe has it now."""
    return stripe_client().v1.checkout.sessions.retrieve(
        booking.checkout_session_id,
        options={"stripe_account": booking.enterprise.stripe_account_id},
    )


# Refunds ----------------------------------------------------------------------------------------


def refund_idempotency_key(refund) -> str:
    """`refund-<id>`: retried after Stripe could not be reached, the key finds the refund Stripe
    may have made already. After a definite failure Stripe would replay the failed answer to the
    same key, so sending again uses a key of its own (the time of the failed try)."""
    key = f"refund-{refund.pk}"
    if refund.status == "failed" and refund.sent_at:
        key += f"-{refund.sent_at:%Y%m%d%H%M%S%f}"
    return key


def stripe_refund_create(refund, *, payment_intent: str, idempotency_key: str):
    """POST /v1/refunds on the booking's connected account (the charge was made there)."""
    booking = refund.booking
    return stripe_client().v1.refunds.create(
        {
            "payment_intent": payment_intent,
            "amount": idr_to_stripe(refund.amount),
            "metadata": {"booking": booking.reference, "refund": str(refund.pk)},
        },
        {
            "stripe_account": booking.enterprise.stripe_account_id,
            "idempotency_key": idempotency_key,
        },
    )
