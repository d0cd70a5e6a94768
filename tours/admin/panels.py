"""The operator's day on the dashboard: today's departures with booked and checked-in counts."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.permissions import policy_registry

from core.formats import local_date, local_time
from core.localtime import local_days_filter, today_in
from tours.admin.permissions import scoped, staff_zone
from tours.models import Booking, Departure, DepartureStatus
from tours.models.availability import departure_counts


def todays_departures(user, now: dt.datetime | None = None) -> list[dict]:
    """Today's departures (local date) of the user's BUMDes, with counts in one query."""
    now = now or timezone.now()
    today = today_in(now)
    departures = departure_counts(
        scoped(Departure.objects.all(), user)
        .filter(local_days_filter("starts_at", "enterprise__time_zone", first=today, last=today))
        .select_related("tour", "enterprise")
        .order_by("starts_at", "tour__title"),
        now=now,
    )
    return [
        {
            "departure": departure,
            "time": local_time(departure.starts_at, zone=departure.zone),
            "tour": departure.tour.title,
            "enterprise": departure.enterprise.name,
            "booked": departure.seats_taken,
            "capacity": departure.capacity,
            "checked_in": departure.checked_in or 0,
            "cancelled": departure.status == DepartureStatus.CANCELLED,
            "status": departure.get_status_display(),
            "manifest_url": reverse("departures:manifest", args=[departure.pk]),
        }
        for departure in departures
    ]


class TodayPanel(Component):
    name = "desa_today"
    order = 50
    template_name = "tours/admin/panels/today.html"

    def __init__(self, request):
        self.request = request

    def is_shown(self) -> bool:
        policy = policy_registry.get_by_type(Departure)
        return policy.user_has_any_permission(self.request.user, ["view", "change", "add"])

    def render_html(self, parent_context=None):
        if not self.is_shown():
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context=None):
        user = self.request.user
        now = timezone.now()
        rows = todays_departures(user, now=now)
        active = [row for row in rows if not row["cancelled"]]
        booking_policy = policy_registry.get_by_type(Booking)
        return {
            "request": self.request,
            "rows": rows,
            "today": local_date(now, zone=staff_zone(user)),
            "guests": sum(row["booked"] for row in active),
            "checked_in": sum(row["checked_in"] for row in active),
            "show_enterprise": user.is_superuser,
            "can_check_in": booking_policy.user_has_permission(user, "change"),
            "checkin_url": reverse("check-in:index"),
            "day_manifest_url": reverse("departures:day_manifest"),
            "departures_url": reverse("departures:index"),
        }
