"""What the booking and departure screens share: rows scoped to the user's BUMDes, times on
the village's clock, guest counts, a link column, and service errors shown as admin messages."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column

from core.formats import local_date, local_time, short_date
from core.localtime import local_moment
from tours.admin.permissions import scoped
from tours.booking.errors import BookingError
from tours.models import Booking, Departure


def departure_when(departure) -> str:
    """'Sabtu, 12 Desember 2026, 08.30 WIB' in the admin's language, on the village's clock."""
    starts_at, zone = departure.starts_at, departure.zone
    return f"{local_date(starts_at, zone=zone)}, {local_time(starts_at, zone=zone)}"


def short_when(value: dt.datetime, zone: ZoneInfo) -> str:
    """'Rab 25 Nov 2026, 08.50 WIB': short enough for a listing column on a phone."""
    return f"{short_date(value, zone=zone)}, {local_time(value, zone=zone)}"


def stamp(value: dt.datetime | None, zone: ZoneInfo, pattern: str = "%Y-%m-%d %H:%M") -> str:
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


def scoped_departures(user):
    return scoped(Departure.objects.all(), user).select_related("tour", "enterprise")


def departure_label(departure) -> str:
    title = departure.tour.title
    return f"{title} ({_('extra slot')})" if departure.is_extra else title


class LinkColumn(Column):
    """A small secondary button in a cell, e.g. the manifest of each departure."""

    cell_template_name = "tours/admin/cells/link_cell.html"

    def __init__(self, name, url, text, **kwargs):
        super().__init__(name, **kwargs)
        self.url = url
        self.text = text

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context.update({"url": self.url(instance), "text": self.text})
        return context
