"""Bookings in the admin: the menu entry, the list's columns and export headings, and the URLs
of the list (`booking_index`), the detail page and its actions (`booking_inspect`) and the staff
booking for walk-ins (`staff_booking`).

Bookings are never deleted and never edited through a model form: staff cancel, check in or
mark a no-show, and each of those is one service call that writes the booking's history.
"""

from django.urls import path
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.viewsets.model import ModelViewSet

from bumdes.admin.permissions import ServiceOnlyViewSetMixin
from core.formats import rupiah
from tours.admin.booking_index import BookingIndexView
from tours.admin.booking_inspect import (
    STATUS_CLASSES,
    BookingCancelView,
    BookingCheckInView,
    BookingInspectView,
    BookingNoShowView,
)
from tours.admin.shared import short_when
from tours.admin.staff_booking import StaffBookingChooseView, StaffBookingCreateView
from tours.models import Booking, PaymentStatus


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
