"""Calling the public JSON API in tests: its URLs, a booking's body, a POST as JSON, and
departures and bookings of the test's own on Kelas Membatik."""

import datetime as dt
import json

from wagtail.models import Site

from core.localtime import zone_info
from tours.booking.booking_input import Customer
from tours.models import Booking, Departure, TourPage
from tours.payments.paying import booking_create

JAKARTA = zone_info("Asia/Jakarta")

TOURS = "/api/v1/tours/"
BOOKINGS = "/api/v1/bookings/"


def site_root() -> str:
    """The demo site's address: the links the API gives are on it, whoever asks."""
    return Site.objects.get(is_default_site=True).root_url


def in_hours(hours: int) -> dt.datetime:
    return (dt.datetime.now(dt.UTC) + dt.timedelta(hours=hours)).replace(microsecond=0)


def local_day(days: int) -> dt.date:
    return (dt.datetime.now(JAKARTA) + dt.timedelta(days=days)).date()


def make_departure(tour, *, days=5, hour=10, capacity=10, starts_at=None, **fields) -> Departure:
    if starts_at is None:
        starts_at = dt.datetime.combine(local_day(days), dt.time(hour, 30), tzinfo=JAKARTA)
    return Departure.objects.create(
        tour=tour,
        enterprise_id=tour.business_unit.enterprise_id,
        starts_at=starts_at,
        capacity=capacity,
        **fields,
    )


def departures_url(tour: TourPage) -> str:
    return f"{TOURS}{tour.pk}/departures/"


def customer_data(**changes) -> dict:
    """The customer part of a booking's body; a change to None leaves the field out."""
    customer = {
        "name": "Siti Rahayu",
        "email": "siti@contoh.id",
        "phone": "+6281234567890",
        "country": "ID",
        "language": "id",
    }
    customer.update(changes)
    return {key: value for key, value in customer.items() if value is not None}


def body(departure, tiers, /, **changes) -> dict:
    data = {
        "departure": departure.pk,
        "lines": [{"tier": tiers[0].pk, "quantity": 2}],
        "customer": {
            "name": "Siti Rahayu",
            "email": "siti@contoh.id",
            "phone": "+62 812-3456-7890",
            "country": "ID",
            "language": "id",
        },
        "payment_method": "cash",
    }
    data.update(changes)
    return data


def post(client, url, data, **headers):
    raw = data if isinstance(data, str | bytes) else json.dumps(data)
    return client.post(url, data=raw, content_type="application/json", headers=headers)


def book(departure, tiers, quantity=2) -> Booking:
    booking, _ = booking_create(
        departure_id=departure.pk,
        lines=[(tiers[0].pk, quantity)],
        customer=Customer("Budi", "budi@contoh.id", "+6281234567890", "ID", "en"),
        payment_method="cash",
    )
    return booking
