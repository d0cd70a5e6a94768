"""A NUL character (U+0000) anywhere in a request is refused with 400 before any view runs, and
nothing is written: PostgreSQL cannot keep NUL in text, and each of these answered 500 or reached
the database. Forms, pages and the API alike; under /api/ the answer is the API's JSON."""

import json

import pytest
from django.test import Client

from tests.tours.api_calls import BOOKINGS, customer_data
from tests.tours.guest_flow import GUEST, booking_from, guest_url, hold
from tests.tours.staff_screens import departure_ahead, tour_of
from tests.tours.test_admin_staff_booking import staff_form
from tours.models import Booking

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit")]


def quiet_client() -> Client:
    return Client(raise_request_exception=False)


def api_body(departure, tier, **customer) -> str:
    return json.dumps(
        {
            "departure": departure.pk,
            "lines": [{"tier": tier.pk, "quantity": 1}],
            "customer": customer_data(**customer),
            "payment_method": "cash",
        }
    )


@pytest.mark.parametrize(
    ("customer", "field"),
    [
        ({"name": "Siti\x00"}, "customer.name"),
        ({"email": "siti\x00@contoh.id"}, "customer.email"),
        ({"phone": "0812\x003456 7890"}, "customer.phone"),
    ],
)
def test_a_nul_in_a_booking_of_the_api_is_refused_and_nothing_written(
    fresh_departure, tiers, customer, field
):
    before = Booking.objects.count()
    response = quiet_client().post(
        BOOKINGS, api_body(fresh_departure, tiers[0], **customer), content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json() == {
        "error": "invalid",
        "errors": {field: "Ini tidak boleh memuat karakter NUL (U+0000)."},
    }
    assert Booking.objects.count() == before


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/v1/bookings/ABC%00/", "path"),
        ("/api/v1/bookings/ABC/?token=x%00", "token"),
        ("/api/v1/tours/?lang=%00", "lang"),
    ],
)
def test_a_nul_in_an_api_address_is_refused_as_json(url, field):
    response = quiet_client().get(url)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert list(response.json()["errors"]) == [field]


@pytest.mark.parametrize("url", ["/search/?q=batik%00", "/en/search/?q=%00"])
def test_a_nul_in_a_page_address_is_refused(url):
    assert quiet_client().get(url).status_code == 400


def test_a_nul_in_a_cookie_is_refused():
    client = quiet_client()
    client.cookies["sessionid"] = "abc\x00def"
    assert client.get("/").status_code == 400


def test_a_nul_in_the_public_booking_form_writes_nothing(client, departure, tiers):
    booking = booking_from(hold(client, departure, {tiers[0]: 2}))
    response = quiet_client().post(
        guest_url("booking_details", booking), {**GUEST, "name": "Siti\x00"}
    )
    assert response.status_code == 400
    booking.refresh_from_db()
    assert booking.customer_name == ""


def test_a_nul_in_a_walk_in_booking_writes_nothing(login):
    departure = departure_ahead(tour_of("lipursari"), days=3)
    client = quiet_client()
    client.force_login(login("lipursari-operator"))
    response = client.post(
        f"/admin/bookings/new/{departure.pk}/", staff_form(departure, name="Pak\x00Joko")
    )
    assert response.status_code == 400
    assert not Booking.objects.filter(departure=departure).exists()


def test_text_without_nul_passes(fresh_departure, tiers):
    response = quiet_client().post(
        BOOKINGS,
        api_body(fresh_departure, tiers[0], name="Siti Ø"),
        content_type="application/json",
    )
    assert response.status_code == 201
