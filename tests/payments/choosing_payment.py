"""The guest's side of paying, for the payment tests: Lipursari, the review and manage URLs of a
booking, a booking's body for the API, and the journal lines a booking posted."""

from django.urls import reverse

from bumdes.models import Enterprise, JournalLine
from tests.tours.factories import GUEST
from tours.models import Booking


def lipursari() -> Enterprise:
    return Enterprise.objects.get(slug="lipursari")


def review_url(booking: Booking) -> str:
    return f"{reverse('booking_review', kwargs={'reference': booking.reference})}?t={booking.token}"


def manage_url(booking: Booking) -> str:
    return f"{reverse('booking_manage', kwargs={'reference': booking.reference})}?t={booking.token}"


def journal(booking: Booking) -> list[tuple[str, str, int]]:
    return sorted(
        JournalLine.objects.filter(booking_ref=booking.reference).values_list(
            "account__code", "side", "amount"
        )
    )


def api_body(departure, quantity: int, method: str) -> dict:
    return {
        "departure": departure.pk,
        "lines": [{"tier": departure.tour.price_tiers.get(price=100_000).pk, "quantity": quantity}],
        "customer": {
            "name": GUEST.name,
            "email": GUEST.email,
            "phone": "+6281234567890",
            "country": "ID",
            "language": "id",
        },
        "payment_method": method,
    }
