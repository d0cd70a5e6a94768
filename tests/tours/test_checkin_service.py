"""Check-in at the meeting point: once per booking, on the day, from a scanned or typed code."""

import datetime as dt
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Site

from tests.tours.factories import STARTS_AT, DepartureFactory, confirmed, hold, wib
from tours.booking import tickets
from tours.booking.cancelling import booking_cancel
from tours.booking.checkin import booking_check_in, booking_mark_no_show, reference_from_scan
from tours.booking.errors import AlreadyCheckedIn, NotAllowed
from tours.models import BookingEvent

pytestmark = pytest.mark.django_db

ARRIVAL = STARTS_AT - dt.timedelta(minutes=20)  # Saturday 16 March 2030, 09.40 WIB


@pytest.fixture
def booking():
    return confirmed(DepartureFactory(starts_at=STARTS_AT, capacity=10), 2)


@pytest.fixture
def operator():
    return get_user_model().objects.get(username="lipursari-operator")


def test_check_in_records_who_and_when(booking, operator):
    checked = booking_check_in(booking=booking, user=operator, now=ARRIVAL)
    assert (checked.checked_in_at, checked.checked_in_by) == (ARRIVAL, operator)
    assert BookingEvent.objects.filter(booking=booking, kind="checked_in").count() == 1


def test_a_second_check_in_is_refused_with_the_first_time(booking, operator):
    booking_check_in(booking=booking, user=operator, now=ARRIVAL)

    with pytest.raises(AlreadyCheckedIn) as again:
        booking_check_in(booking=booking, now=ARRIVAL + dt.timedelta(minutes=7))

    assert again.value.at == ARRIVAL
    assert "09.40 WIB" in str(again.value.message) or "09:40 WIB" in str(again.value.message)
    booking.refresh_from_db()
    assert (booking.checked_in_at, booking.checked_in_by) == (ARRIVAL, operator)
    assert BookingEvent.objects.filter(booking=booking, kind="checked_in").count() == 1


@pytest.mark.parametrize(
    "now",
    [wib(2030, 3, 15, 9, 40), wib(2030, 3, 17, 9, 40), wib(2030, 3, 23, 9, 40)],
    ids=["the day before", "the day after", "a week later"],
)
def test_a_ticket_for_another_day_is_refused(booking, now):
    with pytest.raises(NotAllowed) as refused:
        booking_check_in(booking=booking, now=now)
    assert str(refused.value.message)
    booking.refresh_from_db()
    assert booking.checked_in_at is None


def test_late_arrivals_on_the_day_are_checked_in(booking):
    assert booking_check_in(booking=booking, now=wib(2030, 3, 16, 13, 0)).checked_in_at


def test_only_confirmed_bookings_check_in():
    departure = DepartureFactory(starts_at=STARTS_AT, capacity=10)
    held = hold(departure, 1)
    cancelled = confirmed(departure, 1)
    booking_cancel(booking=cancelled, now=STARTS_AT - dt.timedelta(days=3))
    for booking in (held, cancelled):
        with pytest.raises(NotAllowed):
            booking_check_in(booking=booking, now=ARRIVAL)


def test_a_checked_in_guest_cannot_be_marked_no_show(booking):
    booking_check_in(booking=booking, now=ARRIVAL)
    with pytest.raises(NotAllowed):
        booking_mark_no_show(booking=booking, now=STARTS_AT + dt.timedelta(hours=1))


@pytest.mark.parametrize(
    ("scanned", "reference"),
    [
        ("PLB-7K3Q9", "PLB-7K3Q9"),
        ("plb-7k3q9", "PLB-7K3Q9"),
        ("  lps-abc23\n", "LPS-ABC23"),
        ("http://127.0.0.1:8000/booking/GTM-XY2Z3/?t=Zk3-pq_8", "GTM-XY2Z3"),
        ("https://desawisata.example/en/booking/lps-abc23/?t=abc", "LPS-ABC23"),
        ("https://desawisata.example/en/booking/LPS-ABC23/ticket/", "LPS-ABC23"),
        ("Booking LPS-ABC23, two people", "LPS-ABC23"),
        # Typed by hand at the meeting point: any case, a space or no dash at all.
        ("lpsf8uvz", "LPS-F8UVZ"),
        ("LPS F8UVZ", "LPS-F8UVZ"),
        (" lps  f8uvz ", "LPS-F8UVZ"),
        ("LPS–F8UVZ", "LPS-F8UVZ"),
        ("lps_f8uvz", "LPS-F8UVZ"),
        ("LPSF8UVZ2", ""),
        ("see lpsf8uvz", ""),  # eight letters inside other text are no typed reference
        ("", ""),
        ("hello", ""),
        ("LPS-ABC1O", ""),  # 1 and O are never used in references
        ("LPS-ABC2", ""),
    ],
)
def test_reference_from_scan(scanned, reference):
    assert reference_from_scan(scanned) == reference


@pytest.mark.parametrize(
    "base_url",
    [
        "http://127.0.0.1:8000",
        "https://desa-wisata.example",
        "https://wisata-bumdes.example",
        "https://www.bumdes-wonosobo.example",
    ],
)
def test_the_reference_is_found_in_the_tickets_own_qr_link(booking, base_url):
    site = Site.objects.get(is_default_site=True)
    parts = urlsplit(base_url)
    site.hostname, site.port = parts.hostname, parts.port or 443
    site.save()
    assert tickets.manage_url(booking).startswith(f"{base_url}/")
    assert reference_from_scan(tickets.manage_url(booking)) == booking.reference
    assert reference_from_scan(tickets.manage_url(booking).lower()) == booking.reference
