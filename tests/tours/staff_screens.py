"""Departures and bookings for the staff-screen tests, made through the services (so each is one
the engine could have made). Departures are extra slots at 10.xx WIB a few days ahead, so they
never clash with the demo's own departures."""

import datetime as dt
import itertools

from django.utils import timezone

from core.localtime import zone_info
from tours.booking.booking_input import Customer
from tours.booking.departures import departure_add_extra
from tours.models import Booking, Departure, TourPage
from tours.payments.paying import booking_create

JAKARTA = zone_info("Asia/Jakarta")

_minutes = itertools.count(17)


def tour_of(enterprise_slug: str, with_id_tier: bool = False) -> TourPage:
    """An Indonesian tour page of the enterprise (one with an ID-checked tier if asked)."""
    tours = TourPage.objects.filter(
        locale__language_code="id", business_unit__enterprise__slug=enterprise_slug
    ).order_by("pk")
    if with_id_tier:
        tours = tours.filter(price_tiers__requires_id=True).distinct()
    return tours.first()


def departure_ahead(tour: TourPage, days: int = 6, capacity: int = 20) -> Departure:
    """An extra slot `days` days ahead at 10.xx WIB (each call a new minute)."""
    day = timezone.localtime(timezone.now(), JAKARTA).date() + dt.timedelta(days=days)
    starts_at = dt.datetime.combine(day, dt.time(10, 1 + next(_minutes) % 59), tzinfo=JAKARTA)
    return departure_add_extra(tour=tour, starts_at=starts_at, capacity=capacity)


def departure_at(tour: TourPage, starts_at: dt.datetime, capacity: int = 20) -> Departure:
    """A slot at any time, even in the past (added as if three days before it)."""
    return departure_add_extra(
        tour=tour,
        starts_at=starts_at,
        capacity=capacity,
        now=starts_at - dt.timedelta(days=3),
    )


def departure_today(tour: TourPage, capacity: int = 20) -> Departure:
    """A slot later today (local date), or a minute ago when the day is nearly over."""
    now = timezone.now()
    local = timezone.localtime(now, JAKARTA)
    end_of_day = dt.datetime.combine(local.date(), dt.time(23, 58), tzinfo=JAKARTA)
    starts_at = min(now + dt.timedelta(hours=3), end_of_day)
    if starts_at <= now:
        starts_at = now - dt.timedelta(seconds=30)
    return departure_at(tour, starts_at.replace(microsecond=0), capacity)


def plain_tier(tour: TourPage, requires_id: bool | None = None):
    tiers = tour.price_tiers.filter(min_quantity__isnull=True).order_by("sort_order", "pk")
    if requires_id is not None:
        tiers = tiers.filter(requires_id=requires_id)
    return tiers.first()


def book(
    departure: Departure,
    people: int = 2,
    name: str = "Siti Rahayu",
    phone: str = "+6281234567890",
    email: str = "siti@contoh.id",
    lines=None,
) -> Booking:
    """A confirmed cash booking, made three days before the departure (before any cut-off)."""
    if lines is None:
        lines = [(plain_tier(departure.tour).pk, people)]
    booking, _ = booking_create(
        departure_id=departure.pk,
        lines=lines,
        customer=Customer(name=name, email=email, phone=phone, country="ID", language="id"),
        payment_method="cash",
        now=departure.starts_at - dt.timedelta(days=3),
    )
    return booking


LIST = "/admin/bookings/"


def inspect_url(booking: Booking) -> str:
    return f"/admin/bookings/inspect/{booking.pk}/"
