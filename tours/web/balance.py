"""The balance of a group booking (`tours.booking.deposits`): the guest's page for what is still
owed after the deposit, reached from the manage page and the balance e-mails with the booking's
token like every guest page.

The guest pays by card through a Stripe Checkout Session for exactly what is owed, on the
BUMDes's own Stripe account, or by bank transfer quoting the booking reference (the treasurer
confirms it). An open balance session is offered again rather than a second one. Coming back
from Checkout, the session is read from Stripe and applied with the webhook's own handler, once
per session whoever comes first, so the guest sees the balance paid at once.
"""

import logging

import stripe
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.ratelimit import rate_limited
from tours.booking.deposits import BalanceSummary, balance_summary
from tours.models import Booking
from tours.payments.amounts import idr_to_stripe
from tours.payments.stripe_api import checkout_session_create, checkout_session_retrieve
from tours.payments.webhooks import session_completed_apply
from tours.web.guest import (
    FORM_PAGE,
    booking_context,
    guest_booking,
    guest_url,
    too_many_requests,
)
from tours.web.paying import allow_checkout

log = logging.getLogger(__name__)

PAYABLE = ("due", "on_arrival")


def _last_session(booking: Booking):
    if not booking.checkout_session_id:
        return None
    try:
        return checkout_session_retrieve(booking)
    except stripe.StripeError:
        log.warning("Stripe session of %s could not be read", booking.reference, exc_info=True)
        return None


def _returned_from_checkout(booking: Booking) -> Booking:
    """The guest says they paid: apply the balance session now if Stripe says it is paid."""
    session = _last_session(booking)
    if session is None or session.payment_status != "paid":
        return booking
    session_completed_apply(booking.enterprise.stripe_account_id, session.to_dict(), timezone.now())
    booking.refresh_from_db()
    return booking


def _checkout_url(request, booking: Booking, summary: BalanceSummary, now) -> str:
    """The open balance session for this amount, or a new one remembered on the booking."""
    session = _last_session(booking)
    if session is not None:
        known = session.to_dict()
        if (
            known.get("status") == "open"
            and (known.get("metadata") or {}).get("part") == "balance"
            and known.get("amount_total") == idr_to_stripe(summary.due_now)
        ):
            return known["url"]
    back = request.build_absolute_uri(guest_url("booking_pay_balance", booking))
    session = checkout_session_create(
        booking, success_url=f"{back}&paid=1", cancel_url=back, now=now
    )
    Booking.objects.filter(pk=booking.pk).update(checkout_session_id=session.id)
    return session.url


@FORM_PAGE
@require_http_methods(["GET", "POST"])
def booking_pay_balance(request, reference: str):
    booking = guest_booking(request, reference)
    returned = bool(request.GET.get("paid"))
    if returned:
        booking = _returned_from_checkout(booking)
    now = timezone.now()
    summary = balance_summary(booking, now=now)
    if summary is None or summary.state not in PAYABLE:
        if returned and summary is not None and summary.state == "paid":
            messages.success(request, _("Thank you! The balance is paid: nothing more to pay."))
        return redirect(guest_url("booking_manage", booking))
    error = ""
    if request.method == "POST":
        if rate_limited(request):
            return too_many_requests(request)
        if not summary.card:
            error = _("Paying by card is not possible now. Please use a bank transfer or ask us.")
        else:
            try:
                return redirect(_checkout_url(request, booking, summary, now))
            except stripe.StripeError:
                log.exception("Stripe Checkout for the balance of %s failed", booking.reference)
                error = _("Paying by card did not start. Please try again in a moment.")
    context = booking_context(booking)
    context.update(
        {
            "balance": summary,
            "balance_page": True,
            "error": error,
            "confirming_payment": returned and request.method == "GET",
            "manage_url": guest_url("booking_manage", booking),
        }
    )
    return allow_checkout(render(request, "tours/booking/balance.html", context))
