"""Webhook events received from payment providers, recorded once each (invariant 5).

The unique (provider, event_id) constraint is what makes a replay a no-op: an event is recorded
in the same transaction as its effect, so a second delivery finds the row and changes nothing.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WebhookEvent(models.Model):
    provider = models.CharField(_("provider"), max_length=16)
    event_id = models.CharField(_("event id"), max_length=255)
    type = models.CharField(_("type"), max_length=100)
    account = models.CharField(_("connected account"), max_length=64, blank=True)
    received_at = models.DateTimeField(_("received at"))
    processed_at = models.DateTimeField(_("processed at"), null=True, blank=True)
    payload = models.JSONField(_("payload"), default=dict)

    class Meta:
        ordering = ["received_at", "pk"]
        verbose_name = _("webhook event")
        verbose_name_plural = _("webhook events")
        constraints = [
            models.UniqueConstraint(fields=["provider", "event_id"], name="webhook_event_once")
        ]

    def __str__(self) -> str:
        return f"{self.provider} {self.type} {self.event_id}"
