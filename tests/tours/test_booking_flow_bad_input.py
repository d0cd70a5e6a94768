"""Bad input in the public booking flow: a clear message, what was typed kept, nothing written;
rate limits and the CSRF token guard every form."""

import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from tests.tours.guest_flow import GUEST, booking_from, guest_url, hold, url
from tours.models import Booking, BookingStatus, Departure, DepartureStatus, TourPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit")]


@pytest.mark.parametrize(
    "quantities, message",
    [
        ({0: "0", 1: "0"}, "Choose how many people come."),
        ({0: "-2"}, "cannot be below 0"),
        ({0: "dua"}, "whole number"),
        ({0: "2.5"}, "whole number"),
        ({0: "41"}, "At most 40 people per booking"),
        ({0: "99999999999999999999"}, "more people than we can take"),
        ({1: "4"}, "at least 10 people"),
    ],
)
def test_bad_quantities_are_refused(client, departure, tiers, quantities, message):
    before = Booking.objects.count()
    data = {f"tier_{tiers[i].pk}": value for i, value in quantities.items()}
    response = client.post(url("booking_start", "en", departure_id=departure.pk), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    for value in data.values():
        assert f'value="{value}"' in html  # nothing typed is lost
    assert Booking.objects.count() == before


def test_unknown_tier_is_refused(client, departure, tiers, batik):
    other_tour = TourPage.objects.filter(locale=batik.locale).exclude(pk=batik.pk).first()
    stranger = other_tour.price_tiers.first()
    before = Booking.objects.count()
    response = client.post(
        url("booking_start", "en", departure_id=departure.pk),
        {f"tier_{tiers[0].pk}": "1", f"tier_{stranger.pk}": "2"},
    )
    assert "Unknown price tier" in response.content.decode()
    assert Booking.objects.count() == before


def test_more_people_than_places_is_refused(client, departure, tiers):
    Departure.objects.filter(pk=departure.pk).update(capacity=3)
    before = Booking.objects.count()
    response = client.post(
        url("booking_start", "en", departure_id=departure.pk), {f"tier_{tiers[0].pk}": "5"}
    )
    html = response.content.decode()
    assert "Not enough places left: 3 remaining." in html
    assert 'value="5"' in html
    assert Booking.objects.count() == before


@pytest.mark.parametrize("change", ["closed", "cut_off", "past", "cancelled"])
def test_departures_that_cannot_be_booked_are_refused(client, departure, tiers, change):
    now = timezone.now()
    updates = {
        "closed": {"status": DepartureStatus.CLOSED},
        "cancelled": {"status": DepartureStatus.CANCELLED},
        "cut_off": {"starts_at": now + dt.timedelta(hours=2)},
        "past": {"starts_at": now - dt.timedelta(hours=2)},
    }[change]
    Departure.objects.filter(pk=departure.pk).update(**updates)
    before = Booking.objects.count()
    start = url("booking_start", "en", departure_id=departure.pk)
    page = client.get(start).content.decode()
    assert "Choose another date" in page and 'name="tier_' not in page
    response = client.post(start, {f"tier_{tiers[0].pk}": "2"})
    html = response.content.decode()
    assert re.search(r"can no longer be booked|has already started", html)
    assert Booking.objects.count() == before
    assert client.get(url("booking_start", departure_id=987654321)).status_code == 404


def test_missing_contact_details_are_refused_and_kept(client, departure, tiers):
    booking = booking_from(hold(client, departure, {tiers[0]: 2}, "en"))
    typed = {"name": "  ", "email": "siti@", "phone": "call me", "country": "ID", "language": "en"}
    response = client.post(guest_url("booking_details", booking, "en"), typed)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Please give the name the booking is for." in html
    assert "valid e-mail address" in html
    assert "This is not a phone number." in html
    assert 'value="siti@"' in html and 'value="call me"' in html
    booking.refresh_from_db()
    assert booking.customer_email == "" and booking.customer_phone == ""
    # Review cannot be reached (nor confirmed) without the details.
    review = guest_url("booking_review", booking, "en")
    assert client.get(review)["Location"] == guest_url("booking_details", booking, "en")
    assert client.post(review, {"payment_method": "cash"}).status_code == 302
    booking.refresh_from_db()
    assert booking.status == BookingStatus.HELD


def test_unknown_payment_method_is_refused(client, departure, tiers):
    booking = booking_from(hold(client, departure, {tiers[0]: 1}, "en"))
    client.post(guest_url("booking_details", booking, "en"), GUEST)
    response = client.post(guest_url("booking_review", booking, "en"), {"payment_method": "stripe"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.HELD


def test_expired_booking_asks_to_choose_again(client, departure, tiers):
    booking = booking_from(hold(client, departure, {tiers[0]: 1}, "en"))
    Booking.objects.filter(pk=booking.pk).update(status=BookingStatus.EXPIRED)
    for name in ("booking_details", "booking_review"):
        html = client.get(guest_url(name, booking, "en")).content.decode()
        assert "Please choose again" in html and "#availability" in html


def test_rate_limited_posts_get_a_friendly_429(settings, departure, tiers):
    settings.BOOKING_RATE_LIMIT = "2/m"
    cache.clear()
    client = Client(REMOTE_ADDR="10.9.8.7")
    start = url("booking_start", "en", departure_id=departure.pk)
    data = {f"tier_{tiers[0].pk}": "2", "recalculate": "1"}
    for _ in range(2):
        response = client.post(start, data)  # the running total, without JavaScript
        assert response.status_code == 200
        assert "Rp 200,000" in response.content.decode()
    before = Booking.objects.count()
    response = client.post(start, {f"tier_{tiers[0].pk}": "1"})
    assert response.status_code == 429
    assert "Please wait a moment" in response.content.decode()
    assert Booking.objects.count() == before
    cache.clear()


def test_forms_need_the_csrf_token(departure, tiers):
    client = Client(enforce_csrf_checks=True)
    before = Booking.objects.count()
    response = client.post(
        url("booking_start", departure_id=departure.pk), {f"tier_{tiers[0].pk}": "1"}
    )
    assert response.status_code == 403
    assert "CSRF" in response.content.decode()
    assert Booking.objects.count() == before
