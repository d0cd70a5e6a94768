"""The public booking flow, step by step: 1 date (the tour page and its calendar) → 2 people →
3 details → 4 review and pay. The guest then lands on the booking's manage page
(`tours.web.manage`).

Views stay thin: a form parses the input, one service decides, and the service's domain errors
(`tours.booking.errors`) become messages next to the field or at the top, with everything the
guest typed shown again. Every POST is rate limited and answers with a redirect, so the back
button works.
"""

import functools
from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.form_errors import add_service_errors
from core.formats import local_time
from core.ratelimit import client_address, rate_limited
from tours.booking.booking_input import Customer
from tours.booking.confirming import booking_confirm
from tours.booking.deposits import PAID_IN_ONE_GO, balance_summary
from tours.booking.email_check import is_awaiting_email
from tours.booking.errors import BookingError, BookingInvalid, HoldExpired, SoldOut
from tours.booking.holds import booking_hold, booking_set_customer
from tours.booking.providers import payment_methods_available
from tours.models import Booking, BookingStatus, Departure, Partner, PaymentMethod, TourPage
from tours.models.availability import departure_is_bookable, seats_taken
from tours.models.calendar import FEW_PLACES, tour_availability
from tours.payments.paying import (
    booking_await_checkout,
    booking_await_transfer,
    transfer_deadline,
    transfer_possible,
)
from tours.web.forms import DetailsForm, PeopleForm, ReviewForm
from tours.web.guest import (
    FORM_PAGE,
    STEPS,
    booking_context,
    guest_booking,
    guest_url,
    too_many_requests,
    tour_context,
)
from tours.web.paying import allow_checkout, pay_online
from tours.web.referral import referral_partner_for

FINISHED = (
    BookingStatus.CONFIRMED,
    BookingStatus.COMPLETED,
    BookingStatus.NO_SHOW,
    BookingStatus.CANCELLED,
)


def _tiers(canonical: TourPage, tour: TourPage) -> list:
    """The tiers a booking takes (the default-language page's), labelled in the page's language."""
    return tour.tiers_shown()


def _not_continuable(request, booking: Booking):
    """Finished bookings go to their manage page; released ones say so calmly."""
    if booking.status in FINISHED:
        return redirect(guest_url("booking_manage", booking))
    if booking.status == BookingStatus.EXPIRED:
        return _released(request, booking)
    return None


def _places_left(departure: Departure, now) -> int:
    """Places a new booking could take now (0 when the departure no longer takes bookings)."""
    if not departure_is_bookable(departure, now=now):
        return 0
    return max(departure.capacity - seats_taken(departure, now=now), 0)


def _released(request, booking: Booking):
    """A booking whose places were released. When fewer places are left than it had, the guest
    may book again with fewer people, their details kept (one message says why)."""
    context = booking_context(booking)
    left = _places_left(booking.departure, context["now"])
    message, fewer_url = HoldExpired.message, ""
    if left == 0:
        message = SoldOut(0).message
    elif left < booking.seats:
        message = ngettext(
            "Only %(left)d place is left on this date; you chose %(seats)d.",
            "Only %(left)d places are left on this date; you chose %(seats)d.",
            left,
        ) % {"left": left, "seats": booking.seats}
        start = reverse("booking_start", kwargs={"departure_id": booking.departure_id})
        fewer_url = f"{start}?{urlencode({'from': booking.reference, 't': booking.token})}"
    context.update({"message": message, "fewer_url": fewer_url, "places_left": left})
    return render(request, "tours/booking/expired.html", context)


def _previous_booking(request, departure: Departure) -> Booking | None:
    """The released booking a guest comes back from to choose fewer people (`?from=&t=`)."""
    reference = request.GET.get("from", "")
    if not reference:
        return None
    try:
        booking = guest_booking(request, reference)
    except Http404:
        return None
    if booking.departure_id != departure.pk or booking.status != BookingStatus.EXPIRED:
        return None
    return booking


# Step 1 (on the tour page): the month fragment for the calendar's JavaScript -----------------


@require_GET
def booking_availability(request, page_id: int):
    page = get_object_or_404(TourPage.objects.live().public(), pk=page_id)
    availability = tour_availability(
        page, month=request.GET.get("month"), day=request.GET.get("day")
    )
    response = render(
        request,
        "tours/includes/availability.html",
        {"page": page, "availability": availability, "zone": page.zone},
    )
    response["X-Robots-Tag"] = "noindex"
    return response


# Step 2: how many people --------------------------------------------------------------------


@FORM_PAGE
@require_http_methods(["GET", "POST"])
def booking_start(request, departure_id: int):
    # Only departures of published tours: an unpublished tour's old links lead nowhere.
    departure = get_object_or_404(
        Departure.objects.select_related("tour", "enterprise"), pk=departure_id, tour__live=True
    )
    context = tour_context(departure)
    tiers = _tiers(departure.tour, context["tour"])
    previous = _previous_booking(request, departure)
    too_many = False
    if request.method == "POST":
        if rate_limited(request):
            return too_many_requests(request)
        form = PeopleForm(request.POST, tiers=tiers)
        if form.is_valid() and "recalculate" not in request.POST:
            try:
                booking = _hold(
                    form, departure, previous, referral_partner_for(request, departure), request
                )
            except BookingInvalid as error:
                add_service_errors(form, error.errors, form.service_fields())
            except BookingError as error:
                form.add_error(None, error.message)
                too_many = isinstance(error, SoldOut)
            else:
                step = "booking_review" if previous else "booking_details"
                return redirect(guest_url(step, booking))
    else:
        form = PeopleForm(tiers=tiers, initial=_people_initial(departure, tiers, previous))

    now = timezone.now()
    seats_left = max(departure.capacity - seats_taken(departure, now=now), 0)
    context.update(
        {
            "form": form,
            "total": form.total(),
            "steps": STEPS,
            "step": 2,
            "bookable": departure_is_bookable(departure, now=now) and seats_left > 0,
            "seats_left": seats_left,
            # One message per problem: a refusal for too many people already says what is left.
            "few_places": (seats_left <= FEW_PLACES or previous is not None) and not too_many,
            "sold_out": SoldOut(0).message if not seats_left else "",
        }
    )
    return render(request, "tours/booking/people.html", context)


def _people_initial(departure: Departure, tiers: list, previous: Booking | None) -> dict:
    """What the people step shows first: the released booking's people, to lower; else one
    person (or the tour's minimum) in the first tier open to anyone."""
    if previous is not None:
        return {f"tier_{line.tier_id}": line.quantity for line in previous.lines.all()}
    first = next((t for t in tiers if not t.min_quantity), None)
    if first is None:
        return {}
    return {f"tier_{first.pk}": max(1, departure.tour.min_participants)}


def _hold(
    form: PeopleForm,
    departure: Departure,
    previous: Booking | None,
    partner: Partner | None,
    request,
) -> Booking:
    """Hold the places asked for; a guest coming back with fewer people keeps their details
    A referred guest books as the partner's guest."""
    customer = None
    if previous is not None:
        customer = Customer(
            name=previous.customer_name,
            email=previous.customer_email,
            phone=previous.customer_phone,
            country=previous.customer_country,
            language=previous.language,
        )
    hold = functools.partial(
        booking_hold,
        departure_id=departure.pk,
        lines=form.lines(),
        language=previous.language if previous else get_language(),
        customer=customer if customer and customer.email else None,
        idempotency_key=form.idempotency_key(departure.pk),
        client_address=client_address(request),
    )
    try:
        booking, _created = hold(partner=partner)
    except BookingInvalid as error:
        # The partner stopped selling this village a moment ago: the guest books directly.
        if partner is None or "partner" not in error.errors:
            raise
        booking, _created = hold(partner=None)
    return booking


# Step 3: who the booking is for -------------------------------------------------------------


@FORM_PAGE
@require_http_methods(["GET", "POST"])
def booking_details(request, reference: str):
    booking = guest_booking(request, reference)
    if (response := _not_continuable(request, booking)) is not None:
        return response
    if request.method == "POST":
        if rate_limited(request):
            return too_many_requests(request)
        form = DetailsForm(request.POST)
        if form.is_valid():
            try:
                booking_set_customer(booking=booking, customer=form.customer())
            except BookingInvalid as error:
                add_service_errors(form, error.errors, DetailsForm.SERVICE_FIELDS)
            except BookingError as error:
                form.add_error(None, error.message)
            else:
                return redirect(guest_url("booking_review", booking))
    else:
        form = DetailsForm(
            initial={
                "name": booking.customer_name,
                "email": booking.customer_email,
                "phone": booking.customer_phone or "+62",
                "country": booking.customer_country or "ID",
                "language": get_language() if not booking.customer_email else booking.language,
            }
        )
    context = booking_context(booking, step=3)
    context["form"] = form
    return render(request, "tours/booking/details.html", context)


# Step 4: review and pay ---------------------------------------------------------------------


def _paid_later_message(booking: Booking) -> str:
    """What the guest is told after choosing cash on arrival or a transfer."""
    if is_awaiting_email(booking):
        return _(
            "Please confirm your e-mail: open the link we sent to %(email)s. Until then your "
            "places are kept only until %(time)s."
        ) % {
            "email": booking.customer_email,
            "time": local_time(booking.hold_expires_at, zone=booking.zone),
        }
    if booking.status == BookingStatus.HELD:
        return _("Your places are kept. Please transfer in time.")
    return _("Booked! Your ticket is below and on its way by e-mail.")


def _payment_terms(booking: Booking, methods: list[str], now) -> dict:
    """What each way to pay asks: until when a transfer keeps the places, and a group's deposit
    (asked when the guest pays by card or transfer, not in cash on the day)."""
    deposit = balance_summary(booking, now=now)
    if not any(method not in PAID_IN_ONE_GO for method in methods):
        deposit = None
    return {
        "deposit": deposit,
        "cash_offered": PaymentMethod.CASH in methods,
        "transfer_until": (
            transfer_deadline(booking, now) if PaymentMethod.BANK_TRANSFER in methods else None
        ),
    }


@FORM_PAGE
@require_http_methods(["GET", "POST"])
def booking_review(request, reference: str):
    booking = guest_booking(request, reference)
    if (response := _not_continuable(request, booking)) is not None:
        return response
    if not (booking.customer_name and booking.customer_email):
        return redirect(guest_url("booking_details", booking))
    now = timezone.now()
    methods = payment_methods_available(booking.enterprise)
    if PaymentMethod.BANK_TRANSFER in methods and not transfer_possible(booking, now):
        methods.remove(PaymentMethod.BANK_TRANSFER)
    if request.method == "POST":
        if rate_limited(request):
            return too_many_requests(request)
        form = ReviewForm(request.POST, methods=methods)
        if form.is_valid():
            method = form.cleaned_data["payment_method"]
            try:
                if method == PaymentMethod.STRIPE:
                    return pay_online(request, booking_await_checkout(booking=booking))
                if method == PaymentMethod.BANK_TRANSFER:
                    booking = booking_await_transfer(booking=booking)
                else:
                    booking = booking_confirm(booking=booking, payment_method=method)
                messages.success(request, _paid_later_message(booking))
            except SoldOut:
                # The hold ran out and the places went meanwhile: the booking is released, and
                # its page says how many places are left and offers to book fewer people.
                return redirect(guest_url("booking_review", booking))
            except BookingInvalid as error:
                add_service_errors(form, error.errors, {"payment_method": "payment_method"})
            except BookingError as error:
                form.add_error(None, error.message)
            else:
                return redirect(guest_url("booking_manage", booking))
        booking.refresh_from_db()
    else:
        initial = booking.payment_method if booking.payment_method in methods else None
        form = ReviewForm(methods=methods, initial={"payment_method": initial} if initial else {})
    context = booking_context(booking, step=4)
    context.update(
        {
            "form": form,
            "details_url": guest_url("booking_details", booking),
            **_payment_terms(booking, methods, now),
        }
    )
    response = render(request, "tours/booking/review.html", context)
    return allow_checkout(response) if PaymentMethod.STRIPE in methods else response
