"""A new booking made by staff for a walk-in or a phone call: confirmed in cash at once, the
services' errors shown and nothing written, only on the staff's own BUMDes's departures."""

import re

import pytest
from django.utils import timezone

from core.formats import rupiah
from core.localtime import zone_info
from tests.admin_screens import english
from tests.tours.staff_screens import departure_ahead, inspect_url, plain_tier, tour_of
from tours.models import Booking

JAKARTA = zone_info("Asia/Jakarta")

pytestmark = pytest.mark.django_db


def test_staff_booking_lists_own_departures_of_the_day(client, login):
    own_departure = departure_ahead(tour_of("lipursari"), days=4)
    other_departure = departure_ahead(tour_of("plobangan"), days=4)
    login("lipursari-operator")
    day = timezone.localtime(own_departure.starts_at, JAKARTA).date().isoformat()
    html = client.get("/admin/bookings/new/", {"date": day}).content.decode()
    assert f"/admin/bookings/new/{own_departure.pk}/" in html
    assert f"/admin/bookings/new/{other_departure.pk}/" not in html
    assert client.get(f"/admin/bookings/new/{other_departure.pk}/").status_code == 404


def staff_form(departure, **fields):
    tier = plain_tier(departure.tour)
    return {
        f"tier_{tier.pk}": 3,
        "name": "Pak Joko",
        "phone": "0812 2222 3333",
        "email": "joko@contoh.id",
        "country": "id",
        "language": "id",
        "key": "walk-in-1",
        **fields,
    }


def test_staff_booking_is_made_confirmed_in_cash(client, login):
    departure = departure_ahead(tour_of("lipursari"), days=3)
    login("lipursari-operator")
    url = f"/admin/bookings/new/{departure.pk}/"
    english("lipursari-operator")
    html = client.get(url).content.decode()
    assert departure.tour.title in html and "20 places left" in html
    assert all(f"{tier.label} (Rp " in html for tier in departure.tour.price_tiers.all())
    response = client.post(url, staff_form(departure))
    booking = Booking.objects.get(departure=departure)
    assert response.status_code == 302 and response["Location"] == inspect_url(booking)
    assert booking.channel == "staff" and booking.payment_method == "cash"
    assert booking.status == "confirmed" and booking.seats == 3
    assert booking.created_by.username == "lipursari-operator"
    assert booking.customer_country == "ID"
    assert booking.customer_phone == "+6281222223333"  # typed as "0812 2222 3333"
    # A double tap on a slow connection does not book twice.
    client.post(url, staff_form(departure))
    assert Booking.objects.filter(departure=departure).count() == 1


def test_staff_booking_shows_the_services_errors_and_writes_nothing(client, login):
    departure = departure_ahead(tour_of("lipursari"), days=3)
    english("lipursari-operator")
    login("lipursari-operator")
    url = f"/admin/bookings/new/{departure.pk}/"
    response = client.post(url, staff_form(departure, phone="12"))
    assert response.status_code == 200
    assert "This number is too short." in response.content.decode()
    tier = plain_tier(departure.tour)
    response = client.post(url, staff_form(departure, **{f"tier_{tier.pk}": 0}))
    assert "Choose how many people come" in response.content.decode()
    response = client.post(url, staff_form(departure, **{f"tier_{tier.pk}": 50}))
    assert response.status_code == 200
    assert "At most 40 people per booking" in response.content.decode()
    assert not Booking.objects.filter(departure=departure).exists()


def test_staff_booking_for_another_bumdes_departure_is_refused(client, login):
    departure = departure_ahead(tour_of("plobangan"), days=3)
    login("lipursari-operator")
    response = client.post(f"/admin/bookings/new/{departure.pk}/", staff_form(departure))
    assert response.status_code == 404
    assert not Booking.objects.filter(departure=departure).exists()


def test_the_message_after_a_walk_in_says_the_guest_pays_on_arrival(client, login):
    departure = departure_ahead(tour_of("lipursari"), days=3)
    login("lipursari-operator")
    response = client.post(
        f"/admin/bookings/new/{departure.pk}/", staff_form(departure), follow=True
    )
    booking = Booking.objects.get(departure=departure)
    assert booking.payment_status == "unpaid"
    message = str(next(iter(response.context["messages"]))).strip()
    assert message == (
        f"Pemesanan {booking.reference} dibuat: 3 tamu. Belum dibayar: tamu membayar "
        f"{rupiah(booking.total, 'id')} tunai saat tiba."
    )


def test_the_walk_in_form_shows_the_running_total(client, login):
    departure = departure_ahead(tour_of("lipursari"), days=3)
    tier = plain_tier(departure.tour)
    login("lipursari-operator")
    url = f"/admin/bookings/new/{departure.pk}/"
    html = client.get(url).content.decode()
    # Each field carries its price for the page's script, which updates the total as staff type.
    assert f'data-price="{tier.price}"' in html and "tours/admin/staff.js" in html
    assert re.search(r"<strong data-desa-total>Rp 0</strong>", html)
    # Without the script, the total is there when the form comes back with an error.
    html = client.post(url, staff_form(departure, phone="12")).content.decode()
    total = rupiah(3 * tier.price, "id")
    assert re.search(rf"<strong data-desa-total>{total}</strong>", html)
    assert not Booking.objects.filter(departure=departure).exists()


def test_the_walk_in_form_chooses_the_country_from_a_list_in_indonesian(client, login):
    departure = departure_ahead(tour_of("lipursari"), days=3)
    login("lipursari-operator")
    html = client.get(f"/admin/bookings/new/{departure.pk}/").content.decode()
    select = re.search(r'<select name="country"[^>]*>(.*?)</select>', html, re.S)
    assert select and "maxlength" not in select[0].split(">")[0]
    options = re.findall(r'<option value="(\w+)"( selected)?>([^<]+)</option>', select[1])
    assert options[0] == ("ID", " selected", "Indonesia")  # the first, and chosen
    assert ("NL", "", "Belanda") in options
