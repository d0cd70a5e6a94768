"""Public JSON API v1: a POST repeated with its Idempotency-Key answers the first booking, and
booking POSTs are rate limited per client address."""

import pytest
from django.test import Client

from tests.tours.api_calls import BOOKINGS, TOURS, body, customer_data, post
from tours.models import Booking

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_rate_limit")]


# Idempotency ----------------------------------------------------------------------------------


def test_repeated_post_with_the_same_key_returns_the_first_booking(client, fresh_departure, tiers):
    before = Booking.objects.count()
    first = post(client, BOOKINGS, body(fresh_departure, tiers), idempotency_key="order-42")
    again = post(client, BOOKINGS, body(fresh_departure, tiers), idempotency_key="order-42")
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert "Idempotent-Replayed" not in first
    assert again["Idempotent-Replayed"] == "true"
    assert Booking.objects.count() == before + 1
    other = post(client, BOOKINGS, body(fresh_departure, tiers), idempotency_key="order-43")
    assert other.json()["reference"] != first.json()["reference"]


def test_same_key_with_another_body_is_refused(client, fresh_departure, tiers):
    post(client, BOOKINGS, body(fresh_departure, tiers), idempotency_key="order-42")
    before = Booking.objects.count()
    stranger = body(fresh_departure, tiers, customer=customer_data(name="Someone Else"))
    response = post(client, BOOKINGS, stranger, idempotency_key="order-42")
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"Idempotency-Key"}
    assert "token" not in response.content.decode()
    assert Booking.objects.count() == before


def test_idempotency_key_longer_than_255_is_refused(client, fresh_departure, tiers):
    before = Booking.objects.count()
    response = post(client, BOOKINGS, body(fresh_departure, tiers), idempotency_key="k" * 256)
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"Idempotency-Key"}
    assert Booking.objects.count() == before
    ok = post(client, BOOKINGS, body(fresh_departure, tiers), idempotency_key="k" * 255)
    assert ok.status_code == 201
    assert Booking.objects.filter(reference=ok.json()["reference"]).exists()


# Rate limit -----------------------------------------------------------------------------------


def test_posts_are_rate_limited_per_client(client, fresh_departure, tiers, settings):
    settings.BOOKING_RATE_LIMIT = "2/m"
    assert post(client, BOOKINGS, "not json").status_code == 400  # bad requests count too
    assert post(client, BOOKINGS, body(fresh_departure, tiers)).status_code == 201
    before = Booking.objects.count()
    response = post(client, BOOKINGS, body(fresh_departure, tiers))
    assert response.status_code == 429
    assert response.json()["error"] == "rate_limited"
    assert Booking.objects.count() == before
    reads = client.get(TOURS)  # reads are not limited
    assert reads.status_code == 200 and "kelas-membatik" in [item["slug"] for item in reads.json()]
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert post(other, BOOKINGS, body(fresh_departure, tiers)).status_code == 201


def test_rate_limit_zero_turns_it_off(client, fresh_departure, tiers, settings):
    settings.BOOKING_RATE_LIMIT = "0"
    for _ in range(4):
        response = post(client, BOOKINGS, "not json")
        assert response.status_code == 400
        assert response.json()["error"] == "invalid"  # judged on its body, never rate_limited
