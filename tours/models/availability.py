"""Live availability: places left are derived from the bookings themselves, never from a counter.

A booking takes places while it is held (until its hold expires), confirmed, completed or a
no-show. Expired holds free their places at once in every count here, before any periodic task
has marked them expired. Each function is one query, whatever the number of departures.
"""

import datetime as dt

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import Locale, Page

from tours.models.bookings import Booking, BookingStatus, Channel
from tours.models.departures import Departure, DepartureStatus


def seats_taken(departure: Departure, *, now: dt.datetime | None = None) -> int:
    now = now or timezone.now()
    total = (
        Booking.objects.filter(departure=departure)
        .taking_seats(now)
        .aggregate(total=Sum("seats"))["total"]
    )
    return total or 0


def with_seats_left(departures: QuerySet[Departure], *, now: dt.datetime) -> QuerySet[Departure]:
    """Annotate `seats_taken` and `seats_left` (never below zero shown to guests)."""
    taken = (
        Booking.objects.filter(departure=OuterRef("pk"))
        .taking_seats(now)
        .values("departure")
        .annotate(total=Sum("seats"))
        .values("total")
    )
    return departures.annotate(
        seats_taken=Coalesce(Subquery(taken, output_field=IntegerField()), Value(0))
    )


def tour_canonical(tour: Page) -> Page:
    """Departures and booking settings live on the tour page of the default language."""
    default = Locale.get_default()
    if tour.locale_id == default.pk:
        return tour
    return tour.get_translation(default).specific


def bookable_departures(
    tour: Page,
    *,
    start: dt.datetime,
    end: dt.datetime,
    now: dt.datetime | None = None,
) -> list[Departure]:
    """Open departures of a tour between start and end that can still be booked at `now`."""
    now = now or timezone.now()
    canonical = tour_canonical(tour)
    earliest = max(start, now + dt.timedelta(hours=canonical.booking_cutoff_hours))
    departures = with_seats_left(
        Departure.objects.filter(
            tour=canonical,
            status=DepartureStatus.OPEN,
            starts_at__gte=earliest,
            starts_at__lt=end,
        ),
        now=now,
    )
    result = []
    for departure in departures:
        departure.seats_left = max(departure.capacity - departure.seats_taken, 0)
        if departure.seats_left > 0:
            result.append(departure)
    return result


def departure_is_bookable(
    departure: Departure, *, now: dt.datetime, channel: str | None = None
) -> bool:
    """Open, of a published tour, and before the booking cut-off. Staff (walk-ins, phone
    calls) may book until the departure starts."""
    tour = departure.tour
    cutoff = departure.starts_at
    if channel != Channel.STAFF:
        cutoff -= dt.timedelta(hours=tour.booking_cutoff_hours)
    return departure.status == DepartureStatus.OPEN and tour.live and now < cutoff


def departure_counts(departures: QuerySet[Departure], *, now: dt.datetime) -> QuerySet[Departure]:
    """For staff screens: booked places and checked-in places per departure, in one query."""
    active = Q(bookings__status__in=(BookingStatus.CONFIRMED, BookingStatus.COMPLETED))
    return with_seats_left(departures, now=now).annotate(
        booking_count=Count("bookings", filter=active, distinct=True),
        checked_in=Coalesce(
            Sum("bookings__seats", filter=active & Q(bookings__checked_in_at__isnull=False)),
            Value(0),
        ),
    )


def tour_in_language(tour: Page, language: str) -> Page:
    """The tour page in the guest's language when it exists (titles, meeting point)."""
    if tour.locale.language_code == language:
        return tour
    locale = Locale.objects.filter(language_code=language).first()
    translated = tour.get_translation_or_none(locale) if locale else None
    return translated.specific if translated is not None else tour
