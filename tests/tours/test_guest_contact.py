"""The guest's phone number and country through every door, and the links made from stored numbers.

Numbers are stored in E.164 ("+6281234567890") whether they come through the booking services,
the public details step, the API or the staff's booking form; an invalid number gets its message
next to the field and nothing is written. Countries are django-countries' list. A BUMDes's
WhatsApp number stored in E.164 gives `https://wa.me/<digits>` links on its pages and e-mails.
"""

import dataclasses
import json
import re

import pytest
from django.urls import reverse
from django.utils import translation

from bumdes.models import Enterprise
from tests.tours.factories import (
    BOOKED_AT,
    GUEST,
    DepartureFactory,
    confirmed,
    hold,
    per_person,
    written,
)
from tours.booking.holds import booking_set_customer
from tours.booking.notifications import SUBJECTS, booking_email
from tours.models import Booking, TourPage, VillagePage
from tours.payments.paying import booking_create

pytestmark = pytest.mark.django_db

TYPED = {
    "national, with spaces": "0812 3456 7890",
    "the pre-filled +62, then the trunk 0": "+62 0812 3456 7890",
    "international, with dashes": "+62 812-3456-7890",
    "country code without +": "6281234567890",
}


@pytest.fixture(autouse=True)
def no_rate_limit(settings):
    settings.BOOKING_RATE_LIMIT = "0"


@pytest.fixture
def departure():
    return DepartureFactory(capacity=20)


def details_url(booking: Booking, language: str = "id") -> str:
    with translation.override(language):
        path = reverse("booking_details", kwargs={"reference": booking.reference})
    return f"{path}?t={booking.token}"


def details(**changes) -> dict:
    return {
        "name": "Siti Rahayu",
        "email": "siti@contoh.id",
        "phone": "+62 0812 3456 7890",
        "country": "ID",
        "language": "id",
        **changes,
    }


# The booking services ---------------------------------------------------------------------------


@pytest.mark.parametrize("case", list(TYPED), ids=list(TYPED))
def test_the_service_stores_e164(departure, case):
    customer = dataclasses.replace(GUEST, phone=TYPED[case])
    booking, _created = booking_create(
        departure_id=departure.pk,
        lines=[(per_person(departure.tour).pk, 1)],
        customer=customer,
        payment_method="cash",
        now=BOOKED_AT,
    )
    assert Booking.objects.get(pk=booking.pk).customer_phone == "+6281234567890"


def test_setting_the_details_stores_e164_read_with_the_guests_country(departure):
    booking = hold(departure, 1, customer=None)
    dutch = dataclasses.replace(GUEST, phone="06 12345678", country="NL")
    booking_set_customer(booking=booking, customer=dutch)
    assert Booking.objects.get(pk=booking.pk).customer_phone == "+31612345678"
    # A visitor from abroad with an Indonesian SIM card.
    sim = dataclasses.replace(GUEST, phone="0812 3456 7890", country="NL")
    booking_set_customer(booking=booking, customer=sim)
    assert Booking.objects.get(pk=booking.pk).customer_phone == "+6281234567890"


# The public details step ------------------------------------------------------------------------


@pytest.mark.parametrize("case", list(TYPED), ids=list(TYPED))
def test_the_details_step_stores_e164(client, departure, case):
    booking = hold(departure, 2, customer=None)
    response = client.post(details_url(booking), details(phone=TYPED[case]))
    assert response.status_code == 302, response.content.decode()[:2000]
    booking.refresh_from_db()
    assert booking.customer_phone == "+6281234567890"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("+62", "Please give a phone number"),
        ("+62 0000 000", "This is not a valid number in its country."),
        ("0812-ABCD-123", "This is not a phone number."),
        ("12", "This number is too short."),
    ],
)
def test_an_invalid_number_gets_its_message_next_to_the_field(client, departure, typed, message):
    booking = hold(departure, 2, customer=None)
    before = written()
    response = client.post(details_url(booking, "en"), details(phone=typed, language="en"))
    html = response.content.decode()
    assert response.status_code == 200
    error = re.search(r'<p class="field-error" id="id_phone_error">([^<]*)</p>', html)
    assert error and error.group(1).startswith(message)
    assert f'value="{typed}"' in html  # what was typed is kept
    booking.refresh_from_db()
    assert booking.customer_phone == "" and booking.customer_email == ""
    assert written() == before


def test_the_message_is_in_indonesian_on_the_indonesian_site(client, departure):
    booking = hold(departure, 2, customer=None)
    html = client.post(details_url(booking), details(phone="12")).content.decode()
    assert "Nomor ini terlalu pendek." in html


def test_the_country_list_is_django_countries_in_the_page_language(client, departure):
    booking = hold(departure, 2, customer=None)
    indonesian = client.get(details_url(booking)).content.decode()
    english = client.get(details_url(booking, "en")).content.decode()
    select = re.search(r'<select name="country".*?</select>', indonesian, re.S).group(0)
    assert re.search(r'<option value="ID"( selected)?>Indonesia</option>', select)
    assert select.index('value="ID"') < select.index('value="AF"')  # Indonesia first
    assert '<option value="NL">Belanda</option>' in select
    assert '<option value="MX">Meksiko</option>' in select  # not on the old hand-made list
    assert 'value="ZZ"' not in select
    assert '<option value="MX">Mexico</option>' in english


def test_a_country_the_old_list_lacked_is_accepted(client, departure):
    booking = hold(departure, 2, customer=None)
    response = client.post(details_url(booking), details(phone="+55 11 91234-5678", country="BR"))
    assert response.status_code == 302
    booking.refresh_from_db()
    assert (booking.customer_country, booking.customer_phone) == ("BR", "+5511912345678")


@pytest.mark.parametrize("country", ["XX", "ZZ", "id", "Indonesia"])
def test_a_code_that_is_no_country_is_refused_next_to_the_field(client, departure, country):
    booking = hold(departure, 2, customer=None)
    before = written()
    response = client.post(details_url(booking, "en"), details(country=country, language="en"))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<p class="field-error" id="id_country_error">Please choose a country.</p>' in html
    booking.refresh_from_db()
    assert booking.customer_country == "" and written() == before


# The API and the staff's booking form -------------------------------------------------------------


def test_the_api_stores_and_returns_e164(client, departure):
    body = {
        "departure": departure.pk,
        "lines": [{"tier": per_person(departure.tour).pk, "quantity": 1}],
        "customer": {
            "name": "Siti Rahayu",
            "email": "siti@contoh.id",
            "phone": "0812 3456 7890",
            "country": "ID",
            "language": "id",
        },
        "payment_method": "cash",
    }
    response = client.post("/api/v1/bookings/", json.dumps(body), content_type="application/json")
    assert response.status_code == 201, response.content
    created = response.json()
    booking = Booking.objects.get(reference=created["reference"])
    assert booking.customer_phone == "+6281234567890"
    shown = client.get(f"/api/v1/bookings/{booking.reference}/?token={created['token']}").json()
    assert shown["customer"]["phone"] == "+6281234567890"


def test_the_staff_form_offers_the_same_countries(client, login, departure):
    login("lipursari-operator")
    html = client.get(f"/admin/bookings/new/{departure.pk}/").content.decode()
    select = re.search(r'<select name="country".*?</select>', html, re.S).group(0)
    assert 'value="ID" selected' in select and 'value="MX"' in select


def test_the_staff_booking_stores_e164_read_with_the_guests_country(client, login, departure):
    login("lipursari-operator")
    data = {
        f"tier_{per_person(departure.tour).pk}": 2,
        "name": "Emma Clarke",
        "phone": "020 7946 0000",
        "email": "",
        "country": "GB",
        "language": "en",
        "key": "walk-in-gb",
    }
    response = client.post(f"/admin/bookings/new/{departure.pk}/", data)
    assert response.status_code == 302
    booking = Booking.objects.get(departure=departure)
    assert (booking.customer_country, booking.customer_phone) == ("GB", "+442079460000")


# Links made from stored numbers -------------------------------------------------------------------


@pytest.fixture
def lipursari_e164():
    """Lipursari's numbers as the admin now stores them."""
    Enterprise.objects.filter(slug="lipursari").update(
        whatsapp="+6281200000102", phone="+62286321456"
    )
    return Enterprise.objects.get(slug="lipursari")


def test_the_village_page_links_to_whatsapp_with_digits(client, lipursari_e164):
    village = VillagePage.objects.get(enterprise=lipursari_e164, locale__language_code="id")
    html = client.get(village.url).content.decode()
    assert 'href="https://wa.me/6281200000102?text=' in html
    assert 'href="tel:+62286321456">+62 286 321456</a>' in html
    assert "wa.me/+" not in html


def test_the_manage_page_and_ticket_give_working_whatsapp(client, lipursari_e164):
    tour = TourPage.objects.get(locale__language_code="id", slug="kelas-membatik")
    booking = confirmed(DepartureFactory(tour=tour), 1)
    with translation.override("id"):
        manage = reverse("booking_manage", kwargs={"reference": booking.reference})
        ticket = reverse("booking_ticket", kwargs={"reference": booking.reference})
    html = client.get(f"{manage}?t={booking.token}").content.decode()
    assert 'href="https://wa.me/6281200000102?text=' in html and "wa.me/+" not in html
    html = client.get(f"{ticket}?t={booking.token}").content.decode()
    assert "WhatsApp +62 812-0000-0102" in html and "++62" not in html


@pytest.mark.parametrize("kind", sorted(SUBJECTS))
def test_every_email_links_to_whatsapp_with_digits(lipursari_e164, kind):
    tour = TourPage.objects.get(locale__language_code="id", slug="kelas-membatik")
    booking = confirmed(DepartureFactory(tour=tour), 1)
    if kind == "balance_due":
        booking.balance_due_at = booking.departure.starts_at  # its subject names the due date
    message = booking_email(booking, kind)
    html = next(content for content, mimetype in message.alternatives if mimetype == "text/html")
    for body in (message.body, html):
        assert "https://wa.me/6281200000102" in body
        assert "wa.me/+" not in body and "++62" not in body


def test_a_booking_page_for_staff_links_the_guests_whatsapp(client, login, departure):
    booking = confirmed(departure, 1, customer=dataclasses.replace(GUEST, phone="0812 3456 7890"))
    login("lipursari-operator")
    html = client.get(f"/admin/bookings/inspect/{booking.pk}/").content.decode()
    assert 'href="https://wa.me/6281234567890"' in html
    assert 'href="tel:+6281234567890">+62 812-3456-7890</a>' in html
