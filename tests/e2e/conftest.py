"""Browser tests: Playwright driving Debian's Chromium against a live test server.

Never `playwright install`: the browser is the system's /usr/bin/chromium. Screenshots go to
tests/e2e/screenshots/ (git-ignored) so that people can look at what the pages show.
"""

import io
import os
import re
import shutil
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, connections

from tests.conftest import DEMO_PASSWORD

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


@pytest.fixture(scope="session")
def demo_snapshot(django_db_blocker):
    """The name of a copy of the database with the browser tests' demo in it, made by the first
    test that asks for the demo; dropped when the tests end."""
    state = {}
    yield state
    if state:
        with django_db_blocker.unblock():
            connections.close_all()
            with connection._nodb_cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{state["name"]}" WITH (FORCE)')


def _database_copy(source: str, target: str) -> None:
    """Copy a database on the same server, closing whoever is still connected to either."""
    connections.close_all()
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
            [source],
        )
        cursor.execute(f'CREATE DATABASE "{target}" TEMPLATE "{source}"')


@pytest.fixture
def demo(transactional_db, live_server, settings, demo_snapshot):
    """Live tests run in a flushed database: put the demo into it, its site on the live server's
    address (as `make run PORT=…` does), so that every link leads back to it. The first test
    loads the demo and copies the database; the others get that copy back (PostgreSQL's
    `CREATE DATABASE … TEMPLATE`, about a second, where loading takes ten)."""
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    name = connection.settings_dict["NAME"]
    if not demo_snapshot:
        call_command("load_demo", "--password", DEMO_PASSWORD, "--no-season", stdout=io.StringIO())
        demo_snapshot["name"] = f"{name}_browser"
        _database_copy(name, demo_snapshot["name"])
    else:
        _database_copy(demo_snapshot["name"], name)
    cache.clear()
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


# Reports each Content-Security-Policy violation to Python as it happens, with the address of the
# document it happened in, so that no violation is lost when the page navigates on.
_REPORT_VIOLATIONS = """
document.addEventListener('securitypolicyviolation', event => window.desaReportViolation(
  `CSP ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} on ${location.href}` +
  (event.sourceFile ? ` (${event.sourceFile}:${event.lineNumber})` : '')
));
"""


# Wagtail's autosave posts a page's edit form in the background while the editor types; a form
# that is not valid yet (a new price with no label so far) is answered 400, which the browser logs
# as an error. That answer, and only that one, is not a complaint.
_AUTOSAVE_REFUSED = re.compile(r"/admin/pages/\d+/edit/$")


class BrowserComplaints:
    """What a page's browser complains about: Content-Security-Policy violations (the document's
    `securitypolicyviolation` events), console errors and uncaught exceptions, in every document
    the page loads after `watch(page)`."""

    def __init__(self, page):
        self.found: list[str] = []
        page.expose_function("desaReportViolation", self._violation)
        page.add_init_script(_REPORT_VIOLATIONS)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.found.append(f"uncaught {error} on {page.url}"))
        self.page = page

    def _violation(self, text: str) -> None:
        self.found.append(text)

    def _console(self, message) -> None:
        if message.type == "error":
            source = message.location.get("url") or self.page.url
            if "status of 400" in message.text and _AUTOSAVE_REFUSED.search(source):
                return
            self.found.append(f"console error {message.text!r} from {source}")

    def assert_none(self) -> None:
        assert self.found == [], "\n".join(self.found)


def watch(page) -> BrowserComplaints:
    """Start collecting the page's complaints; call `.assert_none()` where the test ends."""
    return BrowserComplaints(page)
