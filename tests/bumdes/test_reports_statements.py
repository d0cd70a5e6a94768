"""The financial statements of the fixed books in `report_books`, figure by figure, with the prior
period beside them; the statements agree with each other and with the journal, and the business
units add up to the whole BUMDes."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bumdes import reports
from bumdes.ledger import balances
from bumdes.reports import NO_UNIT, Figure
from tests.bumdes.report_books import YEAR, build_books

pytestmark = pytest.mark.django_db
START, END = YEAR


@pytest.fixture
def books():
    return build_books()


def _lines(section):
    return {line.code: (line.current, line.prior) for line in section.lines}


def test_trial_balance(books):
    tb = reports.trial_balance(books.enterprise, end=END)
    rows = {r.code: (r.debit, r.credit) for r in tb.rows}
    assert rows == {
        "1.1.01.01": (1_000_000, 0),
        "1.1.01.02": (10_865_000, 0),
        "1.1.01.90": (165_000, 0),
        "1.1.01.91": (0, 0),
        "2.1.01.90": (0, 100_000),
        "2.1.06.01": (0, 400_000),
        "2.1.06.02": (0, 0),
        "2.1.07.01": (0, 0),
        "2.1.07.02": (0, 50_000),
        "3.1.01.01": (0, 10_000_000),
        "3.2.01.01": (0, 100_000),
        "3.3.01.01": (0, 150_000),
        "3.9.01.01": (0, 0),
        "4.1.01.03": (0, 600_000),
        "4.1.09.01": (0, 1_000_000),
        "4.1.98.01": (100_000, 0),
        "6.2.99.90": (400_000, 0),
        "6.3.99.92": (70_000, 0),
        "7.1.03.01": (0, 200_000),
    }
    assert tb.total_debit == tb.total_credit == 12_600_000
    # Prior column: 31 Dec 2025, after the 2025 closing.
    prior = {
        r.code: (r.prior_debit, r.prior_credit) for r in tb.rows if r.prior_debit or r.prior_credit
    }
    assert prior == {"1.1.01.01": (500_000, 0), "3.3.01.01": (0, 500_000)}
    assert tb.prior_total_debit == tb.prior_total_credit == 500_000
    assert tb.balanced
    # Agrees with the ledger's own balances.
    signed = {r.code: r.debit - r.credit for r in tb.rows}
    assert {k: v for k, v in signed.items() if v} == {
        k: v for k, v in balances(books.enterprise, end=END).items() if v
    }


def test_trial_balance_of_a_period_shows_its_movement(books):
    tb = reports.trial_balance(
        books.enterprise, start=dt.date(2026, 3, 1), end=dt.date(2026, 3, 31)
    )
    moved = {r["code"]: (r["debit"], r["credit"]) for r in tb.as_list()}
    assert moved == {
        "1.1.01.02": (0, 200_000),
        "1.1.01.90": (165_000, 0),
        "2.1.06.01": (0, 0),
        "2.1.06.02": (0, 0),
        "2.1.07.01": (0, 0),
        "2.1.07.02": (0, 50_000),
        "3.2.01.01": (0, 100_000),
        "3.3.01.01": (350_000, 0),
        "6.3.99.92": (35_000, 0),
        "7.1.03.01": (0, 200_000),
    }
    assert tb.total_debit == tb.total_credit == 550_000


def test_income_statement(books):
    report = reports.income_statement(books.enterprise, start=START, end=END)
    s = report.sections
    assert _lines(s["revenue"]) == {"4.1.01.03": (600_000, 500_000), "4.1.09.01": (1_000_000, 0)}
    assert _lines(s["deductions"]) == {"4.1.98.01": (100_000, 0)}
    assert _lines(s["cost"]) == {"6.2.99.90": (400_000, 0)}
    assert _lines(s["operating"]) == {"6.3.99.92": (70_000, 0)}
    assert _lines(s["other_income"]) == {"7.1.03.01": (200_000, 0)}
    assert s["other_expense"].lines == []
    assert report.net_revenue == Figure(1_500_000, 500_000)
    assert report.gross_profit == Figure(1_100_000, 500_000)
    assert report.operating_profit == Figure(1_030_000, 500_000)
    assert report.other_net == Figure(200_000, 0)
    # 2025 was closed: its income statement still shows what it earned.
    assert report.net_profit == Figure(1_230_000, 500_000)


def test_balance_sheet_balances_and_agrees_with_the_income_statement(books):
    sheet = reports.balance_sheet(books.enterprise, date=END)
    s = sheet.sections
    assert _lines(s["current_assets"]) == {
        "1.1.01.01": (1_000_000, 500_000),
        "1.1.01.02": (10_865_000, 0),
        "1.1.01.90": (165_000, 0),
        "1.1.01.91": (0, 0),
    }
    assert {k: v for k, v in _lines(s["current_liabilities"]).items() if v != (0, 0)} == {
        "2.1.01.90": (100_000, 0),
        "2.1.06.01": (400_000, 0),
        "2.1.07.02": (50_000, 0),
    }
    assert _lines(s["equity"]) == {
        "3.1.01.01": (10_000_000, 0),
        "3.2.01.01": (100_000, 0),
        "3.3": (150_000, 0),
        "": (1_230_000, 500_000),
    }
    assert sheet.total_assets == Figure(12_030_000, 500_000)
    assert sheet.total_liabilities == Figure(550_000, 0)
    assert sheet.total_equity == Figure(11_480_000, 500_000)
    assert sheet.balanced and sheet.total_liabilities_equity == sheet.total_assets
    income = reports.income_statement(books.enterprise, start=START, end=END)
    assert sheet.current_year_result == income.net_profit
    # Mid-year, before anything is closed, it balances too and the result is the year to date.
    june = reports.balance_sheet(books.enterprise, date=dt.date(2026, 6, 30))
    assert june.balanced
    to_june = reports.income_statement(books.enterprise, start=START, end=dt.date(2026, 6, 30))
    assert june.current_year_result == to_june.net_profit
    # Assets agree with the journal.
    ledger = balances(books.enterprise, end=END)
    assert sheet.total_assets.current == sum(v for k, v in ledger.items() if k.startswith("1"))


def test_equity_changes_close_on_the_balance_sheet(books):
    report = reports.equity_changes(books.enterprise, start=START, end=END)
    rows = {r.key: (r.capital, r.reserves, r.retained, r.total) for r in report.rows}
    assert rows == {
        "opening": (0, 0, 500_000, 500_000),
        "capital": (10_000_000, 0, 0, 10_000_000),
        "profit": (0, 0, 1_230_000, 1_230_000),
        "distributions": (0, 100_000, -350_000, -250_000),
        "closing": (10_000_000, 100_000, 1_380_000, 11_480_000),
    }
    prior = {r.key: r.total for r in report.prior_rows}
    assert prior == {
        "opening": 0,
        "capital": 0,
        "profit": 500_000,
        "distributions": 0,
        "closing": 500_000,
    }
    sheet = reports.balance_sheet(books.enterprise, date=END)
    assert report.rows[-1].total == sheet.total_equity.current
    assert report.prior_rows[-1].total == sheet.total_equity.prior


def test_cash_flow_direct_method(books):
    report = reports.cash_flow(books.enterprise, start=START, end=END)
    operating = _lines(report.activities["operating"])
    assert operating == {
        "customers": (3_000_000, 500_000),
        "refunds": (-900_000, 0),
        "community": (-300_000, 0),
        "fees": (-70_000, 0),
    }
    assert report.activities["operating"].total == Figure(1_730_000, 500_000)
    assert report.activities["investing"].lines == []
    assert _lines(report.activities["financing"]) == {
        "capital": (10_000_000, 0),
        "distributions": (-200_000, 0),
    }
    # The Stripe payout moved money between cash accounts: no flow.
    assert report.net_change == Figure(11_530_000, 500_000)
    assert report.opening_cash == Figure(500_000, 0)
    assert report.closing_cash == Figure(12_030_000, 500_000)
    assert report.reconciles
    sheet = reports.balance_sheet(books.enterprise, date=END)
    assert report.closing_cash.current == sum(
        line.current for line in sheet.sections["current_assets"].lines if line.code < "1.1.02"
    )


def test_business_units_add_up_to_the_whole(books):
    e = books.enterprise
    units = [books.wisata, books.edukasi, NO_UNIT]
    income = {u: reports.income_statement(e, start=START, end=END, unit=u) for u in units}
    assert income[books.edukasi].net_profit == Figure(665_000, 0)
    assert income[books.wisata].net_profit == Figure(565_000, 500_000)
    assert income[NO_UNIT].net_profit == Figure(0, 0)
    whole = reports.income_statement(e, start=START, end=END)
    assert sum((r.net_profit for r in income.values()), Figure(0, 0)) == whole.net_profit

    tb = {u: reports.trial_balance(e, end=END, unit=u) for u in units}
    total = {}
    for report in tb.values():
        assert report.balanced
        for r in report.rows:
            total[r.code] = total.get(r.code, 0) + r.debit - r.credit
    whole_tb = reports.trial_balance(e, end=END)
    assert total == {r.code: r.debit - r.credit for r in whole_tb.rows}

    sheets = {u: reports.balance_sheet(e, date=END, unit=u) for u in units}
    edukasi = sheets[books.edukasi]
    assert edukasi.balanced  # the sales postings keep the unit on every line
    assert edukasi.total_assets == Figure(965_000, 0)
    assert edukasi.current_year_result == Figure(665_000, 0)
    assert sum((s.total_assets for s in sheets.values()), Figure(0, 0)) == Figure(
        12_030_000, 500_000
    )

    flows = {u: reports.cash_flow(e, start=START, end=END, unit=u) for u in units}
    assert sum((f.net_change for f in flows.values()), Figure(0, 0)) == Figure(11_530_000, 500_000)
    assert flows[books.edukasi].reconciles and flows[books.wisata].reconciles


def test_a_unit_of_another_bumdes_is_refused(books):
    from bumdes.models import BusinessUnit

    foreign = BusinessUnit.objects.exclude(enterprise=books.enterprise).first()
    with pytest.raises(ValueError):
        reports.trial_balance(books.enterprise, end=END, unit=foreign)


@pytest.mark.parametrize(
    ("name", "call", "queries"),
    [
        ("trial balance", lambda e: reports.trial_balance(e, end=END), 1),
        ("income statement", lambda e: reports.income_statement(e, start=START, end=END), 1),
        ("balance sheet", lambda e: reports.balance_sheet(e, date=END), 1),
        ("equity", lambda e: reports.equity_changes(e, start=START, end=END), 1),
        # Flows and balances, plus the cash accounts looked up in the chart (not the journal).
        ("cash flow", lambda e: reports.cash_flow(e, start=START, end=END), 3),
        ("general ledger", lambda e: reports.general_ledger(e, start=START, end=END), 2),
        ("journal", lambda e: reports.journal(e, start=START, end=END), 1),
        ("sub-ledgers", lambda e: reports.subledgers(e, date=END), 4),
        ("revenue", lambda e: reports.revenue(e, start=START, end=END), 4),
        ("impact", lambda e: reports.impact(e, start=START, end=END), 3),
    ],
)
def test_one_aggregate_query_per_section(books, name, call, queries):
    with CaptureQueriesContext(connection) as captured:
        call(books.enterprise)
    assert len(captured.captured_queries) == queries, name
