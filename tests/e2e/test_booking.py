"""A guest on a phone books the Lipursari batik class, in Indonesian and in English.

Tour page → calendar → people → details → review → confirmation with the QR code; the e-mail
arrives (the live server runs in this process, with the local-memory mail backend) and its
manage link opens the booking. Screenshots of every step go to tests/e2e/screenshots/.
"""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.e2e.conftest import PHONE, shoot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

GUESTS = {
    "id": ("Siti Rahayu", "siti@contoh.id", "0812 3456 7890", "ID"),
    "en": ("Emma Clarke", "emma@example.com", "+44 20 7946 0000", "GB"),
}


def book_batik_class(phone, base_url: str, language: str) -> str:
    """Book two places through every step; returns the booking reference."""
    from tours.models import TourPage

    canonical = TourPage.objects.get(locale__language_code="id", slug="kelas-membatik")
    tour = TourPage.objects.get(
        locale__language_code=language, translation_key=canonical.translation_key
    )
    choose_a_slot_in_the_calendar(phone, base_url + tour.url, language)
    total = choose_two_people(phone, language)
    fill_in_the_details(phone, language)
    review_and_pay_cash_on_arrival(phone, language, total)
    return confirmation_reference(phone, language)


def choose_a_slot_in_the_calendar(phone, tour_url: str, language: str) -> None:
    """Step 1: the tour page, its sticky button, the calendar (months swap without a reload)."""
    phone.goto(tour_url)
    assert phone.locator("html").get_attribute("lang") == language
    shoot(phone, f"booking-{language}-1-tour")
    phone.locator(".sticky-action").click()
    phone.wait_for_url(re.compile(r"#availability$"))
    title = phone.locator(".month-title")
    first_month = title.inner_text()
    phone.locator('a.month-step[data-fragment*="month="]').last.click()
    expect(title).not_to_have_text(first_month)
    # The address follows the fragment, so a reload or a shared link keeps the month.
    phone.wait_for_url(re.compile(r"\?month=\d{4}-\d{2}#availability$"))
    phone.locator("a.cal-day.is-open").nth(1).click()
    phone.wait_for_url(re.compile(r"&day=\d{4}-\d{2}-\d{2}#day-slots$"))
    expect(phone.locator("a.cal-day.is-selected")).to_have_count(1)
    phone.locator("#day-slots").scroll_into_view_if_needed()
    phone.screenshot(path=str(shoot_path(f"booking-{language}-1-calendar")))
    phone.locator("#day-slots a.slot").first.click()


def choose_two_people(phone, language: str) -> str:
    """Step 2: people, with the running total kept up to date; returns the total shown."""
    phone.wait_for_url(re.compile(r"/booking/new/\d+/$"))
    quantity = phone.locator("input.qty-input").first
    if language == "en":  # nobody chosen: a clear message, and nothing is held
        quantity.fill("0")
        phone.locator("form[data-total] button.button-block").click()
        expect(phone.locator("#form-errors")).to_contain_text("Choose how many people come.")
        shoot(phone, f"booking-{language}-2-people-error")
        quantity = phone.locator("input.qty-input").first
    quantity.fill("")
    phone.locator("button.qty-step[data-step='1']").first.click()
    phone.locator("button.qty-step[data-step='1']").first.click()
    assert quantity.input_value() == "2"
    total = "Rp 200.000" if language == "id" else "Rp 200,000"
    assert phone.locator("[data-total-out]").inner_text() == total
    shoot(phone, f"booking-{language}-2-people")
    phone.locator("form[data-total] button.button-block").click()
    return total


def fill_in_the_details(phone, language: str) -> None:
    """Step 3: details; the phone number starts with +62."""
    name, email, phone_number, country = GUESTS[language]
    phone.wait_for_url(re.compile(r"/details/\?t="))
    assert phone.locator("input[type=tel]").input_value() == "+62"
    if language == "id":  # the server's messages sit next to the fields; what was typed stays
        phone.locator("input[name=name]").fill("  ")
        phone.locator("input[type=email]").fill(email)
        phone.locator("form.booking-form button.button-block").click()
        expect(phone.locator(".field-error")).to_have_count(2)  # name, and the bare +62
        assert phone.locator("input[type=email]").input_value() == email
        shoot(phone, f"booking-{language}-3-details-error")
    phone.locator("input[name=name]").fill(name)
    phone.locator("input[type=email]").fill(email)
    tel = phone.locator("input[type=tel]")
    if phone_number.startswith("+"):
        tel.fill(phone_number)
    else:  # an Indonesian number: type after the "+62" already there
        tel.click()
        tel.press("End")
        tel.press_sequentially(" " + phone_number)
        assert tel.input_value() == "+62 " + phone_number
    phone.locator("select[name=country]").select_option(country)
    assert phone.locator("select[name=language]").input_value() == language
    shoot(phone, f"booking-{language}-3-details")
    phone.locator("form.booking-form button.button-block").click()


def review_and_pay_cash_on_arrival(phone, language: str, total: str) -> None:
    """Step 4: the review shows the total; this guest pays cash on arrival."""
    phone.wait_for_url(re.compile(r"/review/\?t="))
    assert total in phone.locator(".lines-table").inner_text()
    # The BUMDes offers a bank transfer too (its demo account); this guest pays cash.
    expect(phone.locator("input[type=radio][name=payment_method]")).to_have_count(2)
    phone.locator("input[type=radio][value=cash]").check()
    shoot(phone, f"booking-{language}-4-review")
    phone.locator("form.booking-form button.button-block").click()


def confirmation_reference(phone, language: str) -> str:
    """Confirmation: the reference, a QR code big enough to scan."""
    phone.wait_for_url(re.compile(r"/booking/[A-Z]{3}-[A-Z0-9]{5}/\?t="))
    reference = phone.locator("h1.reference").inner_text()
    qr = phone.locator(".qr svg").bounding_box()
    assert qr["width"] >= 250 and qr["height"] >= 250
    shoot(phone, f"booking-{language}-5-confirmation")
    return reference


def shoot_path(name):
    from tests.e2e.conftest import SCREENSHOTS

    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS / f"{name}.png"


def test_guest_books_the_batik_class_on_a_phone(demo, phone, browser):
    """Both languages in one test: each live test reloads the demo, which takes a while."""
    from django.core.cache import cache

    from tours.models import Booking

    cache.clear()  # a fresh rate-limit window for this client
    for language in ("id", "en"):
        reference = book_batik_class(phone, demo.url, language)
        stored = Booking.objects.get(reference=reference).customer_phone
        assert stored == {"id": "+6281234567890", "en": "+442079460000"}[language]

        messages = [m for m in mail.outbox if reference in m.subject]
        assert len(messages) == 1
        message = messages[0]
        assert message.to == [GUESTS[language][1]]
        assert {name.rsplit(".", 1)[-1] for name, *_ in message.attachments} == {"ics", "png"}
        link = re.search(r"(http\S+/booking/" + reference + r"/\?t=[\w-]+)", message.body)
        assert ("/en/booking/" in link.group(1)) == (language == "en")

        # The manage link from the e-mail opens the booking, with its printable ticket.
        phone.goto(link.group(1))
        assert phone.locator("h1.reference").inner_text() == reference
        phone.locator(".action-list a[href*='/ticket/']").click()
        phone.wait_for_url(re.compile(r"/ticket/\?t="))
        assert phone.locator(".ticket .qr svg").is_visible()
        shoot(phone, f"booking-{language}-6-ticket")
        if language == "id":
            phone.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
            phone.emulate_media(media="print")
            assert not phone.locator(".site-header").is_visible()
            shoot(phone, f"booking-{language}-7-ticket-print")
            phone.emulate_media(media="screen")
            phone.set_viewport_size(PHONE)

    calendar_works_without_javascript(browser, demo.url)


def calendar_works_without_javascript(browser, base_url: str) -> None:
    from tours.models import TourPage

    context = browser.new_context(viewport=PHONE, java_script_enabled=False, is_mobile=True)
    page = context.new_page()
    tour = TourPage.objects.get(locale__language_code="id", slug="kelas-membatik")
    page.goto(base_url + tour.url)
    first_month = page.locator(".month-title").inner_text()
    page.locator("a.month-step").last.click()
    page.wait_for_url(re.compile(r"\?month=\d{4}-\d{2}#availability$"))
    assert page.locator(".month-title").inner_text() != first_month
    page.locator("#day-slots a.slot").first.click()
    page.wait_for_url(re.compile(r"/booking/new/\d+/$"))
    assert page.locator("button[name=recalculate]").is_visible()  # no live total without JS
    shoot(page, "booking-nojs-2-people")
    context.close()
