"""What the guest carries: the manage link, a QR code of it, and a calendar entry (.ics)."""

import datetime as dt
from io import BytesIO

import segno
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar, Event

from core.links import absolute_url
from tours.models import Booking


def manage_path(booking: Booking) -> str:
    with translation.override(booking.language):
        path = reverse("booking_manage", kwargs={"reference": booking.reference})
    return f"{path}?t={booking.token}"


def manage_url(booking: Booking) -> str:
    """The manage link, on the tour's site: the same in the e-mail, the QR code and the API."""
    return absolute_url(manage_path(booking), page=booking.departure.tour)


def qr_svg(booking: Booking) -> str:
    """An inline SVG QR code of the manage link; staff scan it at check-in."""
    qr = segno.make(manage_url(booking), error="m")
    out = BytesIO()
    qr.save(out, kind="svg", scale=8, border=2, xmldecl=False, omitsize=True, dark="#10241b")
    return out.getvalue().decode()


def qr_png(booking: Booking) -> bytes:
    qr = segno.make(manage_url(booking), error="m")
    out = BytesIO()
    qr.save(out, kind="png", scale=10, border=2)
    return out.getvalue()


def calendar_file(
    *,
    uid: str,
    stamp: dt.datetime,
    start: dt.datetime,
    end: dt.datetime,
    summary: str,
    location: str,
    description: str,
    url: str,
) -> str:
    """One event as an iCalendar file (RFC 5545), times in UTC.

    The icalendar library escapes commas, semicolons, backslashes and newlines in text and folds
    lines longer than 75 octets, which calendar apps expect and hand-built text got wrong.
    """
    calendar = Calendar()
    calendar.add("prodid", "-//Desa Wisata//Booking//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add_component(
        Event.new(
            uid=uid,
            stamp=stamp.astimezone(dt.UTC),
            start=start.astimezone(dt.UTC),
            end=end.astimezone(dt.UTC),
            summary=summary,
            location=location,
            description=description,
            url=url,
        )
    )
    return calendar.to_ical().decode()


def ics(booking: Booking) -> str:
    """A calendar entry for the departure: where and when, and the way back to the booking."""
    departure = booking.departure
    tour = departure.tour
    link = manage_url(booking)
    return calendar_file(
        uid=f"{booking.reference}@desawisata",
        stamp=booking.created_at,
        start=departure.starts_at,
        end=departure.starts_at + dt.timedelta(minutes=tour.duration_minutes or 120),
        summary=f"{tour.title} ({booking.reference})",
        location=tour.meeting_point or tour.get_parent().specific.title,
        description=link,
        url=link,
    )
