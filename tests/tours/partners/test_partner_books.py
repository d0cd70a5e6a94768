"""A partner's booking in the books: the commission a guest-pays partner is owed at delivery,
what an on-account partner owes (its total less commission), settlements either way, each posted
once, and nothing posted for an on-account booking cancelled before its day."""

import datetime as dt

import pytest

from bumdes import chart
from bumdes.manual import ManualEntryInvalid
from bumdes.models import JournalEntry, Side
from bumdes.periods import period_lock
from tests.tours.partners.books_setup import (
    BOOKED_AT,
    STARTS_AT,
    deliver,
    guest_pays_hotel,
    lines_of,
    on_account_agent,
    paid_booking,
    partner_book,
    village,
)
from tours.booking.books import booking_sale, payment_record
from tours.booking.cancelling import booking_cancel
from tours.booking.partner_books import booking_commission
from tours.booking.partner_terms import credit_in_use
from tours.models import PartnerSettlement, PaymentMethod
from tours.partners.books import agreement_balance, settlement_record

pytestmark = pytest.mark.django_db
D, C = Side.DEBIT, Side.CREDIT


@pytest.fixture
def setup():
    return village()


def test_guest_pays_commission_is_owed_at_delivery(setup):
    departure, tier, _odd = setup
    partner = guest_pays_hotel()
    booking = paid_booking(partner, departure, tier, 3)
    assert booking.total == 225_000
    assert lines_of(booking, chart.COMMISSION_EXPENSE) == []  # nothing before the day
    deliver(departure)
    name = partner.name
    assert lines_of(booking, chart.COMMISSION_EXPENSE) == [(D, 28_125, name)]  # 12.5% of 225.000
    assert lines_of(booking, chart.COMMISSION_PAYABLE) == [(C, 28_125, name)]
    assert lines_of(booking, chart.TOUR_REVENUE) == [(C, 225_000, "")]
    agreement = partner.agreements.get()
    assert agreement_balance(agreement).payable == 28_125
    assert agreement_balance(agreement).receivable == 0


def test_commission_rounds_half_up_at_delivery(setup):
    departure, _tier, odd = setup
    partner = guest_pays_hotel()
    booking = paid_booking(partner, departure, odd, 1)  # 12.5% of 75.004 = 9.375,5
    deliver(departure)
    assert lines_of(booking, chart.COMMISSION_PAYABLE) == [(C, 9_376, partner.name)]


def test_on_account_delivery_owes_the_total_less_commission(setup):
    departure, tier, _odd = setup
    partner = on_account_agent()
    booking = partner_book(partner, departure, tier, 3, PaymentMethod.PARTNER_ACCOUNT)
    agreement = partner.agreements.get()
    assert credit_in_use(agreement) == 191_250  # booked, not yet delivered
    deliver(departure)
    name = partner.name
    assert lines_of(booking, chart.RECEIVABLES) == [(C, 33_750, name), (D, 225_000, name)]
    assert lines_of(booking, chart.TOUR_REVENUE) == [(C, 225_000, "")]
    assert lines_of(booking, chart.COMMISSION_EXPENSE) == [(D, 33_750, name)]  # 15%
    assert agreement_balance(agreement).receivable == 191_250
    assert credit_in_use(agreement) == 191_250  # now in the books, counted once


def test_delivery_posts_once(setup):
    departure, tier, _odd = setup
    partner = on_account_agent()
    partner_book(partner, departure, tier, 2, PaymentMethod.PARTNER_ACCOUNT)
    deliver(departure)
    deliver(departure)
    assert JournalEntry.objects.filter(source_type="partner_delivery").count() == 1


def test_a_booking_without_a_partner_posts_no_commission(setup):
    departure, tier, _odd = setup
    booking = partner_book(None, departure, tier, 2, PaymentMethod.CASH)
    deliver(departure)
    assert not JournalEntry.objects.filter(source_type="partner_delivery").exists()
    assert booking.partner is None


def test_on_account_cancelled_before_the_day_posts_nothing_and_frees_the_credit(setup):
    departure, tier, _odd = setup
    partner = on_account_agent(credit_limit=200_000)
    booking = partner_book(partner, departure, tier, 2, PaymentMethod.PARTNER_ACCOUNT)
    agreement = partner.agreements.get()
    assert credit_in_use(agreement) == 127_500
    booking_cancel(booking=booking, now=BOOKED_AT + dt.timedelta(hours=1))
    deliver(departure)
    assert not JournalEntry.objects.filter(lines__booking_ref=booking.reference).exists()
    assert credit_in_use(agreement) == 0
    assert agreement_balance(agreement).receivable == 0


def _settle(agreement, direction, amount, key="k1", date=dt.date(2030, 5, 20)):
    return settlement_record(
        agreement=agreement,
        direction=direction,
        amount=amount,
        date=date,
        method="bank_transfer",
        note="Transfer BCA",
        key=key,
    )


def test_a_partners_payment_settles_its_receivable_once(setup):
    departure, tier, _odd = setup
    partner = on_account_agent()
    partner_book(partner, departure, tier, 3, PaymentMethod.PARTNER_ACCOUNT)
    deliver(departure)
    agreement = partner.agreements.get()
    entry, created = _settle(agreement, PartnerSettlement.Direction.FROM_PARTNER, 100_000)
    again, created_again = _settle(agreement, PartnerSettlement.Direction.FROM_PARTNER, 100_000)
    assert created and not created_again and again == entry
    lines = sorted((line.account.code, line.side, line.amount) for line in entry.lines.all())
    assert lines == [(chart.BANK, D, 100_000), (chart.RECEIVABLES, C, 100_000)]
    assert agreement_balance(agreement).receivable == 91_250
    assert agreement.settlements.count() == 1
    with pytest.raises(ManualEntryInvalid) as refused:
        _settle(agreement, PartnerSettlement.Direction.FROM_PARTNER, 91_251, key="k2")
    assert refused.value.field == "amount" and "91.250" in str(refused.value.message)


def test_paying_a_partners_commission(setup):
    departure, tier, _odd = setup
    partner = guest_pays_hotel()
    paid_booking(partner, departure, tier, 3)
    deliver(departure)
    agreement = partner.agreements.get()
    with pytest.raises(ManualEntryInvalid) as refused:
        _settle(agreement, PartnerSettlement.Direction.TO_PARTNER, 28_126)
    assert "28.125" in str(refused.value.message)
    entry, created = _settle(agreement, PartnerSettlement.Direction.TO_PARTNER, 28_125)
    lines = sorted((line.account.code, line.side, line.amount) for line in entry.lines.all())
    assert lines == [(chart.BANK, C, 28_125), (chart.COMMISSION_PAYABLE, D, 28_125)]
    assert agreement_balance(agreement).payable == 0


@pytest.mark.parametrize("amount", [0, -5, 10.5])
def test_a_settlement_is_a_positive_whole_amount(setup, amount):
    agreement = on_account_agent().agreements.get()
    with pytest.raises(ManualEntryInvalid) as refused:
        _settle(agreement, PartnerSettlement.Direction.FROM_PARTNER, amount)
    assert refused.value.field == "amount"


def test_no_settlement_in_a_locked_period(setup):
    departure, tier, _odd = setup
    partner = on_account_agent()
    partner_book(partner, departure, tier, 3, PaymentMethod.PARTNER_ACCOUNT)
    deliver(departure)
    agreement = partner.agreements.get()
    period_lock(enterprise=agreement.enterprise, lock_date=dt.date(2030, 5, 31))
    with pytest.raises(ManualEntryInvalid) as refused:
        _settle(agreement, PartnerSettlement.Direction.FROM_PARTNER, 1_000)
    assert refused.value.field == "date"
    assert not agreement.settlements.exists()


def test_every_screen_shows_one_commission_figure(setup):
    """Before the day: what the total will earn; once delivered: what the books hold, even when
    more money arrives later; cancelled: none."""
    departure, tier, _odd = setup
    partner = guest_pays_hotel()
    booking = partner_book(partner, departure, tier, 2, PaymentMethod.CASH)
    assert booking_commission(booking, booking_sale(booking)) == 18_750  # 12.5% of 150.000
    payment_record(booking=booking, method="cash", amount=75_000, now=BOOKED_AT)
    deliver(departure)
    booking.refresh_from_db()
    posted = lines_of(booking, chart.COMMISSION_EXPENSE)
    assert posted == [(D, 9_375, partner.name)]  # on the Rp 75.000 it had earned
    payment_record(booking=booking, method="cash", amount=75_000, now=STARTS_AT)
    booking.refresh_from_db()
    assert booking_commission(booking, booking_sale(booking)) == 9_375
    cancelled = partner_book(partner, departure, tier, 1, PaymentMethod.CASH)
    booking_cancel(booking=cancelled, now=BOOKED_AT)
    cancelled.refresh_from_db()
    assert booking_commission(cancelled, booking_sale(cancelled)) == 0
