"""The check-in page: a typed or scanned reference, a green OK or a red reason, and invariant 6
(another BUMDes's booking is answered exactly like an unknown one)."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.admin_screens import english, refused
from tests.tours.staff_screens import (
    book,
    departure_ahead,
    departure_today,
    plain_tier,
    tour_of,
)
from tours.booking.tickets import manage_url

pytestmark = pytest.mark.django_db

URL = "/admin/check-in/"


@pytest.fixture
def operator(client, login):
    english("plobangan-operator")
    login("plobangan-operator")
    return client


@pytest.fixture
def today():
    """A Plobangan booking for later today with two guests who show an ID and one who does not."""
    tour = tour_of("plobangan", with_id_tier=True)
    lines = [
        (plain_tier(tour, requires_id=True).pk, 2),
        (plain_tier(tour, requires_id=False).pk, 1),
    ]
    return book(departure_today(tour), name="Sri Wahyuni", lines=lines)


def test_the_page_renders_for_phones_without_javascript(operator):
    response = operator.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'method="post"' in html and 'name="code"' in html
    assert "tours/admin/staff.js" in html
    assert "data-desa-scan hidden" in html  # the camera button shows only where it can work
    assert "<script>" not in html.split("</head>")[1]  # no inline script under the CSP


def test_check_in_by_reference_answers_ok_with_guests_and_ids(operator, today):
    response = operator.post(URL, {"code": today.reference.lower()})
    html = response.content.decode()
    assert response.status_code == 200
    assert "desa-result--ok" in html
    assert "OK — 3 guests" in html
    assert "Sri Wahyuni" in html
    id_line = today.lines.get(requires_id=True)
    assert f"Show ID: 2 × {id_line.label}" in html
    assert "collect" in html  # cash on arrival, not paid yet
    today.refresh_from_db()
    assert today.checked_in_at is not None
    assert today.checked_in_by.username == "plobangan-operator"


@pytest.mark.parametrize("typed", ["{prefix}{code}", "{PREFIX} {CODE}", "{prefix} - {code}"])
def test_a_reference_typed_without_its_dash_is_read(operator, today, typed):
    prefix, code = today.reference.split("-")
    typed = typed.format(prefix=prefix.lower(), code=code.lower(), PREFIX=prefix, CODE=code)
    html = operator.post(URL, {"code": typed}).content.decode()
    assert "desa-result--ok" in html
    today.refresh_from_db()
    assert today.checked_in_at is not None


def test_a_second_check_in_is_refused_with_the_first_time(operator, today):
    operator.post(URL, {"code": today.reference})
    first = today.__class__.objects.get(pk=today.pk).checked_in_at
    html = operator.post(URL, {"code": today.reference}).content.decode()
    assert "desa-result--refused" in html
    assert "Already checked in on" in html
    assert timezone.localtime(first).strftime("%H:%M") in html
    today.refresh_from_db()
    assert today.checked_in_at == first


def test_a_scanned_ticket_link_is_read(operator, today):
    html = operator.post(URL, {"code": manage_url(today)}).content.decode()
    assert "desa-result--ok" in html
    today.refresh_from_db()
    assert today.checked_in_at is not None


def test_a_ticket_for_another_day_is_refused(operator):
    booking = book(departure_ahead(tour_of("plobangan"), days=2))
    html = operator.post(URL, {"code": booking.reference}).content.decode()
    assert "desa-result--refused" in html
    assert "This ticket is for another day." in html
    booking.refresh_from_db()
    assert booking.checked_in_at is None


def test_unknown_and_malformed_references(operator):
    html = operator.post(URL, {"code": "PLB-22222"}).content.decode()
    assert 'No booking <span class="desa-nowrap">PLB-22222</span> found.' in html
    html = operator.post(URL, {"code": "hello"}).content.decode()
    assert "is not a booking reference" in html
    html = operator.post(URL, {"code": ""}).content.decode()
    assert "desa-result--refused" in html


def test_another_bumdes_booking_is_answered_like_an_unknown_one(operator):
    other = book(departure_today(tour_of("lipursari")), name="Rahasia")
    html = operator.post(URL, {"code": other.reference}).content.decode()
    assert f'No booking <span class="desa-nowrap">{other.reference}</span> found.' in html
    assert "Rahasia" not in html
    other.refresh_from_db()
    assert other.checked_in_at is None


def test_a_cancelled_booking_is_refused(operator, today):
    today.status = "cancelled"
    today.save()
    html = operator.post(URL, {"code": today.reference}).content.decode()
    assert "desa-result--refused" in html and "cannot be checked in" in html


def test_todays_departures_are_listed_with_counts(operator, today):
    html = operator.get(URL).content.decode()
    assert f"/admin/departures/manifest/{today.departure_id}/" in html
    assert "3 of 20 places booked · 0 checked in" in html
    operator.post(URL, {"code": today.reference})
    html = operator.get(URL).content.decode()
    assert "3 of 20 places booked · 3 checked in" in html


def test_only_staff_who_change_bookings_check_in(client, login, today):
    for username in ("plobangan-treasurer", "plobangan-editor"):
        login(username)
        assert refused(client.get(URL)), username
        assert refused(client.post(URL, {"code": today.reference})), username
    today.refresh_from_db()
    assert today.checked_in_at is None


def test_superuser_checks_in_any_bumdes(client, login, today):
    login("admin")
    client.post(URL, {"code": today.reference})
    today.refresh_from_db()
    assert today.checked_in_at is not None
    assert today.checked_in_at <= timezone.now() + dt.timedelta(seconds=1)
