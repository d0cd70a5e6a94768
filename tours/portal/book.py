"""Book for a guest, phone first: 1 the experience → 2 the date and time → 3 people and the
guest's details. On-account partners' bookings are confirmed at once; otherwise the places are
held and the guest gets the link to pay (`tours.partners.bookings.partner_booking_make`).

The dates are the public calendar's (`tour_availability`): only departures the partner can
still book. A refused booking shows every problem next to its field, with everything typed
kept.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.form_errors import add_service_errors
from core.ratelimit import rate_limited
from tours.booking.errors import BookingError, BookingInvalid
from tours.models import BookingStatus, Departure
from tours.models.availability import departure_is_bookable, seats_taken
from tours.models.calendar import tour_availability
from tours.partners.bookings import partner_booking_make
from tours.portal.access import partner_page
from tours.portal.forms import GuestBookingForm
from tours.portal.selling import partner_tiers, tour_for_sale, tours_for_sale


@partner_page
@require_GET
def book_tour(request, partner):
    """Step 1: the experiences the partner sells."""
    return render(
        request,
        "tours/portal/book_tour.html",
        {"partner": partner, "nav": "book", "tours": tours_for_sale(partner)},
    )


@partner_page
@require_GET
def book_date(request, partner, page_id: int):
    """Step 2: a month of bookable dates, each with its times and places left."""
    tour = tour_for_sale(partner, page_id)
    availability = tour_availability(
        tour, month=request.GET.get("month"), day=request.GET.get("day")
    )
    days = [day for week in availability["weeks"] for day in week if day.in_month and day.slots]
    context = {
        "partner": partner,
        "nav": "book",
        "tour": tour,
        "availability": availability,
        "days": days,
        "zone": tour.zone,
    }
    return render(request, "tours/portal/book_date.html", context)


@partner_page
@require_http_methods(["GET", "POST"])
def book_guest(request, partner, departure_id: int):
    """Step 3: people per tier at the partner's prices, and the guest's details."""
    departure = get_object_or_404(
        Departure.objects.select_related("tour", "enterprise"), pk=departure_id
    )
    tour = tour_for_sale(partner, departure.tour_id)
    tiers, terms = partner_tiers(partner, tour)
    if request.method == "POST":
        if rate_limited(request, "partner"):
            response = render(request, "tours/booking/rate_limited.html", status=429)
            response["Retry-After"] = "60"
            return response
        form = GuestBookingForm(request.POST, tiers=tiers)
        booking = _book(request, partner, form, departure)
        if booking is not None:
            return redirect("partner_booking", reference=booking.reference)
    else:
        form = GuestBookingForm(tiers=tiers)
    now = timezone.now()
    context = {
        "partner": partner,
        "nav": "book",
        "tour": tour,
        "departure": departure,
        "zone": departure.zone,
        "form": form,
        "terms": terms,
        "seats_left": max(departure.capacity - seats_taken(departure, now=now), 0),
        "bookable": departure_is_bookable(departure, now=now),
        "back_url": reverse("partner_book_date", kwargs={"page_id": tour.pk}),
    }
    return render(request, "tours/portal/book_guest.html", context)


def _book(request, partner, form: GuestBookingForm, departure: Departure):
    """The booking, or None with the service's errors put on the form."""
    if not form.is_valid():
        return None
    try:
        booking = partner_booking_make(
            partner=partner,
            departure=departure,
            lines=form.lines(),
            customer=form.customer(),
            idempotency_key=form.idempotency_key(partner.pk, departure.pk),
            user=request.user,
        )
    except BookingInvalid as error:
        add_service_errors(form, error.errors, form.service_fields())
        return None
    except BookingError as error:
        form.add_error(None, error.message)
        return None
    if booking.status == BookingStatus.HELD:
        messages.success(
            request, _("Places held. We e-mailed the guest the link to pay; you can send it too.")
        )
    else:
        messages.success(request, _("Booked on your account. Print the voucher for the guest."))
    return booking
