"""Step 1 of the public booking flow: the tour page offers the next dates and a month view
(plain links that work without JavaScript, a fragment for the script), never a date that cannot
be booked."""

import datetime as dt
import re

import pytest
from django.utils import timezone, translation

from core.formats import local_date, local_time
from core.localtime import zone_info
from tests.tours.guest_flow import url
from tours.models import Departure, DepartureStatus
from tours.models.calendar import tour_availability

JAKARTA = zone_info("Asia/Jakarta")

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit")]


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
