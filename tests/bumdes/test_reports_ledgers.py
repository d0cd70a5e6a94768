"""General ledger, journal, sub-ledgers and the operational views (revenue, impact) of the fixed
books in `report_books`."""

import datetime as dt

import pytest

from bumdes import chart, reports
from bumdes.ledger import balances
from bumdes.models import Enterprise
from tests.bumdes.report_books import YEAR, build_books

pytestmark = pytest.mark.django_db
START, END = YEAR


@pytest.fixture
def books():
    return build_books()


def test_general_ledger_running_balance(books):
    ledger = reports.general_ledger(books.enterprise, start=START, end=END, account=chart.GATEWAY)
    (account,) = ledger.accounts
    assert (account.code, account.normal, account.opening) == (chart.GATEWAY, "debit", 0)
    moves = [
        (line.date.isoformat(), line.debit, line.credit, line.balance) for line in account.lines
    ]
    assert moves == [
        ("2026-02-01", 1_000_000, 0, 1_000_000),
        ("2026-02-01", 0, 35_000, 965_000),
        ("2026-02-20", 0, 965_000, 0),
        ("2026-03-01", 1_000_000, 0, 1_000_000),
        ("2026-03-01", 0, 35_000, 965_000),
        ("2026-03-07", 0, 800_000, 165_000),
    ]
    assert (account.debit, account.credit, account.closing) == (2_000_000, 1_835_000, 165_000)


def test_general_ledger_opening_balance_and_credit_accounts(books):
    ledger = reports.general_ledger(books.enterprise, start=dt.date(2026, 3, 1), end=END)
    accounts = {a.code: a for a in ledger.accounts}
    bank = accounts[chart.BANK]
    assert bank.opening == 10_000_000 + 965_000 - 300_000
    assert [line.balance for line in bank.lines] == [10_465_000, 10_865_000]
    assert bank.closing == 10_865_000
    unearned = accounts[chart.UNEARNED]  # credit normal: shown as a positive credit balance
    assert unearned.normal == "credit"
    assert [line.balance for line in unearned.lines] == [1_000_000, 0, 400_000]
    # Every account's closing balance is the ledger's balance.
    ledger_balances = balances(books.enterprise, end=END)
    for code, account in accounts.items():
        sign = 1 if account.normal == "debit" else -1
        assert account.closing == sign * ledger_balances[code]
        assert account.opening + sign * (account.debit - account.credit) == account.closing
    # Workshop revenue moved only in February: listed with its opening balance and no lines.
    assert (accounts["4.1.09.01"].opening, accounts["4.1.09.01"].lines) == (1_000_000, [])
    # Payouts in transit: nothing left before March and nothing in it, so not listed.
    assert chart.IN_TRANSIT not in accounts
    assert accounts["3.3.01.01"].opening == 500_000


def test_journal_lists_entries_with_their_lines(books):
    report = reports.journal(books.enterprise, start=dt.date(2026, 3, 1), end=dt.date(2026, 3, 31))
    assert [e.memo.split()[0] for e in report.entries] == [
        "Pembayaran",
        "Biaya",
        "Pembatalan",
        "Pengembalian",
        "Bagi",
        "Setoran",
    ]
    cancellation = report.entries[2]
    assert [(x.code, x.debit, x.credit) for x in cancellation.lines] == [
        (chart.UNEARNED, 1_000_000, 0),
        (chart.REFUNDS_PAYABLE, 0, 800_000),
        (chart.CANCELLATION_FEES, 0, 200_000),
    ]
    assert cancellation.lines[0].booking_ref == "SKM-B"
    assert cancellation.lines[0].unit == "Unit Wisata"
    assert report.total_debit == report.total_credit == 3_385_000


def test_subledgers_agree_with_the_general_ledger(books):
    report = reports.subledgers(books.enterprise, date=END)
    ledgers = {ledger.code: ledger for ledger in report.ledgers}
    unearned = ledgers[chart.UNEARNED]
    assert [(r.key, r.name, r.since, r.current, r.prior) for r in unearned.rows] == [
        ("SKM-D", "Jelajah Kebun Teh", dt.date(2026, 12, 20), 400_000, 0)
    ]
    community = ledgers[chart.COMMUNITY_PAYABLE]
    assert [(r.name, r.current) for r in community.rows] == [("Pak Budi", 100_000)]
    assert ledgers[chart.RECEIVABLES].rows == [] and ledgers[chart.COMMISSION_PAYABLE].rows == []
    ledger = balances(books.enterprise, end=END)
    assert unearned.total.current == -ledger[chart.UNEARNED]
    assert community.total.current == -ledger[chart.COMMUNITY_PAYABLE]
    # In February Bu Sri was owed her share until she was paid on the 28th.
    feb = reports.subledgers(books.enterprise, date=dt.date(2026, 2, 27))
    community = {ledger.code: ledger for ledger in feb.ledgers}[chart.COMMUNITY_PAYABLE]
    assert [(r.name, r.current) for r in community.rows] == [("Bu Sri", 300_000)]


def test_revenue_by_tour_channel_month_and_village(books):
    report = reports.revenue(books.enterprise, start=START, end=END)
    tours = {r.label: (r.current, r.prior) for r in report.by_tour}
    assert tours == {"Kelas Membatik": (1_000_000, 0), "Jelajah Kebun Teh": (500_000, 500_000)}
    channels = {r.key: (r.current, r.prior) for r in report.by_channel}
    assert channels == {"direct": (1_000_000, 500_000), "staff": (500_000, 0)}
    months = {r.key: (r.current, r.prior) for r in report.by_month if r.current or r.prior}
    assert months == {
        "2026-02": (1_000_000, 0),
        "2026-04": (500_000, 0),
        "2026-06": (0, 500_000),
    }
    assert len(report.by_month) == 12
    assert [(r.label, r.current) for r in report.by_village] == [("BUMDes Sukamaju", 1_500_000)]
    income = reports.income_statement(books.enterprise, start=START, end=END)
    assert report.total.current == income.net_revenue.current
    assert report.total.prior == income.net_revenue.prior
    wisata = reports.revenue(books.enterprise, start=START, end=END, unit=books.wisata)
    assert wisata.total.current == 500_000


def test_revenue_across_villages_for_the_platform(books):
    others = list(Enterprise.objects.exclude(pk=books.enterprise.pk))
    report = reports.revenue([books.enterprise, *others], start=START, end=END)
    villages = {r.label: r.current for r in report.by_village}
    assert villages["BUMDes Sukamaju"] == 1_500_000
    assert report.total.current == sum(villages.values())
    assert report.scope.enterprise == "Semua BUMDes"


def test_impact_income_of_community_members(books):
    report = reports.impact(books.enterprise, start=START, end=END)
    total = report.total
    assert (total.earned, total.paid, total.members) == (400_000, 300_000, 2)
    months = {r.key: (r.earned, r.paid, r.members) for r in report.by_month if r.earned or r.paid}
    assert months == {"2026-02": (300_000, 300_000, 1), "2026-04": (100_000, 0, 1)}
    migrant = {r.key: (r.earned, r.paid, r.members) for r in report.by_migrant}
    assert migrant == {
        "yes": (300_000, 300_000, 1),
        "no": (100_000, 0, 1),
        "unknown": (0, 0, 0),
    }
    gender = {r.key: (r.earned, r.paid) for r in report.by_gender}
    assert gender == {"female": (300_000, 300_000), "male": (100_000, 0), "unknown": (0, 0)}
    assert [(r.label, r.earned) for r in report.by_village] == [("BUMDes Sukamaju", 400_000)]
    assert total.prior_earned == 0
