"""Public JSON API v1: tours, departures, bookings; exact shapes, bad input, limits, docs."""

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale

from tours.booking.booking_input import Customer
from tours.models import (
    Booking,
    BookingStatus,
    Departure,
    DepartureStatus,
    PriceTier,
    TourPage,
)
from tours.payments.paying import booking_create

pytestmark = pytest.mark.django_db

JAKARTA = ZoneInfo("Asia/Jakarta")
TOURS = "/api/v1/tours/"
BOOKINGS = "/api/v1/bookings/"


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def tour():
    return TourPage.objects.get(locale__language_code="id", slug="kelas-membatik")


@pytest.fixture
def tiers(tour):
    """(per person Rp 100.000, no minimum; school group Rp 75.000, at least 10)."""
    return tuple(tour.price_tiers.order_by("sort_order"))


def _in_hours(hours: int) -> dt.datetime:
    return (dt.datetime.now(dt.UTC) + dt.timedelta(hours=hours)).replace(microsecond=0)


def _local_day(days: int) -> dt.date:
    return (dt.datetime.now(JAKARTA) + dt.timedelta(days=days)).date()


def make_departure(tour, *, days=5, hour=10, capacity=10, starts_at=None, **fields) -> Departure:
    if starts_at is None:
        starts_at = dt.datetime.combine(_local_day(days), dt.time(hour, 30), tzinfo=JAKARTA)
    return Departure.objects.create(
        tour=tour,
        enterprise_id=tour.business_unit.enterprise_id,
        starts_at=starts_at,
        capacity=capacity,
        **fields,
    )


@pytest.fixture
def departure(tour):
    return make_departure(tour)


def body(departure, tiers, /, **changes) -> dict:
    data = {
        "departure": departure.pk,
        "lines": [{"tier": tiers[0].pk, "quantity": 2}],
        "customer": {
            "name": "Siti Rahayu",
            "email": "siti@contoh.id",
            "phone": "+62 812-3456-7890",
            "country": "ID",
            "language": "id",
        },
        "payment_method": "cash",
    }
    data.update(changes)
    return data


def post(client, url, data, **headers):
    raw = data if isinstance(data, str | bytes) else json.dumps(data)
    return client.post(url, data=raw, content_type="application/json", headers=headers)


def book(departure, tiers, quantity=2) -> Booking:
    booking, _ = booking_create(
        departure_id=departure.pk,
        lines=[(tiers[0].pk, quantity)],
        customer=Customer("Budi", "budi@contoh.id", "+6281234567890", "ID", "en"),
        payment_method="cash",
    )
    return booking


# Tours ----------------------------------------------------------------------------------------


def test_tour_list_shape_and_canonical_ids(client, tour, tiers):
    response = client.get(TOURS)
    assert response.status_code == 200
    data = response.json()
    assert len(data) == TourPage.objects.live().filter(locale__language_code="id").count()
    batik = next(item for item in data if item["slug"] == "kelas-membatik")
    assert set(batik) == {
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
    assert batik["id"] == tour.pk
    assert batik["payment_methods"] == ["bank_transfer", "cash"]  # no Stripe keys here
    assert batik["title"] == "Kelas Membatik"
    assert batik["village"] == "Lipursari"
    assert batik["url"] == "http://testserver" + tour.url
    assert batik["duration_minutes"] == 180
    assert batik["currency"] == "IDR"
    assert batik["price_tiers"] == [
        {"id": tiers[0].pk, "label": "Per orang", "price": 100000},
        {"id": tiers[1].pk, "label": "Pelajar, rombongan sekolah (min. 10 orang)", "price": 75000},
    ]


def test_tour_list_in_english_keeps_indonesian_ids(client, tour, tiers):
    english = tour.get_translation(Locale.objects.get(language_code="en"))
    data = client.get(TOURS, {"lang": "en"}).json()
    batik = next(item for item in data if item["id"] == tour.pk)
    assert batik["title"] == "Batik Class"
    assert batik["url"] == "http://testserver" + english.url
    assert batik["url"].startswith("http://testserver/en/")
    assert [t["id"] for t in batik["price_tiers"]] == [tiers[0].pk, tiers[1].pk]
    assert batik["price_tiers"][0]["label"] == "Per person"
    english_ids = set(
        TourPage.objects.filter(locale__language_code="en").values_list("pk", flat=True)
    )
    assert not {item["id"] for item in data} & english_ids


def test_tour_list_falls_back_to_indonesian_without_a_live_translation(client, tour):
    tour.get_translation(Locale.objects.get(language_code="en")).unpublish()
    data = client.get(TOURS, {"lang": "en"}).json()
    batik = next(item for item in data if item["id"] == tour.pk)
    assert batik["title"] == "Kelas Membatik"
    assert batik["url"] == "http://testserver" + tour.url
    assert batik["price_tiers"][0]["label"] == "Per orang"


def test_unpublished_tour_is_not_listed(client, tour):
    tour.unpublish()
    assert tour.pk not in [item["id"] for item in client.get(TOURS).json()]
    assert client.get(f"{TOURS}{tour.pk}/departures/").status_code == 404


def test_tour_list_unknown_language_is_refused(client):
    response = client.get(TOURS, {"lang": "fr"})
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"lang"}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_tour_list_queries_do_not_grow_with_tours(client, tour, lang):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(TOURS, {"lang": lang}).status_code == 200
        return len(queries)

    count()  # fill the caches (site root paths, locales) first
    before = count()
    village = tour.get_parent()
    copy = tour.copy(to=village, update_attrs={"slug": "kelas-membatik-2", "title": "Batik 2"})
    copy.save_revision().publish()
    assert len(client.get(TOURS).json()) == len(client.get(TOURS, {"lang": lang}).json())
    assert count() == before
    assert before <= 12


# Departures -----------------------------------------------------------------------------------


def departures_url(tour) -> str:
    return f"{TOURS}{tour.pk}/departures/"


def test_departures_shape_and_local_times(client, tour, departure):
    day = departure.starts_at.astimezone(JAKARTA).date().isoformat()
    response = client.get(departures_url(tour), {"from": day, "to": day})
    assert response.status_code == 200
    data = response.json()
    ours = next(item for item in data if item["id"] == departure.pk)
    assert ours == {
        "id": departure.pk,
        "starts_at": f"{day}T10:30:00+07:00",
        "capacity": 10,
        "seats_left": 10,
        "status": "open",
    }
    assert all(item["starts_at"].startswith(day) for item in data)
    assert all(item["starts_at"].endswith("+07:00") for item in data)


def test_departures_default_range_is_today_and_thirty_days(client, tour):
    data = client.get(departures_url(tour)).json()
    assert data
    first_day, last_day = _local_day(0), _local_day(30)
    days = [dt.datetime.fromisoformat(item["starts_at"]).date() for item in data]
    assert days == sorted(days)
    assert first_day <= days[0] and days[-1] <= last_day
    assert _local_day(31) not in days


def test_departures_to_date_is_included(client, tour):
    late = make_departure(tour, days=9, hour=23)  # 23:30 local is 16:30 UTC the same day
    day = _local_day(9).isoformat()
    data = client.get(departures_url(tour), {"from": day, "to": day}).json()
    assert late.pk in [item["id"] for item in data]
    before = _local_day(8).isoformat()
    data = client.get(departures_url(tour), {"from": before, "to": before}).json()
    assert late.pk not in [item["id"] for item in data]


def test_departures_seats_left_counts_bookings_and_never_goes_negative(
    client, tour, tiers, departure
):
    book(departure, tiers, quantity=3)
    day = _local_day(5).isoformat()

    def seats_left() -> int:
        data = client.get(departures_url(tour), {"from": day, "to": day}).json()
        return next(item["seats_left"] for item in data if item["id"] == departure.pk)

    assert seats_left() == 7
    Departure.objects.filter(pk=departure.pk).update(capacity=1)  # staff shrank it by hand
    assert seats_left() == 0


def test_departures_status_shows_when_booking_has_closed(client, tour):
    closed = make_departure(tour, days=3, status=DepartureStatus.CLOSED)
    cancelled = make_departure(tour, days=3, hour=11, status=DepartureStatus.CANCELLED)
    past_cutoff = make_departure(tour, starts_at=_in_hours(6))  # batik closes 12 hours before
    statuses = {
        item["id"]: item["status"]
        for item in client.get(
            departures_url(tour), {"from": _local_day(0), "to": _local_day(3)}
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
    ],
)
def test_departures_bad_ranges_are_refused(client, tour, params, field):
    response = client.get(departures_url(tour), params)
    assert response.status_code == 400
    data = response.json()
    assert data["error"] == "invalid"
    assert set(data["errors"]) == {field}
    assert data["errors"][field]


def test_departures_range_of_366_days_is_allowed(client, tour):
    response = client.get(departures_url(tour), {"from": "2026-01-01", "to": "2027-01-02"})
    assert response.status_code == 200


def test_departures_of_unknown_or_translated_tour_are_not_found(client, tour):
    english = tour.get_translation(Locale.objects.get(language_code="en"))
    for tour_id in (999999, english.pk):
        response = client.get(f"{TOURS}{tour_id}/departures/")
        assert response.status_code == 404
        assert response.json()["error"] == "not_found"
    response = client.get(f"{TOURS}batik/departures/")  # not an id at all: a bad field
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"tour_id"}


# Booking --------------------------------------------------------------------------------------


def test_create_cash_booking_is_confirmed(client, departure, tiers):
    response = post(client, BOOKINGS, body(departure, tiers))
    assert response.status_code == 201, response.content
    data = response.json()
    assert set(data) == {
        "reference",
        "token",
        "status",
        "total",
        "currency",
        "hold_expires_at",
        "manage_url",
        "payment_url",
    }
    booking = Booking.objects.get(reference=data["reference"])
    assert data["token"] == booking.token
    assert data["status"] == "confirmed" == booking.status
    assert data["total"] == 200000 == booking.total
    assert data["currency"] == "IDR"
    assert data["hold_expires_at"] is None
    assert data["payment_url"] is None
    assert data["manage_url"].startswith("http://testserver/booking/")
    assert data["manage_url"].endswith(f"?t={booking.token}")
    assert booking.channel == "direct"
    assert booking.customer_phone == "+6281234567890"
    assert [(line.label, line.unit_price, line.quantity) for line in booking.lines.all()] == [
        ("Per orang", 100000, 2)
    ]


def test_create_without_csrf_token(departure, tiers):
    client = Client(enforce_csrf_checks=True)
    assert post(client, BOOKINGS, body(departure, tiers)).status_code == 201


def _customer(**changes) -> dict:
    customer = {
        "name": "Siti Rahayu",
        "email": "siti@contoh.id",
        "phone": "+6281234567890",
        "country": "ID",
        "language": "id",
    }
    customer.update(changes)
    return {key: value for key, value in customer.items() if value is not None}


BAD_BODIES = {
    "zero quantity": (lambda t: {"lines": [{"tier": t[0].pk, "quantity": 0}]}, "lines.0.quantity"),
    "negative quantity": (
        lambda t: {"lines": [{"tier": t[0].pk, "quantity": -2}]},
        "lines.0.quantity",
    ),
    "fractional quantity": (
        lambda t: {"lines": [{"tier": t[0].pk, "quantity": 1.5}]},
        "lines.0.quantity",
    ),
    "quantity as text": (
        lambda t: {"lines": [{"tier": t[0].pk, "quantity": "2"}]},
        "lines.0.quantity",
    ),
    "quantity as boolean": (
        lambda t: {"lines": [{"tier": t[0].pk, "quantity": True}]},
        "lines.0.quantity",
    ),
    "missing quantity": (lambda t: {"lines": [{"tier": t[0].pk}]}, "lines.0.quantity"),
    "second line bad": (
        lambda t: {"lines": [{"tier": t[0].pk, "quantity": 1}, {"tier": t[1].pk, "quantity": -1}]},
        "lines.1.quantity",
    ),
    "below the tier's minimum": (
        lambda t: {"lines": [{"tier": t[1].pk, "quantity": 2}]},
        "lines.0.quantity",
    ),
    "more than a booking takes": (
        lambda t: {"lines": [{"tier": t[0].pk, "quantity": 41}]},
        "lines",
    ),
    "unknown tier": (lambda t: {"lines": [{"tier": 999999, "quantity": 1}]}, "lines.0.tier"),
    "tier of another tour": (
        lambda t: {
            "lines": [
                {
                    "tier": PriceTier.objects.exclude(page_id=t[0].page_id).first().pk,
                    "quantity": 1,
                }
            ]
        },
        "lines.0.tier",
    ),
    "same tier twice": (
        lambda t: {"lines": [{"tier": t[0].pk, "quantity": 1}, {"tier": t[0].pk, "quantity": 1}]},
        "lines.1.tier",
    ),
    "no lines": (lambda t: {"lines": []}, "lines"),
    "lines not a list": (lambda t: {"lines": {"tier": t[0].pk}}, "lines"),
    "unknown payment method": (lambda t: {"payment_method": "bitcoin"}, "payment_method"),
    "empty payment method": (lambda t: {"payment_method": ""}, "payment_method"),
    "unknown departure": (lambda t: {"departure": 999999}, "departure"),
    "departure as text": (lambda t: {"departure": "abc"}, "departure"),
    "missing customer": (lambda t: {"customer": None}, "customer"),
    "missing e-mail": (lambda t: {"customer": _customer(email=None)}, "customer.email"),
    "bad e-mail": (lambda t: {"customer": _customer(email="siti@")}, "customer.email"),
    "overlong e-mail": (
        lambda t: {"customer": _customer(email="a" * 250 + "@contoh.id")},
        "customer.email",
    ),
    "empty name": (lambda t: {"customer": _customer(name="  ")}, "customer.name"),
    "overlong name": (lambda t: {"customer": _customer(name="x" * 121)}, "customer.name"),
    "bad phone": (lambda t: {"customer": _customer(phone="12")}, "customer.phone"),
    "phone as number": (lambda t: {"customer": _customer(phone=62812345678)}, "customer.phone"),
    "phone not in use": (lambda t: {"customer": _customer(phone="+62 0000 000")}, "customer.phone"),
    "bad country": (lambda t: {"customer": _customer(country="id")}, "customer.country"),
    "unknown country": (lambda t: {"customer": _customer(country="XX")}, "customer.country"),
    "unknown language": (lambda t: {"customer": _customer(language="fr")}, "customer.language"),
}


@pytest.mark.parametrize("case", list(BAD_BODIES))
def test_bad_booking_is_refused_and_writes_nothing(client, departure, tiers, case):
    make_changes, field = BAD_BODIES[case]
    data = body(departure, tiers, **make_changes(tiers))
    data = {key: value for key, value in data.items() if value is not None}
    before = Booking.objects.count()
    response = post(client, BOOKINGS, data)
    assert response.status_code == 400, response.content
    result = response.json()
    assert result["error"] == "invalid"
    assert field in result["errors"], result
    assert all(isinstance(text, str) and text for text in result["errors"].values())
    assert Booking.objects.count() == before


@pytest.mark.parametrize(
    "raw", ['{"departure": 1, "lines": [', "not json", b"\xff\xfe", "", "[1, 2]", '"text"']
)
def test_malformed_body_is_refused(client, raw):
    before = Booking.objects.count()
    response = post(client, BOOKINGS, raw)
    assert response.status_code == 400
    assert response.json()["error"] == "invalid"
    assert set(response.json()["errors"]) == {"body"}
    assert Booking.objects.count() == before


def test_past_departure_is_refused(client, tour, tiers):
    started = make_departure(tour, days=-1)
    before = Booking.objects.count()
    response = post(client, BOOKINGS, body(started, tiers))
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"departure"}
    assert Booking.objects.count() == before


@pytest.mark.parametrize(
    "make",
    [
        lambda tour: make_departure(tour, days=4, status=DepartureStatus.CLOSED),
        lambda tour: make_departure(tour, days=4, status=DepartureStatus.CANCELLED),
        lambda tour: make_departure(tour, starts_at=_in_hours(6)),
    ],
    ids=["closed", "cancelled", "past the cut-off"],
)
def test_closed_departure_is_refused(client, tour, tiers, make):
    closed = make(tour)
    before = Booking.objects.count()
    response = post(client, BOOKINGS, body(closed, tiers))
    assert response.status_code == 400
    assert response.json()["error"] == "closed"
    assert response.json()["message"]
    assert Booking.objects.count() == before


def test_sold_out_answers_409_with_the_places_left(client, tour, tiers):
    small = make_departure(tour, capacity=3)
    assert post(client, BOOKINGS, body(small, tiers)).status_code == 201
    before = Booking.objects.count()
    response = post(client, BOOKINGS, body(small, tiers))
    assert response.status_code == 409
    assert response.json()["error"] == "sold_out"
    assert response.json()["seats_left"] == 1
    assert response.json()["message"]
    one = body(small, tiers, lines=[{"tier": tiers[0].pk, "quantity": 1}])
    assert post(client, BOOKINGS, one).status_code == 201
    response = post(client, BOOKINGS, one)
    assert response.status_code == 409
    assert response.json()["seats_left"] == 0
    assert Booking.objects.count() == before + 1


def test_messages_follow_accept_language(client, departure, tiers):
    data = body(departure, tiers, customer=_customer(email=None))
    indonesian = post(client, BOOKINGS, data)
    english = post(client, BOOKINGS, data, accept_language="en-GB,en;q=0.9")
    assert indonesian["Content-Language"] == "id"
    assert english["Content-Language"] == "en"
    assert "Accept-Language" in english["Vary"]
    assert english.json()["errors"]["customer.email"] == "This field is required."
    with translation.override("id"):
        assert indonesian.json()["errors"]["customer.email"] == gettext("This field is required.")
    assert indonesian.json()["errors"]["customer.email"] != "This field is required."
    assert (
        post(client, BOOKINGS, data, accept_language="fr").json()["errors"]
        == (indonesian.json()["errors"])
    )


def test_departure_of_an_unpublished_tour_cannot_be_booked(client, tour, departure, tiers):
    tour.unpublish()
    before = Booking.objects.count()
    response = post(client, BOOKINGS, body(departure, tiers))
    assert response.status_code == 400
    assert Booking.objects.count() == before


# Idempotency ----------------------------------------------------------------------------------


def test_repeated_post_with_the_same_key_returns_the_first_booking(client, departure, tiers):
    before = Booking.objects.count()
    first = post(client, BOOKINGS, body(departure, tiers), idempotency_key="order-42")
    again = post(client, BOOKINGS, body(departure, tiers), idempotency_key="order-42")
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert "Idempotent-Replayed" not in first
    assert again["Idempotent-Replayed"] == "true"
    assert Booking.objects.count() == before + 1
    other = post(client, BOOKINGS, body(departure, tiers), idempotency_key="order-43")
    assert other.json()["reference"] != first.json()["reference"]


def test_same_key_with_another_body_is_refused(client, departure, tiers):
    post(client, BOOKINGS, body(departure, tiers), idempotency_key="order-42")
    before = Booking.objects.count()
    stranger = body(departure, tiers, customer=_customer(name="Someone Else"))
    response = post(client, BOOKINGS, stranger, idempotency_key="order-42")
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"Idempotency-Key"}
    assert "token" not in response.content.decode()
    assert Booking.objects.count() == before


def test_idempotency_key_longer_than_255_is_refused(client, departure, tiers):
    before = Booking.objects.count()
    response = post(client, BOOKINGS, body(departure, tiers), idempotency_key="k" * 256)
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"Idempotency-Key"}
    assert Booking.objects.count() == before
    ok = post(client, BOOKINGS, body(departure, tiers), idempotency_key="k" * 255)
    assert ok.status_code == 201


# Rate limit -----------------------------------------------------------------------------------


def test_posts_are_rate_limited_per_client(client, departure, tiers, settings):
    settings.BOOKING_RATE_LIMIT = "2/m"
    assert post(client, BOOKINGS, "not json").status_code == 400  # bad requests count too
    assert post(client, BOOKINGS, body(departure, tiers)).status_code == 201
    before = Booking.objects.count()
    response = post(client, BOOKINGS, body(departure, tiers))
    assert response.status_code == 429
    assert response.json()["error"] == "rate_limited"
    assert Booking.objects.count() == before
    assert client.get(TOURS).status_code == 200  # reads are not limited
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert post(other, BOOKINGS, body(departure, tiers)).status_code == 201


def test_rate_limit_zero_turns_it_off(client, departure, tiers, settings):
    settings.BOOKING_RATE_LIMIT = "0"
    for _ in range(4):
        assert post(client, BOOKINGS, "not json").status_code == 400


# Reading and cancelling -----------------------------------------------------------------------


def test_booking_detail_with_token(client, departure, tiers):
    booking = book(departure, tiers, quantity=3)
    response = client.get(f"{BOOKINGS}{booking.reference}/", {"token": booking.token})
    assert response.status_code == 200
    local_start = departure.starts_at.astimezone(JAKARTA).isoformat()
    assert response.json() == {
        "reference": booking.reference,
        "status": "confirmed",
        "payment_status": "unpaid",
        "total": 300000,
        "currency": "IDR",
        "seats": 3,
        "departure": {"id": departure.pk, "starts_at": local_start},
        "tour": {"id": departure.tour_id, "title": "Batik Class"},  # the guest's language
        "lines": [{"label": "Per person", "unit_price": 100000, "quantity": 3}],
        "customer": {
            "name": "Budi",
            "email": "budi@contoh.id",
            "phone": "+6281234567890",
            "country": "ID",
            "language": "en",
        },
        "hold_expires_at": None,
        "manage_url": f"http://testserver/en/booking/{booking.reference}/?t={booking.token}",
    }


def test_booking_without_the_right_token_is_not_found(client, departure, tiers):
    booking = book(departure, tiers)
    unknown = client.get(f"{BOOKINGS}XYZ-22222/", {"token": booking.token})
    assert unknown.status_code == 404
    for params in ({}, {"token": ""}, {"token": booking.token[:-1]}, {"token": "ü" * 32}):
        response = client.get(f"{BOOKINGS}{booking.reference}/", params)
        assert response.status_code == 404
        assert response.json() == unknown.json()


def test_cancel_with_token_refunds_by_policy_and_frees_the_places(client, tour, departure, tiers):
    booking = book(departure, tiers, quantity=4)
    url = f"{BOOKINGS}{booking.reference}/cancel/?token={booking.token}"
    response = client.post(url)
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "cancelled"
    assert data["refund_percent"] == 100  # five days ahead: the full refund
    assert data["reference"] == booking.reference
    assert set(data) == {
        *client.get(f"{BOOKINGS}{booking.reference}/", {"token": booking.token}).json(),
        "refund_percent",
        "refund_amount",
    }
    assert data["refund_amount"] == 0  # cash on arrival: nothing was paid, nothing goes back
    day = _local_day(5).isoformat()
    listed = client.get(departures_url(tour), {"from": day, "to": day}).json()
    assert next(item for item in listed if item["id"] == departure.pk)["seats_left"] == 10
    again = client.post(url)
    assert again.status_code == 200
    assert again.json()["refund_percent"] == 100


def test_cancel_late_gives_the_partial_refund(client, tour, tiers):
    soon = make_departure(tour, starts_at=_in_hours(30))
    booking = book(soon, tiers)
    response = client.post(f"{BOOKINGS}{booking.reference}/cancel/?token={booking.token}")
    assert response.status_code == 200
    assert response.json()["refund_percent"] == 50


def test_cancel_needs_the_token(client, departure, tiers):
    booking = book(departure, tiers)
    for query in ("", "?token=", f"?token={booking.token}x"):
        response = client.post(f"{BOOKINGS}{booking.reference}/cancel/{query}")
        assert response.status_code == 404
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED


def test_cancel_not_allowed_answers_409(client, departure, tiers):
    booking = book(departure, tiers)
    Booking.objects.filter(pk=booking.pk).update(status=BookingStatus.COMPLETED)
    response = client.post(f"{BOOKINGS}{booking.reference}/cancel/?token={booking.token}")
    assert response.status_code == 409
    assert response.json()["error"] == "not_allowed"
    assert response.json()["message"]
    booking.refresh_from_db()
    assert booking.status == BookingStatus.COMPLETED


# Schema and docs ------------------------------------------------------------------------------


def test_openapi_schema_lists_every_path(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert set(schema["paths"]) == {
        "/api/v1/tours/",
        "/api/v1/tours/{tour_id}/departures/",
        "/api/v1/bookings/",
        "/api/v1/bookings/{reference}/",
        "/api/v1/bookings/{reference}/cancel/",
    }
    components = schema["components"]["schemas"]
    assert {"TourOut", "DepartureOut", "BookingIn", "BookingCreatedOut", "InvalidOut"} <= set(
        components
    )
    create = schema["paths"]["/api/v1/bookings/"]["post"]
    assert {"201", "400", "409", "429"} <= set(create["responses"])
    assert "422" not in create["responses"]


def test_docs_page_renders_without_inline_script(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui-bundle.js" in html
    policy = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    assert "unsafe" not in policy["script-src"]
    # The settings travel as JSON data; every executable script is a file from our origin.
    for tag in html.split("<script")[1:]:
        opening = tag.split(">", 1)[0]
        assert 'src="/static/' in opening or 'type="application/json"' in opening
    assert client.get("/static/ninja/swagger-ui-init.js").status_code == 200
