"""Community shares are paid on the revenue a booking really earns, never on money refunded.

Paid Rp 1.000.000, refunded Rp 500.000 before the day: the revenue recognised is Rp 500.000 and a
guide with a 20% share is owed Rp 100.000 (not Rp 200.000).
"""

import datetime as dt
from decimal import Decimal

import pytest

from bumdes import chart
from bumdes.models import Counterparty, JournalLine, Side
from tests.tours.factories import GUEST, DepartureFactory, confirmed, hold, village_tour_create, wib
from tours.booking.books import departure_deliver
from tours.booking.checkin import booking_check_in
from tours.booking.community import departure_assign
from tours.models import TourShare
from tours.payments.paying import bank_transfer_confirm
from tours.payments.refunds import refund_create

pytestmark = pytest.mark.django_db

STARTS_AT = wib(2030, 5, 4, 9, 0)
BOOKED_AT = wib(2030, 4, 20, 9, 0)


@pytest.fixture
def guided():
    """A tour of Rp 100.000 a person whose guide gets 20% of each booking, and its guide."""
    page, tier = village_tour_create(slug="pandu", prefix="PDU", price=100_000)
    TourShare.objects.create(page=page, role="guide", percent=Decimal("20"))
    guide = Counterparty.objects.create(
        enterprise=page.business_unit.enterprise, kind="community", name="Wati", role="guide"
    )
    departure = DepartureFactory(tour=page, starts_at=STARTS_AT, capacity=20)
    departure_assign(departure=departure, member=guide, role="guide")
    return departure, tier, guide


def _owed(guide) -> int:
    lines = JournalLine.objects.filter(
        counterparty=guide, account__code=chart.COMMUNITY_PAYABLE, side=Side.CREDIT
    )
    return sum(line.amount for line in lines)


def _revenue(booking) -> int:
    lines = JournalLine.objects.filter(
        booking_ref=booking.reference, account__code=chart.TOUR_REVENUE
    )
    return sum(line.amount if line.side == Side.CREDIT else -line.amount for line in lines)


def test_a_refund_before_the_day_lowers_the_share_with_the_revenue(guided):
    departure, tier, guide = guided
    booking = hold(departure, lines=[(tier.pk, 10)], now=BOOKED_AT, customer=GUEST)
    bank_transfer_confirm(booking=booking, amount=1_000_000, now=BOOKED_AT)
    booking.refresh_from_db()
    refund_create(booking=booking, amount=500_000, reason="Five guests fell ill", now=BOOKED_AT)

    departure_deliver(departure=departure, now=STARTS_AT + dt.timedelta(hours=4))

    assert _revenue(booking) == 500_000
    assert _owed(guide) == 100_000


def test_cash_taken_at_the_door_counts_for_the_share(guided):
    departure, tier, guide = guided
    booking = confirmed(departure, lines=[(tier.pk, 3)], now=BOOKED_AT)

    booking_check_in(booking=booking, now=STARTS_AT - dt.timedelta(minutes=10))
    departure_deliver(departure=departure, now=STARTS_AT + dt.timedelta(hours=4))

    assert _revenue(booking) == 300_000
    assert _owed(guide) == 60_000
