"""Partner pages: a public, co-branded page per partner hotel or travel agent.

The partners' index (`/partners/`, `/en/partners/`) sits under each home page and lists the
partner pages; a partner page (`/partners/<slug>/`) shows the partner's logo and name beside
ours, its welcome text and the experiences it sells: the live experiences of every BUMDes it has
an active agreement with, or the subset its editor chose. Links from the page carry the
partner's referral code (`?ref=<code>`), so the bookings started there are the partner's.
Pages are translated like the others; the partner, its logo and its chosen experiences follow
the translation.
"""

from urllib.parse import urlencode

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Locale, Orderable, Page, TranslatableMixin

from core.links import absolute_url
from core.seo import SeoMixin
from tours.models.page_parts import RICH_FEATURES, image_field
from tours.models.partners import Partner, PartnerStatus
from tours.models.tour import TourPage
from tours.models.village import VillagePage


def partner_tours(
    partner: Partner, locale: Locale, chosen_keys: list | None = None
) -> list[TourPage]:
    """The live experiences, in `locale`, of the BUMDes the partner has an active agreement
    with; only those whose translation key is in `chosen_keys` when a subset was chosen. Each
    carries its village page (`village_page`) for the card."""
    enterprises = list(
        partner.agreements.filter(status=PartnerStatus.ACTIVE).values_list(
            "enterprise_id", flat=True
        )
    )
    villages = list(
        VillagePage.objects.live().public().filter(locale=locale, enterprise_id__in=enterprises)
    )
    if not villages:
        return []
    under = Q()
    for village in villages:
        under |= Q(path__startswith=village.path, depth=village.depth + 1)
    tours = TourPage.objects.listed(locale).filter(under).order_by("path")
    if chosen_keys:
        tours = tours.filter(translation_key__in=chosen_keys)
    tours = list(tours)
    for tour in tours:
        tour.village_page = next((v for v in villages if tour.path.startswith(v.path)), None)
    return tours


class PartnerIndexPage(SeoMixin, Page):
    intro = models.TextField(_("introduction"), max_length=400, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["tours.PartnerPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partners' index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partner_pages"] = list(
            PartnerPage.objects.child_of(self).live().public().select_related("logo", "partner")
        )
        return context


class PartnerPage(SeoMixin, Page):
    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.PROTECT, related_name="pages"
    )
    logo = image_field(_("logo"))
    welcome = RichTextField(_("welcome text"), features=RICH_FEATURES, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("partner"),
        FieldPanel("logo"),
        FieldPanel("welcome"),
        InlinePanel(
            "chosen_tours",
            label=_("Experience"),
            heading=_("Experiences shown (none chosen: every experience it may sell)"),
        ),
    ]
    parent_page_types = ["tours.PartnerIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("partner page")

    def tours(self) -> list[TourPage]:
        keys = [row.tour.translation_key for row in self.chosen_tours.select_related("tour")]
        return partner_tours(self.partner, self.locale, keys)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        code = self.partner.code
        widget = reverse("widget_tours", kwargs={"code": code})
        context.update(
            {
                "tours": self.tours(),
                "ref": code,
                "referral_url": f"{self.get_full_url(request)}?{urlencode({'ref': code})}",
                "widget_url": absolute_url(widget, page=self, request=request),
            }
        )
        return context


class PartnerPageTour(TranslatableMixin, Orderable):
    page = ParentalKey(PartnerPage, on_delete=models.CASCADE, related_name="chosen_tours")
    tour = models.ForeignKey(
        "tours.TourPage", verbose_name=_("experience"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("tour")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("experience shown")
