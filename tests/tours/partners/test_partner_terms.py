"""A partner's booking: attributed to it, its commission frozen, net rates, on-account bookings
within the credit limit only, and nothing sold without an active agreement."""

from decimal import Decimal

import pytest

from tests.tours.factories import GUEST, per_person, student
from tests.tours.partners.factories import agent, hotel, partner_with_agreement
from tours.booking.errors import BookingInvalid
from tours.booking.partner_terms import commission_amount, credit_in_use
from tours.models import (
    Booking,
    BookingStatus,
    Channel,
    PartnerAgreement,
    PartnerTourTerms,
    PaymentMethod,
    PaymentStatus,
    Settlement,
    Terms,
)
from tours.payments.paying import booking_create

pytestmark = pytest.mark.django_db


def book(partner, departure, quantity=2, method=PaymentMethod.CASH, lines=None):
    booking, _ = booking_create(
        departure_id=departure.pk,
        lines=lines or [(per_person(departure.tour).pk, quantity)],
        customer=GUEST,
        payment_method=method,
        partner=partner,
    )
    return booking


def test_a_partners_booking_is_its_own_with_its_commission_frozen(departure):
    partner = hotel()
    booking = book(partner, departure)
    assert booking.partner == partner and booking.channel == Channel.PARTNER
    assert booking.commission_percent == Decimal("10.00")
    PartnerAgreement.objects.filter(partner=partner).update(commission_percent=20)
    booking.refresh_from_db()
    assert booking.commission_percent == Decimal("10.00")


def test_a_commission_agreed_for_one_experience_wins(departure):
    partner = hotel()
    agreement = partner.agreements.get()
    PartnerTourTerms.objects.create(agreement=agreement, tour=departure.tour, commission_percent=12)
    assert book(partner, departure).commission_percent == Decimal("12.00")


def test_commission_rounds_half_up_to_whole_rupiah():
    assert commission_amount(100_005, Decimal("10")) == 10_001  # 10.000,5
    assert commission_amount(100_004, Decimal("10")) == 10_000
    assert commission_amount(75_000, Decimal("12.5")) == 9_375
    assert commission_amount(1_000, Decimal("0")) == 0


def test_no_sale_without_an_active_agreement(departure):
    pending = hotel("menunggu", active=False)
    with pytest.raises(BookingInvalid) as refused:
        book(pending, departure)
    assert "partner" in refused.value.errors
    elsewhere = hotel("lain-desa", enterprise="plobangan")
    with pytest.raises(BookingInvalid):
        book(elsewhere, departure)
    assert not Booking.objects.filter(partner__in=[pending, elsewhere]).exists()


def test_only_on_account_partners_book_on_account(departure):
    with pytest.raises(BookingInvalid) as refused:
        book(hotel(), departure, method=PaymentMethod.PARTNER_ACCOUNT)
    assert "payment_method" in refused.value.errors
    with pytest.raises(BookingInvalid):
        booking_create(
            departure_id=departure.pk,
            lines=[(per_person(departure.tour).pk, 1)],
            customer=GUEST,
            payment_method=PaymentMethod.PARTNER_ACCOUNT,
        )


def test_on_account_confirms_at_once_within_the_credit_limit(departure):
    partner = agent(credit_limit=400_000)  # 15%: Rp 200.000 booked costs Rp 170.000 of credit
    first = book(partner, departure, 2, PaymentMethod.PARTNER_ACCOUNT)
    assert first.status == BookingStatus.CONFIRMED
    assert first.payment_status == PaymentStatus.ON_ACCOUNT
    second = book(partner, departure, 2, PaymentMethod.PARTNER_ACCOUNT)
    agreement = partner.agreements.get()
    assert credit_in_use(agreement) == 340_000
    with pytest.raises(BookingInvalid) as refused:
        book(partner, departure, 1, PaymentMethod.PARTNER_ACCOUNT)  # 85.000 > 60.000 left
    assert "credit limit" in refused.value.errors["payment_method"]
    assert Booking.objects.filter(partner=partner).count() == 2
    assert second.total == 200_000


def test_net_rates_price_the_booking_and_earn_no_commission(departure):
    partner = partner_with_agreement(
        "neto", terms=Terms.NET_RATES, settlement=Settlement.ON_ACCOUNT, credit_limit=10**7
    )
    agreement = partner.agreements.get()
    agreement.net_rates.create(tier=per_person(departure.tour), net_price=80_000)
    booking = book(partner, departure, 3, PaymentMethod.PARTNER_ACCOUNT)
    assert booking.total == 240_000 and booking.commission_percent == 0
    assert [line.unit_price for line in booking.lines.all()] == [80_000]
    with pytest.raises(BookingInvalid) as refused:
        book(partner, departure, lines=[(student(departure.tour).pk, 10)],
             method=PaymentMethod.PARTNER_ACCOUNT)  # fmt: skip
    assert "lines.0.tier" in refused.value.errors


def test_net_rates_need_settlement_on_account():
    with pytest.raises(Exception) as refused:
        partner_with_agreement("neto-salah", terms=Terms.NET_RATES)
    assert "terms" in str(refused.value)
