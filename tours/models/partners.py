"""Partners: hotels and travel agents that sell the villages' experiences.

A `Partner` is one business (its name, contact, users, API keys, referral code) and may sell the
experiences of several villages. What it earns and how it settles is agreed with each BUMDes
separately (`PartnerAgreement`): the status (pending until that BUMDes approves, active,
suspended), the terms — a commission percentage of what the guest pays, or net rates (the
partner pays a net price per tier and sells at its own price) — with an optional commission per
experience, the settlement mode and a credit limit. Statements and balances are therefore per
partner and BUMDes, and each BUMDes's staff see only the agreements with their own BUMDes.

In the books a partner is a counterparty of each BUMDes it sells for (`agreement.counterparty`):
its receivable (on account) and commission payable (guest pays) are kept per partner.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class PartnerKind(models.TextChoices):
    HOTEL = "hotel", _("Hotel or homestay")
    AGENT = "agent", _("Travel agent")


class PartnerStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")


class Settlement(models.TextChoices):
    GUEST_PAYS = "guest_pays", _("Guest pays online; the BUMDes pays the partner's commission")
    ON_ACCOUNT = "on_account", _("On account: the partner collects and is invoiced monthly")


class Terms(models.TextChoices):
    COMMISSION = "commission", _("Commission on the price")
    NET_RATES = "net_rates", _("Net rates (the partner sells at its own price)")


class Partner(models.Model):
    slug = models.SlugField(_("short name for addresses"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=10, choices=PartnerKind.choices)
    # The referral code in links (`?ref=<code>`); the slug unless changed.
    code = models.SlugField(_("referral code"), max_length=30, unique=True)
    contact_name = models.CharField(_("contact person"), max_length=120)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone or WhatsApp"), max_length=30, help_text=_("In E.164."))
    address = models.CharField(_("address"), max_length=255, blank=True)
    website = models.URLField(_("website"), blank=True)
    application_message = models.TextField(_("message with the application"), blank=True)
    users = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("partner users"),
        blank=True,
        related_name="partners",
    )
    created_at = models.DateTimeField(_("applied at"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self) -> str:
        return self.name


class PartnerAgreement(models.Model):
    """What one partner and one BUMDes agreed: status, terms, settlement, credit limit."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="agreements")
    enterprise = models.ForeignKey(
        "bumdes.Enterprise",
        verbose_name=_("BUMDes"),
        on_delete=models.CASCADE,
        related_name="partner_agreements",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=PartnerStatus.choices, default=PartnerStatus.PENDING
    )
    terms = models.CharField(
        _("terms"), max_length=10, choices=Terms.choices, default=Terms.COMMISSION
    )
    commission_percent = models.DecimalField(
        _("commission (%)"),
        max_digits=5,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(50)],
    )
    settlement = models.CharField(
        _("settlement"), max_length=10, choices=Settlement.choices, default=Settlement.GUEST_PAYS
    )
    credit_limit = models.PositiveBigIntegerField(
        _("credit limit (Rp)"),
        default=0,
        help_text=_(
            "On account only: the most the partner may owe, bookings not yet due included."
        ),
    )
    counterparty = models.OneToOneField(
        "bumdes.Counterparty",
        on_delete=models.PROTECT,
        related_name="partner_agreement",
        editable=False,
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True, editable=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        ordering = ["partner__name", "enterprise__name"]
        verbose_name = _("partner agreement")
        verbose_name_plural = _("partner agreements")
        constraints = [
            models.UniqueConstraint(
                fields=["partner", "enterprise"], name="one_agreement_per_partner_and_bumdes"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.partner} · {self.enterprise}"

    @property
    def is_active(self) -> bool:
        return self.status == PartnerStatus.ACTIVE

    @property
    def on_account(self) -> bool:
        return self.settlement == Settlement.ON_ACCOUNT

    def clean(self) -> None:
        if self.terms == Terms.NET_RATES and self.settlement != Settlement.ON_ACCOUNT:
            raise ValidationError(
                {
                    "terms": _(
                        "Net rates need settlement on account: the partner collects its own "
                        "price from the guest and pays the BUMDes the net rate."
                    )
                }
            )


class PartnerTourTerms(models.Model):
    """A commission for one experience that differs from the agreement's."""

    agreement = models.ForeignKey(
        PartnerAgreement, on_delete=models.CASCADE, related_name="tour_terms"
    )
    tour = models.ForeignKey(
        "tours.TourPage", verbose_name=_("experience"), on_delete=models.CASCADE, related_name="+"
    )
    commission_percent = models.DecimalField(
        _("commission (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(50)],
    )

    class Meta:
        verbose_name = _("commission for an experience")
        verbose_name_plural = _("commissions per experience")
        constraints = [
            models.UniqueConstraint(fields=["agreement", "tour"], name="one_term_per_tour"),
        ]

    def __str__(self) -> str:
        return f"{self.tour}: {self.commission_percent}%"


class PartnerNetRate(models.Model):
    """What a net-rate partner pays the BUMDes per person of one price tier."""

    agreement = models.ForeignKey(
        PartnerAgreement, on_delete=models.CASCADE, related_name="net_rates"
    )
    tier = models.ForeignKey(
        "tours.PriceTier", verbose_name=_("price tier"), on_delete=models.CASCADE, related_name="+"
    )
    net_price = models.PositiveIntegerField(_("net price (Rp)"))

    class Meta:
        verbose_name = _("net rate")
        verbose_name_plural = _("net rates")
        constraints = [
            models.UniqueConstraint(fields=["agreement", "tier"], name="one_net_rate_per_tier"),
        ]

    def __str__(self) -> str:
        return f"{self.tier}: Rp {self.net_price}"


class PartnerApiKey(models.Model):
    """A key for the booking API. Only its SHA-256 is stored; the key is shown once."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="api_keys")
    name = models.CharField(_("name"), max_length=80)
    prefix = models.CharField(_("starts with"), max_length=12, db_index=True)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class PartnerSettlement(models.Model):
    """Money settled between a partner and a BUMDes, recorded by the treasurer: the partner
    paying what it owes on account, or the BUMDes paying the partner's commission."""

    class Direction(models.TextChoices):
        FROM_PARTNER = "from_partner", _("The partner paid the BUMDes")
        TO_PARTNER = "to_partner", _("The BUMDes paid the partner")

    agreement = models.ForeignKey(
        PartnerAgreement, on_delete=models.PROTECT, related_name="settlements"
    )
    direction = models.CharField(_("direction"), max_length=12, choices=Direction.choices)
    amount = models.PositiveBigIntegerField(_("amount (Rp)"), validators=[MinValueValidator(1)])
    date = models.DateField(_("date"))
    method = models.CharField(
        _("paid into or from"),
        max_length=16,
        choices=[("bank_transfer", _("Bank")), ("cash", _("Cash"))],
        default="bank_transfer",
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    recorded_at = models.DateTimeField(_("recorded at"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("partner settlement")
        verbose_name_plural = _("partner settlements")

    def __str__(self) -> str:
        return f"{self.get_direction_display()} · Rp {self.amount} · {self.date}"
