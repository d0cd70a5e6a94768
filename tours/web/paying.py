"""The paying parts of the guest flow: going to Stripe's hosted Checkout, coming back from it,
and what the manage page shows while a transfer or an online payment is awaited.

Coming back from Checkout, the session is read from Stripe and applied at once with the
webhook's own handler (once per session, whoever comes first), so a guest sees the
confirmation without waiting for the webhook.
"""

import logging

import stripe
from django.conf import settings
from django.shortcuts import redirect
from django.utils import timezone

from tours.booking.deposits import amount_due_now, balance_summary
from tours.booking.errors import PaymentUnavailable
from tours.booking.providers import provider_get
from tours.models import Booking, BookingStatus, PaymentMethod
from tours.payments.stripe_api import checkout_session_retrieve
from tours.payments.webhooks import session_completed_apply

log = logging.getLogger(__name__)


def allow_checkout(response):
    """The page's form may lead to Stripe's hosted Checkout: browsers apply CSP `form-action`
    to the redirect that follows the POST, so Stripe's origin is allowed there."""
    response._csp_update = {"form-action": [settings.STRIPE_CHECKOUT_ORIGIN]}
    return response


def pay_online(request, booking: Booking):
    """Send the guest to the hosted Checkout page of their held booking."""
    try:
        url = provider_get(PaymentMethod.STRIPE).start(booking, request)
    except stripe.StripeError:
        log.exception("Stripe Checkout for %s could not start", booking.reference)
        raise PaymentUnavailable() from None
    return redirect(url)


def checkout_return_apply(booking: Booking) -> Booking:
    """The guest is back from a Checkout they paid: apply the paid session now."""
    if booking.status not in (BookingStatus.HELD, BookingStatus.EXPIRED):
        return booking
    try:
        session = checkout_session_retrieve(booking)
    except stripe.StripeError:
        log.warning("Stripe session of %s could not be read", booking.reference, exc_info=True)
        return booking
    if session.payment_status == "paid":
        session_completed_apply(
            booking.enterprise.stripe_account_id, session.to_dict(), timezone.now()
        )
        booking.refresh_from_db()
    return booking


def pay_context(request, booking: Booking, now) -> dict:
    """What the manage page shows about a payment still to come."""
    if booking.status != BookingStatus.HELD:
        return {}
    if booking.payment_method == PaymentMethod.BANK_TRANSFER and booking.hold_expires_at > now:
        enterprise = booking.enterprise
        return {
            "transfer": {
                "bank": enterprise.bank_name,
                "number": enterprise.bank_account_number,
                "holder": enterprise.bank_account_name or enterprise.legal_name,
                "swift": booking.bank_swift_shown,
                "amount": amount_due_now(booking),
                "until": booking.hold_expires_at,
                # A group's deposit: what it is, what remains and by when.
                "balance": balance_summary(booking, now=now),
            }
        }
    if booking.payment_method == PaymentMethod.STRIPE and request.GET.get("paid"):
        return {"confirming_payment": True}
    return {}
