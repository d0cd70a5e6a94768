"""An Indonesian operator (on a phone) and treasurer (at a desk) in the admin, with a browser that
asks for English: every menu they open and every screen they use reads in Indonesian, Wagtail's
own words and what its scripts write included. Screenshots (tests/e2e/screenshots/
indonesian-*.png) are for people to look at.
"""

import pytest

from bumdes.models import Enterprise
from tests.admin_language import english_words
from tests.e2e.test_checkin import log_in, shoot_admin
from tests.e2e.test_treasurer import post_a_year
from tests.tours.staff_screens import book, departure_ahead, departure_today, tour_of

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


# What a person reads or hears: the text shown, and the labels of what is shown.
READ = """() => {
    const names = ["aria-label", "title", "placeholder", "alt"];
    const shown = (el) => el.offsetParent !== null || el.getClientRects().length > 0;
    const labels = [...document.querySelectorAll(names.map((name) => `[${name}]`).join(","))]
        .filter(shown)
        .flatMap((el) => names.map((name) => el.getAttribute(name)))
        .filter(Boolean);
    return [document.body.innerText, ...labels].join("\\n");
}"""


def english_read(page) -> set[str]:
    return english_words(page.evaluate(READ))


def english_seen(page) -> set[str]:
    """English words on the page, then with each menu of the sidebar open in turn (the page
    read again before each, so that no open menu covers the next one's button)."""
    seen = english_read(page)
    menus = ".sidebar-menu-item__link[aria-haspopup], .sidebar-footer__account"
    for index in range(page.locator(menus).count()):
        if index:
            page.goto(page.url)
        opener = page.locator(".sidebar-nav-toggle--mobile")
        if opener.is_visible():
            opener.click()
        page.locator(menus).nth(index).click()
        page.wait_for_timeout(250)
        seen |= english_read(page)
    page.goto(page.url)
    return seen


def in_indonesian(page, shot: str) -> None:
    """A screenshot of the page as it is, then no English on it or in the menus."""
    assert page.locator("html").get_attribute("lang") == "id"
    shoot_admin(page, shot)
    english = english_seen(page)
    assert not english, (page.url, english)


def check(page, url: str, shot: str) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    in_indonesian(page, shot)


@pytest.fixture
def english_browser(browser):
    def context(**kwargs):
        return browser.new_context(
            locale="en-US", extra_http_headers={"Accept-Language": "en"}, **kwargs
        )

    return context


def test_an_operator_works_in_indonesian_on_a_phone(demo, english_browser):
    lipursari = tour_of("lipursari")
    today = book(departure_today(lipursari), people=3, name="Dewi Lestari")
    ahead = departure_ahead(lipursari, days=3)
    context = english_browser(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    phone = context.new_page()
    log_in(phone, demo.url, "lipursari-operator")
    check(phone, f"{demo.url}/admin/", "indonesian-operator-1-dashboard")
    check(phone, f"{demo.url}/admin/bookings/", "indonesian-operator-2-bookings")

    # Searching: Wagtail's script swaps in the results and says how many matched.
    phone.fill("#id_q", today.reference)
    phone.get_by_text("Ada 1 hasil yang cocok").wait_for()
    in_indonesian(phone, "indonesian-operator-3-search")

    check(phone, f"{demo.url}/admin/bookings/inspect/{today.pk}/", "indonesian-operator-4-booking")
    check(phone, f"{demo.url}/admin/bookings/new/{ahead.pk}/", "indonesian-operator-5-walk-in")
    phone.locator("input[data-price]").first.fill("2")
    price = phone.locator("input[data-price]").first.get_attribute("data-price")
    assert phone.locator("[data-desa-total]").inner_text() == f"Rp {int(price) * 2:,}".replace(
        ",", "."
    )
    check(phone, f"{demo.url}/admin/check-in/", "indonesian-operator-6-check-in")
    phone.fill("input[name=code]", today.reference.replace("-", " ").lower())
    phone.locator(".desa-checkin__submit").click()
    phone.wait_for_load_state()
    assert phone.locator(".desa-result--ok").is_visible()  # typed in lower case, with a space
    in_indonesian(phone, "indonesian-operator-7-checked-in")
    check(phone, f"{demo.url}/admin/departures/", "indonesian-operator-8-departures")
    check(phone, f"{demo.url}/admin/community/", "indonesian-operator-9-community")
    context.close()


def test_a_treasurer_works_in_indonesian_at_a_desk(demo, english_browser):
    post_a_year(Enterprise.objects.get(slug="lipursari"))
    context = english_browser(viewport={"width": 1280, "height": 900})
    desk = context.new_page()
    log_in(desk, demo.url, "lipursari-treasurer")
    check(desk, f"{demo.url}/admin/", "indonesian-treasurer-1-dashboard")
    check(desk, f"{demo.url}/admin/books/reports/", "indonesian-treasurer-2-reports")
    check(
        desk,
        f"{demo.url}/admin/books/reports/income-statement/",
        "indonesian-treasurer-3-income-statement",
    )
    check(desk, f"{demo.url}/admin/books/journal/", "indonesian-treasurer-4-journal")
    # The filters open in a drawer that Wagtail's script fills.
    desk.locator("button[aria-label='Tampilkan penyaring']").click()
    desk.wait_for_timeout(300)
    shoot_admin(desk, "indonesian-treasurer-5-journal-filters")
    assert not english_read(desk)
    check(desk, f"{demo.url}/admin/books/manual/new/", "indonesian-treasurer-6-manual-entry")
    check(
        desk, f"{demo.url}/admin/books/ledger/?account=1.1.01.01", "indonesian-treasurer-7-ledger"
    )
    check(desk, f"{demo.url}/admin/books/payments/", "indonesian-treasurer-8-payments")
    check(desk, f"{demo.url}/admin/books/periods/", "indonesian-treasurer-9-periods")
    check(desk, f"{demo.url}/admin/bank_transfers/", "indonesian-treasurer-10-transfers")
    check(desk, f"{demo.url}/admin/bookings/", "indonesian-treasurer-11-bookings")
    context.close()
