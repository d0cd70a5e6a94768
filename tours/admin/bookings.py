"""Bookings in the admin: the list (filters, search, exports), the detail page and its actions.

Bookings are never deleted and never edited through a model form: staff cancel, check in or
mark a no-show, and each of those is one service call that writes the booking's history.
"""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import django_filters
from django import forms
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dates import MONTHS_3, WEEKDAYS_ABBR
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView, View
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet

from bumdes.admin.permissions import ServiceOnlyViewSetMixin
from core.formats import local_date, local_time, rupiah
from core.localtime import local_days_filter, local_moment

from ..errors import BookingError
from ..models import Booking, BookingStatus, Channel, PaymentMethod, PaymentStatus
from ..services.balances import booking_paid_amount
from ..services.bookings import (
    booking_cancel,
    booking_check_in,
    booking_mark_no_show,
    check_in_day_is_today,
)
from ..services.cancellation import cancellation_refund, refund_quote
from ..services.deposits import has_balance_schedule
from .exports import spreadsheet_safe
from .forms import BookingCancelForm
from .permissions import scoped, user_tours

EVENT_LABELS = {
    "held": gettext_lazy("Places held"),
    "confirmed": gettext_lazy("Confirmed"),
    "released": gettext_lazy("Hold released"),
    "expired": gettext_lazy("Hold expired"),
    "cancelled": gettext_lazy("Cancelled"),
    "no_show": gettext_lazy("Marked as not arrived"),
    "checked_in": gettext_lazy("Checked in"),
    "payment": gettext_lazy("Payment received"),
    "email_confirmation": gettext_lazy("Confirmation e-mailed"),
    "email_cancellation": gettext_lazy("Cancellation e-mailed"),
    "email_reminder": gettext_lazy("Reminder e-mailed"),
    "email_balance_due": gettext_lazy("Balance e-mailed"),
    "balance_overdue": gettext_lazy("Balance not paid in time"),
    "balance_on_arrival": gettext_lazy("Balance to collect on arrival"),
    "awaiting_payment": gettext_lazy("Waiting for the payment"),
    "email_transfer": gettext_lazy("Transfer details e-mailed"),
    "email_refund": gettext_lazy("Refund e-mailed"),
    "refund_due": gettext_lazy("Refund due"),
    "refund_sent": gettext_lazy("Refund sent to Stripe"),
    "refund_paid": gettext_lazy("Refund paid"),
    "refund_failed": gettext_lazy("Refund failed"),
}

STATUS_CLASSES = {
    BookingStatus.CONFIRMED: "w-status--primary",
    BookingStatus.COMPLETED: "w-status--primary",
}


def departure_when(departure) -> str:
    """'Sabtu, 12 Desember 2026, 08.30 WIB' in the admin's language, on the village's clock."""
    starts_at, zone = departure.starts_at, departure.zone
    return f"{local_date(starts_at, zone=zone)}, {local_time(starts_at, zone=zone)}"


def short_when(value: dt.datetime, zone: ZoneInfo) -> str:
    """'Rab 25 Nov 2026, 08.50 WIB': short enough for a listing column on a phone."""
    local = local_moment(value, zone)
    weekday = WEEKDAYS_ABBR[local.weekday()]
    month = capfirst(MONTHS_3[local.month])
    return f"{weekday} {local.day} {month} {local.year}, {local_time(value, zone=zone)}"


def _stamp(value: dt.datetime | None, zone: ZoneInfo, pattern: str = "%Y-%m-%d %H:%M") -> str:
    return local_moment(value, zone).strftime(pattern) if value else ""


def lines_text(booking: Booking) -> str:
    return ", ".join(f"{line.quantity} × {line.label}" for line in booking.lines.all())


def id_lines(booking: Booking) -> list:
    return [line for line in booking.lines.all() if line.requires_id]


def guests_text(people: int) -> str:
    return ngettext("%(n)d guest", "%(n)d guests", people) % {"n": people}


def scoped_bookings(user):
    return scoped(Booking.objects.all(), user).select_related(
        "departure__tour", "enterprise", "checked_in_by"
    )


def show_error(request, error: BookingError) -> None:
    """A domain error as an admin message, with the field errors when the service gave any."""
    details = getattr(error, "errors", None)
    if details:
        messages.error(request, " ".join(str(message) for message in details.values()))
    else:
        messages.error(request, str(error.message))


# The list ---------------------------------------------------------------------------------------


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

    class Meta:
        model = Booking
        fields = []

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
        "booked_at": lambda b: _stamp(b.created_at, b.zone),
        "departure_date": lambda b: _stamp(b.departure.starts_at, b.zone, "%Y-%m-%d"),
        "departure_time": lambda b: _stamp(b.departure.starts_at, b.zone, "%H:%M"),
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
        "checked_in_at": lambda b: _stamp(b.checked_in_at, b.zone),
    }

    def to_row_dict(self, item):
        return {field: self.export_values[field](item) for field in self.list_export}

    def write_csv_row(self, writer, row_dict):
        # XLSX cells are written as text by Wagtail; CSV needs the guard itself.
        safe = {field: spreadsheet_safe(value) for field, value in row_dict.items()}
        return super().write_csv_row(writer, safe)


class BookingInspectView(generic.InspectView):
    """The booking's detail page: departure, guest, lines, check-in, history and actions."""

    template_name = "tours/admin/booking_inspect.html"
    page_title = gettext_lazy("Booking")

    def get_object(self, queryset=None):
        return get_object_or_404(scoped_bookings(self.request.user), pk=self.pk)

    def get_page_subtitle(self):
        return self.object.reference

    def can_change(self) -> bool:
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", self.object
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        booking = self.object
        now = timezone.now()
        departure = booking.departure
        started = departure.starts_at <= now
        can_change = self.can_change()
        urls = {name: reverse(f"bookings:{name}", args=[quote(booking.pk)]) for name in ACTIONS}
        context.update(
            {
                "zone": booking.zone,
                "booking": booking,
                "departure": departure,
                "tour": departure.tour,
                "when": departure_when(departure),
                "lines": list(booking.lines.all()),
                "id_lines": id_lines(booking),
                "events": [
                    {
                        "at": event.at,
                        "when": short_when(event.at, booking.zone),
                        "label": EVENT_LABELS.get(event.kind, event.kind.replace("_", " ")),
                        "note": event.note,
                        "user": get_user_display_name(event.user) if event.user else "",
                    }
                    for event in booking.events.select_related("user")
                ],
                "total": rupiah(booking.total),
                "status_class": STATUS_CLASSES.get(booking.status, ""),
                "checked_in": (
                    f"{local_date(booking.checked_in_at, zone=booking.zone)}, "
                    f"{local_time(booking.checked_in_at, zone=booking.zone)}"
                    if booking.checked_in_at
                    else ""
                ),
                "checked_in_by": (
                    get_user_display_name(booking.checked_in_by) if booking.checked_in_by else ""
                ),
                "can_change": can_change,
                "can_check_in": can_change
                and booking.status == BookingStatus.CONFIRMED
                and not booking.checked_in_at
                and check_in_day_is_today(booking, now=now),
                "can_no_show": can_change
                and booking.status == BookingStatus.CONFIRMED
                and not booking.checked_in_at
                and started,
                "can_cancel": can_change
                and booking.status in (BookingStatus.HELD, BookingStatus.CONFIRMED)
                and not booking.checked_in_at,
                "is_cash_due": booking.payment_status == PaymentStatus.UNPAID
                and booking.payment_method == PaymentMethod.CASH,
                "urls": urls,
                "departure_url": reverse("departures:edit", args=[departure.pk]),
                "manifest_url": reverse("departures:manifest", args=[departure.pk]),
                "guests": guests_text(booking.seats),
                "deposit": deposit_text(booking),
            }
        )
        return context


def deposit_text(booking: Booking) -> dict | None:
    """A group booking's deposit, what is paid and owed, and the balance's due date."""
    if not booking.deposit_amount or not booking.balance_due_at:
        return None
    paid = booking_paid_amount(booking)
    owed = max(booking.total - paid, 0)
    return {
        "deposit": rupiah(booking.deposit_amount),
        "paid": rupiah(paid),
        "owed": rupiah(owed) if owed else "",
        "due": (
            f"{local_date(booking.balance_due_at, zone=booking.zone)}, "
            f"{local_time(booking.balance_due_at, zone=booking.zone)}"
        ),
        "on_arrival": booking.balance_on_arrival and owed > 0,
        "pay_in_one_go": not has_balance_schedule(booking),
    }


# Actions ----------------------------------------------------------------------------------------


class BookingActionMixin(PermissionCheckedMixin):
    """A change to one booking of the user's own BUMDes (404 for any other)."""

    model = Booking
    permission_required = "change"

    def dispatch(self, request, *args, **kwargs):
        # Permission first (treasurers and editors get 403), then the row (404 outside the BUMDes).
        if not self.user_has_permission(self.permission_required):
            raise PermissionDenied
        self.object = get_object_or_404(scoped_bookings(request.user), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def inspect_url(self):
        return reverse("bookings:inspect", args=[quote(self.object.pk)])


class BookingCheckInView(BookingActionMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        try:
            booking = booking_check_in(booking=self.object, user=request.user)
        except BookingError as error:
            show_error(request, error)
        else:
            messages.success(
                request,
                _("%(reference)s checked in: %(guests)s.")
                % {"reference": booking.reference, "guests": guests_text(booking.seats)},
            )
        return redirect(self.inspect_url())


class BookingNoShowView(BookingActionMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        try:
            booking = booking_mark_no_show(booking=self.object, user=request.user)
        except BookingError as error:
            show_error(request, error)
        else:
            messages.success(
                request,
                _("%(reference)s is marked as not arrived.") % {"reference": booking.reference},
            )
        return redirect(self.inspect_url())


class BookingCancelView(BookingActionMixin, WagtailAdminTemplateMixin, FormView):
    """Cancel with a reason; the refund follows the policy unless the village cancels (100%)."""

    template_name = "tours/admin/booking_cancel.html"
    form_class = BookingCancelForm
    page_title = gettext_lazy("Cancel booking")
    header_icon = "cross"

    def get_page_subtitle(self):
        return self.object.reference

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("bookings:index"), "label": _("Bookings")},
            {"url": self.inspect_url(), "label": self.object.reference},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_form_kwargs(self):
        now = timezone.now()
        started = self.object.departure.starts_at <= now
        return {
            **super().get_form_kwargs(),
            "policy": None if started else refund_quote(self.object, now=now),
            "full": refund_quote(self.object, now=now, percent=100),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "booking": self.object,
                "when": departure_when(self.object.departure),
                "guests": guests_text(self.object.seats),
                "total": rupiah(self.object.total),
                "inspect_url": self.inspect_url(),
                "policy_text": self.object.departure.tour.cancellation_policy_text(),
                "can_cancel": self.object.status in (BookingStatus.HELD, BookingStatus.CONFIRMED),
            }
        )
        return context

    def form_valid(self, form):
        try:
            booking = booking_cancel(
                booking=self.object,
                reason=form.cleaned_data["reason"],
                refund_percent=form.refund_percent,
                user=self.request.user,
            )
        except BookingError as error:
            show_error(self.request, error)
            return self.form_invalid(form)
        if booking.status == BookingStatus.CANCELLED:
            refund = cancellation_refund(booking)
            messages.success(
                self.request,
                _("%(reference)s is cancelled; refund %(amount)s. The guest gets an e-mail.")
                % {
                    "reference": booking.reference,
                    "amount": rupiah(refund.amount if refund else 0),
                },
            )
        else:
            messages.success(
                self.request,
                _("%(reference)s: the held places are free again.")
                % {"reference": booking.reference},
            )
        return redirect(self.inspect_url())


ACTIONS = {
    "check_in": BookingCheckInView,
    "no_show": BookingNoShowView,
    "cancel": BookingCancelView,
}


# The viewset ------------------------------------------------------------------------------------


class BookingViewSet(ServiceOnlyViewSetMixin, ModelViewSet):
    # No edit, delete, copy or history screens: bookings change only through services.
    model = Booking
    name = "bookings"
    icon = "calendar-check"
    menu_label = gettext_lazy("Booking list")
    menu_name = "bookings"
    index_view_class = BookingIndexView
    inspect_view_class = BookingInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    list_per_page = 30
    list_display = [
        "reference",
        Column("customer_name", label=gettext_lazy("Guest"), sort_key="customer_name"),
        Column(
            "departure",
            label=gettext_lazy("Departure"),
            accessor=lambda b: (
                f"{short_when(b.departure.starts_at, b.zone)} · {b.departure.tour.title}"
            ),
            sort_key="departure__starts_at",
        ),
        Column("seats", label=gettext_lazy("People"), sort_key="seats"),
        Column(
            "total",
            label=gettext_lazy("Total"),
            accessor=lambda b: rupiah(b.total),
            sort_key="total",
            classname="desa-nowrap",
        ),
        StatusTagColumn(
            "status",
            label=gettext_lazy("Status"),
            accessor="get_status_display",
            primary=lambda b: b.status in STATUS_CLASSES,
        ),
        StatusTagColumn(
            "payment_status",
            label=gettext_lazy("Payment"),
            accessor="get_payment_status_display",
            primary=lambda b: b.payment_status == PaymentStatus.PAID,
        ),
    ]
    list_export = list(BookingIndexView.export_values)
    export_headings = {
        "reference": gettext_lazy("Reference"),
        "booked_at": gettext_lazy("Booked at"),
        "departure_date": gettext_lazy("Date"),
        "departure_time": gettext_lazy("Time (village time)"),
        "tour": gettext_lazy("Experience"),
        "customer_name": gettext_lazy("Name"),
        "customer_phone": gettext_lazy("Phone"),
        "customer_email": gettext_lazy("E-mail"),
        "customer_country": gettext_lazy("Country"),
        "channel": gettext_lazy("Channel"),
        "lines": gettext_lazy("People per price"),
        "seats": gettext_lazy("People"),
        "total": gettext_lazy("Total (Rp)"),
        "status": gettext_lazy("Status"),
        "payment_status": gettext_lazy("Payment"),
        "payment_method": gettext_lazy("Payment method"),
        "checked_in_at": gettext_lazy("Checked in at"),
    }
    export_filename = "pemesanan"

    def get_urlpatterns(self):
        from .staff_booking import StaffBookingChooseView, StaffBookingCreateView

        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("new/", StaffBookingChooseView.as_view(), name="add"),
            path("new/<int:departure_id>/", StaffBookingCreateView.as_view(), name="add_for"),
            path("check-in/<int:pk>/", BookingCheckInView.as_view(), name="check_in"),
            path("no-show/<int:pk>/", BookingNoShowView.as_view(), name="no_show"),
            path("cancel/<int:pk>/", BookingCancelView.as_view(), name="cancel"),
        ]
