"""The bookings list: filters by date, experience, status, payment and channel; search by
reference, name, e-mail or phone; CSV and XLSX exports of the same rows, times on the village's
clock.

Places held by guests who never gave their name (they chose a date and people, then left) are
hidden unless staff ask for them with their own filter: they are not bookings anyone can call.
"""

import re

import django_filters
from django import forms
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views import generic

from core.localtime import local_days_filter
from tours.admin.exports import spreadsheet_safe
from tours.admin.permissions import user_tours
from tours.admin.shared import lines_text, scoped_bookings, stamp
from tours.models import Booking, BookingStatus, Channel, PaymentStatus

SHOWN = "shown"
# A hold whose guest never reached the details step: nobody to call, nothing to check in.
NAMELESS_HOLD = Q(customer_name="", status__in=[BookingStatus.HELD, BookingStatus.EXPIRED])


class BookingFilterSet(WagtailFilterSet):
    date = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Departure date"),
        method="filter_date",
        widget=DateRangePickerWidget,
    )
    tour = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Experience"),
        field_name="departure__tour",
        queryset=lambda request: user_tours(request.user),
    )
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=BookingStatus.choices,
        widget=forms.RadioSelect,
        empty_label=gettext_lazy("All"),
    )
    payment_status = django_filters.ChoiceFilter(
        label=gettext_lazy("Payment"),
        choices=PaymentStatus.choices,
        widget=forms.RadioSelect,
        empty_label=gettext_lazy("All"),
    )
    channel = django_filters.ChoiceFilter(
        label=gettext_lazy("Channel"),
        choices=Channel.choices,
        widget=forms.RadioSelect,
        empty_label=gettext_lazy("All"),
    )
    nameless = django_filters.ChoiceFilter(
        label=gettext_lazy("Holds without a guest's name"),
        choices=[(SHOWN, gettext_lazy("Shown"))],
        widget=forms.RadioSelect,
        empty_label=gettext_lazy("Hidden"),
        method="filter_nameless",
    )

    class Meta:
        model = Booking
        fields = []

    def filter_nameless(self, queryset, name, value):
        # Asked for: the list keeps them (the view hides them otherwise).
        return queryset

    def filter_date(self, queryset, name, value):
        """The departure's date in its village, whatever the admin's time zone."""
        first = value.start.date() if value.start else None
        last = value.stop.date() if value.stop else None
        if first is None and last is None:
            return queryset
        return queryset.filter(
            local_days_filter(
                "departure__starts_at", "enterprise__time_zone", first=first, last=last
            )
        )


class BookingIndexView(generic.IndexView):
    filterset_class = BookingFilterSet
    table_classname = "listing desa-bookings"
    search_fields = ["reference", "customer_name", "customer_email", "customer_phone"]
    search_backend_name = None
    default_ordering = "-created_at"

    def get_base_queryset(self):
        return scoped_bookings(self.request.user).prefetch_related("lines")

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if self.request.GET.get("nameless") != SHOWN:
            queryset = queryset.exclude(NAMELESS_HOLD)
        return queryset

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        query = self.search_query.strip()
        match = Q()
        for field in self.search_fields:
            match |= Q(**{f"{field}__icontains": query})
        digits = re.sub(r"[\s\-().+]", "", query)
        if digits.isdigit() and len(digits) >= 4:
            # "0812 3456" finds "+628123456…": numbers are stored in international form.
            match |= Q(customer_phone__contains=digits)
            if digits.startswith("0"):
                match |= Q(customer_phone__contains="62" + digits[1:])
        return queryset.filter(match)

    @cached_property
    def add_item_label(self):
        return _("New booking")

    # Exports: the same rows as the list (scoped, filtered), with local dates and times.
    export_values = {
        "reference": lambda b: b.reference,
        "booked_at": lambda b: stamp(b.created_at, b.zone),
        "departure_date": lambda b: stamp(b.departure.starts_at, b.zone, "%Y-%m-%d"),
        "departure_time": lambda b: stamp(b.departure.starts_at, b.zone, "%H:%M"),
        "tour": lambda b: b.departure.tour.title,
        "customer_name": lambda b: b.customer_name,
        "customer_phone": lambda b: b.customer_phone,
        "customer_email": lambda b: b.customer_email,
        "customer_country": lambda b: b.customer_country,
        "channel": lambda b: b.get_channel_display(),
        "lines": lines_text,
        "seats": lambda b: b.seats,
        "total": lambda b: b.total,
        "status": lambda b: b.get_status_display(),
        "payment_status": lambda b: b.get_payment_status_display(),
        "payment_method": lambda b: b.get_payment_method_display(),
        "checked_in_at": lambda b: stamp(b.checked_in_at, b.zone),
    }

    def to_row_dict(self, item):
        return {field: self.export_values[field](item) for field in self.list_export}

    def write_csv_row(self, writer, row_dict):
        # XLSX cells are written as text by Wagtail; CSV needs the guard itself.
        safe = {field: spreadsheet_safe(value) for field, value in row_dict.items()}
        return super().write_csv_row(writer, safe)
