"""The experience (tour) page: the story a tourist reads and the booking settings an editor keeps
with it — price tiers, schedules, group size, cut-off, cancellation policy, deposits, shares.

A tour page lives under its village and belongs to one business unit of the village's BUMDes, so
every sale is booked to the unit that earned it. Price tiers are inline rows; a booking copies
their labels and prices when it is made and never reads them back from the page.
"""

from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Min, OuterRef, Subquery
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Orderable, Page, PageManager, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail.search import index

from core.blocks import StoryBlock
from core.localtime import zone_info
from core.seo import SeoMixin
from tours.models import jsonld
from tours.models.availability import tour_canonical
from tours.models.calendar import tour_availability
from tours.models.page_parts import RICH_FEATURES, GalleryImage, image_field


class UnpaidBalance(models.TextChoices):
    CANCEL = "cancel", _("Cancel the booking; the deposit is kept")
    COLLECT = "collect", _("Keep the booking; collect the balance on arrival")


class Category(models.TextChoices):
    CULTURE = "culture", _("Culture")
    EDUCATION = "education", _("Education")
    NATURE = "nature", _("Nature")
    CULINARY = "culinary", _("Culinary")


class TourPageQuerySet(PageQuerySet):
    def listed(self, locale):
        """Live, public tours of one language, with their lowest price (`min_price`), for cards
        and listings. The price is the experience's one price list, on its default-language
        page, whatever the language shown."""
        cheapest = (
            PriceTier.objects.filter(
                page__translation_key=OuterRef("translation_key"),
                page__locale=Locale.get_default(),
            )
            .values("page__translation_key")
            .annotate(lowest=Min("price"))
            .values("lowest")[:1]
        )
        return (
            self.live()
            .public()
            .filter(locale=locale)
            .annotate(min_price=Subquery(cheapest, output_field=models.IntegerField()))
            .select_related("hero_image")
        )


class TourPageForm(WagtailAdminPageForm):
    """Offers only the business units of the village's own BUMDes."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        village = parent_page.specific if parent_page is not None else None
        field = self.fields.get("business_unit")
        if field is not None:
            enterprise_id = getattr(village, "enterprise_id", None)
            field.queryset = field.queryset.filter(enterprise_id=enterprise_id)


class TourPage(SeoMixin, Page):
    objects = PageManager.from_queryset(TourPageQuerySet)()

    business_unit = models.ForeignKey(
        "bumdes.BusinessUnit",
        verbose_name=_("business unit"),
        null=True,
        on_delete=models.PROTECT,
        related_name="tour_pages",
    )
    category = models.CharField(
        _("category"), max_length=20, choices=Category.choices, default=Category.CULTURE
    )
    intro = models.CharField(
        _("one-line summary"), max_length=200, blank=True, help_text=_("Shown on cards.")
    )
    hero_image = image_field(_("main photo"))
    body = StreamField(StoryBlock(), verbose_name=_("story"), blank=True)
    duration_minutes = models.PositiveIntegerField(
        _("duration (minutes)"), null=True, blank=True, validators=[MinValueValidator(15)]
    )
    min_participants = models.PositiveSmallIntegerField(
        _("fewest people per booking"), default=1, validators=[MinValueValidator(1)]
    )
    max_participants = models.PositiveSmallIntegerField(
        _("most people per booking"), default=20, validators=[MinValueValidator(1)]
    )
    meeting_point = models.TextField(_("meeting point"), max_length=400, blank=True)
    included = RichTextField(_("what is included"), features=RICH_FEATURES, blank=True)
    what_to_bring = RichTextField(_("what to bring"), features=RICH_FEATURES, blank=True)
    accessibility = models.TextField(_("accessibility"), max_length=600, blank=True)

    # Booking settings (set on the Indonesian page; translations show the same departures).
    min_to_run = models.PositiveSmallIntegerField(
        _("fewest people for a departure to run"), default=1, validators=[MinValueValidator(1)]
    )
    booking_cutoff_hours = models.PositiveSmallIntegerField(
        _("booking closes (hours before the start)"),
        default=12,
        validators=[MaxValueValidator(24 * 30)],
    )
    hold_minutes = models.PositiveSmallIntegerField(
        _("places kept while a guest books (minutes)"),
        default=20,
        validators=[MinValueValidator(5), MaxValueValidator(24 * 60)],
    )
    full_refund_hours = models.PositiveSmallIntegerField(
        _("full refund when cancelled at least (hours before)"), default=48
    )
    partial_refund_hours = models.PositiveSmallIntegerField(
        _("partial refund when cancelled at least (hours before)"), default=24
    )
    partial_refund_percent = models.PositiveSmallIntegerField(
        _("partial refund (%)"), default=50, validators=[MaxValueValidator(100)]
    )
    # Deposits for groups: bookings of `deposit_min_people` or more pay `deposit_percent` now
    # and the balance `balance_due_days` before the departure (0 % = no deposits).
    deposit_percent = models.PositiveSmallIntegerField(
        _("deposit for groups (%)"),
        default=0,
        validators=[MaxValueValidator(99)],
        help_text=_("0 means groups pay the whole amount when they book."),
    )
    deposit_min_people = models.PositiveSmallIntegerField(
        _("a group is (people or more)"), default=10, validators=[MinValueValidator(2)]
    )
    balance_due_days = models.PositiveSmallIntegerField(
        _("balance due (days before the start)"),
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
    )
    unpaid_balance = models.CharField(
        _("when the balance is not paid in time"),
        max_length=10,
        choices=UnpaidBalance.choices,
        default=UnpaidBalance.COLLECT,
    )

    base_form_class = TourPageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("business_unit"),
        FieldPanel("category"),
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        InlinePanel("gallery", label=_("Photo"), heading=_("Gallery")),
        MultiFieldPanel(
            [
                FieldPanel("duration_minutes"),
                FieldPanel("meeting_point"),
            ],
            heading=_("Practical details"),
        ),
        FieldPanel("included"),
        FieldPanel("what_to_bring"),
        FieldPanel("accessibility"),
    ]
    booking_panels = [
        InlinePanel("price_tiers", label=_("Price"), heading=_("Prices"), min_num=1),
        InlinePanel(
            "schedule_rules",
            label=_("Schedule"),
            heading=_("Schedules"),
            help_text=_("Departures are created from these for the next 120 days."),
        ),
        InlinePanel(
            "shares",
            label=_("Community share"),
            heading=_("Community shares"),
            help_text=_(
                "What the village's guides, teachers and hosts earn from each booking, by role."
            ),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("min_participants"), FieldPanel("max_participants")]),
                FieldPanel("min_to_run"),
                FieldRowPanel([FieldPanel("booking_cutoff_hours"), FieldPanel("hold_minutes")]),
            ],
            heading=_("Bookings"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("full_refund_hours"),
                FieldRowPanel(
                    [FieldPanel("partial_refund_hours"), FieldPanel("partial_refund_percent")]
                ),
            ],
            heading=_("Cancellation policy"),
            help_text=_("After the partial-refund limit, a cancellation gets no refund."),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("deposit_percent"), FieldPanel("deposit_min_people")]),
                FieldRowPanel([FieldPanel("balance_due_days"), FieldPanel("unpaid_balance")]),
            ],
            heading=_("Deposits for groups"),
            help_text=_(
                "School groups and other large bookings can pay a deposit first; the rest is "
                "asked for by e-mail before the day."
            ),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(booking_panels, heading=_("Booking")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("meeting_point"),
        index.FilterField("category"),
    ]
    parent_page_types = ["tours.VillagePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("experience page")

    def clean(self):
        super().clean()
        if self.min_participants and self.max_participants:
            if self.min_participants > self.max_participants:
                raise ValidationError(
                    {"max_participants": _("Must be at least the fewest people per booking.")}
                )
        if self.partial_refund_hours > self.full_refund_hours:
            raise ValidationError(
                {"partial_refund_hours": _("Must not be more than the full-refund limit.")}
            )
        village = self.get_parent().specific if self.pk else None
        if self.business_unit_id and village is not None:
            if self.business_unit.enterprise_id != getattr(village, "enterprise_id", None):
                raise ValidationError(
                    {"business_unit": _("Choose a business unit of this village's BUMDes.")}
                )

    @property
    def village(self):
        return self.get_parent().specific

    @property
    def zone(self) -> ZoneInfo:
        """The village's time zone (its BUMDes's), in which departures are scheduled."""
        if self.business_unit_id is None:
            return zone_info()
        return self.business_unit.enterprise.zone

    def cancellation_policy_text(self) -> str:
        """The policy in one sentence, for the price box and the ticket."""
        if self.full_refund_hours == 0:
            return _("Full refund if you cancel before the start.")
        if self.partial_refund_percent and self.partial_refund_hours < self.full_refund_hours:
            return _(
                "Full refund up to %(full)d hours before the start, %(percent)d%% up to "
                "%(partial)d hours before, none after."
            ) % {
                "full": self.full_refund_hours,
                "percent": self.partial_refund_percent,
                "partial": self.partial_refund_hours,
            }
        return _("Full refund up to %(full)d hours before the start, none after.") % {
            "full": self.full_refund_hours
        }

    @property
    def booking_page(self) -> "TourPage":
        """The page that holds the experience's booking settings — price tiers, schedules,
        group size, policy, deposits, shares: the default-language page. Translations share it
        and translate only words (titles, texts, tier labels)."""
        return tour_canonical(self) if self.pk else self

    def tiers_shown(self) -> list["PriceTier"]:
        """The experience's price tiers (one set, on the booking page), each with
        `display_label` in this page's language."""
        booking_page = self.booking_page
        translated = self.price_tiers.all() if booking_page.pk != self.pk else []
        return labelled_tiers(booking_page.price_tiers.all(), translated)

    @property
    def from_price(self) -> int | None:
        prices = [tier.price for tier in self.booking_page.price_tiers.all()]
        return min(prices) if prices else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["village"] = self.village
        context["zone"] = self.zone
        context["tiers"] = self.tiers_shown()
        # Booking settings (cancellation policy, departures) live on the default-language page.
        context["canonical"] = self.booking_page
        # A page being created has no departures yet (its preview must still render).
        context["availability"] = (
            tour_availability(self, month=request.GET.get("month"), day=request.GET.get("day"))
            if self.pk
            else None
        )
        return context

    def json_ld(self, request) -> list[dict]:
        return jsonld.tour(self, request)


def labelled_tiers(tiers, translated_tiers) -> list["PriceTier"]:
    """`tiers` (the booking page's) with `display_label` taken from the translated page's tier
    of the same translation key, or their own label when it has none."""
    labels = {tier.translation_key: tier.label for tier in translated_tiers}
    result = list(tiers)
    for tier in result:
        tier.display_label = labels.get(tier.translation_key, tier.label)
    return result


class TourGalleryImage(GalleryImage):
    page = ParentalKey(TourPage, on_delete=models.CASCADE, related_name="gallery")

    class Meta(GalleryImage.Meta):
        verbose_name = _("photo")


class PriceTier(TranslatableMixin, Orderable):
    page = ParentalKey(TourPage, on_delete=models.CASCADE, related_name="price_tiers")
    label = models.CharField(_("label"), max_length=80, help_text=_("e.g. Adult, Child, Student"))
    price = models.PositiveIntegerField(
        _("price (Rp)"), validators=[MaxValueValidator(100_000_000)]
    )
    min_quantity = models.PositiveSmallIntegerField(_("fewest per booking"), null=True, blank=True)
    max_quantity = models.PositiveSmallIntegerField(_("most per booking"), null=True, blank=True)
    requires_id = models.BooleanField(
        _("show ID at check-in"),
        default=False,
        help_text=_("e.g. the domestic price for Indonesian citizens and KITAS holders."),
    )

    panels = [
        FieldRowPanel([FieldPanel("label"), FieldPanel("price")]),
        FieldRowPanel([FieldPanel("min_quantity"), FieldPanel("max_quantity")]),
        FieldPanel("requires_id"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("price tier")
        verbose_name_plural = _("price tiers")
        # Never leave the order to chance: a tier saved without its place would sort last.
        ordering = ["sort_order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(min_quantity__isnull=True)
                | models.Q(max_quantity__isnull=True)
                | models.Q(min_quantity__lte=models.F("max_quantity")),
                name="tier_min_le_max",
            )
        ]

    def __str__(self) -> str:
        return f"{self.label}: Rp {self.price:,}".replace(",", ".")
