"""The cancellation policy of a tour, and what a guest's cancellation may and may not do.

Kelas Membatik (demo): full refund up to 48 hours before the start, 50% up to 24 hours before,
nothing after.
"""

import datetime as dt

import pytest
from django.core import mail

from tests.tours.factories import GUEST_EN, STARTS_AT, DepartureFactory, confirmed, hold
from tours.booking.cancellation import refund_percent_for
from tours.booking.cancelling import booking_cancel
from tours.booking.checkin import booking_check_in
from tours.booking.errors import NotAllowed
from tours.models import BookingEvent, BookingStatus
from tours.models.availability import seats_taken

pytestmark = pytest.mark.django_db

HOUR = dt.timedelta(hours=1)


@pytest.fixture
def booking():
    return confirmed(DepartureFactory(starts_at=STARTS_AT, capacity=10), 2)


@pytest.mark.parametrize(
    ("hours_before", "percent"),
    [(72, 100), (48, 100), (47.99, 50), (36, 50), (24, 50), (23.99, 0), (12, 0), (0.5, 0)],
)
def test_refund_follows_the_tours_policy(booking, hours_before, percent):
    now = STARTS_AT - dt.timedelta(hours=hours_before)
    assert refund_percent_for(booking, now=now) == percent


def test_the_policy_is_read_from_the_tour():
    departure = DepartureFactory(starts_at=STARTS_AT, capacity=10)
    page = departure.tour
    page.full_refund_hours, page.partial_refund_hours, page.partial_refund_percent = 72, 12, 30
    page.save()
    booking = confirmed(departure, 1)
    assert refund_percent_for(booking, now=STARTS_AT - 80 * HOUR) == 100
    assert refund_percent_for(booking, now=STARTS_AT - 36 * HOUR) == 30
    assert refund_percent_for(booking, now=STARTS_AT - 6 * HOUR) == 0


def test_a_guest_cancelling_gets_the_policy_refund_and_frees_the_places(booking):
    now = STARTS_AT - 36 * HOUR

    cancelled = booking_cancel(booking=booking, reason="Sakit", now=now)

    assert cancelled.status == BookingStatus.CANCELLED
    assert (cancelled.refund_percent, cancelled.cancelled_at) == (50, now)
    assert seats_taken(booking.departure, now=now) == 0


def test_cancelling_twice_is_harmless(booking, django_capture_on_commit_callbacks):
    first_time = STARTS_AT - 72 * HOUR
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        booking_cancel(booking=booking, now=first_time)
        again = booking_cancel(booking=booking, now=STARTS_AT - 12 * HOUR)

    # The second call neither lowers the refund nor writes or sends anything more.
    assert again.status == BookingStatus.CANCELLED
    assert (again.refund_percent, again.cancelled_at) == (100, first_time)
    assert BookingEvent.objects.filter(booking=booking, kind="cancelled").count() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["siti@contoh.id"]


def test_a_guest_cannot_cancel_once_the_experience_started(booking):
    with pytest.raises(NotAllowed):
        booking_cancel(booking=booking, now=STARTS_AT + HOUR)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED


def test_nobody_can_cancel_after_check_in(booking):
    booking_check_in(booking=booking, now=STARTS_AT - HOUR)

    with pytest.raises(NotAllowed):
        booking_cancel(booking=booking, now=STARTS_AT - HOUR / 2)
    # Not even staff giving a refund by hand.
    with pytest.raises(NotAllowed):
        booking_cancel(booking=booking, refund_percent=100, now=STARTS_AT - HOUR / 2)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert booking.refund_percent is None


@pytest.mark.parametrize(("given", "kept"), [(150, 100), (-20, 0), (30, 30)])
def test_a_refund_given_by_staff_stays_between_0_and_100(booking, given, kept):
    cancelled = booking_cancel(booking=booking, refund_percent=given, now=STARTS_AT - 2 * HOUR)
    assert cancelled.refund_percent == kept


def test_dropping_a_hold_is_not_a_cancellation(django_capture_on_commit_callbacks):
    departure = DepartureFactory(starts_at=STARTS_AT, capacity=10)
    held = hold(departure, 2)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        released = booking_cancel(booking=held, now=STARTS_AT - 72 * HOUR)
    assert released.status == BookingStatus.EXPIRED
    assert released.refund_percent is None
    assert callbacks == []


def test_the_cancellation_e_mail_is_in_the_guests_language(django_capture_on_commit_callbacks):
    booking = confirmed(DepartureFactory(starts_at=STARTS_AT, capacity=10), 1, customer=GUEST_EN)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        booking_cancel(booking=booking, now=STARTS_AT - 72 * HOUR)
    (message,) = mail.outbox
    assert message.to == ["emma@example.com"]
    assert booking.reference in message.subject
    # Saturday 16 March 2030, in English words, with the English title of the tour.
    assert "Saturday 16 March 2030" in message.body
    assert "Batik Class" in message.body
    assert "Maret" not in message.body
