"""Site-wide pages and settings: the home page, generic content pages and contact settings.

Pages own content only (fields, panels, context); decisions live in services. The home page lists
the villages (its children) itself, so editors never keep a second list in step.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from bumdes.models import Enterprise
from core.blocks import StoryBlock
from core.seo import SeoMixin
from tours.booking.providers import providers_available
from tours.models import PaymentMethod, jsonld
from tours.models.listings import tours_featured, villages_with_prices
from tours.models.village import VillagePage

RICH_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HomePage(SeoMixin, Page):
    hero_title = models.CharField(_("hero title"), max_length=120, blank=True)
    hero_text = models.TextField(_("hero text"), max_length=300, blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    intro = RichTextField(_("introduction"), features=RICH_FEATURES, blank=True)
    partners_text = models.CharField(_("line for partners"), max_length=200, blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_text"), FieldPanel("hero_image")],
            heading=_("Hero"),
        ),
        FieldPanel("intro"),
        InlinePanel("steps", label=_("Booking step"), heading=_("How booking works"), max_num=4),
        InlinePanel("featured_tours", label=_("Featured experience"), max_num=6),
        FieldPanel("partners_text"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("hero_text"),
        index.SearchField("intro"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "tours.VillagePage",
        "tours.TourIndexPage",
        "tours.PartnerIndexPage",
        "home.StandardPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["villages"] = villages_with_prices(parent=self)
        context["featured_tours"] = tours_featured(home=self)
        context["ways_to_pay"] = ways_to_pay(context["villages"])
        return context

    def json_ld(self, request) -> list[dict]:
        villages = VillagePage.objects.child_of(self).live().public().only("title", "url_path")
        return jsonld.home(self, request, villages)


def ways_to_pay(villages: list) -> list[str]:
    """The ways to pay that at least one of the villages' BUMDes offers guests now, named: the
    "How booking works" block says them from the settings, so its words cannot go stale."""
    ids = {village.enterprise_id for village in villages if village.enterprise_id}
    offered = [providers_available(e) for e in Enterprise.objects.filter(pk__in=ids)]
    codes: list[str] = []
    for methods in sorted(offered, key=len, reverse=True):  # the fullest list gives the order
        codes += [code for code in methods if code not in codes]
    return [PaymentMethod(code).label for code in codes]


class HomeStep(TranslatableMixin, Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="steps")
    title = models.CharField(_("title"), max_length=60)
    text = models.CharField(_("text"), max_length=200)

    panels = [FieldPanel("title"), FieldPanel("text")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("booking step")


class HomeFeaturedTour(TranslatableMixin, Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_tours")
    tour = models.ForeignKey(
        "tours.TourPage", verbose_name=_("experience"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("tour")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("featured experience")


class StandardPage(SeoMixin, Page):
    intro = models.TextField(_("introduction"), max_length=400, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(StoryBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


@register_setting(icon="site")
class SiteContact(BaseSiteSetting):
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    whatsapp = models.CharField(
        _("WhatsApp number"),
        max_length=16,
        blank=True,
        help_text=_("International form without + or spaces, e.g. 6281234567890."),
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    instagram = models.URLField(_("Instagram"), blank=True)
    facebook = models.URLField(_("Facebook"), blank=True)
    youtube = models.URLField(_("YouTube"), blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("email"),
                FieldPanel("phone"),
                FieldPanel("whatsapp"),
                FieldPanel("address"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("instagram"), FieldPanel("facebook"), FieldPanel("youtube")],
            heading=_("Social links"),
        ),
    ]

    class Meta:
        verbose_name = _("contact and social links")
