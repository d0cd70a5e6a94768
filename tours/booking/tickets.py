"""What the guest carries: the manage link, a QR code of it, and a calendar entry (.ics)."""

import datetime as dt
from io import BytesIO

import segno
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tours.models import Booking


def manage_path(booking: Booking) -> str:
    with translation.override(booking.language):
        path = reverse("booking_manage", kwargs={"reference": booking.reference})
    return f"{path}?t={booking.token}"


def manage_url(booking: Booking, request=None) -> str:
    path = manage_path(booking)
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def qr_svg(booking: Booking, request=None) -> str:
    """An inline SVG QR code of the manage link; staff scan it at check-in."""
    qr = segno.make(manage_url(booking, request), error="m")
    out = BytesIO()
    qr.save(out, kind="svg", scale=8, border=2, xmldecl=False, omitsize=True, dark="#10241b")
    return out.getvalue().decode()


def qr_png(booking: Booking, request=None) -> bytes:
    qr = segno.make(manage_url(booking, request), error="m")
    out = BytesIO()
    qr.save(out, kind="png", scale=10, border=2)
    return out.getvalue()


def _ics_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _ics_time(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def ics(booking: Booking, request=None) -> str:
    """A calendar entry for the departure (RFC 5545), times in UTC."""
    departure = booking.departure
    tour = departure.tour
    start = departure.starts_at
    end = start + dt.timedelta(minutes=tour.duration_minutes or 120)
    village = tour.get_parent().specific
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Desa Wisata//Booking//EN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{booking.reference}@desawisata",
        f"DTSTAMP:{_ics_time(booking.created_at)}",
        f"DTSTART:{_ics_time(start)}",
        f"DTEND:{_ics_time(end)}",
        f"SUMMARY:{_ics_escape(f'{tour.title} ({booking.reference})')}",
        f"LOCATION:{_ics_escape(tour.meeting_point or village.title)}",
        f"DESCRIPTION:{_ics_escape(manage_url(booking, request))}",
        f"URL:{manage_url(booking, request)}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(lines) + "\r\n"
