"""Each posting of the books (docs/architecture.md, "The books") on fixed amounts (Rp 1.000.000)."""

import datetime as dt
from decimal import Decimal

import pytest

from bumdes import chart, postings
from bumdes.ledger import LedgerError, balances, journal_entry_reverse
from bumdes.models import Counterparty, JournalEntry
from bumdes.periods import profit_distribute, profit_distribution_plan, year_close
from bumdes.services import enterprise_create
from core.money import percent_of

pytestmark = pytest.mark.django_db

PAID = dt.date(2026, 3, 1)
DAY = dt.date(2026, 3, 14)


@pytest.fixture
def enterprise():
    # A BUMDes of its own: the demo's have a past season in their books.
    return enterprise_create(
        slug="ujicoba",
        name="BUMDes Uji Coba",
        ref_prefix="UJI",
        village="Uji Coba",
        legal_name="Badan Usaha Milik Desa Uji Coba",
    )


@pytest.fixture
def sale(enterprise):
    return postings.Sale(
        enterprise=enterprise,
        booking_ref="LPS-AAAAA",
        unit=enterprise.units.first(),
        tour="Kelas Membatik",
        channel="direct",
        revenue_account=chart.WORKSHOP_REVENUE,
    )


@pytest.fixture
def teacher(enterprise):
    return Counterparty.objects.create(
        enterprise=enterprise,
        kind="community",
        name="Bu Sri",
        role="batik teacher",
        returned_migrant_worker=True,
        gender="female",
    )


def _lines(entry):
    lines = entry.lines.select_related("account")
    return sorted((line.side, line.account.code, line.amount) for line in lines)


def _balanced_everywhere(enterprise):
    assert sum(balances(enterprise).values()) == 0


def test_paid_online_then_fee(sale):
    entry = postings.post_payment_received(
        sale=sale, amount=1_000_000, method="stripe", date=PAID, delivered=False, source_ref="p1"
    )
    assert _lines(entry) == [
        ("credit", chart.UNEARNED, 1_000_000),
        ("debit", chart.GATEWAY, 1_000_000),
    ]
    fee = postings.post_payment_fee(sale=sale, fee=34_000, date=PAID, source_ref="p1")
    assert _lines(fee) == [("credit", chart.GATEWAY, 34_000), ("debit", chart.PAYMENT_FEES, 34_000)]
    assert postings.unearned_balance(sale) == 1_000_000
    _balanced_everywhere(sale.enterprise)


def test_cash_on_the_day_is_revenue_at_once(sale):
    entry = postings.post_payment_received(
        sale=sale, amount=1_000_000, method="cash", date=DAY, delivered=True, source_ref="c1"
    )
    assert _lines(entry) == [
        ("credit", chart.WORKSHOP_REVENUE, 1_000_000),
        ("debit", chart.CASH, 1_000_000),
    ]
    assert postings.unearned_balance(sale) == 0


def test_delivery_recognises_revenue_and_the_community_share(sale, teacher):
    postings.post_payment_received(
        sale=sale,
        amount=1_000_000,
        method="bank_transfer",
        date=PAID,
        delivered=False,
        source_ref="b1",
    )
    share = percent_of(1_000_000, Decimal("30"))
    entry = postings.post_delivery(sale=sale, date=DAY, shares=[(teacher, share)], source_ref="d1")
    assert _lines(entry) == [
        ("credit", chart.COMMUNITY_PAYABLE, 300_000),
        ("credit", chart.WORKSHOP_REVENUE, 1_000_000),
        ("debit", chart.UNEARNED, 1_000_000),
        ("debit", chart.COMMUNITY_FEES, 300_000),
    ]
    assert postings.unearned_balance(sale) == 0
    payable = entry.lines.get(account__code=chart.COMMUNITY_PAYABLE)
    assert payable.counterparty == teacher
    pay = postings.post_counterparty_payment(
        enterprise=sale.enterprise,
        counterparty=teacher,
        amount=300_000,
        method="cash",
        date=DAY,
        source_ref="pay-1",
    )
    assert _lines(pay) == [
        ("credit", chart.CASH, 300_000),
        ("debit", chart.COMMUNITY_PAYABLE, 300_000),
    ]
    assert balances(sale.enterprise).get(chart.COMMUNITY_PAYABLE, 0) == 0


def test_cancelled_before_delivery_keeps_twenty_percent(sale):
    postings.post_payment_received(
        sale=sale, amount=1_000_000, method="stripe", date=PAID, delivered=False, source_ref="p"
    )
    entry = postings.post_cancellation(sale=sale, refund=800_000, date=PAID, source_ref="x")
    assert _lines(entry) == [
        ("credit", chart.REFUNDS_PAYABLE, 800_000),
        ("credit", chart.CANCELLATION_FEES, 200_000),
        ("debit", chart.UNEARNED, 1_000_000),
    ]
    refund = postings.post_refund_paid(
        sale=sale, amount=800_000, method="stripe", date=PAID, source_ref="r", fee=0
    )
    assert _lines(refund) == [
        ("credit", chart.GATEWAY, 800_000),
        ("debit", chart.REFUNDS_PAYABLE, 800_000),
    ]
    assert balances(sale.enterprise).get(chart.REFUNDS_PAYABLE, 0) == 0


def test_refund_after_delivery_reduces_revenue(sale):
    entry = postings.post_refund_after_delivery(
        sale=sale, amount=250_000, method="cash", date=DAY, source_ref="late"
    )
    assert _lines(entry) == [
        ("credit", chart.CASH, 250_000),
        ("debit", chart.REVENUE_DEDUCTIONS, 250_000),
    ]


def test_percentages_round_half_up_to_whole_rupiah():
    assert percent_of(1_000_001, 30) == 300_000  # 300000.3
    assert percent_of(1_000_005, 30) == 300_002  # 300001.5 rounds up
    assert percent_of(333, Decimal("33.33")) == 111  # 110.99


def test_reversal_mirrors_the_entry(sale):
    entry = postings.post_payment_received(
        sale=sale, amount=500_000, method="cash", date=PAID, delivered=False, source_ref="wrong"
    )
    reversal = journal_entry_reverse(entry=entry, date=DAY, reason="typed twice")
    assert reversal.reverses == entry
    assert postings.unearned_balance(sale) == 0
    assert journal_entry_reverse(entry=entry, date=DAY, reason="again").pk == reversal.pk
    with pytest.raises(LedgerError):
        journal_entry_reverse(entry=reversal, date=DAY, reason="")


def test_year_close_and_profit_distribution_with_rounding(enterprise, sale):
    enterprise.share_village_percent = Decimal("33.33")
    enterprise.share_reserve_percent = Decimal("33.33")
    enterprise.share_investors_percent = Decimal("33.33")
    enterprise.save()
    postings.post_capital(
        enterprise=enterprise, amount=10_000_000, date=dt.date(2025, 1, 2), source_ref="cap"
    )
    postings.post_payment_received(
        sale=sale,
        amount=1_000_001,
        method="cash",
        date=dt.date(2025, 6, 1),
        delivered=True,
        source_ref="y",
    )
    entry = year_close(enterprise=enterprise, year=2025)
    assert entry is not None
    assert year_close(enterprise=enterprise, year=2025).pk == entry.pk
    enterprise.refresh_from_db()
    assert enterprise.lock_date == dt.date(2025, 12, 31)
    after = balances(enterprise)
    assert after.get(chart.WORKSHOP_REVENUE, 0) == 0
    assert after[chart.RETAINED] == -1_000_001
    with pytest.raises(LedgerError):
        profit_distribute(
            enterprise=enterprise, year=2025, decision_number="", decision_date=dt.date(2026, 2, 1)
        )
    plan = profit_distribution_plan(enterprise, 2025)  # what the treasurer's preview shows
    dist = profit_distribute(
        enterprise=enterprise,
        year=2025,
        decision_number="02/MUSDES/2026",
        decision_date=dt.date(2026, 2, 1),
    )
    lines = _lines(dist)
    # The preview is what was posted, share by share.
    assert ("debit", chart.RETAINED, plan.distributed) in lines
    for share in plan.shares:
        assert ("credit", share.account, share.amount) in lines
    assert plan.rounding == 1
    # 99.99% of 1.000.001 is 999.900,9999 → 999.901; each 33.33% is 333.300,33 → 333.300, so
    # the three shares make 999.900 and the rupiah left over goes to the rounding account.
    assert ("debit", chart.RETAINED, 999_901) in lines
    assert ("credit", chart.PADES_PAYABLE, 333_300) in lines
    assert ("credit", chart.ROUNDING, 1) in lines
    _balanced_everywhere(enterprise)
    assert (
        JournalEntry.objects.filter(
            enterprise=enterprise, source_type="profit_distribution"
        ).count()
        == 1
    )
