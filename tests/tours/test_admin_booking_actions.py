"""Invariant 6 on a booking's page in the admin and its actions (cancel, no-show, check-in):
another BUMDes's booking is a 404 on every URL, bookings are never edited or deleted, treasurers
only read and editors cannot reach them."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.admin_screens import english, field_errors, refused
from tests.tours.staff_screens import (
    LIST,
    book,
    departure_ahead,
    departure_at,
    departure_today,
    inspect_url,
    tour_of,
)
from tours.models import Booking

pytestmark = pytest.mark.django_db


def test_detail_shows_lines_customer_departure_and_history(client, login, own_booking):
    english("lipursari-operator")
    login("lipursari-operator")
    response = client.get(inspect_url(own_booking))
    html = response.content.decode()
    assert response.status_code == 200
    assert own_booking.reference in html and "Dewi Lestari" in html and "+6281234567890" in html
    assert own_booking.lines.get().label in html
    assert own_booking.departure.tour.title in html
    assert "Places held" in html and "Confirmed" in html  # the history
    assert f"/admin/bookings/cancel/{own_booking.pk}/" in html
    assert "Delete" not in html


def test_detail_names_the_guests_country_in_the_admins_language(client, login, own_booking):
    Booking.objects.filter(pk=own_booking.pk).update(customer_country="NL")
    login("lipursari-operator")
    html = client.get(inspect_url(own_booking)).content.decode()
    assert "<dt>Negara</dt><dd>Belanda</dd>" in html


def test_another_bumdes_booking_is_not_found_anywhere(client, login, other_booking):
    login("lipursari-operator")
    assert client.get(inspect_url(other_booking)).status_code == 404
    for action in ("check-in", "no-show", "cancel"):
        response = client.post(f"/admin/bookings/{action}/{other_booking.pk}/", {"reason": "x"})
        assert response.status_code == 404, action
    assert client.get(f"/admin/bookings/cancel/{other_booking.pk}/").status_code == 404
    other_booking.refresh_from_db()
    assert other_booking.status == "confirmed" and other_booking.checked_in_at is None


def test_bookings_are_never_edited_or_deleted_through_the_admin(client, login, own_booking):
    login("admin")
    for url in (
        f"/admin/bookings/edit/{own_booking.pk}/",
        f"/admin/bookings/delete/{own_booking.pk}/",
    ):
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
    assert Booking.objects.filter(pk=own_booking.pk).exists()


def test_cancel_follows_the_policy_by_default(client, login, own_booking):
    english("lipursari-operator")
    login("lipursari-operator")
    response = client.get(f"/admin/bookings/cancel/{own_booking.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"Cancel booking: {own_booking.reference}" in html
    assert "Dewi Lestari · 2 guests · Rp 200,000" in html
    # Cash on arrival: the policy's 100% of what was paid is nothing at all.
    assert "100% (Rp 0): as the cancellation policy says" in html
    assert "Nothing was paid, so nothing goes back." in html
    response = client.post(
        f"/admin/bookings/cancel/{own_booking.pk}/", {"reason": "Tamu sakit", "refund": "policy"}
    )
    assert response.status_code == 302
    own_booking.refresh_from_db()
    assert own_booking.status == "cancelled"
    assert own_booking.refund_percent == 100  # six days ahead: full refund under the demo policy
    event = own_booking.events.get(kind="cancelled")
    assert event.note == "Tamu sakit" and event.user.username == "lipursari-operator"


def test_cancel_with_village_cancelling_gives_everything_back(client, login):
    login("lipursari-operator")
    booking = book(departure_ahead(tour_of("lipursari"), days=1))
    client.post(
        f"/admin/bookings/cancel/{booking.pk}/", {"reason": "Hujan deras", "refund": "full"}
    )
    booking.refresh_from_db()
    assert booking.status == "cancelled" and booking.refund_percent == 100


def test_cancel_needs_a_reason(client, login, own_booking):
    login("lipursari-operator")
    english("lipursari-operator")
    response = client.post(
        f"/admin/bookings/cancel/{own_booking.pk}/", {"reason": "", "refund": "policy"}
    )
    assert field_errors(response) == {"reason": "This field is required."}
    own_booking.refresh_from_db()
    assert own_booking.status == "confirmed"


def test_no_show_only_after_the_start(client, login, own_booking):
    english("lipursari-operator")
    login("lipursari-operator")
    response = client.post(f"/admin/bookings/no-show/{own_booking.pk}/", follow=True)
    own_booking.refresh_from_db()
    assert own_booking.status == "confirmed"
    assert "once the departure started" in response.content.decode()

    started = departure_at(tour_of("lipursari"), timezone.now() - dt.timedelta(hours=2))
    booking = book(started)
    client.post(f"/admin/bookings/no-show/{booking.pk}/")
    booking.refresh_from_db()
    assert booking.status == "no_show"


def test_check_in_from_the_detail_page(client, login):
    login("lipursari-operator")
    booking = book(departure_today(tour_of("lipursari")))
    html = client.get(inspect_url(booking)).content.decode()
    assert f"/admin/bookings/check-in/{booking.pk}/" in html
    client.post(f"/admin/bookings/check-in/{booking.pk}/")
    booking.refresh_from_db()
    assert booking.checked_in_at is not None


def test_treasurer_reads_but_does_not_change(client, login, own_booking, other_booking):
    login("lipursari-treasurer")
    html = client.get(LIST).content.decode()
    assert own_booking.reference in html and other_booking.reference not in html
    html = client.get(inspect_url(own_booking)).content.decode()
    assert own_booking.reference in html
    assert f"/admin/bookings/cancel/{own_booking.pk}/" not in html
    assert client.get(inspect_url(other_booking)).status_code == 404
    assert refused(client.get(f"/admin/bookings/cancel/{own_booking.pk}/"))
    assert refused(client.post(f"/admin/bookings/check-in/{own_booking.pk}/"))
    assert refused(client.get("/admin/bookings/new/"))
    own_booking.refresh_from_db()
    assert own_booking.checked_in_at is None


def test_editors_cannot_reach_the_booking_screens(client, login, own_booking):
    login("lipursari-editor")
    for url in (
        LIST,
        inspect_url(own_booking),
        "/admin/bookings/new/",
        f"/admin/bookings/cancel/{own_booking.pk}/",
    ):
        assert refused(client.get(url)), url
    assert refused(client.post(f"/admin/bookings/check-in/{own_booking.pk}/"))


def test_bookings_menu_is_shown_to_staff_with_the_permissions(client, login):
    login("lipursari-operator")
    html = client.get("/admin/").content.decode()
    for url in (
        "/admin/bookings/",
        "/admin/departures/",
        "/admin/check-in/",
        "/admin/bookings/new/",
    ):
        assert url in html, url
    login("lipursari-treasurer")
    html = client.get("/admin/").content.decode()
    assert "/admin/bookings/" in html and "/admin/check-in/" not in html
    login("lipursari-editor")
    html = client.get("/admin/").content.decode()
    assert "/admin/bookings/" not in html and "/admin/departures/" not in html
