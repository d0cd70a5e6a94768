"""The day-before reminder: to each confirmed guest of tomorrow (local date), once, in their
language."""

import datetime as dt

import pytest
from django.core import mail
from icalendar import Calendar

from tests.tours.factories import GUEST, GUEST_EN, DepartureFactory, confirmed, hold, wib
from tours.booking import tickets
from tours.booking.cancelling import booking_cancel
from tours.booking.notifications import reminders_send
from tours.models import Booking, BookingEvent

pytestmark = pytest.mark.django_db

NOW = wib(2030, 3, 15, 18, 0)  # Friday evening; "tomorrow" is Saturday 16 March 2030
BOOKED_AT = wib(2030, 3, 1, 9, 0)


def _send(capture) -> int:
    mail.outbox.clear()
    with capture(execute=True):
        return reminders_send(now=NOW)


@pytest.fixture
def saturday():
    return DepartureFactory(starts_at=wib(2030, 3, 16, 10, 0), capacity=20)


def test_tomorrows_confirmed_guests_get_one_reminder_each(
    saturday, django_capture_on_commit_callbacks
):
    siti = confirmed(saturday, 2, customer=GUEST, now=BOOKED_AT)
    emma = confirmed(saturday, 1, customer=GUEST_EN, now=BOOKED_AT)

    assert _send(django_capture_on_commit_callbacks) == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["emma@example.com", "siti@contoh.id"]
    for booking in (siti, emma):
        booking.refresh_from_db()
        assert booking.reminder_sent_at == NOW
        assert BookingEvent.objects.filter(booking=booking, kind="email_reminder").count() == 1

    # Run again (the periodic task runs every few minutes): nobody hears twice.
    assert _send(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []


def test_no_reminder_for_cancelled_held_or_other_days(saturday, django_capture_on_commit_callbacks):
    cancelled = confirmed(saturday, 1, now=BOOKED_AT)
    booking_cancel(booking=cancelled, now=BOOKED_AT + dt.timedelta(days=1))
    hold(saturday, 1, now=NOW - dt.timedelta(minutes=5))
    for starts_at in (wib(2030, 3, 15, 20, 0), wib(2030, 3, 17, 10, 0)):  # today, the day after
        confirmed(DepartureFactory(starts_at=starts_at, capacity=5), 1, now=BOOKED_AT)

    assert _send(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []
    assert not Booking.objects.filter(reminder_sent_at__isnull=False).exists()


def test_tomorrow_is_the_local_date_around_midnight(django_capture_on_commit_callbacks):
    # Saturday 00.30 WIB is Friday in UTC; Sunday 00.30 WIB is Saturday in UTC.
    just_after_midnight = DepartureFactory(starts_at=wib(2030, 3, 16, 0, 30), capacity=5)
    late_evening = DepartureFactory(starts_at=wib(2030, 3, 16, 23, 30), capacity=5)
    sunday_night = DepartureFactory(starts_at=wib(2030, 3, 17, 0, 30), capacity=5)
    due = [confirmed(d, 1, now=BOOKED_AT) for d in (just_after_midnight, late_evening)]
    not_yet = confirmed(sunday_night, 1, now=BOOKED_AT)

    assert _send(django_capture_on_commit_callbacks) == 2

    reminded = set(Booking.objects.filter(reminder_sent_at=NOW).values_list("pk", flat=True))
    assert reminded == {b.pk for b in due}
    assert not_yet.pk not in reminded


def test_the_reminder_is_in_the_guests_language(saturday, django_capture_on_commit_callbacks):
    siti = confirmed(saturday, 2, customer=GUEST, now=BOOKED_AT)
    emma = confirmed(saturday, 1, customer=GUEST_EN, now=BOOKED_AT)

    _send(django_capture_on_commit_callbacks)

    messages = {m.to[0]: m for m in mail.outbox}
    english, indonesian = messages["emma@example.com"], messages["siti@contoh.id"]
    assert emma.reference in english.subject and "Batik Class" in english.subject
    assert siti.reference in indonesian.subject and "Kelas Membatik" in indonesian.subject
    assert "Saturday 16 March 2030" in english.body and "Maret" not in english.body
    assert "Sabtu, 16 Maret 2030" in indonesian.body and "March" not in indonesian.body
    assert "Rp 200.000" in indonesian.body
    assert "Rp 100,000" in english.body
    # The ticket travels with it: calendar entry and QR code.
    for message in (english, indonesian):
        kinds = sorted(mimetype for _, _, mimetype in message.attachments)
        assert kinds == ["image/png", "text/calendar"]
    english_ics = next(c for n, c, _ in english.attachments if n.endswith(".ics"))
    link = str(Calendar.from_ical(english_ics).events[0]["URL"])
    assert link == tickets.manage_url(emma) and f"/en/booking/{emma.reference}/?t=" in link
