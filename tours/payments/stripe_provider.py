"""Stripe, the marketplace way (DESIGN.md §4): the platform holds one secret key; each BUMDes
connects its own account and charges are *direct charges* on it (`Stripe-Account` header), so
payouts reach the BUMDes's own bank. Hosted Checkout: no card data touches our servers.

The SDK talks to `settings.STRIPE_API_BASE`, so tests and local work point it at a fake server.
Amounts cross the boundary only through `tours.payments.amounts`.
"""

import datetime as dt

import stripe
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from bumdes.ledger import percent_of

from .amounts import idr_to_stripe
from .base import PaymentProvider

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


def checkout_idempotency_key(booking) -> str:
    return f"booking-{booking.reference}-checkout"


def checkout_session_create(
    booking, *, success_url: str, cancel_url: str, now: dt.datetime | None = None
):
    """Create a hosted Checkout Session for a held booking on its BUMDes's Stripe account."""
    now = now or timezone.now()
    enterprise = booking.enterprise
    if not enterprise.stripe_account_id:
        raise ValueError(f"{enterprise} has no connected Stripe account")
    tour_title = booking.departure.tour.title
    lines = list(booking.lines.all())
    if sum(line.amount for line in lines) != booking.total:
        raise ValueError(f"{booking}: lines do not add up to the total")
    params = {
        "mode": "payment",
        "currency": "idr",
        "line_items": [
            {
                "price_data": {
                    "currency": "idr",
                    "unit_amount": idr_to_stripe(line.unit_price),
                    "product_data": {"name": f"{tour_title} · {line.label}"},
                },
                "quantity": line.quantity,
            }
            for line in lines
        ],
        "client_reference_id": booking.reference,
        "metadata": {"booking": booking.reference},
        "payment_intent_data": {"metadata": {"booking": booking.reference}},
        "locale": LOCALES.get(booking.language, "auto"),
        "expires_at": int(checkout_expires_at(booking.hold_expires_at, now).timestamp()),
        "payment_method_types": list(settings.STRIPE_PAYMENT_METHOD_TYPES),
        "success_url": success_url,
        "cancel_url": cancel_url,
    }
    if booking.customer_email:
        params["customer_email"] = booking.customer_email
    fee_percent = settings.STRIPE_PLATFORM_FEE_PERCENT
    if fee_percent and fee_percent > 0:
        fee = percent_of(booking.total, fee_percent)
        if fee > 0:
            params["payment_intent_data"]["application_fee_amount"] = idr_to_stripe(fee)
    return stripe_client().v1.checkout.sessions.create(
        params,
        {
            "stripe_account": enterprise.stripe_account_id,
            "idempotency_key": checkout_idempotency_key(booking),
        },
    )


class StripeProvider(PaymentProvider):
    code = "stripe"

    def available_for(self, enterprise) -> bool:
        return bool(
            stripe_configured()
            and enterprise.stripe_charges_enabled
            and enterprise.stripe_account_id
        )

    def start(self, booking, request) -> str:
        manage = reverse("booking_manage", kwargs={"reference": booking.reference})
        back = request.build_absolute_uri(f"{manage}?t={booking.token}")
        session = checkout_session_create(
            booking, success_url=f"{back}&paid=1", cancel_url=back, now=timezone.now()
        )
        return session.url

    def refund(self, refund) -> None:
        # Refunds through the Refunds API are a later slice (see the report).
        raise NotImplementedError("Stripe refunds are not wired yet")
