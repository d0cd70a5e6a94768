"""The partner's bookings: the list (search by reference or guest, upcoming / past /
cancelled), one booking with its payment link or voucher, and cancelling it within the tour's
policy, with the refund the policy gives shown before confirming (`refund_quote`, the figure
the cancellation then carries)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.ratelimit import rate_limited
from tours.booking import tickets
from tours.booking.books import booking_sale
from tours.booking.cancellation import cancellation_refund, refund_quote
from tours.booking.cancelling import booking_cancel
from tours.booking.errors import BookingError
from tours.booking.partner_books import booking_commission
from tours.models import Booking, BookingStatus
from tours.models.availability import tour_in_language
from tours.portal.access import partner_booking, partner_bookings, partner_page
from tours.portal.forms import BookingSearchForm

PER_PAGE = 25
TICKETS = (BookingStatus.CONFIRMED, BookingStatus.COMPLETED)
LIVE = (BookingStatus.HELD, BookingStatus.CONFIRMED)
ENDED = (BookingStatus.CANCELLED, BookingStatus.EXPIRED)


def bookings_shown(bookings, *, show: str, query: str, now):
    """The partner's bookings for one filter of the list, soonest first (past ones latest
    first)."""
    if query:
        bookings = bookings.filter(
            Q(reference__icontains=query) | Q(customer_name__icontains=query)
        )
    if show == "upcoming":
        live = Q(status=BookingStatus.CONFIRMED) | Q(
            status=BookingStatus.HELD, hold_expires_at__gt=now
        )
        return bookings.filter(live, departure__starts_at__gte=now).order_by(
            "departure__starts_at", "pk"
        )
    if show == "past":
        bookings = bookings.filter(departure__starts_at__lt=now).exclude(status__in=ENDED)
    elif show == "cancelled":
        bookings = bookings.filter(status__in=ENDED)
    return bookings.order_by("-departure__starts_at", "-pk")


@partner_page
@require_GET
def booking_list(request, partner):
    form = BookingSearchForm(request.GET or None)
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    show = data.get("show") or "upcoming"
    query = (data.get("q") or "").strip()
    bookings = bookings_shown(partner_bookings(partner), show=show, query=query, now=timezone.now())
    page = Paginator(bookings, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "partner": partner,
        "nav": "bookings",
        "form": form,
        "show": show,
        "query": query,
        "results": page,
        "tickets": TICKETS,
    }
    return render(request, "tours/portal/booking_list.html", context)


def can_cancel(booking: Booking, now) -> bool:
    """Before the start and before check-in: confirmed bookings, and held ones (released)."""
    if booking.status == BookingStatus.HELD:
        return booking.hold_expires_at > now
    return (
        booking.status == BookingStatus.CONFIRMED
        and booking.departure.starts_at > now
        and not booking.checked_in_at
    )


def _booking_context(partner, booking: Booking) -> dict:
    now = timezone.now()
    held = booking.status == BookingStatus.HELD and booking.hold_expires_at > now
    return {
        "partner": partner,
        "nav": "bookings",
        "booking": booking,
        "tour": tour_in_language(booking.departure.tour, get_language()),
        "departure": booking.departure,
        "zone": booking.zone,
        "lines": list(booking.lines.all()),
        "commission": booking_commission(booking, booking_sale(booking)),
        "pay_url": tickets.manage_url(booking) if held else "",
        "is_ticket": booking.status in TICKETS,
        "can_cancel": can_cancel(booking, now),
        "refund": cancellation_refund(booking),
    }


@partner_page
@require_GET
def booking_detail(request, partner, reference: str):
    booking = partner_booking(partner, reference)
    return render(request, "tours/portal/booking_detail.html", _booking_context(partner, booking))


@partner_page
@require_http_methods(["GET", "POST"])
def booking_cancel_view(request, partner, reference: str):
    booking = partner_booking(partner, reference)
    now = timezone.now()
    if not can_cancel(booking, now):
        return redirect("partner_booking", reference=booking.reference)
    error = ""
    if request.method == "POST" and not rate_limited(request, "partner"):
        try:
            booking = booking_cancel(
                booking=booking,
                reason=_("Cancelled by the partner %(name)s.") % {"name": partner.name},
                user=request.user,
                now=now,
            )
        except BookingError as exc:
            error = exc.message
        else:
            told = booking.status == BookingStatus.CANCELLED and booking.customer_email
            messages.success(
                request,
                _("The booking is cancelled. The guest was told by e-mail.")
                if told
                else _("The booking is cancelled and its places are free again."),
            )
            return redirect("partner_booking", reference=booking.reference)
    elif request.method == "POST":
        error = _("Too many requests at once. Please wait a minute and try again.")
    context = _booking_context(partner, booking)
    context.update({"quote": refund_quote(booking, now=now), "error": error})
    return render(request, "tours/portal/booking_cancel.html", context)
