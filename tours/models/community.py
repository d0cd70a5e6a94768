"""Community shares: who from the village earns from a tour, and who worked a departure.

A tour page lists the shares of its community providers by role ("batik teacher 30%"). Operators
assign community members (guides, teachers, hosts) to each departure; when the departure took
place, each role's share of the booking revenue is owed to the members assigned to that role.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel


class TourShare(models.Model):
    page = ParentalKey("tours.TourPage", on_delete=models.CASCADE, related_name="shares")
    role = models.CharField(_("role"), max_length=60, help_text=_("e.g. guide, batik teacher"))
    percent = models.DecimalField(
        _("share of the booking (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )

    panels = [FieldRowPanel([FieldPanel("role"), FieldPanel("percent")])]

    class Meta:
        verbose_name = _("community share")
        verbose_name_plural = _("community shares")

    def __str__(self) -> str:
        return f"{self.role} {self.percent}%"


class DepartureAssignment(models.Model):
    departure = models.ForeignKey(
        "tours.Departure", on_delete=models.CASCADE, related_name="assignments"
    )
    member = models.ForeignKey(
        "bumdes.Counterparty", on_delete=models.PROTECT, related_name="assignments"
    )
    role = models.CharField(_("role"), max_length=60)
    assigned_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [
            models.UniqueConstraint(fields=["departure", "member", "role"], name="assignment_once"),
        ]

    def __str__(self) -> str:
        return f"{self.member} ({self.role})"
