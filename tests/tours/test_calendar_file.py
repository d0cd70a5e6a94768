"""The booking's calendar file (.ics): RFC 5545 escaping and line folding, and what it says."""

import datetime as dt

import pytest
from icalendar import Calendar

from tests.tours.factories import STARTS_AT as DEPARTS_AT
from tests.tours.factories import DepartureFactory, confirmed
from tours.booking import tickets
from tours.models import Booking, TourPage

pytestmark = pytest.mark.django_db

START = dt.datetime(2026, 12, 1, 1, 0, tzinfo=dt.UTC)  # 08.00 WIB
LONG_DESCRIPTION = (
    "Bring a hat, sunscreen and water; wear clothes that may get wax on them.\n"
    "Meet at the village hall, Jl. Raya Lipursari No. 1, Leksono; ask for Pak Slamet, "
    "the guide, who speaks Indonesian, Javanese and some English.\n"
    "Back slash \\ stays a back slash; so does the rupiah sign: Rp 150.000, café ✓."
)


@pytest.fixture
def booking() -> Booking:
    """A cash booking for Kelas Membatik (three hours) on Saturday 16 March 2030, 10.00 WIB."""
    return confirmed(DepartureFactory(starts_at=DEPARTS_AT))


def _reloaded(booking: Booking) -> Booking:
    return Booking.objects.select_related("departure__tour").get(pk=booking.pk)


def _entry(**changes) -> str:
    fields = {
        "uid": "LPS-7K3Q9@desawisata",
        "stamp": dt.datetime(2026, 11, 20, 3, 4, 5, 678, tzinfo=dt.UTC),
        "start": START,
        "end": START + dt.timedelta(hours=3),
        "summary": "Kelas Membatik (LPS-7K3Q9)",
        "location": "Balai Desa Lipursari",
        "description": LONG_DESCRIPTION,
        "url": "http://testserver/en/booking/LPS-7K3Q9/?t=" + "x" * 43,
    }
    return tickets.calendar_file(**{**fields, **changes})


def test_a_long_description_round_trips_through_a_calendar_reader():
    event = Calendar.from_ical(_entry()).events[0]
    assert str(event["DESCRIPTION"]) == LONG_DESCRIPTION
    assert str(event["SUMMARY"]) == "Kelas Membatik (LPS-7K3Q9)"
    assert str(event["URL"]) == "http://testserver/en/booking/LPS-7K3Q9/?t=" + "x" * 43


def test_text_is_escaped_not_split_into_fields():
    raw = _entry(location="Balai Desa, Jl. Raya; RT 02\nLipursari")
    unfolded = raw.replace("\r\n ", "")
    assert "LOCATION:Balai Desa\\, Jl. Raya\\; RT 02\\nLipursari\r\n" in unfolded
    assert "sunscreen and water\\; wear clothes that may get wax on them.\\nMeet at" in unfolded
    assert "Back slash \\\\ stays" in unfolded


def test_lines_are_folded_at_75_octets_and_end_with_crlf():
    raw = _entry().encode()
    assert raw.endswith(b"END:VCALENDAR\r\n")
    lines = raw.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    assert max(len(line) for line in lines) <= 75
    continued = [line for line in lines if line.startswith(b" ")]
    assert len(continued) >= 3  # the description alone takes several lines
    # Folding counts octets and never cuts a character in two: each line is UTF-8 on its own.
    for line in lines:
        line.decode("utf-8")


def test_times_are_in_utc_without_microseconds():
    raw = _entry(start=dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=7))))
    assert "DTSTART:20261201T010000Z\r\n" in raw
    assert "DTSTAMP:20261120T030405Z\r\n" in raw
    event = Calendar.from_ical(raw).events[0]
    assert event["DTSTART"].dt == START
    assert event["DTEND"].dt == START + dt.timedelta(hours=3)


def test_a_bookings_entry_says_where_when_and_how_to_come_back(booking):
    TourPage.objects.filter(pk=booking.departure.tour_id).update(
        meeting_point="Balai Desa Lipursari, Jl. Raya; dekat masjid\r\nLeksono, Wonosobo"
    )
    booking = _reloaded(booking)
    calendar = Calendar.from_ical(tickets.ics(booking))
    assert str(calendar["PRODID"]) == "-//Desa Wisata//Booking//EN"
    assert str(calendar["METHOD"]) == "PUBLISH"
    (event,) = calendar.events
    link = tickets.manage_url(booking)
    assert str(event["UID"]) == f"{booking.reference}@desawisata"
    assert event["DTSTAMP"].dt == booking.created_at.replace(microsecond=0)
    assert event["DTSTART"].dt == DEPARTS_AT
    assert event["DTEND"].dt == DEPARTS_AT + dt.timedelta(minutes=180)
    assert "DTSTART:20300316T030000Z\r\n" in tickets.ics(booking)
    assert str(event["SUMMARY"]) == f"Kelas Membatik ({booking.reference})"
    assert str(event["LOCATION"]) == (
        "Balai Desa Lipursari, Jl. Raya; dekat masjid\nLeksono, Wonosobo"
    )
    assert str(event["DESCRIPTION"]) == link
    assert str(event["URL"]) == link


def test_without_a_meeting_point_the_village_is_the_place(booking):
    TourPage.objects.filter(pk=booking.departure.tour_id).update(meeting_point="")
    event = Calendar.from_ical(tickets.ics(_reloaded(booking))).events[0]
    assert str(event["LOCATION"]) == "Lipursari"
