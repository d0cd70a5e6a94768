"""Manual entries need a second person's approval; payments to community members post once.

A BUMDes of its own (the demo's books stay as they are for the other tests), with two
treasurers, a manager and an operator.
"""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import ModelLogEntry

from bumdes import chart, postings
from bumdes.ledger import LedgerError, balances
from bumdes.manual import (
    ManualEntryInvalid,
    NotAllowed,
    ProposedLine,
    counterparties_owed,
    counterparty_owed,
    counterparty_pay,
    manual_entry_approve,
    manual_entry_propose,
    manual_entry_reject,
    manual_entry_reject_reason,
)
from bumdes.models import BusinessUnit, Counterparty, Enterprise, JournalEntry, ManualEntry
from bumdes.periods import period_lock
from tests.bumdes.enterprises import make_enterprise, make_user

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 3, 10)


@pytest.fixture
def books():
    enterprise = make_enterprise("sidomulyo", "SDM")
    return {
        "enterprise": enterprise,
        "ana": make_user("sdm-ana", enterprise, "treasurer"),
        "bayu": make_user("sdm-bayu", enterprise, "treasurer"),
        "manager": make_user("sdm-manager", enterprise, "manager"),
        "operator": make_user("sdm-operator", enterprise, "operator"),
    }


def bank_charges(unit=None, amount=25_000):
    return [
        ProposedLine("6.3.99.92", "debit", amount, unit),
        ProposedLine(chart.BANK, "credit", amount, unit),
    ]


def propose(books, **kwargs):
    fields = {
        "enterprise": books["enterprise"],
        "date": DAY,
        "memo": "Biaya administrasi bank Maret",
        "lines": bank_charges(),
        "user": books["ana"],
        **kwargs,
    }
    return manual_entry_propose(**fields)


# Proposing --------------------------------------------------------------------------------------


def test_a_proposal_is_kept_unposted(books):
    manual = propose(books)
    assert manual.status == ManualEntry.Status.PENDING
    assert manual.lines == [
        {"account": "6.3.99.92", "side": "debit", "amount": 25_000, "unit": None},
        {"account": chart.BANK, "side": "credit", "amount": 25_000, "unit": None},
    ]
    assert not JournalEntry.objects.filter(enterprise=books["enterprise"]).exists()
    assert ModelLogEntry.objects.for_instance(manual).filter(
        action="bumdes.manual_entry.propose", user=books["ana"]
    )


@pytest.mark.parametrize(
    "lines, field",
    [
        ([ProposedLine(chart.BANK, "credit", 1000)], "lines"),  # one line
        (
            [ProposedLine(chart.CASH, "debit", 1000), ProposedLine(chart.BANK, "credit", 900)],
            "lines",
        ),  # unbalanced
        (
            [ProposedLine(chart.CASH, "debit", 0), ProposedLine(chart.BANK, "credit", 0)],
            "lines",
        ),  # zero
        (
            [ProposedLine(chart.CASH, "debit", -5), ProposedLine(chart.BANK, "credit", -5)],
            "lines",
        ),  # negative
        (
            [ProposedLine(chart.CASH, "debit", 10.5), ProposedLine(chart.BANK, "credit", 10.5)],
            "lines",
        ),  # not whole rupiah
        (
            [ProposedLine("1.1.01", "debit", 100), ProposedLine(chart.BANK, "credit", 100)],
            "lines",
        ),  # a header account
        (
            [ProposedLine("9.9.99.99", "debit", 100), ProposedLine(chart.BANK, "credit", 100)],
            "lines",
        ),  # not in the chart
        (
            [
                ProposedLine(chart.INCOME_SUMMARY, "debit", 100),
                ProposedLine(chart.BANK, "credit", 100),
            ],
            "lines",
        ),  # closing only
    ],
)
def test_bad_lines_are_refused_and_nothing_is_kept(books, lines, field):
    with pytest.raises(ManualEntryInvalid) as error:
        propose(books, lines=lines)
    assert error.value.field == field
    assert not ManualEntry.objects.filter(enterprise=books["enterprise"]).exists()


def test_a_date_in_a_locked_period_or_no_memo_is_refused(books):
    period_lock(enterprise=books["enterprise"], lock_date=dt.date(2026, 3, 31))
    with pytest.raises(ManualEntryInvalid) as error:
        propose(books)
    assert error.value.field == "date"
    with pytest.raises(ManualEntryInvalid) as error:
        propose(books, date=dt.date(2026, 4, 2), memo="  ")
    assert error.value.field == "memo"


def test_a_unit_of_another_bumdes_is_refused(books):
    other_unit = BusinessUnit.objects.filter(enterprise__slug="plobangan").first()
    with pytest.raises(ManualEntryInvalid):
        propose(books, lines=bank_charges(unit=other_unit))


def test_operators_and_outsiders_do_not_propose(books):
    with pytest.raises(NotAllowed):
        propose(books, user=books["operator"])
    outsider = get_user_model().objects.get(username="lipursari-treasurer")
    with pytest.raises(NotAllowed):
        propose(books, user=outsider)


# Approving and rejecting ------------------------------------------------------------------------


def test_a_second_person_approves_and_the_entry_is_posted_once(books):
    unit = books["enterprise"].units.get()
    manual = propose(books, lines=bank_charges(unit=unit))
    approved = manual_entry_approve(manual_entry=manual, user=books["bayu"])
    assert approved.status == ManualEntry.Status.POSTED
    assert approved.decided_by == books["bayu"]
    entry = approved.entry
    assert (entry.source_type, entry.source_ref) == ("manual", f"manual-{manual.pk}")
    assert entry.created_by == books["ana"]
    assert entry.date == DAY and entry.memo == "Biaya administrasi bank Maret"
    assert {
        (line.account.code, line.side, line.amount, line.unit) for line in entry.lines.all()
    } == {
        ("6.3.99.92", "debit", 25_000, unit),
        (chart.BANK, "credit", 25_000, unit),
    }
    # Pressing approve again (or another officer at the same moment) posts nothing more.
    again = manual_entry_approve(manual_entry=manual, user=books["manager"])
    assert again.entry_id == entry.pk and again.decided_by == books["bayu"]
    assert JournalEntry.objects.filter(enterprise=books["enterprise"]).count() == 1
    assert sum(balances(books["enterprise"]).values()) == 0


def test_the_proposer_cannot_approve_their_own_entry(books):
    manual = propose(books)
    with pytest.raises(NotAllowed):
        manual_entry_approve(manual_entry=manual, user=books["ana"])
    manual.refresh_from_db()
    assert manual.status == ManualEntry.Status.PENDING and manual.entry is None


def test_only_officers_of_the_same_bumdes_approve(books):
    manual = propose(books)
    for user in (
        books["operator"],
        get_user_model().objects.get(username="lipursari-treasurer"),
        get_user_model().objects.get(username="admin"),  # the platform, not the BUMDes
    ):
        with pytest.raises(NotAllowed):
            manual_entry_approve(manual_entry=manual, user=user)
    assert manual_entry_approve(manual_entry=manual, user=books["manager"]).entry is not None


def test_approving_in_a_period_locked_since_is_refused(books):
    manual = propose(books)
    period_lock(enterprise=books["enterprise"], lock_date=dt.date(2026, 3, 31))
    with pytest.raises(LedgerError):
        manual_entry_approve(manual_entry=manual, user=books["bayu"])
    manual.refresh_from_db()
    assert manual.status == ManualEntry.Status.PENDING


def test_reject_needs_a_reason_and_keeps_it(books):
    manual = propose(books)
    with pytest.raises(ManualEntryInvalid):
        manual_entry_reject(manual_entry=manual, user=books["bayu"], reason=" ")
    rejected = manual_entry_reject(
        manual_entry=manual, user=books["bayu"], reason="Bukti transfer tidak ada"
    )
    assert rejected.status == ManualEntry.Status.REJECTED and rejected.entry is None
    assert manual_entry_reject_reason(rejected) == "Bukti transfer tidak ada"
    with pytest.raises(NotAllowed):
        manual_entry_approve(manual_entry=manual, user=books["manager"])
    assert not JournalEntry.objects.filter(enterprise=books["enterprise"]).exists()


def test_a_posted_entry_is_not_rejected(books):
    manual = propose(books)
    manual_entry_approve(manual_entry=manual, user=books["bayu"])
    with pytest.raises(NotAllowed):
        manual_entry_reject(manual_entry=manual, user=books["manager"], reason="Salah")


# Paying community members -----------------------------------------------------------------------


@pytest.fixture
def guide(books):
    enterprise = books["enterprise"]
    guide = Counterparty.objects.create(
        enterprise=enterprise, kind="community", name="Pak Darto", role="pemandu"
    )
    sale = postings.Sale(enterprise=enterprise, booking_ref="SDM-AAAAA", unit=None, tour="Tur")
    postings.post_payment_received(
        sale=sale, amount=500_000, method="cash", date=DAY, delivered=False, source_ref="p1"
    )
    postings.post_delivery(sale=sale, date=DAY, shares=[(guide, 100_000)], source_ref="d1")
    return guide


def test_owed_per_counterparty_in_one_query(books, guide, django_assert_num_queries):
    partner = Counterparty.objects.create(
        enterprise=books["enterprise"], kind="partner", name="Hotel Dieng"
    )
    with django_assert_num_queries(1):
        owed = {c.name: c.owed for c in counterparties_owed(books["enterprise"])}
    assert owed == {"Pak Darto": 100_000, "Hotel Dieng": 0}
    assert counterparty_owed(partner) == 0


def test_paying_what_is_owed_brings_it_to_zero_once(books, guide):
    enterprise = books["enterprise"]
    pay = {
        "enterprise": enterprise,
        "counterparty": guide,
        "amount": 100_000,
        "method": "cash",
        "date": DAY,
        "key": "a1b2c3d4",
        "user": books["ana"],
    }
    entry, created = counterparty_pay(**pay)
    assert created and entry.source_ref == f"pay-{guide.pk}-a1b2c3d4"
    assert counterparty_owed(guide) == 0
    # The same form sent twice: the same entry, nothing more posted.
    again, created = counterparty_pay(**pay)
    assert again.pk == entry.pk and not created
    assert balances(enterprise)[chart.CASH] == 500_000 - 100_000


def test_paying_more_than_owed_or_for_another_bumdes_is_refused(books, guide):
    with pytest.raises(ManualEntryInvalid) as error:
        counterparty_pay(
            enterprise=books["enterprise"],
            counterparty=guide,
            amount=100_001,
            method="cash",
            date=DAY,
            key="k1",
        )
    assert error.value.field == "amount"
    with pytest.raises(NotAllowed):
        counterparty_pay(
            enterprise=Enterprise.objects.get(slug="lipursari"),
            counterparty=guide,
            amount=1,
            method="cash",
            date=DAY,
            key="k2",
        )
    assert counterparty_owed(guide) == 100_000
