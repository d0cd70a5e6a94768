"""Invariant 6 on the staff screens for departures: list, edit, cancel, extra slot, manifests,
today's dashboard panel, and the guard that keeps experiences with departures from deletion."""

import csv
import datetime as dt
import io

import pytest
from django.utils import timezone

from core.localtime import zone_info
from tests.admin_screens import english, field_errors, refused
from tests.tours.staff_screens import (
    book,
    departure_ahead,
    departure_today,
    plain_tier,
    tour_of,
)
from tours.models import Booking, Departure, TourPage, VillagePage

JAKARTA = zone_info("Asia/Jakarta")

pytestmark = pytest.mark.django_db

LIST = "/admin/departures/"


def edit_url(departure: Departure) -> str:
    return f"/admin/departures/edit/{departure.pk}/"


def manifest_url(departure: Departure) -> str:
    return f"/admin/departures/manifest/{departure.pk}/"


@pytest.fixture
def own():
    return departure_ahead(tour_of("lipursari"))


@pytest.fixture
def other():
    return departure_ahead(tour_of("plobangan"))


# The list ---------------------------------------------------------------------------------------


def test_list_shows_own_departures_with_counts(client, login, own, other):
    book(own, people=3)
    login("lipursari-operator")
    day = timezone.localtime(own.starts_at, JAKARTA).date().isoformat()
    response = client.get(LIST, {"date_from": day, "date_to": day})
    html = response.content.decode()
    assert response.status_code == 200
    assert edit_url(own) in html and manifest_url(own) in html
    assert "3 / 20" in html
    assert edit_url(other) not in html and manifest_url(other) not in html


def test_list_starts_today_and_filters_by_tour_and_status(client, login, own):
    login("lipursari-operator")
    past = Departure.objects.filter(enterprise__slug="lipursari", starts_at__lt=timezone.now())
    html = client.get(LIST, {"tour": own.tour_id}).content.decode()
    assert edit_url(own) in html
    for departure in past[:3]:
        assert edit_url(departure) not in html
    html = client.get(LIST, {"tour": own.tour_id, "status": "closed"}).content.decode()
    assert edit_url(own) not in html


def test_another_bumdes_tour_is_not_offered_as_a_filter(client, login, other):
    login("lipursari-operator")
    html = client.get(LIST).content.decode()
    assert tour_of("plobangan").title not in html
    html = client.get(LIST, {"tour": other.tour_id, "period": "all"}).content.decode()
    assert edit_url(other) not in html


def test_treasurer_sees_departures_read_only(client, login, own):
    book(own, people=3, name="Ani Wulandari")
    login("lipursari-treasurer")
    day = timezone.localtime(own.starts_at, JAKARTA).date().isoformat()
    html = client.get(LIST, {"date_from": day, "date_to": day}).content.decode()
    assert manifest_url(own) in html and edit_url(own) not in html
    assert refused(client.get(edit_url(own)))
    assert refused(client.post(edit_url(own), {"action": "close"}))
    assert refused(client.get("/admin/departures/new/"))
    response = client.get(manifest_url(own))
    assert response.status_code == 200
    html = response.content.decode()
    assert own.tour.title in html and "Ani Wulandari" in html
    assert own.bookings.get().reference in html
    own.refresh_from_db()
    assert own.status == "open"


def test_editors_cannot_reach_the_departure_screens(client, login, own):
    login("lipursari-editor")
    for url in (LIST, edit_url(own), manifest_url(own), "/admin/departures/new/"):
        assert refused(client.get(url)), url


# One departure ----------------------------------------------------------------------------------


def test_another_bumdes_departure_is_not_found_anywhere(client, login, other):
    book(other)
    login("lipursari-operator")
    for url in (edit_url(other), manifest_url(other), f"/admin/departures/cancel/{other.pk}/"):
        assert client.get(url).status_code == 404, url
    assert client.get(manifest_url(other), {"export": "csv"}).status_code == 404
    assert client.post(edit_url(other), {"action": "capacity", "capacity": 1}).status_code == 404
    assert client.post(edit_url(other), {"action": "close"}).status_code == 404
    response = client.post(f"/admin/departures/cancel/{other.pk}/", {"reason": "hacked"})
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.status == "open" and other.capacity == 20
    assert other.bookings.get().status == "confirmed"


def test_capacity_changes_but_never_below_the_places_taken(client, login, own):
    book(own, people=4)
    english("lipursari-operator")
    login("lipursari-operator")
    html = client.get(edit_url(own)).content.decode()
    assert own.tour.title in html and 'name="capacity" value="20"' in html
    assert "Never fewer than the places already booked." in html
    client.post(edit_url(own), {"action": "capacity", "capacity": 12})
    own.refresh_from_db()
    assert own.capacity == 12
    response = client.post(edit_url(own), {"action": "capacity", "capacity": 3})
    html = response.content.decode()
    assert response.status_code == 200
    assert "At least 4 places are already taken" in html
    own.refresh_from_db()
    assert own.capacity == 12


def test_close_and_reopen(client, login, own):
    login("lipursari-operator")
    client.post(edit_url(own), {"action": "close"})
    own.refresh_from_db()
    assert own.status == "closed"
    client.post(edit_url(own), {"action": "open"})
    own.refresh_from_db()
    assert own.status == "open"


def test_cancel_a_departure_cancels_its_bookings_with_full_refund(client, login, own):
    first, second = book(own), book(own, name="Ani")
    english("lipursari-operator")
    login("lipursari-operator")
    html = client.get(f"/admin/departures/cancel/{own.pk}/").content.decode()
    assert own.tour.title in html
    assert "2 bookings will be cancelled with a full refund" in html
    response = client.post(f"/admin/departures/cancel/{own.pk}/", {"reason": ""})
    assert field_errors(response) == {"reason": "This field is required."}
    own.refresh_from_db()
    assert own.status == "open"
    response = client.post(f"/admin/departures/cancel/{own.pk}/", {"reason": "Upacara adat"})
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.status == "cancelled" and own.note == "Upacara adat"
    for booking in (first, second):
        booking.refresh_from_db()
        assert booking.status == "cancelled" and booking.refund_percent == 100
    # A cancelled departure does not open again.
    client.post(edit_url(own), {"action": "open"})
    own.refresh_from_db()
    assert own.status == "cancelled"


def test_extra_slot_for_own_tour(client, login):
    tour = tour_of("lipursari")
    english("lipursari-operator")
    login("lipursari-operator")
    html = client.get("/admin/departures/new/").content.decode()
    assert f'<option value="{tour.pk}">{tour.title}</option>' in html
    day = timezone.localtime(timezone.now(), JAKARTA).date() + dt.timedelta(days=5)
    data = {"tour": tour.pk, "date": day.isoformat(), "time": "16:45", "capacity": 8}
    response = client.post("/admin/departures/new/", data)
    departure = Departure.objects.get(tour=tour, starts_at__date=day, capacity=8, is_extra=True)
    assert response.status_code == 302 and response["Location"] == edit_url(departure)
    assert timezone.localtime(departure.starts_at, JAKARTA).time() == dt.time(16, 45)
    # The same time again is refused with the service's message.
    response = client.post("/admin/departures/new/", data)
    assert field_errors(response) == {"time": "There is already a departure at this time."}
    assert Departure.objects.filter(tour=tour, starts_at=departure.starts_at).count() == 1


def test_extra_slot_for_another_bumdes_tour_is_refused(client, login):
    tour = tour_of("plobangan")
    login("lipursari-operator")
    html = client.get("/admin/departures/new/").content.decode()
    assert tour.title not in html
    day = timezone.localtime(timezone.now(), JAKARTA).date() + dt.timedelta(days=5)
    data = {"tour": tour.pk, "date": day.isoformat(), "time": "16:45", "capacity": 8}
    english("lipursari-operator")
    response = client.post("/admin/departures/new/", data)
    assert field_errors(response) == {
        "tour": "Select a valid choice. That choice is not one of the available choices."
    }
    assert not Departure.objects.filter(tour=tour, is_extra=True, capacity=8).exists()


def test_extra_slot_offers_only_default_language_tours(client, login):
    login("lipursari-operator")
    html = client.get("/admin/departures/new/").content.decode()
    english_tour = TourPage.objects.get(
        translation_key=tour_of("lipursari").translation_key, locale__language_code="en"
    )
    assert f'value="{english_tour.pk}"' not in html
    assert f'value="{tour_of("lipursari").pk}"' in html


# Manifests --------------------------------------------------------------------------------------


def test_manifest_lists_who_comes(client, login):
    tour = tour_of("plobangan", with_id_tier=True)
    departure = departure_ahead(tour)
    id_tier = plain_tier(tour, requires_id=True)
    booking = book(departure, name="Wulan", lines=[(id_tier.pk, 2)])
    cancelled = book(departure, name="Tidak Datang")
    cancelled.status = "cancelled"
    cancelled.save()
    login("plobangan-operator")
    response = client.get(manifest_url(departure))
    html = response.content.decode()
    assert response.status_code == 200
    assert booking.reference in html and "Wulan" in html and booking.customer_phone in html
    assert f"2 × {id_tier.label}" in html and "desa-id" in html
    assert "Tidak Datang" not in html
    assert "@page" not in html  # print rules live in the static stylesheet


def test_manifest_csv_download(client, login):
    departure = departure_ahead(tour_of("lipursari"))
    booking = book(departure, name="Dewi")
    login("lipursari-operator")
    response = client.get(manifest_url(departure), {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][3] == booking.reference and rows[1][4] == "Dewi"


def test_day_manifest_is_scoped(client, login):
    own = departure_ahead(tour_of("lipursari"), days=8)
    other = departure_ahead(tour_of("plobangan"), days=8)
    mine, theirs = book(own, name="Milik Kami"), book(other, name="Milik Mereka")
    login("lipursari-operator")
    day = timezone.localtime(own.starts_at, JAKARTA).date().isoformat()
    html = client.get("/admin/departures/manifest/day/", {"date": day}).content.decode()
    assert mine.reference in html and theirs.reference not in html
    response = client.get("/admin/departures/manifest/day/", {"date": day, "export": "csv"})
    text = response.content.decode("utf-8-sig")
    assert mine.reference in text and theirs.reference not in text


# Dashboard --------------------------------------------------------------------------------------


def test_dashboard_shows_todays_departures_of_own_bumdes(client, login):
    own = departure_today(tour_of("lipursari"))
    other = departure_today(tour_of("plobangan"))
    book(own, people=2)
    login("lipursari-operator")
    html = client.get("/admin/").content.decode()
    assert 'id="desa-today-section"' in html
    assert manifest_url(own) in html and manifest_url(other) not in html
    assert "/admin/check-in/" in html
    login("lipursari-editor")
    html = client.get("/admin/").content.decode()
    assert 'id="desa-today-section"' not in html


# Deleting pages ---------------------------------------------------------------------------------


def test_tour_pages_with_departures_cannot_be_deleted(client, login, own):
    book(own)
    english("admin")
    login("admin")
    tour = own.tour
    assert client.get(f"/admin/pages/{tour.pk}/delete/").status_code == 302
    response = client.post(f"/admin/pages/{tour.pk}/delete/", follow=True)
    assert TourPage.objects.filter(pk=tour.pk).exists()
    assert "cannot be deleted" in response.content.decode()
    village = VillagePage.objects.get(pk=tour.get_parent().pk)
    client.post(f"/admin/pages/{village.pk}/delete/")
    assert VillagePage.objects.filter(pk=village.pk).exists()
    assert Booking.objects.filter(departure=own).exists()


def test_list_counts_come_from_one_query_whatever_the_number_of_rows(
    client, login, django_assert_max_num_queries
):
    login("lipursari-operator")
    client.get(LIST)  # warm the caches (permissions, site, content types)
    for _ in range(3):
        book(departure_ahead(tour_of("lipursari")))
    with django_assert_max_num_queries(25):
        response = client.get(LIST, {"period": "all"})
    assert response.status_code == 200
    assert response.content.decode().count("/admin/departures/manifest/") >= 40
