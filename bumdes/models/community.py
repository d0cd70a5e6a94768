"""Counterparties of the books: community members (guides, artisans, hosts) and partners.

Community members carry optional flags used by the impact report (returned migrant worker,
gender): the villages' programme exists to raise the income of returned migrant workers and their
families, and funders ask for these figures.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CounterpartyKind(models.TextChoices):
    COMMUNITY = "community", _("Community member")
    PARTNER = "partner", _("Partner (hotel, agent)")
    OTHER = "other", _("Other")


class Gender(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")


class Counterparty(models.Model):
    enterprise = models.ForeignKey(
        "bumdes.Enterprise", on_delete=models.CASCADE, related_name="counterparties"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=CounterpartyKind.choices)
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(
        _("role"), max_length=60, blank=True, help_text=_("e.g. guide, batik teacher, host")
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    returned_migrant_worker = models.BooleanField(
        _("returned migrant worker (or family)"), null=True, blank=True
    )
    gender = models.CharField(_("gender"), max_length=8, choices=Gender.choices, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["enterprise", "kind", "name"]
        verbose_name = _("counterparty")
        verbose_name_plural = _("counterparties")

    def __str__(self) -> str:
        return self.name
