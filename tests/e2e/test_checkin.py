"""A village operator on a phone: dashboard, bookings, a booking, the manifest, and check-in at
the meeting point (green OK, then red "already checked in"). The manifest prints on one A4 page.

Screenshots (tests/e2e/screenshots/admin-*.png) are for people to look at.
"""

import re

import pytest

from tests.conftest import DEMO_PASSWORD
from tests.e2e.conftest import SCREENSHOTS, shoot, watch
from tests.tours.staff_screens import book, departure_today, tour_of

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def shoot_admin(page, name: str) -> None:
    """The admin scrolls inside <main>, not the page: grow the viewport so the shot shows all."""
    size = page.viewport_size
    height = page.evaluate(
        "Math.max(document.querySelector('main')?.scrollHeight || 0, document.body.scrollHeight)"
    )
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], height)})
    shoot(page, name)
    page.set_viewport_size(size)


def log_in(page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"{base_url}/admin/")


@pytest.fixture
def booking_today(demo):
    """Three guests for a Lipursari departure later today, booked days ago by phone."""
    return book(departure_today(tour_of("lipursari")), people=3, name="Dewi Lestari")


def test_operator_checks_guests_in_on_a_phone(demo, phone, booking_today):
    booking = booking_today
    complaints = watch(phone)
    log_in(phone, demo.url, "lipursari-operator")
    assert phone.locator("html").get_attribute("lang") == "id"
    assert phone.locator("#desa-today-section").is_visible()
    shoot_admin(phone, "admin-1-dashboard")

    phone.goto(f"{demo.url}/admin/bookings/")
    assert phone.get_by_text(booking.reference).first.is_visible()
    shoot_admin(phone, "admin-2-bookings")

    phone.goto(f"{demo.url}/admin/bookings/inspect/{booking.pk}/")
    assert phone.locator(".desa-summary__ref").inner_text() == booking.reference
    shoot_admin(phone, "admin-3-booking")

    phone.goto(f"{demo.url}/admin/departures/manifest/{booking.departure_id}/")
    assert booking.reference in phone.locator(".desa-manifest__table").inner_text()
    shoot_admin(phone, "admin-4-manifest")

    phone.goto(f"{demo.url}/admin/check-in/")
    # Debian's headless Chromium has no BarcodeDetector: the camera button stays hidden.
    has_detector = phone.evaluate("'BarcodeDetector' in window")
    assert phone.locator("[data-desa-scan]").is_visible() == has_detector
    phone.fill("input[name=code]", booking.reference.lower())
    phone.locator(".desa-checkin__submit").click()
    phone.wait_for_load_state()
    result = phone.locator(".desa-result--ok")
    assert result.is_visible()
    assert "3" in result.locator(".desa-result__headline").inner_text()
    assert "Dewi Lestari" in result.inner_text()
    shoot_admin(phone, "admin-5-checkin-ok")

    booking.refresh_from_db()
    checked_in_at = booking.checked_in_at
    assert checked_in_at is not None

    phone.fill("input[name=code]", booking.reference)
    phone.locator(".desa-checkin__submit").click()
    phone.wait_for_load_state()
    refused = phone.locator(".desa-result--refused")
    assert refused.is_visible()
    from core.formats import local_time

    assert local_time(checked_in_at).split(" ")[0] in refused.inner_text()
    shoot_admin(phone, "admin-6-checkin-refused")
    booking.refresh_from_db()
    assert booking.checked_in_at == checked_in_at
    complaints.assert_none()


def test_manifest_prints_on_one_a4_page(demo, browser, booking_today):
    for people in (2, 4, 1, 2, 3, 2, 1, 2):
        book(booking_today.departure, people=people, name=f"Tamu {people}")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    complaints = watch(page)
    log_in(page, demo.url, "lipursari-operator")
    page.goto(f"{demo.url}/admin/departures/manifest/{booking_today.departure_id}/")
    assert page.locator("[data-desa-print]").is_visible()
    shoot_admin(page, "admin-7-manifest-desk")
    page.emulate_media(media="print")
    page.screenshot(path=str(SCREENSHOTS / "admin-8-manifest-print.png"), full_page=True)
    pdf = page.pdf(format="A4", print_background=True)
    (SCREENSHOTS / "admin-8-manifest-print.pdf").write_bytes(pdf)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == 1
    complaints.assert_none()
    context.close()
