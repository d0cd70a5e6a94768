"""The reports on screen and as downloads: every report renders for its own BUMDes with the
Indonesian title, the prior period beside each figure and the signature block; the figures are
the reports module's; downloads are real PDF, XLSX and CSV; invariant 6 (another BUMDes's books
cannot be reached, not even by naming them in the address).

The fixed books of `report_books` (BUMDes Sukamaju, 2025 and 2026) give known figures.
"""

import io

import pytest
from openpyxl import load_workbook

from bumdes import reports
from bumdes.admin.charts import bar_chart, short_amount
from bumdes.admin.reports import KINDS
from core.formats import rupiah
from tests.admin_screens import in_english, refused
from tests.bumdes.enterprises import make_user
from tests.bumdes.report_books import YEAR, build_books

pytestmark = pytest.mark.django_db

INDEX = "/admin/books/reports/"
START, END = YEAR
PERIOD = {"date_from": START.isoformat(), "date_to": END.isoformat()}


def url(slug: str) -> str:
    return f"{INDEX}{slug}/"


@pytest.fixture
def books():
    return build_books()


@pytest.fixture
def treasurer(books, client):
    user = make_user("skm-treasurer", books.enterprise, "treasurer")
    client.force_login(user)
    return user


def test_index_lists_every_report(client, treasurer):
    response = client.get(INDEX)
    html = response.content.decode()
    assert response.status_code == 200
    for kind in KINDS:
        assert url(kind.slug) in html and kind.title in html


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.slug)
def test_every_report_renders_like_the_paper_form(client, treasurer, kind):
    response = client.get(url(kind.slug), PERIOD)
    html = response.content.decode()
    assert response.status_code == 200
    assert "BUMDES SUKAMAJU" in html and kind.title.upper() in html
    assert "pembanding" in html or "2025" in html  # the prior period beside the figures
    assert "Bendahara" in html and "Pengawas" in html  # the signature block
    for fmt in ("format=pdf", "format=xlsx", "format=csv"):
        assert fmt in html


def test_income_statement_shows_the_reports_figures(client, books, treasurer):
    statement = reports.income_statement(books.enterprise, start=START, end=END)
    html = client.get(url("income-statement"), PERIOD).content.decode()
    assert "Laporan Laba Rugi".upper() in html
    assert "Tahun 2026" in html and "Tahun 2025" in html
    assert rupiah(statement.net_profit.current) in html
    assert rupiah(statement.net_profit.prior) in html
    revenue = statement.sections["revenue"]
    assert rupiah(revenue.current) in html


def test_balance_sheet_as_of_a_date(client, books, treasurer):
    sheet = reports.balance_sheet(books.enterprise, date=END)
    html = client.get(url("balance-sheet"), {"date_to": END.isoformat()}).content.decode()
    assert "Per 31 Desember 2026" in html and "31 Desember 2025" in html
    assert rupiah(sheet.total_assets.current) in html
    assert 'name="date_from"' not in html  # a position on one day


def test_business_unit_filter(client, books, treasurer):
    wisata = reports.income_statement(books.enterprise, start=START, end=END, unit=books.wisata)
    html = client.get(url("income-statement"), {**PERIOD, "unit": "wisata"}).content.decode()
    assert "Unit Wisata" in html
    assert rupiah(wisata.net_profit.current) in html
    html = client.get(url("income-statement"), {**PERIOD, "unit": "-"}).content.decode()
    assert "Tanpa unit usaha" in html


def test_revenue_has_a_chart_by_month(client, treasurer):
    html = client.get(url("revenue"), PERIOD).content.decode()
    assert "<svg" in html and 'role="img"' in html
    assert "<script" not in html.split("<svg", 1)[1].split("</svg>", 1)[0]


def test_general_ledger_of_one_account(client, treasurer):
    html = client.get(url("general-ledger"), {**PERIOD, "account": "1.1.01.02"}).content.decode()
    assert "Kas di Bank" in html and "Saldo awal" in html
    assert "Kas Tunai" not in html.split("desa-report", 1)[1]


def test_downloads_are_real_files_with_the_signature_block(client, treasurer):
    response = client.get(url("income-statement"), {**PERIOD, "format": "pdf"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "laporan-laba-rugi-sukamaju-2026-12-31.pdf" in response["Content-Disposition"]

    response = client.get(url("balance-sheet"), {"date_to": END.isoformat(), "format": "xlsx"})
    assert response.content.startswith(b"PK")
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [c for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert "BUMDES SUKAMAJU" in cells and "Bendahara" in cells

    response = client.get(url("trial-balance"), {"date_to": END.isoformat(), "format": "csv"})
    text = response.content.decode("utf-8-sig")
    assert text.startswith("BUMDES SUKAMAJU") and "Direktur/Pelaksana Operasional" in text


def test_a_period_that_ends_before_it_starts_is_refused(client, treasurer):
    in_english(treasurer)
    response = client.get(
        url("income-statement"), {"date_from": "2026-05-01", "date_to": "2026-04-01"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "on or before" in html and "desa-report__table" not in html


def test_staff_cannot_name_another_bumdes(client, login):
    login("lipursari-treasurer")
    html = client.get(url("income-statement"), {"enterprise": "plobangan"}).content.decode()
    assert "BUMDES LIPURSARI" in html and "PLOBANGAN" not in html.upper().split("DESA-REPORT", 1)[1]
    response = client.get(url("balance-sheet"), {"enterprise": "plobangan", "format": "pdf"})
    assert "lipursari" in response["Content-Disposition"]


def test_operators_and_editors_are_refused(client, login):
    for username in ("lipursari-operator", "lipursari-editor"):
        login(username)
        assert refused(client.get(INDEX))
        assert refused(client.get(url("balance-sheet"), {"format": "pdf"}))


def test_superuser_chooses_the_bumdes(client, login, books):
    login("admin")
    html = client.get(url("income-statement")).content.decode()
    assert "?enterprise=sukamaju" in html and "desa-report__table" not in html
    html = client.get(
        url("income-statement"), {**PERIOD, "enterprise": "sukamaju"}
    ).content.decode()
    assert "BUMDES SUKAMAJU" in html
    # The choice is remembered for the next screens.
    html = client.get(url("balance-sheet")).content.decode()
    assert "BUMDES SUKAMAJU" in html


def test_unknown_report_is_not_found(client, treasurer):
    response = client.get(url("laporan-rahasia"))
    assert response.status_code == 404
    assert "desa-report__table" not in response.content.decode()


def test_chart_is_plain_svg_with_figures_in_titles():
    svg = str(
        bar_chart(
            [("Januari 2026", 1_500_000, 900_000), ("Februari 2026", 0, 250_000)],
            title="Pendapatan",
            current_label="2026",
            prior_label="2025",
        )
    )
    assert svg.count("<rect") == 4
    assert "Januari 2026: Rp 1.500.000 (2026)" in svg
    assert bar_chart([("Jan", 0, 0)], title="x", current_label="a", prior_label="b") == ""
    assert short_amount(1_500_000) == "1,5 jt" and short_amount(950_000) == "950 rb"
