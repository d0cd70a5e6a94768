"""The guest's booking after the flow: reached only with its token, the manage page, the
printable ticket, the calendar file and cancellation within the tour's policy."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import Site

from tests.tours.guest_flow import GUEST, book, booking_from, guest_url, hold, url
from tours.booking.books import payment_record
from tours.booking.cancellation import refund_percent_for
from tours.models import Booking, BookingStatus, Departure, PaymentMethod, TourPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit")]


def test_a_booking_is_reached_only_with_its_token(client, departure, tiers):
    booking = book(client, departure, tiers)
    for name in (
        "booking_manage",
        "booking_details",
        "booking_review",
        "booking_ticket",
        "booking_calendar",
        "booking_cancel",
    ):
        path = url(name, reference=booking.reference)
        assert client.get(path).status_code == 404
        assert client.get(path, {"t": "wrong"}).status_code == 404
        assert client.get(path, {"t": booking.token + "x"}).status_code == 404
        assert client.get(path, {"t": "é"}).status_code == 404
        assert client.post(path, {"t": booking.token}).status_code in (404, 405)
    missing = url("booking_manage", reference="LPS-ZZZZZ")
    assert client.get(missing, {"t": booking.token}).status_code == 404
    response = client.get(url("booking_manage", reference=booking.reference), {"t": booking.token})
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<title>{booking.reference} · Desa Wisata Wonosobo</title>" in html
    assert 'class="qr"' in html  # the ticket, now that the right token came with the link


def test_held_booking_links_back_to_its_step(client, departure, tiers):
    booking = booking_from(hold(client, departure, {tiers[0]: 2}, "en"))
    html = client.get(guest_url("booking_manage", booking, "en")).content.decode()
    assert guest_url("booking_details", booking, "en") in html
    assert 'class="qr"' not in html  # not a ticket yet
    client.post(guest_url("booking_details", booking, "en"), GUEST)
    html = client.get(guest_url("booking_manage", booking, "en")).content.decode()
    assert guest_url("booking_review", booking, "en") in html
    # A confirmed booking's steps lead to its manage page.
    booking = book(client, departure, tiers, "en")
    response = client.get(guest_url("booking_details", booking, "en"))
    assert response["Location"] == guest_url("booking_manage", booking, "en")


def test_calendar_file(client, departure, tiers):
    booking = book(client, departure, tiers)
    response = client.get(guest_url("booking_calendar", booking))
    assert response["Content-Type"].startswith("text/calendar")
    assert f'filename="{booking.reference}.ics"' in response["Content-Disposition"]
    body = response.content.decode()
    start = departure.starts_at.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    assert f"DTSTART:{start}\r\n" in body
    (event,) = Calendar.from_ical(body).events
    assert str(event["UID"]) == f"{booking.reference}@desawisata"
    assert str(event["SUMMARY"]) == f"Kelas Membatik ({booking.reference})"
    assert str(event["LOCATION"]) == departure.tour.meeting_point
    manage = Site.objects.get(is_default_site=True).root_url + guest_url("booking_manage", booking)
    assert str(event["URL"]) == str(event["DESCRIPTION"]) == manage


def test_printable_ticket(client, departure, tiers):
    booking = book(client, departure, tiers)
    response = client.get(guest_url("booking_ticket", booking))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<div class="qr"><svg' in html and "page-ticket" in html
    # A viewBox lets CSS scale the code to the screen or the paper instead of cropping it.
    assert re.search(r'<div class="qr"><svg[^>]*viewBox="0 0 \d+ \d+"', html)
    held = booking_from(hold(client, departure, {tiers[0]: 1}))
    assert client.get(guest_url("booking_ticket", held)).status_code == 302


def test_cancel_within_the_policy(client, departure, tiers, django_capture_on_commit_callbacks):
    booking = book(client, departure, tiers, "en", guest={**GUEST, "language": "en"})
    cancel = guest_url("booking_cancel", booking, "en")
    html = client.get(cancel).content.decode()
    assert refund_percent_for(booking, now=timezone.now()) == 100
    # Cash on arrival: nothing was paid, so the page promises nothing back.
    assert "Nothing has been paid yet, so nothing is owed" in html
    assert "goes back to you" not in html
    assert (
        Booking.objects.get(pk=booking.pk).status == BookingStatus.CONFIRMED
    )  # GET changes nothing
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(cancel)
    assert response["Location"] == guest_url("booking_manage", booking, "en")
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED and booking.refund_percent == 100
    assert mail.outbox[-1].subject.startswith("Cancelled")
    html = client.get(response["Location"]).content.decode()
    assert "Cancelled on" in html and guest_url("booking_cancel", booking, "en") not in html
    # Cancelling twice is not offered again.
    assert client.post(cancel)["Location"] == guest_url("booking_manage", booking, "en")


def test_cancel_close_to_the_start_shows_the_partial_refund(client, departure, tiers):
    # Between the partial-refund limit (24 h) and the full-refund limit (48 h) before the start.
    Departure.objects.filter(pk=departure.pk).update(
        starts_at=timezone.now() + dt.timedelta(hours=36)
    )
    departure.refresh_from_db()
    booking = book(client, departure, tiers, "en")
    payment_record(booking=booking, method=PaymentMethod.BANK_TRANSFER, amount=200_000)
    html = client.get(guest_url("booking_cancel", booking, "en")).content.decode()
    assert "Rp 100,000 goes back to you (50% of the Rp 200,000 you paid)" in html
    assert "The village keeps Rp 100,000 as the cancellation fee." in html
    assert "This holds until" in html


def test_unpublished_tours_cannot_be_booked(client, batik, departure, tiers):
    TourPage.objects.filter(pk=batik.pk).update(live=False)
    before = Booking.objects.count()
    start = url("booking_start", departure_id=departure.pk)
    assert client.get(start).status_code == 404
    assert client.post(start, {f"tier_{tiers[0].pk}": "1"}).status_code == 404
    assert Booking.objects.count() == before
