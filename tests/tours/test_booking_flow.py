"""The public booking flow through the Django test client, in Indonesian and in English.

Tour page calendar → people → details → review → manage page, ticket, calendar file and
cancellation. Bad input is refused with a message and writes nothing; a booking is reached only
with its token. Departures are taken at least five days ahead, so cut-offs and the cancellation
policy's limits never bite by accident.
"""

import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar

from core.formats import JAKARTA, local_date, local_time, rupiah
from tours.calendar import tour_availability
from tours.models import Booking, BookingStatus, Departure, DepartureStatus, TourPage
from tours.services.bookings import refund_percent_for

pytestmark = pytest.mark.django_db

GUEST = {
    "name": "Siti Rahayu",
    "email": "siti@contoh.id",
    "phone": "+62 812 3456 7890",
    "country": "ID",
    "language": "id",
}


@pytest.fixture(autouse=True)
def no_rate_limit(settings):
    settings.BOOKING_RATE_LIMIT = "0"


@pytest.fixture
def batik() -> TourPage:
    return TourPage.objects.get(locale__language_code="id", slug="kelas-membatik")


@pytest.fixture
def batik_en(batik) -> TourPage:
    return TourPage.objects.get(locale__language_code="en", translation_key=batik.translation_key)


@pytest.fixture
def departure(batik) -> Departure:
    soon = timezone.now() + dt.timedelta(days=6)
    return (
        Departure.objects.filter(tour=batik, status=DepartureStatus.OPEN, starts_at__gte=soon)
        .order_by("starts_at")
        .first()
    )


@pytest.fixture
def tiers(batik):
    """(per person Rp 100.000, student from 10 people Rp 75.000)."""
    per_person, student = batik.price_tiers.order_by("price").reverse()
    return per_person, student


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


# Step 1: the calendar on the tour page --------------------------------------------------------


@pytest.mark.parametrize("language", ["id", "en"])
def test_tour_page_offers_the_next_dates_as_links_to_step_two(client, batik, batik_en, language):
    page = batik if language == "id" else batik_en
    response = client.get(page.url)
    html = response.content.decode()
    availability = response.context["availability"]
    first = availability["next_slots"][0].departure
    assert first.tour_id == batik.pk  # English pages show the Indonesian page's departures
    assert 'id="availability"' in html
    assert 'href="#availability"' in html  # the sticky "Book now" jumps to the calendar
    assert url("booking_start", language, departure_id=first.pk) in html
    with translation.override(language):
        assert local_date(first.starts_at) in html
        assert local_time(first.starts_at) in html
        assert batik.cancellation_policy_text() in html
    assert re.search(r'<script src="[^"]*booking\.js" defer>', html)
    assert "wa.me/" in html  # the WhatsApp link stays, for questions


def test_tour_page_puts_prices_before_the_story(client, batik):
    html = client.get(batik.url).content.decode()
    assert html.index('id="prices"') < html.index("tour-story") < html.index('id="availability"')


def test_calendar_month_navigation_without_javascript(client, batik):
    today = timezone.localdate()
    next_month = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    response = client.get(batik.url, {"month": next_month.strftime("%Y-%m")})
    availability = response.context["availability"]
    assert availability["month"] == next_month
    assert availability["prev_month"] is not None
    assert f"?month={today.strftime('%Y-%m')}" in response.content.decode()
    # Days with places link to themselves; choosing one lists its slots.
    day = next(d for week in availability["weeks"] for d in week if d.in_month and d.slots)
    response = client.get(batik.url, {"month": next_month.strftime("%Y-%m"), "day": str(day.date)})
    assert response.context["availability"]["selected"].date == day.date
    # Nonsense or past months fall back to something sensible instead of failing.
    for value in ("2020-01", "bulan-depan", "2026-13", "9999-99"):
        response = client.get(batik.url, {"month": value, "day": "kemarin"})
        assert response.status_code == 200
        assert response.context["availability"]["month"] >= today.replace(day=1)


def test_calendar_fragment_for_javascript(client, batik_en):
    month = timezone.localdate().strftime("%Y-%m")
    response = client.get(url("booking_availability", "en", page_id=batik_en.pk), {"month": month})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and 'class="cal"' in html
    assert "/en/booking/new/" in html
    assert client.get(url("booking_availability", page_id=999999)).status_code == 404


def test_calendar_hides_past_closed_cut_off_and_full_departures(batik):
    now = timezone.now()
    later = Departure.objects.filter(tour=batik, starts_at__gte=now + dt.timedelta(days=3))
    closed, full, few = later.order_by("starts_at")[:3]
    Departure.objects.filter(pk=closed.pk).update(status=DepartureStatus.CLOSED)
    Departure.objects.filter(pk=full.pk).update(capacity=0)
    Departure.objects.filter(pk=few.pk).update(capacity=3)
    shown = {}
    for departure in (closed, full, few):
        month = departure.starts_at.astimezone(JAKARTA).strftime("%Y-%m")
        for week in tour_availability(batik, month=month, now=now)["weeks"]:
            for day in week:
                shown.update({slot.departure.pk: slot for slot in day.slots})
    assert closed.pk not in shown and full.pk not in shown
    assert shown[few.pk].few and shown[few.pk].seats_left == 3
    cutoff = now + dt.timedelta(hours=batik.booking_cutoff_hours)
    assert all(slot.starts_at > cutoff for slot in shown.values())


def test_calendar_opens_on_the_next_month_with_dates(batik):
    """Late on the last evening of a month, nothing is left in it: the next month is shown."""
    first_departure = Departure.objects.filter(tour=batik).order_by("starts_at").first()
    local = first_departure.starts_at.astimezone(JAKARTA)
    next_month = (local.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    last_evening = (next_month - dt.timedelta(days=1)).replace(hour=22, minute=0)
    availability = tour_availability(batik, now=last_evening)
    assert availability["moved"] is True
    assert availability["month"] == next_month.date()
    assert availability["selected"] is not None


# The happy path ---------------------------------------------------------------------------


def test_happy_path_in_indonesian(client, departure, tiers, django_capture_on_commit_callbacks):
    from django.core import mail

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


# Bad input: a clear message, what was typed kept, nothing written --------------------------


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
    assert "7 to 15 digits" in html
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


# The guest's booking: token, manage page, ticket, calendar, cancellation ------------------


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
    manage = "http://testserver" + guest_url("booking_manage", booking)
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
    from django.core import mail

    booking = book(client, departure, tiers, "en", guest={**GUEST, "language": "en"})
    cancel = guest_url("booking_cancel", booking, "en")
    html = client.get(cancel).content.decode()
    percent = refund_percent_for(booking, now=timezone.now())
    assert percent == 100
    assert "100% back (Rp 200,000 of the total)" in html
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
    html = client.get(guest_url("booking_cancel", booking, "en")).content.decode()
    assert "50% back (Rp 100,000 of the total)" in html


def test_unpublished_tours_cannot_be_booked(client, batik, departure, tiers):
    TourPage.objects.filter(pk=batik.pk).update(live=False)
    before = Booking.objects.count()
    start = url("booking_start", departure_id=departure.pk)
    assert client.get(start).status_code == 404
    assert client.post(start, {f"tier_{tiers[0].pk}": "1"}).status_code == 404
    assert Booking.objects.count() == before
