"""What every guest page of a booking shares: the booking reached with its secret token, pages
that are never cached, indexed or referred, the answer to too many requests, and the context
the booking's pages show (the tour in the reader's language, the hold's time left, the steps).

A guest reaches a booking only with its secret token (`?t=`), compared in constant time. A wrong
or missing token is a 404 that does not say whether the reference exists. Pages that carry the
token are not indexed, not cached and send no referrer.
"""

import functools
import math
import secrets

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language, ngettext, pgettext_lazy

from tours.models import Booking, BookingStatus, Departure
from tours.models.availability import tour_in_language

STEPS = [
    (1, pgettext_lazy("booking step", "Date")),
    (2, pgettext_lazy("booking step", "People")),
    (3, pgettext_lazy("booking step", "Details")),
    (4, pgettext_lazy("booking step", "Pay")),
]


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


def guest_booking(request, reference: str) -> Booking:
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


def guest_url(name: str, booking: Booking) -> str:
    """The address of one of the booking's pages, with its token."""
    return f"{reverse(name, kwargs={'reference': booking.reference})}?t={booking.token}"


def too_many_requests(request):
    """The answer to a guest who posts too often (429, try again in a minute)."""
    response = render(request, "tours/booking/rate_limited.html", status=429)
    response["Retry-After"] = "60"
    return response


def tour_context(departure: Departure) -> dict:
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


def booking_context(booking: Booking, *, step: int | None = None) -> dict:
    """What every page of a booking shows: its tour, its lines, the hold, the steps."""
    now = timezone.now()
    return {
        **tour_context(booking.departure),
        **_hold_context(booking, now),
        "booking": booking,
        "lines": list(booking.lines.all()),
        "steps": STEPS,
        "step": step,
        "now": now,
    }
