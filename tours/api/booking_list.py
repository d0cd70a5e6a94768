"""A partner's own bookings for the API list: filtered, newest first, a page at a time.

Dates are the villages' own: `date` is the departure's local date in its BUMDes's time zone, so
a partner selling villages in several zones finds each booking on the day its guests come.
"""

import datetime as dt
import math

from django.db.models import Q, QuerySet
from ninja import Field, Schema

from core.localtime import day_bounds
from tours.models import Booking, BookingStatus, Partner, PartnerAgreement
from tours.models.availability import tour_in_language

MAX_PAGE = 100_000


class BookingFilters(Schema):
    page: int = Field(1, ge=1, le=MAX_PAGE)
    page_size: int = Field(20, ge=1, le=100)
    reference: str | None = Field(
        None, pattern=r"^[A-Za-z0-9-]{1,12}$", description="A booking's reference."
    )
    status: BookingStatus | None = None
    date: dt.date | None = Field(None, description="The departure's local date (YYYY-MM-DD).")


def partner_bookings(partner: Partner, filters: BookingFilters) -> QuerySet[Booking]:
    """The partner's bookings matching the filters, newest first."""
    bookings = Booking.objects.filter(partner=partner)
    if filters.reference:
        bookings = bookings.filter(reference=filters.reference.strip().upper())
    if filters.status:
        bookings = bookings.filter(status=filters.status)
    if filters.date:
        bookings = bookings.filter(_on_local_day(partner, filters.date))
    return bookings.order_by("-created_at", "-pk")


def _on_local_day(partner: Partner, day: dt.date) -> Q:
    """Departures on `day` in each village's own time zone (one range per zone)."""
    zones: dict[str, list[int]] = {}
    agreements = PartnerAgreement.objects.filter(partner=partner)
    for enterprise_id, zone in agreements.values_list("enterprise_id", "enterprise__time_zone"):
        zones.setdefault(zone, []).append(enterprise_id)
    matches = Q(pk__in=[])
    for zone, enterprise_ids in zones.items():
        start, end = day_bounds(day, zone)
        matches |= Q(
            enterprise_id__in=enterprise_ids,
            departure__starts_at__gte=start,
            departure__starts_at__lt=end,
        )
    return matches


def booking_page(
    bookings: QuerySet[Booking], filters: BookingFilters
) -> tuple[list[Booking], int, int]:
    """(the page's bookings with what their answer shows, the count, the number of pages)."""
    count = bookings.count()
    pages = max(math.ceil(count / filters.page_size), 1)
    start = (filters.page - 1) * filters.page_size
    page = list(
        bookings.select_related(
            "departure__tour__locale", "partner", "enterprise"
        ).prefetch_related("lines")[start : start + filters.page_size]
    )
    return page, count, pages


def tours_in_languages(bookings: list[Booking]) -> dict[tuple[int, str], object]:
    """Each booking's tour page in its guest's language, looked up once per tour and language."""
    tours: dict[tuple[int, str], object] = {}
    for booking in bookings:
        key = (booking.departure.tour_id, booking.language)
        if key not in tours:
            tours[key] = tour_in_language(booking.departure.tour, booking.language)
    return tours
