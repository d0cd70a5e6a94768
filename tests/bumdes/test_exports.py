"""Exports: XLSX, PDF, CSV and JSON carry the figures, the header and the signature block; the
Beancount file passes Beancount's own checker with the same balances as our books."""

import csv
import datetime as dt
import io
import json
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bumdes import reports
from bumdes.exports import file_name, render
from bumdes.exports.beancount_file import account_name, journal_beancount
from bumdes.ledger import balances
from bumdes.models import Account
from tests.bumdes.report_books import YEAR, build_books

pytestmark = pytest.mark.django_db
START, END = YEAR


@pytest.fixture
def books():
    return build_books()


def _cells(sheet) -> list[str]:
    return [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]


def test_xlsx_has_header_figures_prior_column_and_signatures(books):
    report = reports.balance_sheet(books.enterprise, date=END)
    sheet = load_workbook(io.BytesIO(render(report, "xlsx"))).active
    text = _cells(sheet)
    assert text[:4] == [
        "BUMDES SUKAMAJU",
        "LAPORAN POSISI KEUANGAN",
        "Semua unit usaha",
        "Per 31 Desember 2026 (pembanding: 31 Desember 2025)",
    ]
    for words in ("Direktur/Pelaksana Operasional", "Bendahara", "Mengetahui:", "Pengawas"):
        assert words in text
    assert "Penasihat" in text and "Sukamaju, 31 Desember 2026" in text
    assert {"31 Desember 2026", "31 Desember 2025"} <= set(text)
    total = next(row for row in sheet.iter_rows() if row[1].value == "JUMLAH ASET")
    assert (total[2].value, total[3].value) == (12_030_000, 500_000)
    assert total[2].number_format == "#,##0"
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4


def test_pdf_is_a4_with_title(books):
    report = reports.income_statement(books.enterprise, start=START, end=END)
    pdf = render(report, "pdf")
    assert pdf.startswith(b"%PDF")
    assert b"/MediaBox [ 0 0 595.2756 841.8898 ]" in pdf  # A4 portrait
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
        ).stdout.decode()
        assert "LAPORAN LABA RUGI" in text and "BUMDES SUKAMAJU" in text
        assert "1.230.000" in text and "Bendahara" in text and "Penasihat" in text
    assert file_name(report, "pdf") == "laporan-laba-rugi-sukamaju-2026-12-31.pdf"


def test_csv_parses_with_whole_rupiah(books):
    report = reports.trial_balance(books.enterprise, end=END)
    rows = list(csv.reader(io.StringIO(render(report, "csv"))))
    assert rows[0] == ["BUMDES SUKAMAJU"] and rows[1] == ["NERACA SALDO"]
    bank = next(row for row in rows if row and row[0] == "1.1.01.02")
    assert bank[:4] == ["1.1.01.02", "Kas di Bank", "10865000", "0"]
    total = next(row for row in rows if len(row) > 1 and row[1] == "Jumlah")
    assert total[2:4] == ["12600000", "12600000"]
    assert ["Pengawas", "Penasihat"] in rows


def test_json_of_the_trial_balance_is_the_plain_list(books):
    data = json.loads(render(reports.trial_balance(books.enterprise, end=END), "json"))
    assert data[0] == {"code": "1.1.01.01", "name": "Kas Tunai", "debit": 1_000_000, "credit": 0}
    assert all(set(row) == {"code", "name", "debit", "credit"} for row in data)
    assert sum(r["debit"] for r in data) == sum(r["credit"] for r in data) == 12_600_000


def test_json_of_a_statement_keeps_its_structure(books):
    data = json.loads(render(reports.cash_flow(books.enterprise, start=START, end=END), "json"))
    assert data["closing_cash"] == {"current": 12_030_000, "prior": 500_000}
    assert data["scope"]["period"] == {"start": "2026-01-01", "end": "2026-12-31"}
    assert data["reconciles"] is True


def test_every_report_renders_in_every_format(books):
    e = books.enterprise
    all_reports = [
        reports.equity_changes(e, start=START, end=END),
        reports.general_ledger(e, start=START, end=END),
        reports.journal(e, start=START, end=END),
        reports.subledgers(e, date=END),
        reports.revenue(e, start=START, end=END),
        reports.impact(e, start=START, end=END),
    ]
    for report in all_reports:
        for fmt in ("table", "csv", "json", "xlsx", "pdf"):
            assert render(report, fmt)
        assert "Bendahara" in render(report, "table")


def test_beancount_names():
    assert account_name("1.1.01.01", "Kas Tunai", "asset") == "Assets:Kas-Tunai-1-1-01-01"
    assert account_name("4.1.98.01", "pengurangan (retur)", "contra_revenue") == (
        "Income:Pengurangan-retur-4-1-98-01"
    )


def _beancount_balances(text: str) -> dict[str, int]:
    from beancount import loader
    from beancount.core import data

    entries, errors, options = loader.load_string(text)
    assert errors == [], errors
    assert options["operating_currency"] == ["IDR"]
    totals = defaultdict(int)
    for entry in entries:
        if isinstance(entry, data.Transaction):
            for posting in entry.postings:
                assert posting.units.currency == "IDR"
                totals[posting.account] += int(posting.units.number)
    return {k: v for k, v in totals.items() if v}


@pytest.mark.parametrize("start", [None, dt.date(2026, 3, 1)])
def test_beancount_export_passes_beancount_and_agrees_with_our_books(books, start, tmp_path):
    pytest.importorskip("beancount")
    text = journal_beancount(books.enterprise, start=start, end=END)
    assert 'option "operating_currency" "IDR"' in text
    names = {
        a.code: account_name(a.code, a.name, a.kind)
        for a in Account.objects.filter(enterprise=books.enterprise)
    }
    ours = {names[code]: v for code, v in balances(books.enterprise, end=END).items() if v}
    assert _beancount_balances(text) == ours
    checker = Path(sys.executable).parent / "bean-check"
    if checker.exists():
        path = tmp_path / "journal.beancount"
        path.write_text(text, encoding="utf-8")
        result = subprocess.run([checker, str(path)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
