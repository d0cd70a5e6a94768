"""Public JSON API v1, the catalogue: tours with their prices in both languages, and their
departures with local times, places left and status; bad ranges and unknown tours refused."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from core.localtime import zone_info
from tests.tours.api_calls import TOURS, book, departures_url, in_hours, local_day, make_departure
from tours.models import Departure, DepartureStatus, TourPage

JAKARTA = zone_info("Asia/Jakarta")

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_rate_limit")]


# Tours ----------------------------------------------------------------------------------------


def test_tour_list_shape_and_canonical_ids(client, batik, tiers):
    response = client.get(TOURS)
    assert response.status_code == 200
    data = response.json()
    assert len(data) == TourPage.objects.live().filter(locale__language_code="id").count()
    entry = next(item for item in data if item["slug"] == "kelas-membatik")
    assert set(entry) == {
        "id",
        "slug",
        "title",
        "village",
        "url",
        "duration_minutes",
        "currency",
        "payment_methods",
        "price_tiers",
    }
    assert entry["id"] == batik.pk
    assert entry["payment_methods"] == ["bank_transfer", "cash"]  # no Stripe keys here
    assert entry["title"] == "Kelas Membatik"
    assert entry["village"] == "Lipursari"
    assert entry["url"] == batik.full_url  # on the site's own address
    assert entry["duration_minutes"] == 180
    assert entry["currency"] == "IDR"
    assert entry["price_tiers"] == [
        {"id": tiers[0].pk, "label": "Per orang", "price": 100000},
        {"id": tiers[1].pk, "label": "Pelajar, rombongan sekolah (min. 10 orang)", "price": 75000},
    ]


def test_tour_list_in_english_keeps_indonesian_ids(client, batik, tiers):
    english = batik.get_translation(Locale.objects.get(language_code="en"))
    data = client.get(TOURS, {"lang": "en"}).json()
    entry = next(item for item in data if item["id"] == batik.pk)
    assert entry["title"] == "Batik Class"
    assert entry["url"] == english.full_url
    assert "/en/" in entry["url"]
    assert [t["id"] for t in entry["price_tiers"]] == [tiers[0].pk, tiers[1].pk]
    assert entry["price_tiers"][0]["label"] == "Per person"
    english_ids = set(
        TourPage.objects.filter(locale__language_code="en").values_list("pk", flat=True)
    )
    assert not {item["id"] for item in data} & english_ids


def test_tour_list_falls_back_to_indonesian_without_a_live_translation(client, batik):
    batik.get_translation(Locale.objects.get(language_code="en")).unpublish()
    data = client.get(TOURS, {"lang": "en"}).json()
    entry = next(item for item in data if item["id"] == batik.pk)
    assert entry["title"] == "Kelas Membatik"
    assert entry["url"] == batik.full_url
    assert entry["price_tiers"][0]["label"] == "Per orang"


def test_unpublished_tour_is_not_listed(client, batik):
    batik.unpublish()
    listed = client.get(TOURS).json()
    assert listed and batik.pk not in [item["id"] for item in listed]
    response = client.get(f"{TOURS}{batik.pk}/departures/")
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


def test_tour_list_unknown_language_is_refused(client):
    response = client.get(TOURS, {"lang": "fr"})
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"lang"}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_tour_list_queries_do_not_grow_with_tours(client, batik, lang):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(TOURS, {"lang": lang}).status_code == 200
        return len(queries)

    count()  # fill the caches (site root paths, locales) first
    before = count()
    village = batik.get_parent()
    copy = batik.copy(to=village, update_attrs={"slug": "kelas-membatik-2", "title": "Batik 2"})
    copy.save_revision().publish()
    assert len(client.get(TOURS).json()) == len(client.get(TOURS, {"lang": lang}).json())
    assert count() == before
    assert before <= 12


# Departures -----------------------------------------------------------------------------------


def test_departures_shape_and_local_times(client, batik, fresh_departure):
    day = fresh_departure.starts_at.astimezone(JAKARTA).date().isoformat()
    response = client.get(departures_url(batik), {"from": day, "to": day})
    assert response.status_code == 200
    data = response.json()
    ours = next(item for item in data if item["id"] == fresh_departure.pk)
    assert ours == {
        "id": fresh_departure.pk,
        "starts_at": f"{day}T10:30:00+07:00",
        "capacity": 10,
        "seats_left": 10,
        "status": "open",
    }
    assert all(item["starts_at"].startswith(day) for item in data)
    assert all(item["starts_at"].endswith("+07:00") for item in data)


def test_departures_default_range_is_today_and_thirty_days(client, batik):
    data = client.get(departures_url(batik)).json()
    assert data
    first_day, last_day = local_day(0), local_day(30)
    days = [dt.datetime.fromisoformat(item["starts_at"]).date() for item in data]
    assert days == sorted(days)
    assert first_day <= days[0] and days[-1] <= last_day
    assert local_day(31) not in days


def test_departures_to_date_is_included(client, batik):
    late = make_departure(batik, days=9, hour=23)  # 23:30 local is 16:30 UTC the same day
    day = local_day(9).isoformat()
    data = client.get(departures_url(batik), {"from": day, "to": day}).json()
    assert late.pk in [item["id"] for item in data]
    before = local_day(8).isoformat()
    data = client.get(departures_url(batik), {"from": before, "to": before}).json()
    assert late.pk not in [item["id"] for item in data]


def test_departures_seats_left_counts_bookings_and_never_goes_negative(
    client, batik, tiers, fresh_departure
):
    book(fresh_departure, tiers, quantity=3)
    day = local_day(5).isoformat()

    def seats_left() -> int:
        data = client.get(departures_url(batik), {"from": day, "to": day}).json()
        return next(item["seats_left"] for item in data if item["id"] == fresh_departure.pk)

    assert seats_left() == 7
    Departure.objects.filter(pk=fresh_departure.pk).update(capacity=1)  # staff shrank it by hand
    assert seats_left() == 0


def test_departures_status_shows_when_booking_has_closed(client, batik):
    closed = make_departure(batik, days=3, status=DepartureStatus.CLOSED)
    cancelled = make_departure(batik, days=3, hour=11, status=DepartureStatus.CANCELLED)
    past_cutoff = make_departure(batik, starts_at=in_hours(6))  # batik closes 12 hours before
    statuses = {
        item["id"]: item["status"]
        for item in client.get(
            departures_url(batik), {"from": local_day(0), "to": local_day(3)}
        ).json()
    }
    assert statuses[past_cutoff.pk] == "closed"
    assert statuses[closed.pk] == "closed"
    assert statuses[cancelled.pk] == "cancelled"


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"from": "2026-02-10", "to": "2026-02-09"}, "to"),
        ({"from": "2026-01-01", "to": "2027-01-03"}, "to"),
        ({"from": "2026-13-01"}, "from"),
        ({"to": "tomorrow"}, "to"),
        # Out of range, or not written YYYY-MM-DD: 400, never a 500 or a timestamp read as a date.
        ({"from": "9999-12-31"}, "from"),
        ({"from": "9999-12-31", "to": "2026-01-01"}, "from"),
        ({"to": "9999-12-31"}, "to"),
        ({"from": "0001-01-01"}, "from"),
        ({"from": "1999-12-31"}, "from"),
        ({"from": "2100-01-01"}, "from"),
        ({"from": "0"}, "from"),
        ({"from": "1767225600"}, "from"),
        ({"from": "2026-1-5"}, "from"),
        ({"from": "2026-02-30"}, "from"),
    ],
)
def test_departures_bad_ranges_are_refused(batik, params, field):
    response = Client(raise_request_exception=False).get(departures_url(batik), params)
    assert response.status_code == 400
    data = response.json()
    assert data["error"] == "invalid"
    assert set(data["errors"]) == {field}
    assert data["errors"][field]


def test_departures_at_the_edges_of_the_years_are_answered(client, batik):
    for params in ({"from": "2000-01-01"}, {"from": "2099-12-31", "to": "2099-12-31"}):
        assert client.get(departures_url(batik), params).status_code == 200


def test_departures_range_of_366_days_is_allowed(client, batik, fresh_departure):
    last = make_departure(batik, days=366, hour=8)
    beyond = make_departure(batik, days=367, hour=8)
    first_day, last_day = local_day(0), local_day(366)
    response = client.get(departures_url(batik), {"from": first_day, "to": last_day})
    assert response.status_code == 200
    data = response.json()
    ids = [item["id"] for item in data]
    assert fresh_departure.pk in ids and last.pk in ids and beyond.pk not in ids
    days = {dt.datetime.fromisoformat(item["starts_at"]).date() for item in data}
    assert min(days) >= first_day and max(days) == last_day


def test_departures_of_unknown_or_translated_tour_are_not_found(client, batik):
    english = batik.get_translation(Locale.objects.get(language_code="en"))
    for tour_id in (999999, english.pk):
        response = client.get(f"{TOURS}{tour_id}/departures/")
        assert response.status_code == 404
        assert response.json()["error"] == "not_found"
    response = client.get(f"{TOURS}batik/departures/")  # not an id at all: a bad field
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"tour_id"}
