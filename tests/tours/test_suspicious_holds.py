"""The staff screen of suspicious holds: which holds it lists, for whom, and releasing one."""

import pytest
from django.urls import reverse

from tests.tours.staff_screens import book, departure_ahead, tour_of
from tours.booking.errors import NotAllowed
from tours.booking.releasing import booking_release
from tours.models import Booking, BookingStatus, PaymentStatus
from tours.models.availability import seats_taken

pytestmark = pytest.mark.django_db

INDEX = "/admin/suspicious_holds/"


@pytest.fixture
def lipursari_holds(settings):
    """A large unpaid hold, two small ones from one e-mail and an ordinary one."""
    settings.BOOKING_LARGE_HOLD_SEATS = 6
    departure = departure_ahead(tour_of("lipursari"), capacity=40)
    large = book(departure, people=10, name="Rombongan Palsu", email="a@contoh.id")
    twins = [
        book(departure, people=1, email="b@contoh.id", phone=f"+62812345000{n}") for n in (1, 2)
    ]
    ordinary = book(departure, people=2, email="c@contoh.id", phone="+6281234500099")
    return departure, large, twins, ordinary


def test_the_screen_lists_large_and_repeated_holds_of_its_own_village(
    client, login, lipursari_holds
):
    departure, large, twins, ordinary = lipursari_holds
    other = book(departure_ahead(tour_of("plobangan")), people=12, email="p@contoh.id")
    login("lipursari-operator")
    page = client.get(INDEX).content.decode()
    for booking in (large, *twins):
        assert booking.reference in page
    assert ordinary.reference not in page
    assert other.reference not in page


def test_paid_holds_are_not_suspicious(client, login, lipursari_holds):
    _departure, large, _twins, _ordinary = lipursari_holds
    Booking.objects.filter(pk=large.pk).update(payment_status=PaymentStatus.PAID)
    login("lipursari-operator")
    assert large.reference not in client.get(INDEX).content.decode()


def test_release_asks_first_then_frees_the_places_and_records_who(client, login, lipursari_holds):
    departure, large, _twins, _ordinary = lipursari_holds
    user = login("lipursari-manager")
    url = reverse("suspicious_holds:release", args=[large.pk])
    assert large.status == BookingStatus.HELD  # waiting for the guest's e-mail
    assert client.get(url).status_code == 200  # the confirmation page changes nothing
    large.refresh_from_db()
    assert large.status == BookingStatus.HELD
    before = seats_taken(departure)
    assert client.post(url).status_code == 302
    large.refresh_from_db()
    assert large.status == BookingStatus.EXPIRED
    assert seats_taken(departure) == before - 10
    event = large.events.get(kind="released")
    assert event.user == user and "suspicious" in event.note


def test_release_of_a_confirmed_cash_booking_cancels_it(client, login, lipursari_holds):
    departure, _large, twins, _ordinary = lipursari_holds
    assert twins[0].status == BookingStatus.CONFIRMED
    user = login("lipursari-operator")
    client.post(reverse("suspicious_holds:release", args=[twins[0].pk]))
    twins[0].refresh_from_db()
    assert twins[0].status == BookingStatus.CANCELLED and twins[0].refund_percent == 0
    assert twins[0].events.get(kind="cancelled").user == user


def test_release_of_another_village_is_not_found(client, login):
    other = book(departure_ahead(tour_of("plobangan")), people=12, email="p@contoh.id")
    login("lipursari-operator")
    response = client.post(reverse("suspicious_holds:release", args=[other.pk]))
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.status == BookingStatus.CONFIRMED


def test_treasurers_may_not_release(client, login, lipursari_holds):
    _departure, large, _twins, _ordinary = lipursari_holds
    login("lipursari-treasurer")
    response = client.get(INDEX)
    assert response.status_code in (302, 403) and large.reference not in response.content.decode()
    # Wagtail's admin answers a refused permission with a redirect to its home and a message.
    response = client.post(reverse("suspicious_holds:release", args=[large.pk]))
    assert response.status_code in (302, 403) and response.get("Location", "/admin/") == "/admin/"
    large.refresh_from_db()
    assert large.status == BookingStatus.HELD


def test_paid_bookings_are_never_released(lipursari_holds, admin_user):
    _departure, large, _twins, _ordinary = lipursari_holds
    Booking.objects.filter(pk=large.pk).update(payment_status=PaymentStatus.PAID)
    with pytest.raises(NotAllowed):
        booking_release(booking=large, user=admin_user)
