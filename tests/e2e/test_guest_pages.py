"""What a guest on a 390-px phone is told before paying, in both languages, and what the page
links to: a group's deposit on the review step and in the transfer box (with the SWIFT/BIC for a
guest abroad), cancelling while the transfer is awaited, booking fewer people when the places
ran out (without JavaScript), and every link of a page on the live server's own address."""

import datetime as dt
import json
import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import expect

from bumdes.models import Enterprise
from tests.e2e.conftest import PHONE, shoot
from tests.e2e.test_checkin import log_in, shoot_admin
from tests.tours.factories import GUEST, GUEST_EN, DepartureFactory, hold, per_person
from tours.booking.holds import booking_hold
from tours.models import Booking, BookingStatus

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

CUSTOMERS = {"id": GUEST, "en": GUEST_EN}
BANK_TRANSFER = {"id": "Transfer bank", "en": "Bank transfer"}


def _url(base: str, name: str, booking, language: str) -> str:
    with translation.override(language):
        path = reverse(name, kwargs={"reference": booking.reference})
    return f"{base}{path}?t={booking.token}"


def _fits_the_phone(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.fixture
def phone_without_js(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("language", ["id", "en"])
def test_a_group_is_told_its_deposit_and_may_cancel_while_transferring(demo, phone, language):
    cache.clear()
    Enterprise.objects.filter(slug="lipursari").update(bank_swift="BRINIDJA")
    now = timezone.now()
    departure = DepartureFactory(starts_at=now + dt.timedelta(days=20), capacity=40)
    booking = hold(departure, 17, now=now, customer=CUSTOMERS[language])

    phone.goto(_url(demo.url, "booking_review", booking, language))
    box = phone.locator(".deposit-box")
    expect(box).to_contain_text("30%")
    expect(box).to_contain_text("510")  # Rp 510.000 / Rp 510,000
    expect(box).to_contain_text("1.190.000" if language == "id" else "1,190,000")
    _fits_the_phone(phone)
    shoot(phone, f"guest-{language}-1-review-deposit")

    phone.locator("input[type=radio][value=bank_transfer]").check()
    phone.locator("form.booking-form button.button-block").click()
    phone.wait_for_url(re.compile(r"/booking/[A-Z]{3}-[A-Z0-9]{5}/\?t=[\w-]+$"))
    transfer = phone.locator(".transfer-box")
    expect(transfer).to_contain_text("30%")
    expect(transfer).to_contain_text("1.700.000" if language == "id" else "1,700,000")
    if language == "en":
        expect(transfer).to_contain_text("BRINIDJA")  # a guest from abroad
    else:
        expect(transfer).not_to_contain_text("BRINIDJA")
    _fits_the_phone(phone)
    shoot(phone, f"guest-{language}-2-transfer-deposit")

    transfer.locator("a[href*='/cancel/']").click()
    _fits_the_phone(phone)
    shoot(phone, f"guest-{language}-3-cancel-transfer")
    phone.locator("form.booking-form button").click()
    phone.wait_for_url(re.compile(r"/booking/[A-Z]{3}-[A-Z0-9]{5}/\?t=[\w-]+$"))
    shoot(phone, f"guest-{language}-4-cancelled")
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.CANCELLED


@pytest.mark.parametrize("language", ["id", "en"])
def test_places_ran_out_the_guest_books_fewer_without_javascript(demo, phone_without_js, language):
    cache.clear()
    page = phone_without_js
    now = timezone.now()
    departure = DepartureFactory(starts_at=now + dt.timedelta(days=9), capacity=10)
    booking = hold(departure, 4, now=now, customer=CUSTOMERS[language])
    Booking.objects.filter(pk=booking.pk).update(hold_expires_at=now - dt.timedelta(minutes=1))
    booking_hold(departure_id=departure.pk, lines=[(per_person().pk, 8)], language="id")

    page.goto(_url(demo.url, "booking_review", booking, language))
    page.locator("input[type=radio][value=cash]").check()
    page.locator("form.booking-form button.button-block").click()
    expect(page.locator(".notice")).to_have_count(1)
    expect(page.locator(".notice")).to_contain_text("2")
    _fits_the_phone(page)
    shoot(page, f"guest-{language}-5-places-ran-out")

    page.locator("a[href*='/booking/new/']").click()
    expect(page.locator(".few-note")).to_contain_text("2")
    _fits_the_phone(page)
    shoot(page, f"guest-{language}-6-fewer-people")
    page.locator("input.qty-input").first.fill("2")
    page.locator("form.booking-form button.button-block").click()
    expect(page.locator("h1")).to_have_text(
        {"id": "Periksa dan konfirmasi", "en": "Check and confirm"}[language]
    )
    shoot(page, f"guest-{language}-7-review-again")


def test_every_link_of_a_page_is_on_the_live_server(demo, phone):
    assert not demo.url.endswith(":8000")
    for path in ("/", "/en/", "/lipursari/kelas-membatik/", "/en/lipursari/batik-class/"):
        phone.goto(f"{demo.url}{path}")
        html = phone.content()
        links = re.findall(r'<(?:link|meta)[^>]+(?:href|content)="(https?://[^"]+)"', html)
        for block in phone.locator("script[type='application/ld+json']").all_text_contents():
            links += re.findall(r'"(https?://[^"]+)"', json.dumps(json.loads(block)))
        links = [link for link in links if "schema.org" not in link]
        assert "og:image" in html and links
        assert all(link.startswith(f"{demo.url}/") for link in links), (path, links)
    phone.goto(f"{demo.url}/sitemap.xml")
    locations = re.findall(r"https?://[^<\"\s]+", phone.content())
    locations = [url for url in locations if "sitemaps.org" not in url and "w3.org" not in url]
    assert locations and all(url.startswith(f"{demo.url}/") for url in locations)


def test_the_manager_gives_the_swift_code(demo, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    desk = context.new_page()
    try:
        log_in(desk, demo.url, "lipursari-manager")
        desk.goto(f"{demo.url}{reverse('payment_methods:index')}")
        desk.locator("input[name=bank_swift]").fill("brin idja")
        desk.locator("form.desa-form button[type=submit]").click()
        expect(desk.locator("input[name=bank_swift]")).to_have_value("BRINIDJA")
        shoot_admin(desk, "admin-payment-methods-swift")
    finally:
        context.close()
    assert Enterprise.objects.get(slug="lipursari").bank_swift == "BRINIDJA"
