"""Every kind of page a guest sees, in one language, for the checks that run over all of them:
the meta description and heading order (tests/home/test_public_markup.py), the Nu HTML validator
(tests/home/test_html_validator.py) and axe-core in the browser (tests/e2e/test_accessibility.py).

`site_pages` are the content pages; `booking_pages` takes bookings through every step with the
test client (in the database the caller's server reads) and returns the address of each step as
the guest then sees it. Both need the demo and return (name, path) pairs.
"""

import datetime as dt
import functools

from django.utils import timezone, translation
from django.utils.dateformat import format as date_format
from wagtail.models import Locale

from home.models import HomePage, StandardPage
from tests.tours.guest_flow import GUEST, booking_from, guest_url, hold, url
from tours.models import (
    Booking,
    BookingStatus,
    Departure,
    DepartureStatus,
    PartnerPage,
    TourIndexPage,
    TourPage,
    VillagePage,
)

LANGUAGES = ("id", "en")


def keeps_the_language(function):
    """The test client's requests leave the thread in their page's language (LocaleMiddleware
    activates it); put the caller's back, or `reverse` in later tests builds /en/ addresses."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with translation.override(translation.get_language()):
            return function(*args, **kwargs)

    return wrapper


def _in(language: str, model, **lookup):
    """The page in `language` whose Indonesian original matches `lookup` (slugs are translated)."""
    original = model.objects.get(locale__language_code="id", **lookup)
    return original.get_translation(Locale.objects.get(language_code=language))


def batik_departure() -> Departure:
    """The demo's first open Kelas Membatik departure at least six days ahead."""
    soon = timezone.now() + dt.timedelta(days=6)
    return (
        Departure.objects.filter(
            tour__slug="kelas-membatik",
            tour__locale__language_code="id",
            status=DepartureStatus.OPEN,
            starts_at__gte=soon,
        )
        .order_by("starts_at")
        .first()
    )


def site_pages(language: str) -> list[tuple[str, str]]:
    prefix = "" if language == "id" else f"/{language}"
    tour = _in(language, TourPage, slug="kelas-membatik")
    day = timezone.localtime(batik_departure().starts_at, tour.zone)
    return [
        ("home", _in(language, HomePage).url),
        ("village", _in(language, VillagePage, slug="lipursari").url),
        ("tour", tour.url),
        ("tour-day", f"{tour.url}?month={day:%Y-%m}&day={date_format(day, 'Y-m-d')}"),
        ("listing", _in(language, TourIndexPage).url),
        ("standard", _in(language, StandardPage, slug="tentang").url),
        ("search", f"{prefix}/search/?q=batik"),
        ("partner", _in(language, PartnerPage, slug="demo-hotel").url),
        ("partner-apply", url("partner_apply", language)),
        ("widget", url("widget_tour", language, code="demo-hotel", tour_id=tour.pk)),
        ("not-found", f"{prefix}/no-such-page/"),
    ]


def _hold(client, departure, language: str) -> Booking:
    tier = departure.tour.price_tiers.order_by("sort_order").first()
    response = hold(client, departure, {tier: 2}, language)
    assert response.status_code == 302, response.content.decode()[:2000]
    return booking_from(response)


def _details(client, booking: Booking, language: str) -> None:
    response = client.post(
        guest_url("booking_details", booking, language), {**GUEST, "language": language}
    )
    assert response.status_code == 302


def _pay(client, booking: Booking, language: str, method: str) -> None:
    response = client.post(
        guest_url("booking_review", booking, language), {"payment_method": method}
    )
    assert response.status_code == 302


def _confirmed(client, departure, language: str, method: str = "cash") -> Booking:
    booking = _hold(client, departure, language)
    _details(client, booking, language)
    _pay(client, booking, language, method)
    return booking


@keeps_the_language
def booking_pages(client, language: str) -> list[tuple[str, str]]:
    """People, details, review, the confirmation (cash), its ticket and cancel page, a cancelled
    booking, a bank transfer awaited and a hold that ran out: one booking for each state."""
    departure = batik_departure()
    details = _hold(client, departure, language)
    review = _hold(client, departure, language)
    _details(client, review, language)
    cash = _confirmed(client, departure, language)
    cancelled = _confirmed(client, departure, language)
    assert client.post(guest_url("booking_cancel", cancelled, language)).status_code == 302
    transfer = _confirmed(client, departure, language, "bank_transfer")
    expired = _hold(client, departure, language)
    Booking.objects.filter(pk=expired.pk).update(status=BookingStatus.EXPIRED)
    return [
        ("people", url("booking_start", language, departure_id=departure.pk)),
        ("details", guest_url("booking_details", details, language)),
        ("review", guest_url("booking_review", review, language)),
        ("confirmation", guest_url("booking_manage", cash, language)),
        ("ticket", guest_url("booking_ticket", cash, language)),
        ("cancel", guest_url("booking_cancel", cash, language)),
        ("cancelled", guest_url("booking_manage", cancelled, language)),
        ("transfer", guest_url("booking_manage", transfer, language)),
        ("expired", guest_url("booking_details", expired, language)),
    ]


@keeps_the_language
def guest_pages(client, language: str) -> dict[str, str]:
    """Name → HTML of every page above, fetched with the test client."""
    pages = {}
    for name, path in site_pages(language) + booking_pages(client, language):
        response = client.get(path)
        assert response.status_code == (404 if name == "not-found" else 200), (name, path)
        pages[name] = response.content.decode()
    return pages
