"""Tours with their prices, and the departures of one tour with the places left.

Tours are the live, public tour pages of the default language (Indonesian). `?lang=en` shows
titles, tier labels and links from the English translation where it is live; ids stay those of
the Indonesian page and its tiers, because bookings and departures hang on those.
"""

import datetime as dt
import re
from typing import Annotated, Literal
from zoneinfo import ZoneInfo

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Path, Query, Router
from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError
from wagtail.models import Locale

from core.localtime import business_date, day_start, local_moment
from tours.api.errors import RequestInvalid
from tours.api.schemas import ID_MAX, DepartureOut, InvalidOut, MessageOut, TourOut
from tours.booking.providers import payment_methods_available
from tours.models import Departure, DepartureStatus, TourPage, VillagePage
from tours.models.availability import departure_is_bookable, with_seats_left
from tours.models.tour import labelled_tiers

router = Router(tags=["tours"])

DEFAULT_DAYS = 30
MAX_DAYS = 366
# `from` and `to`: ISO dates (YYYY-MM-DD) from 2000 to 2099, nothing else (no "0", no timestamps).
DATE_PATTERN = r"^20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"


def _iso_date(value):
    if not isinstance(value, str) or not re.fullmatch(DATE_PATTERN, value):
        raise PydanticCustomError("date_parsing", "a date YYYY-MM-DD from 2000 to 2099")
    return value


LocalDate = Annotated[
    dt.date,
    BeforeValidator(_iso_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": DATE_PATTERN}),
]


def _live(queryset):
    return queryset.live().public()


def _by_key(pages) -> dict:
    return {page.translation_key: page for page in pages}


def tours_published(*, request, language: str | None) -> list[dict]:
    """Every live tour with its village and tiers, in a fixed handful of queries."""
    default = Locale.get_default()
    tours = list(
        _live(TourPage.objects.filter(locale=default))
        .order_by("path")
        .select_related("business_unit__enterprise")
        .prefetch_related("price_tiers")
    )
    methods: dict[int, list[str]] = {}
    village_paths = {tour.path[: -TourPage.steplen] for tour in tours}
    villages = {v.path: v for v in VillagePage.objects.filter(path__in=village_paths)}

    shown_tours, shown_villages = {}, {}
    locale = Locale.objects.filter(language_code=language).first() if language else None
    if locale is not None and locale.pk != default.pk:
        shown_tours = _by_key(
            _live(TourPage.objects.filter(locale=locale))
            .filter(translation_key__in=[tour.translation_key for tour in tours])
            .prefetch_related("price_tiers")
        )
        shown_villages = _by_key(
            _live(VillagePage.objects.filter(locale=locale)).filter(
                translation_key__in=[village.translation_key for village in villages.values()]
            )
        )

    result = []
    for tour in tours:
        village = villages.get(tour.path[: -TourPage.steplen])
        shown = shown_tours.get(tour.translation_key, tour)
        shown_village = shown_villages.get(getattr(village, "translation_key", None), village)
        result.append(
            {
                "id": tour.pk,
                "slug": tour.slug,
                "title": shown.title,
                "village": shown_village.title if shown_village else "",
                "url": shown.get_full_url(request),
                "duration_minutes": tour.duration_minutes,
                "payment_methods": _methods(tour, methods),
                "price_tiers": [
                    {"id": tier.pk, "label": tier.display_label, "price": tier.price}
                    for tier in labelled_tiers(
                        tour.price_tiers.all(),
                        shown.price_tiers.all() if shown.pk != tour.pk else [],
                    )
                ],
            }
        )
    return result


def _methods(tour: TourPage, cache: dict[int, list[str]]) -> list[str]:
    unit = tour.business_unit
    if unit is None:
        return []
    if unit.enterprise_id not in cache:
        cache[unit.enterprise_id] = payment_methods_available(unit.enterprise)
    return cache[unit.enterprise_id]


@router.get(
    "/tours/",
    response={200: list[TourOut], 400: InvalidOut, 503: MessageOut},
    summary="Tours and their prices",
)
def tour_list(request, lang: Literal["id", "en"] | None = None):
    return tours_published(request=request, language=lang)


def _date_range(
    start: dt.date | None, end: dt.date | None, zone: ZoneInfo
) -> tuple[dt.datetime, dt.datetime]:
    """The village's local dates, `end` included → [start, end) as aware datetimes."""
    start = start or business_date(timezone.now(), zone)
    end = end or start + dt.timedelta(days=DEFAULT_DAYS)
    if end < start:
        raise RequestInvalid({"to": _("The end date must not be before the start date.")})
    if (end - start).days > MAX_DAYS:
        raise RequestInvalid({"to": _("Ask for at most %(n)d days at a time.") % {"n": MAX_DAYS}})
    return day_start(start, zone), day_start(end + dt.timedelta(days=1), zone)


@router.get(
    "/tours/{tour_id}/departures/",
    response={200: list[DepartureOut], 400: InvalidOut, 404: MessageOut, 503: MessageOut},
    summary="Departures of a tour with the places left",
    description="`from` and `to` are the village's local dates (YYYY-MM-DD, years 2000 to "
    "2099), `to` included; by default today and the 30 days after it. `to` may not be before "
    "`from` and at most 366 days after it (else 400). Times are "
    "ISO 8601 with the village's offset (WIB +07:00, WITA +08:00, WIT +09:00).",
)
def departure_list(
    request,
    tour_id: Annotated[int, Path(ge=1, le=ID_MAX)],
    start: Annotated[LocalDate | None, Query(alias="from")] = None,
    end: Annotated[LocalDate | None, Query(alias="to")] = None,
):
    tour = _live(TourPage.objects.filter(locale=Locale.get_default(), pk=tour_id)).first()
    if tour is None:
        raise Http404
    zone = tour.zone
    begin, until = _date_range(start, end, zone)
    now = timezone.now()
    departures = with_seats_left(
        Departure.objects.filter(tour=tour, starts_at__gte=begin, starts_at__lt=until),
        now=now,
    )
    result = []
    for departure in departures:
        departure.tour = tour
        status = departure.status
        if status == DepartureStatus.OPEN and not departure_is_bookable(departure, now=now):
            status = DepartureStatus.CLOSED
        result.append(
            {
                "id": departure.pk,
                "starts_at": local_moment(departure.starts_at, zone),
                "capacity": departure.capacity,
                "seats_left": max(departure.capacity - departure.seats_taken, 0),
                "status": status,
            }
        )
    return result
