"""A treasurer preparing the village meeting at a desk: the reports, the income statement and the
balance sheet of the year, their PDF and XLSX downloads, and the journal.

The browser demo has no past season, so the test posts a year of books for Lipursari itself
(through `bumdes.postings`, as the sales side does). Screenshots (tests/e2e/screenshots/
treasurer-*.png) are for people to look at.
"""

import datetime as dt

import pytest
from django.utils import timezone

from bumdes import chart, postings
from bumdes.models import Counterparty, Enterprise
from core.localtime import zone_info
from tests.e2e.conftest import watch
from tests.e2e.test_checkin import log_in, shoot_admin
from tests.tours.partners.factories import agent

JAKARTA = zone_info("Asia/Jakarta")

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DESK = {"width": 1280, "height": 900}


@pytest.fixture
def desk(browser):
    context = browser.new_context(viewport=DESK, accept_downloads=True)
    page = context.new_page()
    yield page
    context.close()


def post_a_year(enterprise: Enterprise) -> None:
    """Last year: capital and a few tours; this year: a tour a month, fees, a guide paid."""
    today = timezone.localtime(timezone.now(), JAKARTA).date()
    last = today.year - 1
    unit = enterprise.units.order_by("pk").first()
    guide = Counterparty.objects.create(
        enterprise=enterprise, kind="community", name="Tri Lestari", role="pemandu"
    )
    postings.post_capital(
        enterprise=enterprise, amount=25_000_000, date=dt.date(last, 1, 6), source_ref="modal"
    )
    months = [(last, m) for m in (7, 8, 10, 12)] + [
        (today.year, m) for m in range(1, today.month + 1) if dt.date(today.year, m, 5) <= today
    ]
    for number, (year, month) in enumerate(months):
        day = dt.date(year, month, 5)
        amount = 750_000 + 150_000 * (number % 4)
        sale = postings.Sale(
            enterprise=enterprise,
            booking_ref=f"LPS-E2E{number:02d}",
            unit=unit,
            tour="Kelas Membatik" if number % 2 else "Sehari Jadi Petani",
            channel="direct",
            revenue_account=chart.WORKSHOP_REVENUE if number % 2 else chart.TOUR_REVENUE,
        )
        postings.post_payment_received(
            sale=sale,
            amount=amount,
            method="stripe",
            date=day,
            delivered=False,
            source_ref=f"e2e-pay-{number}",
        )
        postings.post_payment_fee(
            sale=sale, fee=amount * 3 // 100, date=day, source_ref=f"e2e-fee-{number}"
        )
        postings.post_delivery(
            sale=sale,
            date=day + dt.timedelta(days=3),
            shares=[(guide, amount // 5)],
            source_ref=f"e2e-delivery-{number}",
        )
    postings.post_counterparty_payment(
        enterprise=enterprise,
        counterparty=guide,
        amount=300_000,
        method="cash",
        date=today,
        source_ref="e2e-pay-guide",
    )


def test_treasurer_prepares_the_village_meeting(demo, desk):
    """One walk at the desk: each live test reloads the demo, which takes a while."""
    lipursari = Enterprise.objects.get(slug="lipursari")
    post_a_year(lipursari)
    year = timezone.localtime(timezone.now(), JAKARTA).year
    complaints = watch(desk)
    log_in(desk, demo.url, "lipursari-treasurer")

    desk.goto(f"{demo.url}/admin/books/reports/")
    assert desk.get_by_text("Laporan Posisi Keuangan").first.is_visible()
    shoot_admin(desk, "treasurer-1-reports")
    reads_and_downloads_the_statements(desk, demo.url, year)
    reads_revenue_journal_and_payments(desk, demo.url, year)
    opens_the_periods_and_the_year_close(desk, demo.url, year)
    posts_a_manual_entry(desk, demo.url)
    records_a_partners_settlement(desk, demo.url, lipursari)
    prints_the_income_statement(desk, demo.url, year)
    complaints.assert_none()


def year_period(year: int) -> str:
    return f"date_from={year}-01-01&date_to={year}-12-31"


def reads_and_downloads_the_statements(desk, base_url: str, year: int) -> None:
    """The income statement and the balance sheet of the year, each as PDF and XLSX."""
    desk.goto(f"{base_url}/admin/books/reports/income-statement/?{year_period(year)}")
    sheet = desk.locator(".desa-report")
    assert "LAPORAN LABA RUGI" in sheet.inner_text().upper()
    assert f"Tahun {year - 1}" in sheet.inner_text()  # the prior year beside each figure
    assert "Bendahara" in sheet.inner_text()
    shoot_admin(desk, "treasurer-2-income-statement")
    pdf = download(desk, "PDF")
    assert pdf.startswith(b"%PDF")
    xlsx = download(desk, "XLSX")
    assert xlsx.startswith(b"PK")

    desk.goto(f"{base_url}/admin/books/reports/balance-sheet/?date_to={year}-12-31")
    text = desk.locator(".desa-report").inner_text()
    assert "LAPORAN POSISI KEUANGAN" in text.upper() and "JUMLAH ASET" in text
    shoot_admin(desk, "treasurer-3-balance-sheet")
    assert download(desk, "PDF").startswith(b"%PDF")
    assert download(desk, "XLSX").startswith(b"PK")


def reads_revenue_journal_and_payments(desk, base_url: str, year: int) -> None:
    desk.goto(f"{base_url}/admin/books/reports/revenue/?{year_period(year)}")
    assert desk.locator(".desa-chart svg").is_visible()
    shoot_admin(desk, "treasurer-4-revenue")

    desk.goto(f"{base_url}/admin/books/journal/")
    assert desk.get_by_text("Pembayaran kepada Tri Lestari").first.is_visible()
    shoot_admin(desk, "treasurer-5-journal")

    desk.goto(f"{base_url}/admin/books/payments/")
    assert desk.get_by_text("Tri Lestari").first.is_visible()
    shoot_admin(desk, "treasurer-6-payments")


def opens_the_periods_and_the_year_close(desk, base_url: str, year: int) -> None:
    desk.goto(f"{base_url}/admin/books/periods/")
    assert desk.locator("#periods-lock-section").is_visible()
    shoot_admin(desk, "treasurer-7-periods")
    desk.goto(f"{base_url}/admin/books/periods/close/?year={year - 1}")
    assert desk.locator("#close-preview-section button[type=submit]").is_visible()
    shoot_admin(desk, "treasurer-7-close-year")


def posts_a_manual_entry(desk, base_url: str) -> None:
    """A bank charge of Rp 15.000, posted by hand; the entry opens once saved."""
    desk.goto(f"{base_url}/admin/books/manual/new/")
    desk.fill("input[name=memo]", "Biaya administrasi bank")
    desk.select_option("select[name=lines-0-account]", "6.3.99.92")
    desk.select_option("select[name=lines-0-side]", "debit")
    desk.fill("input[name=lines-0-amount]", "15.000")
    desk.select_option("select[name=lines-1-account]", chart.BANK)
    desk.select_option("select[name=lines-1-side]", "credit")
    desk.fill("input[name=lines-1-amount]", "15.000")
    desk.locator("form.desa-manual button[type=submit]").click()
    desk.wait_for_url("**/admin/books/manual/inspect/*/")
    shoot_admin(desk, "treasurer-8-manual-entry")


def records_a_partners_settlement(desk, base_url: str, enterprise: Enterprise) -> None:
    """An agent on account owes Rp 425.000 (Rp 500.000 delivered less 15%); it pays 200.000."""
    agreement = agent("agen-e2e").agreements.get()
    sale = postings.Sale(enterprise=enterprise, booking_ref="LPS-E2EMT", tour="Kelas Membatik")
    postings.post_partner_account_delivery(
        sale=sale,
        counterparty=agreement.counterparty,
        total=500_000,
        commission=75_000,
        date=timezone.localtime(timezone.now(), JAKARTA).date(),
        source_ref="e2e-partner",
    )
    desk.goto(f"{base_url}/admin/partners/")
    desk.locator(f"a[href$='/partners/{agreement.pk}/']").click()
    balance = desk.locator("[data-partner-balance]")
    assert "425.000" in balance.inner_text()
    desk.locator(f"a[href$='/partners/{agreement.pk}/settle/']").click()
    desk.fill("input[name=amount]", "200.000")
    desk.locator("form.desa-form button[type=submit]").click()
    desk.wait_for_url(f"**/admin/partners/{agreement.pk}/")
    assert "225.000" in desk.locator("[data-partner-balance]").inner_text()
    shoot_admin(desk, "treasurer-8-partner-settled")


def prints_the_income_statement(desk, base_url: str, year: int) -> None:
    desk.emulate_media(media="print")
    desk.goto(f"{base_url}/admin/books/reports/income-statement/?{year_period(year)}")
    shoot_admin(desk, "treasurer-9-income-statement-print")
    desk.emulate_media(media="screen")


def download(page, label: str) -> bytes:
    with page.expect_download() as info:
        page.locator(".desa-links a", has_text=label).click()
    path = info.value.path()
    with open(path, "rb") as file:
        return file.read()
