"""The village page: one per BUMDes, the story of the village and its experiences as cards.

A village page belongs to one enterprise (its BUMDes); its editors and managers get page
permissions on it, so Wagtail's explorer shows each BUMDes its own subtree.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from bumdes.services import user_enterprise
from core.blocks import HighlightBlock
from core.seo import SeoMixin
from tours.models import jsonld
from tours.models.page_parts import RICH_FEATURES, GalleryImage, image_field
from tours.models.tour import TourPage


class VillagePageForm(WagtailAdminPageForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        field = self.fields.get("enterprise")
        if field is not None and for_user is not None and not for_user.is_superuser:
            enterprise = user_enterprise(for_user)
            field.queryset = field.queryset.filter(pk=getattr(enterprise, "pk", None))


class VillagePage(SeoMixin, Page):
    enterprise = models.ForeignKey(
        "bumdes.Enterprise",
        verbose_name=_("BUMDes"),
        null=True,
        on_delete=models.PROTECT,
        related_name="village_pages",
    )
    tagline = models.CharField(
        _("one-line promise"), max_length=140, blank=True, help_text=_("Shown on village cards.")
    )
    hero_image = image_field(_("main photo"))
    story = RichTextField(_("story"), features=RICH_FEATURES, blank=True)
    highlights = StreamField(
        [("highlight", HighlightBlock())], verbose_name=_("highlights"), blank=True, max_num=6
    )
    getting_there = RichTextField(_("how to get there"), features=RICH_FEATURES, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )

    base_form_class = VillagePageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("enterprise", permission="bumdes.change_enterprise"),
        FieldPanel("tagline"),
        FieldPanel("hero_image"),
        FieldPanel("story"),
        FieldPanel("highlights"),
        InlinePanel("gallery", label=_("Photo"), heading=_("Gallery")),
        MultiFieldPanel(
            [
                FieldPanel("getting_there"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Location"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("tagline"),
        index.SearchField("story"),
        index.SearchField("getting_there"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["tours.TourPage"]

    class Meta:
        verbose_name = _("village page")

    @property
    def map_url(self) -> str:
        if self.latitude is None or self.longitude is None:
            return ""
        return f"https://www.google.com/maps/search/?api=1&query={self.latitude},{self.longitude}"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tours"] = list(TourPage.objects.listed(self.locale).child_of(self))
        return context

    def json_ld(self, request) -> list[dict]:
        return jsonld.village(self, request)


class VillageGalleryImage(GalleryImage):
    page = ParentalKey(VillagePage, on_delete=models.CASCADE, related_name="gallery")

    class Meta(GalleryImage.Meta):
        verbose_name = _("photo")
