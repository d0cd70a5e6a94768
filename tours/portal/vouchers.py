"""Guest vouchers: a printable page with one voucher per booking (one per printed page), each
with the booking's QR ticket — the code staff scan at check-in — the guest's name, the
experience, its date and time on the village's clock, the people, the meeting point and the
reference. Only confirmed bookings have a voucher: a held one is not a ticket yet."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from tours.booking import tickets
from tours.models.availability import tour_in_language
from tours.portal.access import partner_booking, partner_bookings, partner_page
from tours.portal.bookings import TICKETS

MAX_VOUCHERS = 50


def voucher(booking) -> dict:
    tour = tour_in_language(booking.departure.tour, get_language())
    return {
        "booking": booking,
        "tour": tour,
        "village": tour.get_parent().specific,
        "zone": booking.zone,
        "lines": list(booking.lines.all()),
        "qr": tickets.qr_svg(booking),
    }


def _vouchers_page(request, partner, bookings):
    context = {
        "partner": partner,
        "nav": "bookings",
        "vouchers": [voucher(booking) for booking in bookings],
    }
    return render(request, "tours/portal/vouchers.html", context)


@partner_page
@require_GET
def booking_voucher(request, partner, reference: str):
    booking = partner_booking(partner, reference)
    if booking.status not in TICKETS:
        raise Http404
    return _vouchers_page(request, partner, [booking])


@partner_page
@require_GET
def vouchers(request, partner):
    """Vouchers of several bookings chosen in the list (`?ref=A&ref=B`); only the partner's
    own confirmed ones are printed."""
    references = [ref.upper()[:12] for ref in request.GET.getlist("ref")][:MAX_VOUCHERS]
    bookings = (
        partner_bookings(partner)
        .filter(reference__in=references, status__in=TICKETS)
        .order_by("departure__starts_at", "reference")
    )
    if not bookings:
        raise Http404
    return _vouchers_page(request, partner, bookings)
