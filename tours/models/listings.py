"""The experience listing page, and the reads that list villages and tours for the public pages:
villages with their lowest prices, featured tours, tours filtered by village and kind.

Each read runs a fixed, small number of queries whatever the number of villages or tours.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from core.seo import SeoMixin
from tours.models import jsonld
from tours.models.tour import Category, TourPage
from tours.models.village import VillagePage


def villages_with_prices(*, parent: Page) -> list[VillagePage]:
    villages = list(
        VillagePage.objects.child_of(parent).live().public().select_related("hero_image")
    )
    tours = list(TourPage.objects.listed(parent.locale).descendant_of(parent))
    for village in villages:
        prices = [t.min_price for t in tours if t.path.startswith(village.path) and t.min_price]
        village.from_price = min(prices) if prices else None
        village.tour_count = sum(1 for t in tours if t.path.startswith(village.path))
    return villages


def tours_featured(*, home: Page) -> list[TourPage]:
    ids = list(home.featured_tours.values_list("tour_id", flat=True))
    if not ids:
        return list(TourPage.objects.listed(home.locale).descendant_of(home)[:3])
    tours = {t.pk: t for t in TourPage.objects.listed(home.locale).filter(pk__in=ids)}
    return [tours[pk] for pk in ids if pk in tours]


def _village_of(tour: TourPage, villages: list[VillagePage]) -> VillagePage | None:
    return next((v for v in villages if tour.path.startswith(v.path)), None)


def tour_listing(*, home: Page, params) -> dict:
    """Every tour under `home`, filtered by village slug and category from the query string."""
    villages = list(VillagePage.objects.child_of(home).live().public())
    tours = TourPage.objects.listed(home.locale).descendant_of(home).order_by("path")
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


class TourIndexPage(SeoMixin, Page):
    intro = models.TextField(_("introduction"), max_length=400, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("experience listing")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(tour_listing(home=self.get_parent(), params=request.GET))
        return context

    def json_ld(self, request) -> list[dict]:
        """Every experience the listing shows unfiltered (its canonical address)."""
        tours = TourPage.objects.listed(self.locale).descendant_of(self.get_parent())
        return jsonld.listing(self, request, tours.order_by("path"))
