"""Fixtures shared by the booking tests: Kelas Membatik (Lipursari) in both languages, its two
price tiers, a departure from the demo's schedule and one of the test's own, a booking of the
operator's own BUMDes and one of another, and the rate limit switched off or started afresh
(modules ask for these with `usefixtures`)."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.utils import timezone

from tests.tours.api_calls import make_departure
from tests.tours.staff_screens import book, departure_ahead, tour_of
from tours.models import Departure, DepartureStatus, TourPage


@pytest.fixture
def no_rate_limit(settings):
    settings.BOOKING_RATE_LIMIT = "0"


@pytest.fixture
def fresh_rate_limit():
    """The default rate limit, counting from zero for this test."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def batik() -> TourPage:
    return TourPage.objects.get(locale__language_code="id", slug="kelas-membatik")


@pytest.fixture
def batik_en(batik) -> TourPage:
    return TourPage.objects.get(locale__language_code="en", translation_key=batik.translation_key)


@pytest.fixture
def tiers(batik):
    """(per person Rp 100.000, no minimum; school group Rp 75.000, at least 10)."""
    return tuple(batik.price_tiers.order_by("sort_order"))


@pytest.fixture
def departure(batik) -> Departure:
    """The demo's first open departure at least six days ahead: cut-offs and the cancellation
    policy's limits never bite by accident."""
    soon = timezone.now() + dt.timedelta(days=6)
    return (
        Departure.objects.filter(tour=batik, status=DepartureStatus.OPEN, starts_at__gte=soon)
        .order_by("starts_at")
        .first()
    )


@pytest.fixture
def fresh_departure(batik) -> Departure:
    """A departure of the test's own: five days ahead at 10.30 WIB, 10 places."""
    return make_departure(batik)


@pytest.fixture
def own_booking():
    """A Lipursari booking: the operator's own in the staff-screen tests."""
    return book(departure_ahead(tour_of("lipursari")), name="Dewi Lestari")


@pytest.fixture
def other_booking():
    """A Plobangan booking: another BUMDes's, for the operator of Lipursari."""
    return book(departure_ahead(tour_of("plobangan")), name="Budi Santoso", phone="+6285700001111")
