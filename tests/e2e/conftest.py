"""Browser tests: Playwright driving Debian's Chromium against a live test server.

Never `playwright install`: the browser is the system's /usr/bin/chromium. Screenshots go to
tests/e2e/screenshots/ (git-ignored) so that people can look at what the pages show.
"""

import io
import os
import shutil
from pathlib import Path

import pytest

SCREENSHOTS = Path(__file__).parent / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
PHONE = {"width": 390, "height": 844}

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}; install Debian's chromium (see README).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def demo(transactional_db, live_server, settings):
    """Live tests run in a flushed database: load the demo into it, its site on the live
    server's address (as `make run PORT=…` does), so that every link leads back to it."""
    from django.core.management import call_command

    from tests.conftest import DEMO_PASSWORD

    settings.WAGTAILADMIN_BASE_URL = live_server.url
    call_command("load_demo", "--password", DEMO_PASSWORD, "--no-season", stdout=io.StringIO())
    return live_server


def shoot(page, name: str) -> None:
    """Save a full-page screenshot after scrolling once, so lazy images below the fold load."""
    SCREENSHOTS.mkdir(exist_ok=True)
    height = page.evaluate("document.body.scrollHeight")
    for y in range(0, height, 600):
        page.evaluate(f"window.scrollTo(0, {y})")
        page.wait_for_timeout(50)
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
