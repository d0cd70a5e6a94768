"""Booking e-mails: HTML (inline styles, table layout) with a text alternative, in the guest's
language, with the QR code and a calendar file attached to the confirmation and the reminder.

The immediate tasks backend sends after commit; inside a test's transaction the commit callbacks
run only under `django_capture_on_commit_callbacks(execute=True)`.
"""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar

from core.formats import local_date, local_time
from tours.booking import tickets
from tours.booking.booking_input import Customer
from tours.booking.cancelling import booking_cancel
from tours.booking.notifications import booking_email
from tours.models import TourPage
from tours.payments.paying import booking_create

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit")]


def confirmed(departure, *, language="id", name="Siti Rahayu"):
    tier = departure.tour.price_tiers.order_by("-price").first()
    booking, _ = booking_create(
        departure_id=departure.pk,
        lines=[(tier.pk, 2)],
        customer=Customer(
            name=name,
            email="tamu@contoh.id",
            phone="+628123456789",
            country="ID",
            language=language,
        ),
        payment_method="cash",
    )
    return booking


def parts(message):
    html = next(content for content, mimetype in message.alternatives if mimetype == "text/html")
    return message.body, html


def test_confirmation_from_the_booking_flow(client, departure, django_capture_on_commit_callbacks):
    """Booked on the Indonesian site, e-mails asked in English: the e-mail is in English."""
    tier = departure.tour.price_tiers.order_by("-price").first()
    response = client.post(
        reverse("booking_start", kwargs={"departure_id": departure.pk}), {f"tier_{tier.pk}": 2}
    )
    details = response["Location"]
    review = client.post(
        details,
        {
            "name": "Emma Clarke",
            "email": "emma@example.com",
            "phone": "+44 20 7946 0000",
            "country": "GB",
            "language": "en",
        },
    )["Location"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(review, {"payment_method": "cash"})

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    text, html = parts(message)
    reference = re.search(r"/booking/([A-Z0-9-]+)/", details).group(1)
    assert message.to == ["emma@example.com"]
    assert reference in message.subject and "Batik Class" in message.subject
    for body in (text, html):
        assert reference in body
        assert local_date(departure.starts_at, "en") in body  # "Tuesday 1 December 2026"
        assert local_time(departure.starts_at, "en") in body  # "08:00 WIB"
        assert "Lipursari village hall" in body
        assert "Rp 200,000" in body
        assert "pay cash on arrival" in body
        assert f"/en/booking/{reference}/?t=" in body
        assert "wa.me/6281200000102" in body
        assert "calendar file" in body
    attachments = {name: mimetype for name, _content, mimetype in message.attachments}
    assert attachments == {f"{reference}.ics": "text/calendar", f"{reference}-qr.png": "image/png"}


def test_confirmation_in_indonesian(departure):
    booking = confirmed(departure, language="id")
    message = booking_email(booking, "confirmation")
    text, html = parts(message)
    for body in (text, html):
        assert local_date(departure.starts_at, "id") in body  # "Selasa, 1 Desember 2026"
        assert local_time(departure.starts_at, "id") in body  # "08.00 WIB"
        assert "Balai Desa Lipursari" in body and "Rp 200.000" in body
        assert f"/booking/{booking.reference}/?t={booking.token}" in body
        assert "/en/booking/" not in body
    assert 'lang="id"' in html
    ics = next(content for name, content, _ in message.attachments if name.endswith(".ics"))
    (event,) = Calendar.from_ical(ics).events
    assert str(event["SUMMARY"]) == f"Kelas Membatik ({booking.reference})"
    assert str(event["URL"]) == tickets.manage_url(booking)
    png = next(content for name, content, _ in message.attachments if name.endswith(".png"))
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


def test_html_works_in_gmail_and_text_is_plain(departure):
    booking = confirmed(departure, name="Budi & Sari <Tim>")
    for kind in ("confirmation", "cancellation", "reminder"):
        text, html = parts(booking_email(booking, kind))
        assert "<style" not in html and "<script" not in html and "class=" not in html
        assert "<table" in html and 'style="' in html
        assert "Budi &amp; Sari &lt;Tim&gt;" in html
        assert "Budi & Sari <Tim>" in text and "&amp;" not in text and "<table" not in text


def test_cancellation_email(departure, django_capture_on_commit_callbacks):
    booking = confirmed(departure, language="en")
    with django_capture_on_commit_callbacks(execute=True):
        booking_cancel(booking=booking, reason="Guest")
    message = mail.outbox[-1]
    text, html = parts(message)
    assert message.subject == f"Cancelled: booking {booking.reference}"
    assert not message.attachments
    for body in (text, html):
        assert booking.reference in body and "Batik Class" in body
        assert "Nothing was paid" in body
        with translation.override("en"):
            assert TourPage.objects.get(pk=booking.departure.tour_id).localized.full_url in body


def test_reminder_email(departure):
    booking = confirmed(departure, language="en")
    message = booking_email(booking, "reminder")
    text, html = parts(message)
    assert message.subject.startswith("Tomorrow: Batik Class")
    assert len(message.attachments) == 2
    for body in (text, html):
        assert local_time(departure.starts_at, "en") in body
        assert "pay cash on arrival" in body
        assert f"/en/booking/{booking.reference}/?t={booking.token}" in body
    assert "Clothes you don" in html  # what to bring
