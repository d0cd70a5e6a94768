"""`manage.py bumdes_report`: every report prints; the JSON trial balance is the plain list;
files are written; unknown enterprises, units, reports and dates get a clear error."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from tests.bumdes.report_books import build_books

pytestmark = pytest.mark.django_db
PERIOD = ["--enterprise", "sukamaju", "--from", "2026-01-01", "--to", "2026-12-31"]


@pytest.fixture
def books():
    return build_books()


def run(*args) -> str:
    out = io.StringIO()
    call_command("bumdes_report", *args, stdout=out)
    return out.getvalue()


def test_trial_balance_json_is_the_exact_list(books):
    data = json.loads(
        run("trial-balance", "--enterprise", "sukamaju", "--to", "2026-12-31", "--format", "json")
    )
    assert isinstance(data, list) and len(data) == 19
    assert data[1] == {"code": "1.1.01.02", "name": "Kas di Bank", "debit": 10_865_000, "credit": 0}
    assert all(isinstance(r["debit"], int) and isinstance(r["credit"], int) for r in data)
    assert sum(r["debit"] for r in data) == sum(r["credit"] for r in data)


@pytest.mark.parametrize(
    ("report", "expected"),
    [
        ("income-statement", "LABA (RUGI) BERSIH"),
        ("balance-sheet", "JUMLAH LIABILITAS DAN EKUITAS"),
        ("equity", "Saldo akhir"),
        ("cash-flow", "Kas pada Akhir Periode"),
        ("general-ledger", "Saldo awal"),
        ("journal", "Pembatalan SKM-B"),
        ("subledgers", "SKM-D"),
        ("revenue", "Kelas Membatik"),
        ("impact", "Pekerja migran purna"),
    ],
)
def test_every_report_prints_a_table(books, report, expected):
    text = run(report, *PERIOD)
    assert text.startswith("BUMDES SUKAMAJU\n")
    assert expected in text and "Bendahara" in text


def test_unit_and_account_options(books):
    text = run("income-statement", *PERIOD, "--unit", "edukasi")
    assert "Unit Edukasi" in text and "665.000" in text
    text = run("general-ledger", *PERIOD, "--account", "1.1.01.90")
    assert "1.1.01.90 Kas pada Payment Gateway" in text and "Kas di Bank" not in text
    csv_text = run("revenue", *PERIOD, "--format", "csv")
    assert "Kelas Membatik,1000000,0" in csv_text


def test_xlsx_and_pdf_are_written_to_a_file(books, tmp_path, monkeypatch):
    target = tmp_path / "neraca.xlsx"
    assert run("balance-sheet", *PERIOD, "--format", "xlsx", "--output", str(target)).strip() == (
        str(target)
    )
    assert load_workbook(target).active["A1"].value == "BUMDES SUKAMAJU"
    monkeypatch.chdir(tmp_path)
    path = run("cash-flow", *PERIOD, "--format", "pdf").strip()
    assert path == "laporan-arus-kas-sukamaju-2026-12-31.pdf"
    assert (tmp_path / path).read_bytes().startswith(b"%PDF")


def test_beancount_format_of_the_journal(books):
    text = run("journal", "--enterprise", "sukamaju", "--to", "2026-12-31", "--format", "beancount")
    assert 'option "operating_currency" "IDR"' in text
    assert "open Assets:Kas-Tunai-1-1-01-01 IDR" in text
    with pytest.raises(CommandError, match="journal only"):
        run("trial-balance", *PERIOD, "--format", "beancount")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["trial-balance", "--enterprise", "nowhere"], "Unknown BUMDes"),
        (["trial-balance", *PERIOD, "--unit", "kuliner"], "Unknown business unit"),
        (["profit-forecast", *PERIOD], "invalid choice"),
        (["trial-balance", "--enterprise", "sukamaju", "--to", "31-12-2026"], "YYYY-MM-DD"),
        (["trial-balance", "--enterprise", "sukamaju", "--from", "2026-02-30"], "not a date"),
        (
            ["journal", "--enterprise", "sukamaju", "--from", "2026-05-01", "--to", "2026-04-01"],
            "after",
        ),
        (["general-ledger", *PERIOD, "--account", "9.9.99.99"], "Unknown detail account"),
        (["income-statement", "--enterprise", "sukamaju,plobangan"], "one BUMDes"),
    ],
)
def test_clear_errors(books, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)


def test_revenue_across_all_villages(books):
    text = run("revenue", "--enterprise", "all", "--from", "2026-01-01", "--to", "2026-12-31")
    assert text.startswith("SEMUA BUMDES\n") and "BUMDes Sukamaju" in text
