"""Business dates follow the village's own time zone, never the staff member's.

Django's `timezone.localdate()` follows the active time zone, and Wagtail activates each admin
user's own preference: a staff member set to UTC would otherwise see a 06.45 check-in for a
07.00 departure refused as "another day" and a payment at 00.30 posted to the day before. Each
test runs the services under time zones other than the village's and expects the same dates.
"""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone

from bumdes.models import JournalEntry
from core.formats import local_time
from tests.tours.factories import GUEST, DepartureFactory, confirmed, village_tour_create, wib
from tours.booking.books import payment_record
from tours.booking.checkin import booking_check_in
from tours.booking.departures import departures_generate
from tours.booking.deposits import balance_due_at_for
from tours.booking.notifications import booking_email, reminders_send
from tours.models import Booking, PaymentMethod, ScheduleRule
from tours.payments.paying import booking_create

pytestmark = pytest.mark.django_db

WITA = ZoneInfo("Asia/Makassar")
# Zones a staff member might have chosen in their admin profile.
STAFF_ZONES = ("UTC", "America/Los_Angeles", "Pacific/Auckland")


def wita(year, month, day, hour=0, minute=0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=WITA)


@pytest.fixture
def wita_tour():
    """A village in Lombok: its BUMDes keeps Central Indonesian Time (WITA, UTC+8)."""
    page, tier = village_tour_create(slug="sade", prefix="SAD")
    enterprise = page.business_unit.enterprise
    enterprise.time_zone = "Asia/Makassar"
    enterprise.save(update_fields=["time_zone"])
    return page, tier


def _book_cash(departure, tier, now) -> Booking:
    booking, _ = booking_create(
        departure_id=departure.pk,
        lines=[(tier.pk, 2)],
        customer=GUEST,
        payment_method=PaymentMethod.CASH,
        now=now,
    )
    return booking


@pytest.mark.parametrize("staff_zone", STAFF_ZONES)
def test_an_early_check_in_is_on_the_day_of_the_departure_whatever_the_staff_zone(staff_zone):
    departure = DepartureFactory(starts_at=wib(2030, 3, 20, 7, 0))
    booking = confirmed(departure, 2, now=wib(2030, 3, 10, 9, 0))

    with timezone.override(staff_zone):
        checked = booking_check_in(booking=booking, now=wib(2030, 3, 20, 6, 45))

    assert checked.checked_in_at == wib(2030, 3, 20, 6, 45)


@pytest.mark.parametrize("staff_zone", STAFF_ZONES)
def test_a_payment_after_midnight_is_posted_on_the_village_day(staff_zone):
    departure = DepartureFactory(starts_at=wib(2030, 3, 20, 9, 0))
    booking = confirmed(departure, 1, now=wib(2030, 3, 10, 9, 0))

    with timezone.override(staff_zone):
        payment = payment_record(
            booking=booking, method=PaymentMethod.CASH, amount=100_000, now=wib(2030, 3, 12, 0, 30)
        )

    entry = JournalEntry.objects.get(source_ref=f"payment-{payment.pk}")
    assert entry.date == dt.date(2030, 3, 12)


def test_departures_of_a_wita_village_are_scheduled_on_its_own_clock(wita_tour):
    page, _tier = wita_tour
    ScheduleRule.objects.create(page=page, weekdays="5", start_time=dt.time(8, 0), capacity=12)

    with timezone.override("UTC"):
        departures_generate(tour=page, days=7, now=wita(2030, 3, 11, 12, 0))

    departure = page.departures.get()
    assert departure.starts_at == wita(2030, 3, 16, 8, 0)  # Saturday 08.00 WITA = 00.00 UTC
    assert departure.local_date == dt.date(2030, 3, 16)
    assert local_time(departure.starts_at, "id", zone=departure.zone) == "08.00 WITA"
    assert "16 Maret 2030 08.00 WITA" in str(departure)


@pytest.mark.parametrize("staff_zone", ("UTC", "Asia/Jakarta"))
def test_a_wita_village_checks_in_and_posts_on_its_own_dates(wita_tour, staff_zone):
    page, tier = wita_tour
    departure = DepartureFactory(tour=page, starts_at=wita(2030, 3, 16, 7, 0))
    booking = _book_cash(departure, tier, now=wita(2030, 3, 1, 9, 0))

    with timezone.override(staff_zone):
        # 06.30 WITA is still the day before in UTC (22.30 on the 15th).
        booking_check_in(booking=booking, now=wita(2030, 3, 16, 6, 30))
        # Cash taken at 00.15 WITA on the 16th is 23.15 WIB on the 15th: the books say the 16th.
        other = _book_cash(departure, tier, now=wita(2030, 3, 1, 9, 5))
        payment = payment_record(
            booking=other, method=PaymentMethod.CASH, amount=50_000, now=wita(2030, 3, 16, 0, 15)
        )

    entry = JournalEntry.objects.get(source_ref=f"payment-{payment.pk}")
    assert entry.date == dt.date(2030, 3, 16)
    # Taken on the day of the service: revenue at once, not unearned.
    assert {line.account.code for line in entry.lines.all()} == {"1.1.01.01", "4.1.01.03"}


def test_a_balance_is_due_at_the_end_of_the_village_day(wita_tour):
    page, _tier = wita_tour
    page.balance_due_days = 7

    with timezone.override("UTC"):
        due = balance_due_at_for(tour=page, departure_starts_at=wita(2030, 3, 16, 7, 0))

    assert due == wita(2030, 3, 9, 23, 59)


@pytest.mark.parametrize("staff_zone", STAFF_ZONES)
def test_reminders_go_to_guests_whose_departure_is_tomorrow_in_their_village(wita_tour, staff_zone):
    page, tier = wita_tour
    # 00.30 WITA on the 17th: in UTC and in WIB it is still the 16th.
    after_midnight = DepartureFactory(tour=page, starts_at=wita(2030, 3, 17, 0, 30))
    evening = DepartureFactory(tour=page, starts_at=wita(2030, 3, 16, 21, 0))
    tomorrow_guest = _book_cash(after_midnight, tier, now=wita(2030, 3, 1, 9, 0))
    today_guest = _book_cash(evening, tier, now=wita(2030, 3, 1, 9, 0))

    with timezone.override(staff_zone):
        sent = reminders_send(now=wita(2030, 3, 16, 10, 0))

    assert sent == 1
    tomorrow_guest.refresh_from_db()
    today_guest.refresh_from_db()
    assert tomorrow_guest.reminder_sent_at is not None
    assert today_guest.reminder_sent_at is None


def test_the_guest_e_mail_shows_the_village_time_and_its_zone(wita_tour):
    page, tier = wita_tour
    departure = DepartureFactory(tour=page, starts_at=wita(2030, 3, 16, 8, 0))
    booking = _book_cash(departure, tier, now=wita(2030, 3, 1, 9, 0))
    mail.outbox.clear()

    with timezone.override("UTC"):
        message = booking_email(booking, "confirmation")

    assert "08.00 WITA" in message.body
    assert "(WITA)" in message.body
    assert "WIB" not in message.body
