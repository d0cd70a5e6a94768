"""The departures list: what is ahead from today (each village's own today), with booked,
held and checked-in counts from one query, and links to each manifest.
"""

import django_filters
from django import forms
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views import generic

from core.localtime import local_days_filter, today_in
from tours.admin.permissions import user_tours
from tours.admin.shared import LinkColumn, departure_label, scoped_departures, short_when
from tours.models import Departure, DepartureStatus
from tours.models.availability import departure_counts


def from_today() -> Q:
    """Departures from today on, today being each village's own date."""
    return local_days_filter("starts_at", "enterprise__time_zone", first=today_in(timezone.now()))


class DepartureFilterSet(WagtailFilterSet):
    period = django_filters.ChoiceFilter(
        label=gettext_lazy("When"),
        choices=[("past", gettext_lazy("Before today")), ("all", gettext_lazy("All dates"))],
        empty_label=gettext_lazy("From today"),
        method="filter_period",
        widget=forms.RadioSelect,
    )
    date = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Date"), method="filter_date", widget=DateRangePickerWidget
    )
    tour = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Experience"),
        field_name="tour",
        queryset=lambda request: user_tours(request.user),
    )
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=DepartureStatus.choices,
        widget=forms.RadioSelect,
        empty_label=gettext_lazy("All"),
    )

    class Meta:
        model = Departure
        fields = []

    def filter_period(self, queryset, name, value):
        if value == "past":
            return queryset.exclude(from_today())
        return queryset

    def filter_date(self, queryset, name, value):
        first = value.start.date() if value.start else None
        last = value.stop.date() if value.stop else None
        if first is None and last is None:
            return queryset
        return queryset.filter(
            local_days_filter("starts_at", "enterprise__time_zone", first=first, last=last)
        )

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        data = self.form.cleaned_data
        if not data.get("period") and not data.get("date"):
            # By default staff see what is ahead of them, starting today.
            queryset = queryset.filter(from_today())
        return queryset


class DepartureIndexView(generic.IndexView):
    filterset_class = DepartureFilterSet
    default_ordering = "starts_at"

    def get_base_queryset(self):
        return departure_counts(scoped_departures(self.request.user), now=timezone.now())

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.filters is None or not self.filters.is_valid():
            queryset = queryset.filter(from_today())
        return queryset

    @cached_property
    def add_item_label(self):
        return _("Add an extra slot")

    @cached_property
    def columns(self):
        can_change = self.user_has_permission("change")

        def url(departure):
            if can_change:
                return reverse("departures:edit", args=[departure.pk])
            return reverse("departures:manifest", args=[departure.pk])

        return [
            TitleColumn(
                "starts_at",
                label=_("Date and time"),
                accessor=lambda d: short_when(d.starts_at, d.zone),
                get_url=url,
                sort_key="starts_at",
            ),
            Column("tour", label=_("Experience"), accessor=departure_label, sort_key="tour__title"),
            Column(
                "booked",
                label=_("Booked / places"),
                accessor=lambda d: f"{d.seats_taken} / {d.capacity}",
            ),
            Column("checked_in", label=_("Checked in"), accessor=lambda d: d.checked_in or 0),
            StatusTagColumn(
                "status",
                label=_("Status"),
                accessor="get_status_display",
                primary=lambda d: d.status == DepartureStatus.OPEN,
            ),
            LinkColumn(
                "manifest",
                label=_("Manifest"),
                url=lambda d: reverse("departures:manifest", args=[d.pk]),
                text=_("Manifest"),
            ),
        ]
