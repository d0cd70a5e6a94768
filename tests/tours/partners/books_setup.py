"""A village of the partner tests' own (Rp 75.000 a person, and a Rp 75.004 tier for rounding),
a departure on 4 May 2030, a hotel (guest pays, 12.5%) and an agent (on account, 15%) with an
active agreement with its BUMDes, and the steps of their bookings."""

import datetime as dt
from decimal import Decimal

from bumdes.models import JournalLine
from tests.tours.factories import GUEST, DepartureFactory, village_tour_create, wib
from tests.tours.partners.factories import agent, hotel
from tours.booking.books import departure_deliver, payment_record
from tours.models import PaymentMethod, PriceTier
from tours.payments.paying import booking_create

STARTS_AT = wib(2030, 5, 4, 9, 0)
BOOKED_AT = wib(2030, 4, 20, 9, 0)
VILLAGE = "mitra"


def village():
    """(departure, Rp 75.000 tier, Rp 75.004 tier)."""
    page, tier = village_tour_create(slug=VILLAGE, prefix="MTR", price=75_000)
    odd = PriceTier.objects.create(page=page, label="Anak", price=75_004, locale=tier.locale)
    departure = DepartureFactory(tour=page, starts_at=STARTS_AT, capacity=20)
    return departure, tier, odd


def guest_pays_hotel(slug="hotel-asri"):
    partner = hotel(slug, enterprise=VILLAGE)
    partner.agreements.update(commission_percent=Decimal("12.5"))
    return partner


def on_account_agent(slug="agen-jateng", credit_limit=10_000_000):
    return agent(slug, enterprise=VILLAGE, credit_limit=credit_limit)


def partner_book(partner, departure, tier, quantity, method, now=BOOKED_AT):
    booking, _ = booking_create(
        departure_id=departure.pk,
        lines=[(tier.pk, quantity)],
        customer=GUEST,
        payment_method=method,
        partner=partner,
        now=now,
    )
    return booking


def paid_booking(partner, departure, tier, quantity):
    """A guest-pays booking the guest paid in full at the village's office, before the day."""
    booking = partner_book(partner, departure, tier, quantity, PaymentMethod.CASH)
    payment_record(booking=booking, method="cash", amount=booking.total, now=BOOKED_AT)
    return booking


def deliver(departure):
    return departure_deliver(departure=departure, now=STARTS_AT + dt.timedelta(hours=4))


def lines_of(booking, account: str) -> list[tuple[str, int, str]]:
    """(side, amount, counterparty name) of the booking's lines on one account."""
    lines = JournalLine.objects.filter(booking_ref=booking.reference, account__code=account)
    return sorted(
        (line.side, line.amount, line.counterparty.name if line.counterparty else "")
        for line in lines.select_related("counterparty")
    )
