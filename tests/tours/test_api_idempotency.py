"""One `Idempotency-Key` makes at most one booking, whatever the concurrency.

Real threads on PostgreSQL, each posting through its own test client: the same key sent four
times at once with different bodies gives one booking and three refusals; sent four times with
the same body it gives one booking and three replays of it.
"""

import datetime as dt
import json

import pytest
from django.test import Client
from django.utils import timezone

from tests.concurrency import run_together
from tests.tours.factories import village_tour_create
from tours.booking.departures import departure_add_extra
from tours.models import Booking

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("demo_restored")]

KEY = "retry-2f9c"


@pytest.fixture(autouse=True)
def no_rate_limit(settings):
    settings.BOOKING_RATE_LIMIT = "0"


@pytest.fixture
def departure_and_tier():
    tour, tier = village_tour_create(slug="kunci", prefix="KCI")
    starts_at = timezone.now() + dt.timedelta(days=5)
    departure = departure_add_extra(tour=tour, starts_at=starts_at, capacity=10)
    return departure, tier


def _post(departure, tier, quantity: int):
    body = {
        "departure": departure.pk,
        "lines": [{"tier": tier.pk, "quantity": quantity}],
        "customer": {
            "name": "Siti Rahayu",
            "email": "siti@contoh.id",
            "phone": "+6281234567890",
            "country": "ID",
            "language": "id",
        },
        "payment_method": "cash",
    }

    def call():
        return Client().post(
            "/api/v1/bookings/",
            json.dumps(body),
            content_type="application/json",
            HTTP_IDEMPOTENCY_KEY=KEY,
        )

    return call


def test_one_key_with_four_bodies_at_once_makes_one_booking(departure_and_tier):
    departure, tier = departure_and_tier

    responses = run_together([_post(departure, tier, quantity) for quantity in (1, 2, 3, 4)])

    assert not [r for r in responses if isinstance(r, Exception)], responses
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [201, 400, 400, 400]
    assert Booking.objects.filter(departure=departure).count() == 1
    for refused in (r for r in responses if r.status_code == 400):
        assert refused.json() == {
            "error": "invalid",
            "errors": {"Idempotency-Key": "Kunci ini sudah dipakai untuk pemesanan lain."},
        }


def test_one_key_with_one_body_four_times_at_once_replays_the_first_booking(departure_and_tier):
    departure, tier = departure_and_tier

    responses = run_together([_post(departure, tier, 2) for _ in range(4)])

    assert [r.status_code for r in responses] == [201] * 4
    references = {r.json()["reference"] for r in responses}
    assert len(references) == 1
    assert sum(1 for r in responses if r.headers.get("Idempotent-Replayed") == "true") == 3
    assert Booking.objects.filter(departure=departure).get().seats == 2
