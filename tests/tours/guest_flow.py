"""The guest's booking flow through the Django test client: the URLs with the booking's token,
holding places for a departure, and the whole flow to a confirmed cash booking."""

import re

from django.urls import reverse
from django.utils import translation

from tours.models import Booking

GUEST = {
    "name": "Siti Rahayu",
    "email": "siti@contoh.id",
    "phone": "+62 812 3456 7890",
    "country": "ID",
    "language": "id",
}


def url(name: str, language: str = "id", **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def guest_url(name: str, booking: Booking, language: str = "id") -> str:
    return f"{url(name, language, reference=booking.reference)}?t={booking.token}"


def hold(client, departure, quantities: dict, language: str = "id"):
    data = {f"tier_{tier.pk}": quantity for tier, quantity in quantities.items()}
    return client.post(url("booking_start", language, departure_id=departure.pk), data)


def booking_from(response) -> Booking:
    match = re.search(r"/booking/([A-Z0-9-]+)/\w+/\?t=([\w-]+)", response["Location"])
    return Booking.objects.get(reference=match.group(1), token=match.group(2))


def book(client, departure, tiers, language="id", guest=GUEST, capture=None) -> Booking:
    """The whole flow; returns the confirmed booking."""
    response = hold(client, departure, {tiers[0]: 2}, language)
    assert response.status_code == 302, response.content.decode()[:2000]
    booking = booking_from(response)
    response = client.post(guest_url("booking_details", booking, language), guest)
    assert response.status_code == 302
    assert response["Location"] == guest_url("booking_review", booking, language)
    if capture is not None:
        with capture(execute=True):
            response = client.post(
                guest_url("booking_review", booking, language), {"payment_method": "cash"}
            )
    else:
        response = client.post(
            guest_url("booking_review", booking, language), {"payment_method": "cash"}
        )
    assert response.status_code == 302
    assert response["Location"] == guest_url("booking_manage", booking, language)
    booking.refresh_from_db()
    return booking
