"""Reads for the public pages: villages with their lowest prices, tours for listings and filters.

Each selector runs a fixed, small number of queries whatever the number of villages or tours.
"""

from django.db.models import Min, QuerySet
from wagtail.models import Page

from .models import Category, TourPage, VillagePage


def _tours_live(locale) -> QuerySet[TourPage]:
    return (
        TourPage.objects.live()
        .public()
        .filter(locale=locale)
        .annotate(min_price=Min("price_tiers__price"))
        .select_related("hero_image")
    )


def villages_with_prices(*, parent: Page) -> list[VillagePage]:
    villages = list(
        VillagePage.objects.child_of(parent).live().public().select_related("hero_image")
    )
    tours = list(_tours_live(parent.locale).descendant_of(parent))
    for village in villages:
        prices = [t.min_price for t in tours if t.path.startswith(village.path) and t.min_price]
        village.from_price = min(prices) if prices else None
        village.tour_count = sum(1 for t in tours if t.path.startswith(village.path))
    return villages


def tours_for_village(*, village: VillagePage) -> list[TourPage]:
    return list(_tours_live(village.locale).child_of(village))


def tours_featured(*, home: Page) -> list[TourPage]:
    ids = list(home.featured_tours.values_list("tour_id", flat=True))
    if not ids:
        return list(_tours_live(home.locale).descendant_of(home)[:3])
    tours = {t.pk: t for t in _tours_live(home.locale).filter(pk__in=ids)}
    return [tours[pk] for pk in ids if pk in tours]


def _village_of(tour: TourPage, villages: list[VillagePage]) -> VillagePage | None:
    return next((v for v in villages if tour.path.startswith(v.path)), None)


def tour_listing(*, home: Page, params) -> dict:
    """Every tour under `home`, filtered by village slug and category from the query string."""
    villages = list(VillagePage.objects.child_of(home).live().public())
    tours = _tours_live(home.locale).descendant_of(home).order_by("path")
    village_slug = params.get("village", "")
    category = params.get("category", "")
    village = next((v for v in villages if v.slug == village_slug), None)
    if village is not None:
        tours = tours.child_of(village)
    if category in Category.values:
        tours = tours.filter(category=category)
    tours = list(tours)
    for tour in tours:
        tour.village_page = _village_of(tour, villages)
    return {
        "tours": tours,
        "villages": villages,
        "categories": Category.choices,
        "selected_village": village.slug if village else "",
        "selected_category": category if category in Category.values else "",
    }
