"""Each BUMDes role walks through its main admin screens at a desk; no screen may trip the
admin's Content Security Policy or log a console error. A first test shows that the watch does
see a violation, and that the public site and the admin really run under different policies.

Screenshots (tests/e2e/screenshots/walk-*.png) are for people to look at.
"""

import pytest
from django.urls import reverse

from tests.e2e.conftest import watch
from tests.e2e.test_checkin import log_in, shoot_admin
from tests.tours.staff_screens import book, departure_today, tour_of

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DESK = {"width": 1280, "height": 900}

# An inline script added to the page: the public policy blocks it, the admin's lets it run.
INLINE_SCRIPT = """
const script = document.createElement('script');
script.textContent = 'window.inlineRan = true;';
document.body.append(script);
"""


def test_the_watch_sees_what_each_policy_blocks(demo, browser):
    context = browser.new_context(viewport=DESK)
    page = context.new_page()
    try:
        complaints = watch(page)
        page.goto(f"{demo.url}/")
        page.evaluate(INLINE_SCRIPT)
        page.wait_for_timeout(200)
        assert page.evaluate("window.inlineRan") is None
        blocked = [found for found in complaints.found if found.startswith("CSP script-src-elem")]
        assert blocked and "blocked inline" in blocked[0]
        with pytest.raises(AssertionError, match="CSP script-src-elem"):
            complaints.assert_none()

        complaints.found.clear()
        page.goto(f"{demo.url}/admin/login/")
        page.evaluate(INLINE_SCRIPT)
        assert page.evaluate("window.inlineRan") is True
        page.evaluate("console.error('something broke')")
        page.wait_for_timeout(200)
        assert complaints.found == [f"console error 'something broke' from {demo.url}/admin/login/"]
    finally:
        context.close()


def screens() -> dict[str, list[tuple[str, str]]]:
    """Per role: (screenshot name, address) of the screens it uses most."""
    from tours.models import VillagePage

    tour = tour_of("lipursari")
    village = VillagePage.objects.get(pk=tour.get_parent().pk)
    departure = book(departure_today(tour), people=2, name="Sari Wulandari").departure
    return {
        "lipursari-editor": [
            ("dashboard", "/admin/"),
            ("explorer", f"/admin/pages/{village.pk}/"),
            ("village", f"/admin/pages/{village.pk}/edit/"),
            ("tour", f"/admin/pages/{tour.pk}/edit/"),
            ("images", "/admin/images/"),
        ],
        "lipursari-operator": [
            ("bookings", "/admin/bookings/"),
            ("departures", "/admin/departures/"),
            ("check-in", "/admin/check-in/"),
            ("manifest", f"/admin/departures/manifest/{departure.pk}/"),
        ],
        "lipursari-treasurer": [
            ("reports", "/admin/books/reports/"),
            ("journal", "/admin/books/journal/"),
            ("periods", "/admin/books/periods/"),
        ],
        "lipursari-manager": [("payment-methods", reverse("payment_methods:index"))],
    }


def test_every_role_walks_its_screens_without_a_violation(demo, browser):
    for username, walk in screens().items():
        context = browser.new_context(viewport=DESK)
        page = context.new_page()
        try:
            complaints = watch(page)
            log_in(page, demo.url, username)
            for name, path in walk:
                response = page.goto(f"{demo.url}{path}")
                assert response.ok, (path, response.status)
                assert page.url == f"{demo.url}{path}", f"{username} was sent away from {path}"
                page.wait_for_load_state("networkidle")
                shoot_admin(page, f"walk-{username.split('-')[1]}-{name}")
            complaints.assert_none()
        finally:
            context.close()
