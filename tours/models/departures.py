"""Schedules and departures.

A schedule rule on a tour page says "Saturdays and Sundays at 08.00, 20 places, from March to
November". Departures are generated ahead from the rules (`departures_generate`) and are then
edited one by one by staff: close a date, change capacity, add an extra slot, cancel.

A departure belongs to the tour page of the default language (Indonesian); translations of the
page show the same departures. Times are stored in UTC and scheduled in the village's own time
zone (its BUMDes's `time_zone`): a departure's date is its local date there.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from core.formats import local_date, local_time
from core.localtime import business_date
from tours.models.fields import WeekdaysField


class ScheduleRule(models.Model):
    page = ParentalKey("tours.TourPage", on_delete=models.CASCADE, related_name="schedule_rules")
    weekdays = WeekdaysField(_("days"))
    start_time = models.TimeField(_("start time (village time)"))
    capacity = models.PositiveSmallIntegerField(_("places"))
    valid_from = models.DateField(_("from"), null=True, blank=True)
    valid_to = models.DateField(_("until"), null=True, blank=True)

    panels = [
        FieldPanel("weekdays"),
        FieldRowPanel([FieldPanel("start_time"), FieldPanel("capacity")]),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to")]),
    ]

    class Meta:
        verbose_name = _("schedule")
        verbose_name_plural = _("schedules")
        constraints = [
            models.CheckConstraint(condition=models.Q(capacity__gt=0), name="rule_capacity_gt_0"),
            models.CheckConstraint(
                condition=models.Q(valid_from__isnull=True)
                | models.Q(valid_to__isnull=True)
                | models.Q(valid_from__lte=models.F("valid_to")),
                name="rule_valid_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.weekdays} {self.start_time:%H:%M} ({self.capacity})"

    def applies_on(self, date) -> bool:
        if str(date.weekday()) not in self.weekdays:
            return False
        if self.valid_from and date < self.valid_from:
            return False
        return not (self.valid_to and date > self.valid_to)


class DepartureStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    CANCELLED = "cancelled", _("Cancelled")


class DepartureQuerySet(models.QuerySet):
    def for_enterprise(self, enterprise):
        return self.filter(enterprise=enterprise)

    def upcoming(self, now):
        return self.filter(starts_at__gte=now)


class Departure(models.Model):
    tour = models.ForeignKey(
        "tours.TourPage",
        verbose_name=_("experience"),
        on_delete=models.PROTECT,
        related_name="departures",
    )
    enterprise = models.ForeignKey(
        "bumdes.Enterprise", verbose_name=_("BUMDes"), on_delete=models.PROTECT, related_name="+"
    )
    starts_at = models.DateTimeField(_("starts at"))
    capacity = models.PositiveIntegerField(_("places"))
    status = models.CharField(
        _("status"), max_length=12, choices=DepartureStatus.choices, default=DepartureStatus.OPEN
    )
    rule = models.ForeignKey(
        ScheduleRule, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_extra = models.BooleanField(_("extra slot"), default=False)
    note = models.CharField(_("note"), max_length=200, blank=True)
    delivered_at = models.DateTimeField(
        _("revenue recognised at"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DepartureQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("departure")
        verbose_name_plural = _("departures")
        constraints = [
            models.UniqueConstraint(fields=["tour", "starts_at"], name="unique_departure_time"),
        ]
        indexes = [
            models.Index(fields=["enterprise", "starts_at"]),
            models.Index(fields=["tour", "starts_at"]),
        ]

    def __str__(self) -> str:
        zone = self.zone
        return f"{self.tour.title}, {local_date(self.starts_at, zone=zone)} " + local_time(
            self.starts_at, zone=zone
        )

    @property
    def zone(self) -> ZoneInfo:
        """The village's time zone, in which the departure is scheduled and shown."""
        return self.enterprise.zone

    @property
    def local_date(self) -> dt.date:
        """The departure's date: its local date in the village."""
        return business_date(self.starts_at, self.zone)
