"""Money for bookings: payments received and refunds paid, by any provider.

A payment or refund is recorded once (per provider reference) and posted to the BUMDes's books
in the same transaction (`tours.booking.books`). Offline providers need no keys: cash (taken at
check-in or earlier), bank transfer (confirmed by the treasurer), partner account.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tours.models.bookings import PaymentMethod


class Payment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SUCCEEDED = "succeeded", _("Received")
        FAILED = "failed", _("Failed")

    booking = models.ForeignKey("tours.Booking", on_delete=models.PROTECT, related_name="payments")
    method = models.CharField(_("method"), max_length=16, choices=PaymentMethod.choices)
    amount = models.PositiveBigIntegerField(_("amount (Rp)"))
    fee = models.PositiveBigIntegerField(_("fee (Rp)"), default=0)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SUCCEEDED
    )
    provider_ref = models.CharField(_("provider reference"), max_length=255, blank=True)
    # Stripe: the PaymentIntent the Checkout Session created (refunds are made against it).
    provider_payment = models.CharField(_("provider payment"), max_length=255, blank=True)
    received_at = models.DateTimeField(_("received at"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["received_at", "pk"]
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="payment_amount_gt_0"),
            models.UniqueConstraint(
                fields=["method", "provider_ref"],
                condition=~models.Q(provider_ref=""),
                name="payment_provider_ref_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.booking} {self.amount}"


class Refund(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("To be paid")
        SENT = "sent", _("Sent, waiting for the provider")
        PAID = "paid", _("Paid")
        FAILED = "failed", _("Failed")

    booking = models.ForeignKey("tours.Booking", on_delete=models.PROTECT, related_name="refunds")
    method = models.CharField(_("method"), max_length=16, choices=PaymentMethod.choices)
    amount = models.PositiveBigIntegerField(_("amount (Rp)"))
    fee = models.PositiveBigIntegerField(_("fee (Rp)"), default=0)
    reason = models.CharField(_("reason"), max_length=255, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    provider_ref = models.CharField(_("provider reference"), max_length=255, blank=True)
    after_delivery = models.BooleanField(default=False)
    failure_reason = models.CharField(_("why it failed"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("created at"))
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("refund")
        verbose_name_plural = _("refunds")
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="refund_amount_gt_0"),
            models.UniqueConstraint(
                fields=["method", "provider_ref"],
                condition=~models.Q(provider_ref=""),
                name="refund_provider_ref_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.booking} −{self.amount}"
