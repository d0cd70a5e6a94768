"""The booking widget a partner pastes into its own website as an <iframe>.

`/widget/<code>/` lists the experiences the partner sells; `/widget/<code>/<tour>/` their next
open dates. A date opens the normal booking flow in a new tab, with the partner's referral code,
so the booking is the partner's and the guest pays as usual.

These are the only pages that may be framed by another site, and only by the partner's own
website (its address on the partner's record): X-Frame-Options is left out for them and the
Content-Security-Policy's `frame-ancestors` names that site. Every other page keeps the strict
defaults.
"""

import datetime as dt
import ipaddress
from urllib.parse import urlsplit

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from tours.models import Partner, TourPage
from tours.models.availability import bookable_departures
from tours.models.partner_pages import PartnerPage, partner_tours
from tours.web.referral import partner_by_code

NEXT_DATES = 8
HORIZON = dt.timedelta(days=120)


def frame_ancestors(partner: Partner) -> list[str]:
    """Who may frame the partner's widget: its website's origin (with and without "www."),
    and this site itself."""
    allowed = ["'self'"]
    parts = urlsplit(partner.website or "")
    if parts.scheme in ("http", "https") and parts.hostname:
        port = f":{parts.port}" if parts.port else ""
        hosts = [parts.hostname]
        if not _is_address(parts.hostname):
            name = parts.hostname.removeprefix("www.")
            hosts = [name, f"www.{name}"]
        allowed += [f"{parts.scheme}://{host}{port}" for host in hosts]
    return allowed


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _framable(response, partner: Partner):
    response._csp_replace = {"frame-ancestors": frame_ancestors(partner)}
    response["X-Robots-Tag"] = "noindex"
    return response


def _partner(code: str) -> Partner:
    partner = partner_by_code(code)
    if partner is None:
        raise Http404
    return partner


def _tours(partner: Partner, locale: Locale) -> list[TourPage]:
    """The experiences the partner's page shows in this language (all it sells without one)."""
    page = PartnerPage.objects.live().filter(partner=partner, locale=locale).first()
    return page.tours() if page is not None else partner_tours(partner, locale)


@xframe_options_exempt
@require_GET
def widget_tours(request, code: str):
    partner = _partner(code)
    context = {"partner": partner, "tours": _tours(partner, Locale.get_active())}
    return _framable(render(request, "tours/widget/tours.html", context), partner)


@xframe_options_exempt
@require_GET
def widget_tour(request, code: str, tour_id: int):
    partner = _partner(code)
    tour = next((t for t in _tours(partner, Locale.get_active()) if t.pk == tour_id), None)
    if tour is None:
        raise Http404
    now = timezone.now()
    departures = bookable_departures(tour, start=now, end=now + HORIZON, now=now)
    context = {
        "partner": partner,
        "tour": tour,
        "departures": departures[:NEXT_DATES],
        "zone": tour.zone,
    }
    return _framable(render(request, "tours/widget/tour.html", context), partner)
