"""Enterprises (BUMDes), their business units, and the staff roles that scope what staff see.

A BUMDes (Badan Usaha Milik Desa) is the village-owned enterprise that runs a village's tourism. It
is its own legal entity: it owns a village page and its tours, its bookings and its books. It has
business units (unit usaha), e.g. tourism or edutourism; each tour belongs to one unit so that
revenue can be reported per unit.

Staff belong to one enterprise with one or more roles. Each role is a Wagtail group per enterprise
(`EnterpriseRole` links them), so Wagtail's own permission machinery enforces page and collection
scoping, and our services ask the same groups which enterprise a user works for.
"""

from zoneinfo import ZoneInfo

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel

from core.localtime import DEFAULT_ZONE, ZONE_CHOICES, zone_abbreviation, zone_info
from core.phones import InvalidPhoneNumber, phone_e164
from core.provinces import PROVINCE_CHOICES

PHONE_FIELDS = ("phone", "whatsapp")
prefix_validator = RegexValidator(r"^[A-Z]{3}$", _("Three capital letters, e.g. PLB."))
# A SWIFT/BIC: bank (4 letters), country (2 letters), place (2), and an optional branch (3).
swift_validator = RegexValidator(
    r"^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$",
    _("A SWIFT/BIC code has 8 or 11 letters and digits, e.g. BRINIDJA."),
)


class Enterprise(ClusterableModel):
    slug = models.SlugField(_("short name for addresses"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=120, help_text=_("e.g. BUMDes Plobangan Makmur"))
    legal_name = models.CharField(_("legal name"), max_length=200)
    village = models.CharField(_("village"), max_length=100)
    # The village's clock: departures are scheduled and shown in it, and every business date
    # (posting, check-in, due date) is the date of the moment in this zone.
    time_zone = models.CharField(
        _("time zone"),
        max_length=40,
        choices=ZONE_CHOICES,
        default=DEFAULT_ZONE,
        help_text=_("Villages in Bali, Lombok or Sulawesi are WITA; in Maluku or Papua, WIT."),
    )
    registration_number = models.CharField(_("registration number"), max_length=60, blank=True)
    npwp = models.CharField(_("tax number (NPWP)"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(
        _("phone"), max_length=30, blank=True, help_text=_("e.g. (0286) 321456 or 0812 3456 7890")
    )
    whatsapp = models.CharField(
        _("WhatsApp number"),
        max_length=30,
        blank=True,
        help_text=_("e.g. 0812 3456 7890; saved with the country code, as +6281234567890"),
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    province = models.CharField(_("province"), max_length=40, blank=True, choices=PROVINCE_CHOICES)
    # Shown where search engines describe the BUMDes (its schema.org Organization).
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bank_name = models.CharField(_("bank"), max_length=60, blank=True)
    bank_account_number = models.CharField(_("bank account number"), max_length=40, blank=True)
    bank_account_name = models.CharField(_("bank account holder"), max_length=120, blank=True)
    # Banks abroad need it to send money to an Indonesian account; shown to foreign guests.
    bank_swift = models.CharField(
        _("SWIFT/BIC code"),
        max_length=11,
        blank=True,
        validators=[swift_validator],
        help_text=_("For guests paying from abroad: 8 or 11 characters, e.g. BRINIDJA."),
    )
    ref_prefix = models.CharField(
        _("booking reference prefix"),
        max_length=3,
        unique=True,
        validators=[prefix_validator],
        help_text=_("Three letters that start every booking reference, e.g. PLB-7K3Q9."),
    )
    # The books (issue 4): nothing is posted on or before the lock date; the profit split is
    # decided yearly by the village meeting under the AD/ART, so percentages are settings.
    lock_date = models.DateField(_("books locked up to"), null=True, blank=True, editable=False)
    share_village_percent = models.DecimalField(
        _("village share, PADes (%)"), max_digits=5, decimal_places=2, default=0
    )
    share_reserve_percent = models.DecimalField(
        _("reserves (%)"), max_digits=5, decimal_places=2, default=0
    )
    share_investors_percent = models.DecimalField(
        _("community investors (%)"), max_digits=5, decimal_places=2, default=0
    )
    # Payments (issue 5): the BUMDes's own Stripe account (Connect); set by onboarding or
    # `manage.py stripe_connect`, kept up to date from `account.updated` events.
    stripe_account_id = models.CharField(
        _("Stripe account"), max_length=64, blank=True, editable=False
    )
    stripe_charges_enabled = models.BooleanField(
        _("Stripe charges enabled"), default=False, editable=False
    )
    stripe_payouts_enabled = models.BooleanField(
        _("Stripe payouts enabled"), default=False, editable=False
    )
    stripe_details_submitted = models.BooleanField(
        _("Stripe details submitted"), default=False, editable=False
    )
    # Which payment methods guests are offered (each also needs what it depends on: a bank
    # account number for transfers, a connected Stripe account for cards).
    offer_cash = models.BooleanField(_("cash on arrival"), default=True)
    offer_bank_transfer = models.BooleanField(_("bank transfer"), default=True)
    offer_stripe = models.BooleanField(_("card payments online (Stripe)"), default=True)
    bank_transfer_days = models.PositiveSmallIntegerField(
        _("days to pay by bank transfer"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(14)],
        help_text=_("A booking paid by transfer keeps its places this long, awaiting the money."),
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("legal_name"),
                FieldPanel("slug"),
                FieldPanel("village"),
                FieldPanel("time_zone"),
            ],
            heading=_("Identity"),
        ),
        MultiFieldPanel(
            [FieldPanel("registration_number"), FieldPanel("npwp"), FieldPanel("ref_prefix")],
            heading=_("Registration"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("email"),
                FieldPanel("phone"),
                FieldPanel("whatsapp"),
                FieldPanel("address"),
                FieldPanel("province"),
                FieldPanel("logo"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("bank_name"),
                FieldPanel("bank_account_number"),
                FieldPanel("bank_account_name"),
                FieldPanel("bank_swift"),
            ],
            heading=_("Bank account"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("offer_cash"),
                FieldPanel("offer_bank_transfer"),
                FieldPanel("bank_transfer_days"),
                FieldPanel("offer_stripe"),
            ],
            heading=_("Payment methods offered to guests"),
            help_text=_(
                "Bank transfer needs the bank account above; card payments need the BUMDes's "
                "own Stripe account, connected by its manager from Books → Online payments "
                "(Stripe)."
            ),
        ),
        MultiFieldPanel(
            [
                FieldPanel("share_village_percent"),
                FieldPanel("share_reserve_percent"),
                FieldPanel("share_investors_percent"),
            ],
            heading=_("Profit distribution (AD/ART)"),
            help_text=_("Shares of the year's profit decided by the village meeting."),
        ),
        InlinePanel("units", heading=_("Business units"), label=_("Business unit"), min_num=1),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("BUMDes")
        verbose_name_plural = _("BUMDes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    share_village_percent__gte=0,
                    share_reserve_percent__gte=0,
                    share_investors_percent__gte=0,
                ),
                name="shares_not_negative",
            ),
            models.UniqueConstraint(
                fields=["stripe_account_id"],
                condition=~models.Q(stripe_account_id=""),
                name="enterprise_stripe_account_once",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def zone(self) -> ZoneInfo:
        """The village's time zone."""
        return zone_info(self.time_zone)

    @property
    def zone_abbreviation(self) -> str:
        return zone_abbreviation(self.time_zone)

    def clean_fields(self, exclude=None):
        """Phone and WhatsApp are stored in E.164, whatever way staff typed them, and the SWIFT
        code in capitals. Done here rather than in `clean()` so that forms without the phone
        fields (payment methods) skip them."""
        errors = {}
        # "brin idja" as typed is BRINIDJA: codes are written in capitals without spaces.
        self.bank_swift = "".join((self.bank_swift or "").split()).upper()
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for name in PHONE_FIELDS:
            value = getattr(self, name)
            if not value or name in (exclude or ()) or name in errors:
                continue
            try:
                setattr(self, name, phone_e164(value))
            except InvalidPhoneNumber as error:
                errors[name] = [error.message]
        if errors:
            raise ValidationError(errors)


class BusinessUnit(models.Model):
    enterprise = ParentalKey(Enterprise, on_delete=models.CASCADE, related_name="units")
    slug = models.SlugField(_("short name"), max_length=50)
    name = models.CharField(_("name"), max_length=120, help_text=_("e.g. Unit Wisata"))

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        ordering = ["enterprise", "name"]
        verbose_name = _("business unit")
        verbose_name_plural = _("business units")
        constraints = [
            models.UniqueConstraint(fields=["enterprise", "slug"], name="unique_unit_slug")
        ]

    def __str__(self) -> str:
        return f"{self.enterprise.name} · {self.name}"


class Role(models.TextChoices):
    EDITOR = "editor", _("Editor")
    OPERATOR = "operator", _("Operator")
    TREASURER = "treasurer", _("Treasurer")
    MANAGER = "manager", _("Manager")


class EnterpriseRole(models.Model):
    """One Wagtail group per enterprise and role; membership of the group is the staff role."""

    enterprise = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="enterprise_role")

    class Meta:
        verbose_name = _("staff role")
        verbose_name_plural = _("staff roles")
        constraints = [
            models.UniqueConstraint(fields=["enterprise", "role"], name="unique_enterprise_role")
        ]

    def __str__(self) -> str:
        return f"{self.enterprise.name} · {self.get_role_display()}"
