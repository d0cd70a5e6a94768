"""A hotel's front desk, on a phone, books two guests on the hotel's account through the partner
portal and prints their vouchers: one voucher per printed page, each with its QR ticket.

Screenshots of every step go to tests/e2e/screenshots/partner-*.png.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import SCREENSHOTS, shoot, watch

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

GUESTS = [
    ("Anna de Vries", "+31 6 1234 5678", "anna@example.nl", "NL", "2"),
    ("Budi Hartono", "0812 7777 1234", "budi@contoh.id", "ID", "1"),
]


def on_account_hotel():
    """A hotel settling on account with Lipursari, and its front-desk user."""
    from tests.tours.partners.factories import partner_user, partner_with_agreement
    from tours.models import Settlement

    hotel = partner_with_agreement(
        "hotel-surya",
        commission_percent=10,
        settlement=Settlement.ON_ACCOUNT,
        credit_limit=5_000_000,
    )
    partner_user(hotel, username="resepsionis")
    return hotel


def log_in(phone, base_url: str) -> None:
    from tests.tours.partners.factories import PARTNER_PASSWORD

    phone.goto(base_url + "/partner/")
    phone.wait_for_url(re.compile(r"/partner/login/\?next=/partner/$"))
    shoot(phone, "partner-1-login")
    phone.fill("#id_username", "resepsionis")
    phone.fill("#id_password", PARTNER_PASSWORD)
    phone.get_by_role("button", name="Masuk").click()
    phone.wait_for_url(re.compile(r"/partner/$"))
    expect(phone.locator("h1")).to_have_text("Hotel Surya")
    shoot(phone, "partner-2-home")


def book_guest(phone, guest, number: int) -> str:
    """From the portal home or a booking: book one guest on the first date; the reference."""
    name, tel, email, country, people = guest
    phone.get_by_role("link", name=re.compile("Pesan untuk tamu")).first.click()
    phone.get_by_role("link", name=re.compile("Kelas Membatik")).click()
    phone.locator("a.slot").first.click()
    phone.wait_for_url(re.compile(r"/partner/book/departure/\d+/$"))
    phone.locator("input.qty-input").first.fill(people)
    phone.fill("#id_name", name)
    phone.fill("#id_phone", tel)
    phone.fill("#id_email", email)
    phone.select_option("#id_country", country)
    if number == 1:
        shoot(phone, "partner-3-book-guest")
    phone.get_by_role("button", name="Pesan atas tagihan kami").click()
    phone.wait_for_url(re.compile(r"/partner/bookings/[A-Z]+-[A-Z0-9]+/$"))
    expect(phone.locator(".status-badge")).to_have_text("Dikonfirmasi")
    shoot(phone, f"partner-4-booked-{number}")
    return phone.locator("h1.reference").inner_text()


def print_vouchers(phone, references: list[str]) -> None:
    phone.get_by_role("link", name="Pemesanan", exact=True).click()
    for reference in references:
        expect(phone.get_by_text(reference, exact=True)).to_be_visible()
        phone.locator(f'input[name="ref"][value="{reference}"]').check()
    shoot(phone, "partner-5-bookings")
    phone.get_by_role("button", name="Cetak voucher pemesanan yang dicentang").click()
    phone.wait_for_url(re.compile(r"/partner/vouchers/\?ref="))
    expect(phone.locator("article.voucher")).to_have_count(2)
    expect(phone.locator("article.voucher .qr svg")).to_have_count(2)
    shoot(phone, "partner-6-vouchers")
    phone.emulate_media(media="print")
    expect(phone.locator(".portal-nav")).to_be_hidden()
    phone.screenshot(path=str(SCREENSHOTS / "partner-7-vouchers-print.png"), full_page=True)
    # One voucher per printed page.
    pdf = phone.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 2


def test_a_hotel_front_desk_books_two_guests_on_account_and_prints_their_vouchers(demo, phone):
    from tours.models import Booking, BookingStatus, PaymentMethod

    hotel = on_account_hotel()
    complaints = watch(phone)
    log_in(phone, demo.url)
    references = [book_guest(phone, guest, n) for n, guest in enumerate(GUESTS, start=1)]
    print_vouchers(phone, references)
    complaints.assert_none()
    bookings = Booking.objects.filter(partner=hotel)
    assert sorted(b.reference for b in bookings) == sorted(references)
    assert {(b.status, b.payment_method) for b in bookings} == {
        (BookingStatus.CONFIRMED, PaymentMethod.PARTNER_ACCOUNT)
    }
