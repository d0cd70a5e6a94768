"""The public booking flow through the Django test client, in Indonesian and in English: people,
details, review and the manage page, the running total without JavaScript, and a back button or
a double submit that holds the places once. Departures are taken at least six days ahead, so
cut-offs and the cancellation policy's limits never bite by accident."""

import pytest
from django.core import mail
from django.utils import translation

from core.formats import local_date, local_time, rupiah
from tests.tours.guest_flow import GUEST, book, booking_from, guest_url, hold, url
from tours.models import Booking, BookingStatus

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit")]


def test_happy_path_in_indonesian(client, departure, tiers, django_capture_on_commit_callbacks):
    start = url("booking_start", departure_id=departure.pk)
    html = client.get(start).content.decode()
    assert 'inputmode="numeric"' in html
    assert "Per orang" in html and rupiah(100000, "id") in html
    assert departure.tour.cancellation_policy_text() in html
    assert 'name="csrfmiddlewaretoken"' in html

    response = hold(client, departure, {tiers[0]: 2})
    booking = booking_from(response)
    assert booking.status == BookingStatus.HELD and booking.seats == 2
    assert booking.total == 200000 and booking.language == "id"

    response = client.get(guest_url("booking_details", booking))
    html = response.content.decode()
    assert 'type="email"' in html and 'type="tel"' in html and 'value="+62"' in html
    assert local_time(booking.hold_expires_at, "id") in html  # "…sampai 10.25 WIB"
    # Form pages send the token to no other site, yet let the browser send its Origin with
    # the POST ("no-referrer" would make it `Origin: null`, which the CSRF check refuses).
    assert response["Referrer-Policy"] == "same-origin"
    assert '<meta name="robots" content="noindex' in html

    client.post(guest_url("booking_details", booking), GUEST)
    html = client.get(guest_url("booking_review", booking)).content.decode()
    assert "Rp 200.000" in html and "Siti Rahayu" in html
    assert local_date(departure.starts_at, "id") in html and "Balai Desa Lipursari" in html
    assert 'type="radio"' in html and 'value="cash"' in html

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(guest_url("booking_review", booking), {"payment_method": "cash"})
    assert response["Location"] == guest_url("booking_manage", booking)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED and booking.payment_method == "cash"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["siti@contoh.id"]

    response = client.get(response["Location"])
    html = response.content.decode()
    assert booking.reference in html and '<div class="qr"><svg' in html
    assert "https://wa.me/6281200000102" in html
    assert guest_url("booking_calendar", booking).replace("&", "&amp;") in html or (
        guest_url("booking_calendar", booking) in html
    )
    assert guest_url("booking_ticket", booking) in html
    assert guest_url("booking_cancel", booking) in html
    assert "google.com/maps" in html
    assert response["Referrer-Policy"] == "no-referrer"
    assert "no-store" in response["Cache-Control"]


def test_happy_path_in_english(client, departure, tiers):
    html = client.get(url("booking_start", "en", departure_id=departure.pk)).content.decode()
    assert '<html lang="en">' in html
    assert "Per person" in html and "Rp 100,000" in html
    with translation.override("en"):
        assert departure.tour.cancellation_policy_text() in html
    booking = book(client, departure, tiers, "en", guest={**GUEST, "language": "en"})
    assert booking.status == BookingStatus.CONFIRMED and booking.language == "en"
    assert [line.label for line in booking.lines.all()] == ["Per person"]
    html = client.get(guest_url("booking_manage", booking, "en")).content.decode()
    assert local_date(departure.starts_at, "en") in html  # "Saturday 12 December 2026"
    assert local_time(departure.starts_at, "en") in html  # "09:00 WIB"
    assert "Rp 200,000" in html and "Lipursari village hall" in html


def test_back_button_and_double_submit_hold_places_once(client, departure, tiers):
    page = client.get(url("booking_start", departure_id=departure.pk))
    nonce = page.context["form"].initial["nonce"]
    data = {f"tier_{tiers[0].pk}": 3, "nonce": nonce}
    first = client.post(url("booking_start", departure_id=departure.pk), data)
    again = client.post(url("booking_start", departure_id=departure.pk), data)
    assert first["Location"] == again["Location"]
    assert Booking.objects.filter(departure=departure).count() == 1
    # Changing the numbers after going back is a new choice, held anew.
    changed = client.post(
        url("booking_start", departure_id=departure.pk), {**data, "tier_" + str(tiers[0].pk): 4}
    )
    assert changed["Location"] != first["Location"]


def test_running_total_without_javascript(client, departure, tiers):
    response = client.post(
        url("booking_start", departure_id=departure.pk),
        {f"tier_{tiers[0].pk}": 3, "recalculate": "1"},
    )
    assert response.status_code == 200
    assert response.context["total"] == 300000 and "Rp 300.000" in response.content.decode()
    assert not Booking.objects.filter(departure=departure).exists()
