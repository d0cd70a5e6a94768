"""After booking, the guest's own pages: the manage page (the booking, its payment, what to do
next), the ticket with its QR code, the calendar file, and cancelling online while the tour's
policy allows it (or while the places wait for a bank transfer), with the refund it gives shown
first.

Every page is reached with the booking's token and is private (`tours.web.guest`).
"""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.ratelimit import rate_limited
from tours.booking import tickets
from tours.booking.cancellation import cancellation_refund, refund_quote
from tours.booking.cancelling import booking_cancel as cancel_service
from tours.booking.errors import BookingError
from tours.models import Booking, BookingStatus, PaymentMethod
from tours.web.guest import (
    FORM_PAGE,
    booking_context,
    guest_booking,
    guest_url,
    private_page,
    too_many_requests,
)
from tours.web.paying import checkout_return_apply, pay_context


def _continue_url(booking: Booking) -> str:
    """Where a held booking that is not finished picks up again."""
    if booking.customer_name and booking.customer_email:
        return guest_url("booking_review", booking)
    return guest_url("booking_details", booking)


def _can_cancel(booking: Booking, now) -> bool:
    """Confirmed bookings before the start, and bookings kept while the guest transfers."""
    if booking.status == BookingStatus.HELD:
        return (
            booking.payment_method == PaymentMethod.BANK_TRANSFER and booking.hold_expires_at > now
        )
    return (
        booking.status == BookingStatus.CONFIRMED
        and booking.departure.starts_at > now
        and not booking.checked_in_at
    )


def _refund_context(booking: Booking, now) -> dict:
    return {"quote": refund_quote(booking, now=now)}


@private_page()
@require_GET
def booking_manage(request, reference: str):
    booking = guest_booking(request, reference)
    if request.GET.get("paid") and booking.checkout_session_id:
        booking = checkout_return_apply(booking)
    context = booking_context(booking)
    now = context["now"]
    is_ticket = booking.status in (BookingStatus.CONFIRMED, BookingStatus.COMPLETED)
    context.update(
        {
            "is_ticket": is_ticket,
            "qr": tickets.qr_svg(booking) if is_ticket else "",
            "calendar_url": guest_url("booking_calendar", booking),
            "ticket_url": guest_url("booking_ticket", booking),
            "cancel_url": guest_url("booking_cancel", booking) if _can_cancel(booking, now) else "",
            "refund": cancellation_refund(booking),
            "continue_url": _continue_url(booking) if booking.status == BookingStatus.HELD else "",
            **pay_context(request, booking, now),
        }
    )
    return render(request, "tours/booking/manage.html", context)


@private_page()
@require_GET
def booking_ticket(request, reference: str):
    booking = guest_booking(request, reference)
    if booking.status not in (BookingStatus.CONFIRMED, BookingStatus.COMPLETED):
        return redirect(guest_url("booking_manage", booking))
    context = booking_context(booking)
    context.update(
        {"qr": tickets.qr_svg(booking), "manage_url": guest_url("booking_manage", booking)}
    )
    return render(request, "tours/booking/ticket.html", context)


@private_page()
@require_GET
def booking_calendar(request, reference: str):
    booking = guest_booking(request, reference)
    response = HttpResponse(tickets.ics(booking), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{booking.reference}.ics"'
    return response


@FORM_PAGE
@require_http_methods(["GET", "POST"])
def booking_cancel(request, reference: str):
    booking = guest_booking(request, reference)
    now = timezone.now()
    if not _can_cancel(booking, now):
        return redirect(guest_url("booking_manage", booking))
    error = ""
    if request.method == "POST":
        if rate_limited(request):
            return too_many_requests(request)
        try:
            cancel_service(booking=booking, reason=_("Cancelled by the guest online."), now=now)
        except BookingError as exc:
            error = exc.message
        else:
            messages.success(request, _("Your booking is cancelled. We sent you an e-mail."))
            return redirect(guest_url("booking_manage", booking))
    context = booking_context(booking)
    context.update(
        {
            **_refund_context(booking, now),
            "error": error,
            "manage_url": guest_url("booking_manage", booking),
        }
    )
    return render(request, "tours/booking/cancel.html", context)
