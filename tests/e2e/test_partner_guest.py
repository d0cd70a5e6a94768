"""A guest on a phone books through a partner: from the hotel's co-branded page, and through
the hotel's booking widget framed in a plain HTML page served from another local port (the
hotel's own website). Both bookings are the hotel's; no console error, no CSP violation."""

import http.server
import re
import threading
from functools import partial

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import PHONE, shoot, watch

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

HOST_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Hotel Kabut Teh</title>
<link rel="icon" href="data:,"></head>
<body><h1>Hotel Kabut Teh: book a village trip</h1>
<iframe src="{src}" title="Book a village experience" width="100%" height="620"
 style="border:0;max-width:480px"></iframe></body></html>
"""


def book_in(page, name: str) -> str:
    """From the people step to the confirmation: two people, the guest's details, cash."""
    page.wait_for_url(re.compile(r"/booking/new/\d+/"))
    quantity = page.locator("input.qty-input").first
    quantity.fill("2")
    shoot(page, f"{name}-2-people")
    page.locator("form[data-total] button.button-block").click()
    page.wait_for_url(re.compile(r"/details/\?t="))
    page.locator("input[name=name]").fill("Emma Clarke")
    page.locator("input[type=email]").fill("emma@example.com")
    page.locator("input[type=tel]").fill("+44 20 7946 0000")
    page.locator("select[name=country]").select_option("GB")
    page.locator("form.booking-form button.button-block").click()
    page.wait_for_url(re.compile(r"/review/\?t="))
    page.locator("input[type=radio][value=cash]").check()
    page.locator("form.booking-form button.button-block").click()
    page.wait_for_url(re.compile(r"/booking/[A-Z]{3}-[A-Z0-9]{5}/\?t="))
    shoot(page, f"{name}-3-confirmation")
    return page.locator("h1.reference").inner_text()


def test_a_guest_books_through_the_hotels_partner_page(demo, phone):
    from tours.models import Booking, PartnerPage

    complaints = watch(phone)
    page = PartnerPage.objects.get(partner__slug="demo-hotel", locale__language_code="en")
    phone.goto(demo.url + page.url)
    expect(phone.locator(".cobrand img.partner-logo")).to_be_visible()
    shoot(phone, "partner-page-en")
    phone.locator('a.card-link[href*="batik-class/?ref=demo-hotel"]').click()
    phone.wait_for_url(re.compile(r"\?ref=demo-hotel$"))
    phone.locator(".slot-list a.slot").first.click()
    reference = book_in(phone, "partner-page")
    booking = Booking.objects.get(reference=reference)
    assert booking.partner.slug == "demo-hotel"
    assert booking.commission_percent == 10
    complaints.assert_none()


@pytest.fixture
def hotel_site(tmp_path):
    """A plain web server on another local port: the hotel's own website."""
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield tmp_path, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_guest_books_through_the_widget_on_the_hotels_own_site(demo, browser, hotel_site):
    from django.urls import reverse

    from tours.models import Booking, Partner

    folder, origin = hotel_site
    Partner.objects.filter(slug="demo-hotel").update(website=origin)
    src = demo.url + reverse("widget_tours", kwargs={"code": "demo-hotel"})
    (folder / "index.html").write_text(HOST_PAGE.format(src=src), encoding="utf-8")
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    host = context.new_page()
    complaints = watch(host)
    host.goto(f"{origin}/index.html")
    frame = host.frame_locator("iframe")
    frame.locator("a.widget-item", has_text="Kelas Membatik").click()
    expect(frame.locator("h1")).to_have_text("Kelas Membatik")
    shoot(host, "partner-widget-framed")
    with context.expect_page() as opened:
        frame.locator(".slot-list a.slot").first.click()
    tab = opened.value
    tab_complaints = watch(tab)
    reference = book_in(tab, "partner-widget")
    booking = Booking.objects.get(reference=reference)
    assert booking.partner.slug == "demo-hotel"
    complaints.assert_none()
    tab_complaints.assert_none()
    context.close()


def test_another_site_cannot_frame_the_widget_or_any_other_page(demo, browser, hotel_site):
    """The hotel's website address is another one: the browser refuses the frames."""
    folder, origin = hotel_site
    src = f"{demo.url}/en/widget/demo-hotel/"
    (folder / "index.html").write_text(HOST_PAGE.format(src=src), encoding="utf-8")
    (folder / "home.html").write_text(HOST_PAGE.format(src=demo.url + "/"), encoding="utf-8")
    page = browser.new_page()
    for name in ("index.html", "home.html"):
        blocked = []
        page.on("console", lambda message, found=blocked: found.append(message.text))
        page.goto(f"{origin}/{name}")
        page.wait_for_timeout(500)
        assert page.frames[1].url in ("", "about:blank", "chrome-error://chromewebdata/") or any(
            "frame" in text for text in blocked
        ), name
    page.close()
