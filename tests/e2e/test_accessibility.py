"""axe-core finds nothing serious on any page a guest sees, in either language, on a phone: every
public page and every booking step (a form sent back with its errors too). The checker is the
npm package `axe-core` (`make test` installs it with `npm ci`), added to each page by Playwright
before the page's own scripts run, with the Content Security Policy left on.

Card pictures load in the size of their slot: a 390 px phone at twice the density takes the
720 px rendition for a 358 px card, not the 960 px one.
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from tests.e2e.conftest import PHONE, shoot
from tests.public_pages import LANGUAGES, booking_pages, site_pages

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
FAILING = ("serious", "critical")


@pytest.fixture
def checked_phone(browser):
    """A phone whose every page carries axe-core."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci --ignore-scripts` (make test does)")
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    yield page
    context.close()


def violations(page) -> list[str]:
    """axe-core's serious and critical findings on the page as it is now."""
    found = page.evaluate("async () => (await axe.run(document)).violations")
    return [
        f"{v['impact']} {v['id']} ({v['help']}): "
        + "; ".join(" ".join(node["target"]) for node in v["nodes"][:5])
        for v in found
        if v["impact"] in FAILING
    ]


def details_with_errors(page) -> list[str]:
    """The details form sent with a blank name and a bare "+62": the messages by the fields."""
    page.locator("input[name=name]").fill("  ")
    page.locator("input[type=email]").fill("siti@contoh.id")
    page.locator("form.booking-form button.button-block").click()
    page.locator(".field-error").first.wait_for()
    return violations(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_axe_finds_nothing_serious_on_any_guest_page(demo, checked_phone, settings, language):
    settings.BOOKING_RATE_LIMIT = "0"
    pages = site_pages(language) + booking_pages(Client(), language)
    problems = {}
    for name, path in pages:
        checked_phone.goto(demo.url + path)
        problems[name] = violations(checked_phone)
        if name == "details":
            problems["details-errors"] = details_with_errors(checked_phone)
    assert len(problems) == len(pages) + 1
    report = [f"{name}: {finding}" for name, found in problems.items() for finding in found]
    assert not report, "\n".join(report)


def card_pictures(phone, base_url: str, path: str) -> list[list[int]]:
    """(rendition width, card width in device pixels) of each card picture on the page."""
    phone.goto(base_url + path)
    shoot(phone, f"cards{path.replace('/', '-')}")  # scrolls, so lazy pictures load
    return phone.evaluate(
        """() => [...document.querySelectorAll('.card-media img')].map(img => [
            Number(img.currentSrc.match(/fill-(\\d+)x/)[1]), img.clientWidth * devicePixelRatio])"""
    )


def test_a_phone_loads_card_pictures_for_their_slot(demo, phone):
    for path in ("/", "/pengalaman/"):
        sizes = card_pictures(phone, demo.url, path)
        assert sizes, path
        for loaded, needed in sizes:  # the smallest rendition at least as wide as the card
            assert needed <= loaded <= needed * 1.1, (path, loaded, needed)
