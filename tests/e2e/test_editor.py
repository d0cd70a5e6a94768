"""A village editor at a desk adds a price, a schedule and a photo to an experience in the real
Wagtail admin, publishes it, and finds the new price on the public page.

Every step runs under the admin's Content Security Policy: the test fails on any violation or
console error, which is how "Add price does nothing" showed itself. Screenshots
(tests/e2e/screenshots/editor-*.png) are for people to look at.
"""

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale

from tests.e2e.conftest import SCREENSHOTS, watch
from tests.e2e.test_checkin import log_in, shoot_admin

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DESK = {"width": 1280, "height": 900}


@pytest.fixture
def desk(browser):
    context = browser.new_context(viewport=DESK)
    page = context.new_page()
    yield page
    context.close()


def batik_class():
    from tours.models import TourPage

    return TourPage.objects.get(locale__language_code="id", slug="kelas-membatik")


def add_child(page, formset: str, button: str):
    """Press an inline panel's "Add …" button; return the new child's panel."""
    index = int(page.input_value(f"#id_{formset}-TOTAL_FORMS"))
    page.get_by_role("button", name=button).click()
    child = page.locator(f"#inline_child_{formset}-{index}")
    expect(child).to_be_visible()
    return child, f"id_{formset}-{index}"


def test_editor_adds_a_price_a_schedule_and_a_photo(demo, desk):
    tour = batik_class()
    complaints = watch(desk)
    log_in(desk, demo.url, "lipursari-editor")
    desk.goto(f"{demo.url}/admin/pages/{tour.pk}/edit/")

    photo, prefix = add_child(desk, "gallery", "Tambah Foto")
    photo.locator("[data-chooser-action-choose]").click()
    modal = desk.locator(".modal-dialog")
    expect(modal).to_be_visible()
    shoot_admin(desk, "editor-1-image-chooser")
    modal.locator("a[data-chooser-modal-choice]").first.click()
    expect(modal).to_be_hidden()
    expect(photo.locator(f"#{prefix}-image")).not_to_have_value("")
    desk.fill(f"#{prefix}-caption", "Keluarga membatik bersama")

    desk.get_by_role("tab", name="Pemesanan").click()
    _, prefix = add_child(desk, "price_tiers", "Tambah Harga")
    desk.fill(f"#{prefix}-label", "Keluarga")
    desk.fill(f"#{prefix}-price", "250000")

    schedule, prefix = add_child(desk, "schedule_rules", "Tambah Jadwal")
    schedule.get_by_label("Minggu").check()
    desk.click(f"#{prefix}-start_time")
    picker = desk.locator(".xdsoft_datetimepicker:visible")
    expect(picker).to_be_visible()
    # Only what is on screen: growing the viewport for a full shot would close the picker.
    desk.screenshot(path=str(SCREENSHOTS / "editor-2-time-picker.png"))
    picker.locator(".xdsoft_time", has_text="13:00").click()
    expect(desk.locator(f"#{prefix}-start_time")).to_have_value("13:00")
    desk.fill(f"#{prefix}-capacity", "15")
    shoot_admin(desk, "editor-3-booking-tab")

    desk.locator("footer [data-w-dropdown-target=toggle]").click()
    desk.locator("button[name=action-publish]").click()
    expect(desk.locator(".messages")).to_contain_text("Kelas Membatik")
    shoot_admin(desk, "editor-4-published")
    complaints.assert_none()

    tour.refresh_from_db()
    assert tour.schedule_rules.filter(weekdays="6", start_time="13:00", capacity=15).exists()
    desk.goto(f"{demo.url}{tour.url}")
    expect(desk.locator("#prices tr", has_text="Keluarga")).to_contain_text("Rp 250.000")
    expect(desk.locator(".gallery")).to_contain_text("Keluarga membatik bersama")
    # One price list for every language: the English page shows the new tier at once (its
    # label stays Indonesian until a translator translates it).
    english = tour.get_translation(Locale.objects.get(language_code="en"))
    desk.goto(f"{demo.url}{english.url}")
    expect(desk.locator("#prices tr", has_text="Keluarga")).to_contain_text("Rp 250,000")
    complaints.assert_none()
