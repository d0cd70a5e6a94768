"""Public booking flow: 1 date (the tour page) → 2 people → 3 details → 4 review and pay, then
the guest's manage page with the ticket, the calendar file and cancellation.

Views stay thin: a form parses the input, one service decides, and the service's domain errors
(tours.errors) become messages next to the field or at the top, with everything the guest typed
shown again. Every POST is rate limited and answers with a redirect, so the back button works.

A guest reaches a booking only with its secret token (`?t=`), compared in constant time. A wrong
or missing token is a 404 that does not say whether the reference exists. Pages that carry the
token are not indexed, not cached and send no referrer.
"""

import functools
import math
import secrets

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language, ngettext, pgettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.ratelimit import rate_limited
from tours.booking import tickets
from tours.booking.cancellation import cancellation_refund, refund_quote
from tours.booking.cancelling import booking_cancel as cancel_service
from tours.booking.confirming import booking_confirm
from tours.booking.errors import BookingError, BookingInvalid, HoldExpired, SoldOut
from tours.booking.holds import booking_hold, booking_set_customer
from tours.booking.providers import payment_methods_available
from tours.models import Booking, BookingStatus, Departure, PaymentMethod, TourPage
from tours.models.availability import departure_is_bookable, seats_taken, tour_in_language
from tours.models.calendar import FEW_PLACES, tour_availability
from tours.payments.paying import booking_await_checkout, booking_await_transfer, transfer_possible
from tours.web.forms import DetailsForm, PeopleForm, ReviewForm, add_service_errors
from tours.web.paying import allow_checkout, checkout_return_apply, pay_context, pay_online

STEPS = [
    (1, pgettext_lazy("booking step", "Date")),
    (2, pgettext_lazy("booking step", "People")),
    (3, pgettext_lazy("booking step", "Details")),
    (4, pgettext_lazy("booking step", "Pay")),
]
FINISHED = (
    BookingStatus.CONFIRMED,
    BookingStatus.COMPLETED,
    BookingStatus.NO_SHOW,
    BookingStatus.CANCELLED,
)


# Shared pieces ---------------------------------------------------------------------------------


def private_page(referrer_policy: str = "no-referrer"):
    """Pages with a token in their URL: never cached, never indexed, no referrer sent away.

    Pages that hold a form use "same-origin" instead of "no-referrer": under "no-referrer"
    browsers send `Origin: null` with the form's POST, which Django's CSRF check refuses.
    "same-origin" still never sends the address (and its token) to another site.
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            add_never_cache_headers(response)
            response["Referrer-Policy"] = referrer_policy
            response["X-Robots-Tag"] = "noindex, nofollow"
            return response

        return wrapped

    return decorator


FORM_PAGE = private_page("same-origin")


def _guest_booking(request, reference: str) -> Booking:
    """The booking for this reference and token, or 404 whichever of the two is wrong."""
    token = request.GET.get("t", "")
    booking = (
        Booking.objects.select_related("departure__tour", "enterprise")
        .filter(reference=reference.upper()[:12])
        .first()
    )
    expected = booking.token if booking is not None else secrets.token_urlsafe(24)
    if not secrets.compare_digest(expected.encode(), token.encode()) or booking is None:
        raise Http404
    return booking


def _url(name: str, booking: Booking) -> str:
    return f"{reverse(name, kwargs={'reference': booking.reference})}?t={booking.token}"


def _too_many(request):
    response = render(request, "tours/booking/rate_limited.html", status=429)
    response["Retry-After"] = "60"
    return response


def _tour_context(departure: Departure) -> dict:
    """The tour in the reader's language, its village, and the departure's BUMDes."""
    canonical = departure.tour
    tour = tour_in_language(canonical, get_language())
    village = tour.get_parent().specific
    map_url = village.map_url or canonical.get_parent().specific.map_url
    return {
        "departure": departure,
        "tour": tour,
        "canonical": canonical,
        "village": village,
        "map_url": map_url,
        "enterprise": departure.enterprise,
        "zone": departure.zone,
    }


def _tiers(canonical: TourPage, tour: TourPage) -> list:
    """The tiers a booking takes (the default-language page's), labelled in the page's language."""
    tiers = list(canonical.price_tiers.all())
    labels = {}
    if tour.pk != canonical.pk:
        labels = {t.translation_key: t.label for t in tour.price_tiers.all()}
    for tier in tiers:
        tier.display_label = labels.get(tier.translation_key, tier.label)
    return tiers


def _hold_context(booking: Booking, now) -> dict:
    if booking.status != BookingStatus.HELD or booking.hold_expires_at is None:
        return {}
    minutes = math.ceil((booking.hold_expires_at - now).total_seconds() / 60)
    return {
        "hold_until": booking.hold_expires_at,
        "hold_minutes": max(minutes, 0),
        "hold_ran_out": minutes <= 0,
        "hold_minutes_text": ngettext("%(n)d minute", "%(n)d minutes", max(minutes, 0))
        % {"n": max(minutes, 0)},
    }


def _booking_context(booking: Booking, *, step: int | None = None) -> dict:
    now = timezone.now()
    return {
        **_tour_context(booking.departure),
        **_hold_context(booking, now),
        "booking": booking,
        "lines": list(booking.lines.all()),
        "steps": STEPS,
        "step": step,
        "now": now,
    }


def _continue_url(booking: Booking) -> str:
    """Where a held booking that is not finished picks up again."""
    if booking.customer_name and booking.customer_email:
        return _url("booking_review", booking)
    return _url("booking_details", booking)


def _not_continuable(request, booking: Booking):
    """Finished bookings go to their manage page; released ones say so calmly."""
    if booking.status in FINISHED:
        return redirect(_url("booking_manage", booking))
    if booking.status == BookingStatus.EXPIRED:
        context = _booking_context(booking)
        context["message"] = HoldExpired.message
        return render(request, "tours/booking/expired.html", context)
    return None


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
    context = _tour_context(departure)
    tiers = _tiers(departure.tour, context["tour"])
    if request.method == "POST":
        if rate_limited(request):
            return _too_many(request)
        form = PeopleForm(request.POST, tiers=tiers)
        if form.is_valid() and "recalculate" not in request.POST:
            try:
                booking, _created = booking_hold(
                    departure_id=departure.pk,
                    lines=form.lines(),
                    language=get_language(),
                    idempotency_key=form.idempotency_key(departure.pk),
                )
            except BookingInvalid as error:
                add_service_errors(form, error.errors, form.service_fields())
            except BookingError as error:
                form.add_error(None, error.message)
            else:
                return redirect(_url("booking_details", booking))
    else:
        initial = {}
        first = next((t for t in tiers if not t.min_quantity), None)
        if first is not None:
            initial[f"tier_{first.pk}"] = max(1, departure.tour.min_participants)
        form = PeopleForm(tiers=tiers, initial=initial)

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
            "few_places": seats_left <= FEW_PLACES,
            "sold_out": SoldOut(0).message if not seats_left else "",
        }
    )
    return render(request, "tours/booking/people.html", context)


# Step 3: who the booking is for -------------------------------------------------------------


@FORM_PAGE
@require_http_methods(["GET", "POST"])
def booking_details(request, reference: str):
    booking = _guest_booking(request, reference)
    if (response := _not_continuable(request, booking)) is not None:
        return response
    if request.method == "POST":
        if rate_limited(request):
            return _too_many(request)
        form = DetailsForm(request.POST)
        if form.is_valid():
            try:
                booking_set_customer(booking=booking, customer=form.customer())
            except BookingInvalid as error:
                add_service_errors(form, error.errors, DetailsForm.SERVICE_FIELDS)
            except BookingError as error:
                form.add_error(None, error.message)
            else:
                return redirect(_url("booking_review", booking))
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
    context = _booking_context(booking, step=3)
    context["form"] = form
    return render(request, "tours/booking/details.html", context)


# Step 4: review and pay ---------------------------------------------------------------------


@FORM_PAGE
@require_http_methods(["GET", "POST"])
def booking_review(request, reference: str):
    booking = _guest_booking(request, reference)
    if (response := _not_continuable(request, booking)) is not None:
        return response
    if not (booking.customer_name and booking.customer_email):
        return redirect(_url("booking_details", booking))
    now = timezone.now()
    methods = payment_methods_available(booking.enterprise)
    if PaymentMethod.BANK_TRANSFER in methods and not transfer_possible(booking, now):
        methods.remove(PaymentMethod.BANK_TRANSFER)
    if request.method == "POST":
        if rate_limited(request):
            return _too_many(request)
        form = ReviewForm(request.POST, methods=methods)
        if form.is_valid():
            method = form.cleaned_data["payment_method"]
            try:
                if method == PaymentMethod.STRIPE:
                    return pay_online(request, booking_await_checkout(booking=booking))
                if method == PaymentMethod.BANK_TRANSFER:
                    booking_await_transfer(booking=booking)
                    messages.success(request, _("Your places are kept. Please transfer in time."))
                else:
                    booking_confirm(booking=booking, payment_method=method)
                    messages.success(
                        request, _("Booked! Your ticket is below and on its way by e-mail.")
                    )
            except BookingInvalid as error:
                add_service_errors(form, error.errors, {"payment_method": "payment_method"})
            except BookingError as error:
                form.add_error(None, error.message)
            else:
                return redirect(_url("booking_manage", booking))
        booking.refresh_from_db()
    else:
        initial = booking.payment_method if booking.payment_method in methods else None
        form = ReviewForm(methods=methods, initial={"payment_method": initial} if initial else {})
    context = _booking_context(booking, step=4)
    context.update(
        {
            "form": form,
            "details_url": _url("booking_details", booking),
            "choose_again": booking.status == BookingStatus.EXPIRED,
        }
    )
    response = render(request, "tours/booking/review.html", context)
    return allow_checkout(response) if PaymentMethod.STRIPE in methods else response


# After booking: manage page, ticket, calendar, cancellation -------------------------------


def _can_cancel(booking: Booking, now) -> bool:
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
    booking = _guest_booking(request, reference)
    if request.GET.get("paid") and booking.checkout_session_id:
        booking = checkout_return_apply(booking)
    context = _booking_context(booking)
    now = context["now"]
    is_ticket = booking.status in (BookingStatus.CONFIRMED, BookingStatus.COMPLETED)
    context.update(
        {
            "is_ticket": is_ticket,
            "qr": tickets.qr_svg(booking, request) if is_ticket else "",
            "calendar_url": _url("booking_calendar", booking),
            "ticket_url": _url("booking_ticket", booking),
            "cancel_url": _url("booking_cancel", booking) if _can_cancel(booking, now) else "",
            "refund": cancellation_refund(booking),
            "continue_url": _continue_url(booking) if booking.status == BookingStatus.HELD else "",
            **pay_context(request, booking, now),
        }
    )
    return render(request, "tours/booking/manage.html", context)


@private_page()
@require_GET
def booking_ticket(request, reference: str):
    booking = _guest_booking(request, reference)
    if booking.status not in (BookingStatus.CONFIRMED, BookingStatus.COMPLETED):
        return redirect(_url("booking_manage", booking))
    context = _booking_context(booking)
    context.update(
        {"qr": tickets.qr_svg(booking, request), "manage_url": _url("booking_manage", booking)}
    )
    return render(request, "tours/booking/ticket.html", context)


@private_page()
@require_GET
def booking_calendar(request, reference: str):
    booking = _guest_booking(request, reference)
    response = HttpResponse(
        tickets.ics(booking, request), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{booking.reference}.ics"'
    return response


@FORM_PAGE
@require_http_methods(["GET", "POST"])
def booking_cancel(request, reference: str):
    booking = _guest_booking(request, reference)
    now = timezone.now()
    if not _can_cancel(booking, now):
        return redirect(_url("booking_manage", booking))
    error = ""
    if request.method == "POST":
        if rate_limited(request):
            return _too_many(request)
        try:
            cancel_service(booking=booking, reason=_("Cancelled by the guest online."), now=now)
        except BookingError as exc:
            error = exc.message
        else:
            messages.success(request, _("Your booking is cancelled. We sent you an e-mail."))
            return redirect(_url("booking_manage", booking))
    context = _booking_context(booking)
    context.update(
        {
            **_refund_context(booking, now),
            "error": error,
            "manage_url": _url("booking_manage", booking),
        }
    )
    return render(request, "tours/booking/cancel.html", context)
