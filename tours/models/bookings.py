"""Bookings: who comes, to which departure, for how much, and where the booking is in its life.

Life cycle: `held` (places reserved until `hold_expires_at`) → `confirmed` → `completed` or
`no_show`; `held` → `expired`; `confirmed` → `cancelled`, and so is a held booking awaiting a
bank transfer that the guest (or the village) cancels. Payment state is kept apart from the
booking state (unpaid, paid, partly refunded, refunded, on account).

Lines copy the tier label, unit price and quantity at booking time: editing or unpublishing the
page never changes an existing booking. `seats` and `total` are stored with the booking (they are
the sums of its lines, fixed once the booking is made) so that seat counts are one aggregate.
"""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class BookingStatus(models.TextChoices):
    HELD = "held", _("Held")
    CONFIRMED = "confirmed", _("Confirmed")
    COMPLETED = "completed", _("Completed")
    NO_SHOW = "no_show", _("No-show")
    EXPIRED = "expired", _("Expired")
    CANCELLED = "cancelled", _("Cancelled")


# Bookings in these states occupy places (held ones only until their hold expires).
SEAT_TAKING = (
    BookingStatus.HELD,
    BookingStatus.CONFIRMED,
    BookingStatus.COMPLETED,
    BookingStatus.NO_SHOW,
)


class PaymentStatus(models.TextChoices):
    UNPAID = "unpaid", _("Unpaid")
    DEPOSIT = "deposit", _("Deposit paid")
    PAID = "paid", _("Paid")
    PARTLY_REFUNDED = "partly_refunded", _("Partly refunded")
    REFUNDED = "refunded", _("Refunded")
    ON_ACCOUNT = "on_account", _("On account")


class PaymentMethod(models.TextChoices):
    CASH = "cash", _("Cash on arrival")
    BANK_TRANSFER = "bank_transfer", _("Bank transfer")
    STRIPE = "stripe", _("Card (online)")
    PARTNER_ACCOUNT = "partner_account", _("Partner account")


class Channel(models.TextChoices):
    DIRECT = "direct", _("Direct")
    PARTNER = "partner", _("Partner")
    STAFF = "staff", _("Staff")


class BookingQuerySet(models.QuerySet):
    def for_enterprise(self, enterprise):
        return self.filter(enterprise=enterprise)

    def taking_seats(self, now):
        """Bookings that occupy places at `now`: expired holds free theirs without a human."""
        return self.filter(status__in=SEAT_TAKING).exclude(
            status=BookingStatus.HELD, hold_expires_at__lte=now
        )


class Booking(models.Model):
    reference = models.CharField(_("reference"), max_length=12, unique=True)
    token = models.CharField(max_length=64, unique=True, editable=False)
    departure = models.ForeignKey(
        "tours.Departure",
        verbose_name=_("departure"),
        on_delete=models.PROTECT,
        related_name="bookings",
    )
    enterprise = models.ForeignKey(
        "bumdes.Enterprise", verbose_name=_("BUMDes"), on_delete=models.PROTECT, related_name="+"
    )
    business_unit = models.ForeignKey(
        "bumdes.BusinessUnit",
        verbose_name=_("business unit"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    channel = models.CharField(
        _("channel"), max_length=10, choices=Channel.choices, default=Channel.DIRECT
    )
    # The partner that sold it (its page, its referral link, its widget, its portal or its API
    # key) and the commission agreed for it, frozen at booking like the prices.
    partner = models.ForeignKey(
        "tours.Partner",
        verbose_name=_("partner"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="bookings",
    )
    commission_percent = models.DecimalField(
        _("partner commission (%)"), max_digits=5, decimal_places=2, default=0
    )
    customer_name = models.CharField(_("name"), max_length=120, blank=True)
    customer_email = models.EmailField(_("e-mail"), blank=True)
    customer_phone = models.CharField(_("phone"), max_length=30, blank=True)
    customer_country = models.CharField(_("country"), max_length=2, blank=True)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    seats = models.PositiveIntegerField(_("people"))
    total = models.PositiveBigIntegerField(_("total (Rp)"))
    status = models.CharField(
        _("status"), max_length=12, choices=BookingStatus.choices, default=BookingStatus.HELD
    )
    payment_status = models.CharField(
        _("payment"), max_length=16, choices=PaymentStatus.choices, default=PaymentStatus.UNPAID
    )
    payment_method = models.CharField(
        _("payment method"), max_length=16, choices=PaymentMethod.choices, blank=True
    )
    hold_expires_at = models.DateTimeField(_("held until"), null=True, blank=True)
    idempotency_key = models.CharField(max_length=255, null=True, blank=True, unique=True)
    # A hash of the request that made the booking: the same key with another request is refused.
    idempotency_fingerprint = models.CharField(max_length=64, blank=True, default="")
    created_at = models.DateTimeField(_("booked at"))
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    refund_percent = models.PositiveSmallIntegerField(_("refund (%)"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    # Deposits for groups (issue 5): what is due now when the tour asks for a deposit (0: the
    # whole total), and when the balance is due. Frozen at booking, like the prices.
    deposit_amount = models.PositiveBigIntegerField(_("deposit (Rp)"), default=0)
    balance_due_at = models.DateTimeField(_("balance due"), null=True, blank=True)
    balance_reminder_sent_at = models.DateTimeField(null=True, blank=True)
    balance_on_arrival = models.BooleanField(_("balance collected on arrival"), default=False)
    # The open Stripe Checkout Session of a held booking, reused while it is open.
    checkout_session_id = models.CharField(max_length=255, blank=True, editable=False)
    # Abuse limits (`tours.booking.guards`): the address a public booking came from, and when
    # its guest confirmed the e-mail (large unpaid holds keep their places only briefly before).
    client_address = models.GenericIPAddressField(null=True, blank=True, editable=False)
    email_confirmed_at = models.DateTimeField(_("e-mail confirmed at"), null=True, blank=True)

    objects = BookingQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        indexes = [
            models.Index(fields=["departure", "status"]),
            models.Index(fields=["enterprise", "created_at"]),
            models.Index(fields=["status", "hold_expires_at"]),
            models.Index(fields=["client_address", "created_at"]),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(seats__gt=0), name="booking_seats_gt_0"),
            models.CheckConstraint(
                condition=~models.Q(status="held") | models.Q(hold_expires_at__isnull=False),
                name="held_booking_has_expiry",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_active(self) -> bool:
        return self.status in (BookingStatus.HELD, BookingStatus.CONFIRMED)

    @property
    def zone(self) -> ZoneInfo:
        """The village's time zone: the booking's times are shown and its dates kept in it."""
        return self.enterprise.zone

    @property
    def bank_swift_shown(self) -> str:
        """The BUMDes's SWIFT/BIC for a guest who may transfer from abroad; "" for a guest from
        Indonesia, whose bank needs none."""
        return self.enterprise.bank_swift if self.customer_country != "ID" else ""


class BookingLine(models.Model):
    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="lines")
    tier = models.ForeignKey(
        "tours.PriceTier", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    label = models.CharField(_("label"), max_length=80)
    unit_price = models.PositiveBigIntegerField(_("unit price (Rp)"))
    quantity = models.PositiveIntegerField(_("quantity"))
    requires_id = models.BooleanField(_("show ID at check-in"), default=False)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("booking line")
        constraints = [
            models.CheckConstraint(condition=models.Q(quantity__gt=0), name="line_quantity_gt_0"),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.label}"

    @property
    def amount(self) -> int:
        return self.unit_price * self.quantity


class BookingEvent(models.Model):
    """The booking's history, shown to staff: what happened, when, and by whom."""

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(_("when"))
    kind = models.CharField(_("what"), max_length=30)
    note = models.CharField(_("note"), max_length=300, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("booking event")

    def __str__(self) -> str:
        return f"{self.booking.reference} {self.kind}"
