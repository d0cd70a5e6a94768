"""The manifest: who comes to a departure (or to every departure of a day), on one A4 page.

Rows are the bookings that come or came: confirmed, completed and no-shows. For each: reference,
name, phone, people per price tier, the tiers whose guests show an ID, paid or what to collect,
and checked in or an empty box to tick on paper. The same rows download as CSV.
"""

import csv
import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db.models import Q, Sum, Value
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from core.formats import local_date, local_time, rupiah
from core.localtime import business_date, local_days_filter, local_moment
from tours.admin.exports import spreadsheet_safe
from tours.admin.permissions import staff_zone
from tours.admin.shared import departure_label, guests_text, scoped_departures
from tours.models import BookingStatus, Departure, Payment, PaymentStatus

COMING = (BookingStatus.CONFIRMED, BookingStatus.COMPLETED, BookingStatus.NO_SHOW)
# What staff collect on the day: cash bookings not paid yet, and groups' balances.
OWED = (PaymentStatus.UNPAID, PaymentStatus.DEPOSIT)


def manifest_rows(departure: Departure) -> list[dict]:
    rows = []
    bookings = (
        departure.bookings.filter(status__in=COMING)
        .annotate(
            paid=Coalesce(
                Sum("payments__amount", filter=Q(payments__status=Payment.Status.SUCCEEDED)),
                Value(0),
            )
        )
        .prefetch_related("lines")
        .order_by("customer_name", "reference")
    )
    zone = departure.zone
    for booking in bookings:
        lines = list(booking.lines.all())
        due = max(booking.total - booking.paid, 0) if booking.payment_status in OWED else 0
        rows.append(
            {
                "booking": booking,
                "lines": lines,
                "people": ", ".join(f"{line.quantity} × {line.label}" for line in lines),
                "several_tiers": len(lines) > 1,
                "id_needed": ", ".join(
                    f"{line.quantity} × {line.label}" for line in lines if line.requires_id
                ),
                "due": due,
                "due_text": rupiah(due) if due else "",
                "paid_text": booking.get_payment_status_display(),
                "no_show": booking.status == BookingStatus.NO_SHOW,
                "checked_in": (
                    local_moment(booking.checked_in_at, zone).strftime("%H.%M")
                    if booking.checked_in_at
                    else ""
                ),
            }
        )
    return rows


def manifest_section(departure: Departure) -> dict:
    rows = manifest_rows(departure)
    people = sum(row["booking"].seats for row in rows if not row["no_show"])
    checked_in = sum(row["booking"].seats for row in rows if row["checked_in"])
    due = sum(row["due"] for row in rows if not row["no_show"])
    return {
        "departure": departure,
        "label": departure_label(departure),
        "date": local_date(departure.starts_at, zone=departure.zone),
        "time": local_time(departure.starts_at, zone=departure.zone),
        "rows": rows,
        "people": people,
        "guests": guests_text(people),
        "checked_in": checked_in,
        "due": rupiah(due) if due else "",
        "held": departure.bookings.filter(
            status=BookingStatus.HELD, hold_expires_at__gt=timezone.now()
        ).count(),
    }


class BaseManifestView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    model = Departure
    any_permission_required = ["view", "change", "add"]
    template_name = "tours/admin/manifest.html"
    page_title = gettext_lazy("Manifest")
    header_icon = "clipboard-list"

    def dispatch(self, request, *args, **kwargs):
        if not self.user_has_any_permission(self.any_permission_required):
            raise PermissionDenied
        self.departures = self.get_departures()
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("departures:index"), "label": _("Departures")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get(self, request, *args, **kwargs):
        if request.GET.get("export") == "csv":
            return self.csv_response()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sections = [manifest_section(departure) for departure in self.departures]
        enterprises = {departure.enterprise.name for departure in self.departures}
        now, zone = timezone.now(), staff_zone(self.request.user)
        context.update(
            {
                "sections": sections,
                "enterprise_names": ", ".join(sorted(enterprises)),
                "csv_url": f"{self.request.path}?{self.csv_query()}",
                "checkin_url": reverse("check-in:index"),
                "printed_at": f"{local_date(now, zone=zone)}, {local_time(now, zone=zone)}",
            }
        )
        return context

    def csv_query(self) -> str:
        params = self.request.GET.copy()
        params["export"] = "csv"
        return params.urlencode()

    def csv_response(self) -> HttpResponse:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.csv_filename()}"'
        response.write("\ufeff")  # so spreadsheet programs read the names as UTF-8
        writer = csv.writer(response)
        writer.writerow(
            [
                _("Date"),
                _("Time (village time)"),
                _("Experience"),
                _("Reference"),
                _("Name"),
                _("Phone"),
                _("E-mail"),
                _("People"),
                _("People per price"),
                _("Show ID"),
                _("Payment"),
                _("To collect (Rp)"),
                _("Status"),
                _("Checked in"),
            ]
        )
        for departure in self.departures:
            zone = departure.zone
            local = local_moment(departure.starts_at, zone)
            for row in manifest_rows(departure):
                booking = row["booking"]
                cells = [
                    local.date().isoformat(),
                    local.strftime("%H:%M"),
                    departure.tour.title,
                    booking.reference,
                    booking.customer_name,
                    booking.customer_phone,
                    booking.customer_email,
                    booking.seats,
                    row["people"],
                    row["id_needed"],
                    row["paid_text"],
                    row["due"],
                    booking.get_status_display(),
                    local_moment(booking.checked_in_at, zone).strftime("%H:%M")
                    if booking.checked_in_at
                    else "",
                ]
                writer.writerow([spreadsheet_safe(cell) for cell in cells])
        return response


class ManifestView(BaseManifestView):
    def get_departures(self):
        departure = get_object_or_404(scoped_departures(self.request.user), pk=self.kwargs["pk"])
        return [departure]

    def get_page_subtitle(self):
        departure = self.departures[0]
        return f"{departure.tour.title}, {local_date(departure.starts_at, zone=departure.zone)}"

    def csv_filename(self) -> str:
        departure = self.departures[0]
        local = local_moment(departure.starts_at, departure.zone)
        return f"manifest-{local:%Y-%m-%d-%H%M}-{departure.pk}.csv"


class DayManifestView(BaseManifestView):
    """Every departure of one local day: ?date=YYYY-MM-DD (today when not given)."""

    def get_day(self) -> dt.date:
        value = self.request.GET.get("date")
        if not value:
            return business_date(timezone.now(), staff_zone(self.request.user))
        try:
            return dt.date.fromisoformat(value)
        except ValueError as error:
            raise Http404 from error

    def get_departures(self):
        self.day = self.get_day()
        day = self.day
        return list(
            scoped_departures(self.request.user)
            .filter(local_days_filter("starts_at", "enterprise__time_zone", first=day, last=day))
            .order_by("starts_at", "tour__title")
        )

    def get_page_subtitle(self):
        return local_date(self.day)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["day"] = local_date(self.day)
        return context

    def csv_filename(self) -> str:
        return f"manifest-{self.day.isoformat()}.csv"
