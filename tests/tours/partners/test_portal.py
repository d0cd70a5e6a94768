"""The partner portal: logging in, each partner seeing only its own bookings (not even by
guessing a reference), booking for a guest on account and with a payment link, cancelling
within the policy, vouchers with the QR ticket, and API keys shown once and revoked."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from core.localtime import business_date
from tests.admin_language import untranslated_lookups
from tests.tours.partners.factories import (
    PARTNER_PASSWORD,
    agent,
    hotel,
    partner_user,
    partner_with_agreement,
)
from tours.booking.books import departure_deliver
from tours.models import (
    Booking,
    BookingStatus,
    PartnerApiKey,
    PartnerKind,
    PartnerNetRate,
    PaymentMethod,
    Settlement,
    Terms,
)
from tours.partners.bookings import commission_earned
from tours.partners.keys import api_key_create, api_key_partner

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit")]


def guest_form(tier, quantity=2, **changes) -> dict:
    data = {
        "nonce": "abcdefgh1234",
        f"tier_{tier.pk}": str(quantity),
        "name": "Anna de Vries",
        "phone": "+31 6 1234 5678",
        "email": "anna@example.nl",
        "country": "NL",
        "language": "en",
    }
    data.update(changes)
    return data


def book(client, departure, tier, **changes):
    url = reverse("partner_book_guest", kwargs={"departure_id": departure.pk})
    return client.post(url, guest_form(tier, **changes))


@pytest.fixture
def desk(client):
    """The agent's front desk, logged in: (client, partner)."""
    partner = agent()
    client.force_login(partner_user(partner))
    return client, partner


# Logging in ---------------------------------------------------------------------------------


def test_a_partner_user_logs_in_and_lands_on_the_portal_home(client):
    partner = agent()
    partner_user(partner, username="rina")
    page = client.get(reverse("partner_login"))
    assert page.status_code == 200 and b"csrfmiddlewaretoken" in page.content
    answer = client.post(reverse("partner_login"), {"username": "rina", "password": "wrong"})
    assert answer.status_code == 200 and b"form-errors" in answer.content
    answer = client.post(
        reverse("partner_login"), {"username": "rina", "password": PARTNER_PASSWORD}
    )
    assert answer.status_code == 302 and answer["Location"] == reverse("partner_home")
    home = client.get(reverse("partner_home"))
    assert partner.name in home.content.decode()
    assert "no-store" in home["Cache-Control"]


def test_the_login_is_rate_limited(client, settings, fresh_rate_limit):
    settings.BOOKING_RATE_LIMIT = "3/m"
    for _attempt in range(3):
        client.post(reverse("partner_login"), {"username": "x", "password": "y"})
    answer = client.post(reverse("partner_login"), {"username": "x", "password": "y"})
    assert answer.status_code == 429


def test_anonymous_visitors_go_to_the_login_in_their_language(client):
    answer = client.get("/en/partner/bookings/")
    assert answer.status_code == 302
    assert answer["Location"].startswith("/en/partner/login/?next=/en/partner/bookings/")
    assert client.get("/partner/login/").status_code == 200


def test_an_account_without_a_partner_and_staff_are_told_it_is_not_a_partners(client, login):
    partner = hotel()
    staff = partner_user(partner, username="staf", is_staff=True)
    client.force_login(staff)
    answer = client.get(reverse("partner_home"))
    assert answer.status_code == 403 and "bukan milik mitra" in answer.content.decode().lower()
    login("lipursari-editor")
    assert client.get(reverse("partner_bookings")).status_code == 403


# Booking for a guest --------------------------------------------------------------------------


def test_an_on_account_partner_books_and_the_booking_is_confirmed_at_once(desk, departure, tiers):
    client, partner = desk
    answer = book(client, departure, tiers[0])
    booking = Booking.objects.get(partner=partner)
    assert answer.status_code == 302
    assert answer["Location"] == reverse("partner_booking", args=[booking.reference])
    assert booking.status == BookingStatus.CONFIRMED
    assert booking.payment_method == PaymentMethod.PARTNER_ACCOUNT
    assert (booking.customer_name, booking.customer_phone) == ("Anna de Vries", "+31612345678")
    assert booking.total == 200_000
    # The same form sent twice books once; another guest on the same form is a new booking.
    book(client, departure, tiers[0])
    book(client, departure, tiers[0], name="Jan de Vries")
    assert Booking.objects.filter(partner=partner).count() == 2


def test_a_guest_pays_partner_holds_and_the_guest_gets_the_payment_link(
    client, departure, tiers, django_capture_on_commit_callbacks
):
    partner = hotel()
    client.force_login(partner_user(partner))
    with django_capture_on_commit_callbacks(execute=True):
        book(client, departure, tiers[0], quantity=1)
    booking = Booking.objects.get(partner=partner)
    assert booking.status == BookingStatus.HELD and booking.payment_method == ""
    assert booking.commission_percent == 10
    (message,) = mail.outbox
    assert message.to == ["anna@example.nl"] and booking.reference in message.subject
    link = f"/en/booking/{booking.reference}/?t={booking.token}"
    assert link in message.body
    page = client.get(reverse("partner_booking", args=[booking.reference])).content.decode()
    assert link.replace("&", "&amp;") in page and "data-copy" in page
    assert "https://wa.me/31612345678?text=" in page
    # Held, it is no ticket yet: no voucher.
    voucher = client.get(reverse("partner_booking_voucher", args=[booking.reference]))
    assert voucher.status_code == 404


def test_errors_show_on_the_form_and_nothing_typed_is_lost(desk, departure, tiers):
    client, partner = desk
    answer = book(client, departure, tiers[0], quantity=0, email="anna@", phone="12")
    page = answer.content.decode()
    assert answer.status_code == 200
    assert "Anna de Vries" in page and 'value="anna@"' in page
    assert page.count('class="field-error"') >= 2 and 'id="form-errors"' in page
    assert not Booking.objects.filter(partner=partner).exists()


def test_only_the_villages_the_partner_sells_are_offered(desk, departure):
    client, _partner = desk
    page = client.get(reverse("partner_book")).content.decode()
    assert departure.tour.title in page
    other = Booking.objects.exclude(enterprise=departure.enterprise).first().departure
    url = reverse("partner_book_guest", kwargs={"departure_id": other.pk})
    assert client.get(url).status_code == 404
    dates = client.get(reverse("partner_book_date", args=[departure.tour_id])).content.decode()
    assert "/partner/book/departure/" in dates
    assert client.get(reverse("partner_book_date", args=[other.tour_id])).status_code == 404


def test_a_net_rate_partner_books_at_its_net_rates_for_the_tiers_agreed(client, departure, tiers):
    partner = partner_with_agreement(
        "agen-neto",
        kind=PartnerKind.AGENT,
        terms=Terms.NET_RATES,
        settlement=Settlement.ON_ACCOUNT,
        credit_limit=1_000_000,
    )
    agreement = partner.agreements.get()
    PartnerNetRate.objects.create(agreement=agreement, tier=tiers[0], net_price=80_000)
    client.force_login(partner_user(partner))
    page = client.get(reverse("partner_book_guest", args=[departure.pk])).content.decode()
    assert "Rp 80.000" in page and f'name="tier_{tiers[1].pk}"' not in page
    book(client, departure, tiers[0])
    assert Booking.objects.get(partner=partner).total == 160_000


# Isolation ----------------------------------------------------------------------------------


def test_a_partner_never_sees_another_partners_booking(client, departure, tiers):
    first, second = agent("agen-a"), agent("agen-b")
    client.force_login(partner_user(first))
    book(client, departure, tiers[0])
    theirs = Booking.objects.get(partner=first)
    client.force_login(partner_user(second))
    ref = theirs.reference
    for name in ("partner_booking", "partner_booking_cancel", "partner_booking_voucher"):
        assert client.get(reverse(name, args=[ref])).status_code == 404
        assert client.get(reverse(name, args=[ref.lower()])).status_code == 404
    assert client.post(reverse("partner_booking_cancel", args=[ref])).status_code == 404
    assert client.get(reverse("partner_vouchers"), {"ref": ref}).status_code == 404
    assert client.get(reverse("partner_booking", args=["LIP-ZZZZZ"])).status_code == 404
    listing = client.get(reverse("partner_bookings"), {"q": ref, "show": "all"})
    assert reverse("partner_booking", args=[ref]) not in listing.content.decode()
    theirs.refresh_from_db()
    assert theirs.status == BookingStatus.CONFIRMED


def test_the_list_finds_by_reference_or_guest_and_filters(desk, departure, tiers):
    client, partner = desk
    book(client, departure, tiers[0])
    booking = Booking.objects.get(partner=partner)
    upcoming = client.get(reverse("partner_bookings")).content.decode()
    assert booking.reference in upcoming
    assert (
        booking.reference
        in client.get(reverse("partner_bookings"), {"q": "de vries"}).content.decode()
    )
    for show in ("past", "cancelled"):
        shown = client.get(reverse("partner_bookings"), {"show": show}).content.decode()
        assert booking.reference not in shown


# Cancelling, vouchers -------------------------------------------------------------------------


def test_a_partner_cancels_within_the_policy_after_seeing_what_it_gives_back(
    desk, departure, tiers
):
    client, partner = desk
    book(client, departure, tiers[0])
    booking = Booking.objects.get(partner=partner)
    url = reverse("partner_booking_cancel", args=[booking.reference])
    page = client.get(url).content.decode()
    assert departure.tour.cancellation_policy_text() in page
    assert "Belum ada pembayaran, jadi tidak ada yang terutang" in page
    assert client.post(url).status_code == 302
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED and booking.refund_percent == 100
    # Once cancelled, the cancel page only leads back to the booking.
    assert client.get(url)["Location"] == reverse("partner_booking", args=[booking.reference])


def test_vouchers_carry_the_qr_ticket_one_per_page(desk, departure, tiers):
    client, partner = desk
    book(client, departure, tiers[0], name="Anna de Vries")
    book(client, departure, tiers[0], name="Jan de Vries", nonce="zyxwvuts9876")
    first, second = Booking.objects.filter(partner=partner).order_by("pk")
    one = client.get(reverse("partner_booking_voucher", args=[first.reference])).content.decode()
    assert first.reference in one and "Anna de Vries" in one and "<svg" in one
    both = client.get(reverse("partner_vouchers"), {"ref": [first.reference, second.reference]})
    page = both.content.decode()
    assert page.count('class="ticket voucher"') == 2 and "Jan de Vries" in page
    assert page.count('<div class="qr"><svg') == 2
    css = (client.get("/static/tours/portal/portal.css").getvalue()).decode()
    assert re.search(r"\.voucher \{ break-after: page;", css)


# API keys -------------------------------------------------------------------------------------


def test_a_key_is_shown_once_stored_hashed_and_revoked(desk):
    client, partner = desk
    answer = client.post(reverse("partner_key_create"), {"name": "Hotel website"})
    raw = re.search(r'value="(dw_[^"]+)"', answer.content.decode()).group(1)
    key = PartnerApiKey.objects.get(partner=partner)
    assert key.name == "Hotel website" and raw not in (key.digest, key.prefix)
    assert api_key_partner(raw) == partner
    listing = client.get(reverse("partner_keys")).content.decode()
    assert key.prefix in listing and raw not in listing
    revoke = reverse("partner_key_revoke", args=[key.pk])
    assert "Ya, cabut" in client.get(revoke).content.decode()
    assert api_key_partner(raw) == partner  # asking to confirm revokes nothing
    client.post(revoke)
    assert api_key_partner(raw) is None
    other = agent("agen-lain")
    other_key, _raw = api_key_create(partner=other, name="Other agent's site")
    assert client.post(reverse("partner_key_revoke", args=[other_key.pk])).status_code == 404
    other_key.refresh_from_db()
    assert other_key.revoked_at is None


def test_a_key_needs_a_name(desk):
    client, partner = desk
    answer = client.post(reverse("partner_key_create"), {"name": ""})
    assert answer.status_code == 200 and not PartnerApiKey.objects.filter(partner=partner).exists()


def test_commission_earned_counts_delivered_bookings_in_their_month(desk, departure, tiers):
    client, partner = desk
    book(client, departure, tiers[0])
    month = business_date(departure.starts_at, departure.zone)
    assert commission_earned(partner, month).commission == 0  # not delivered yet
    departure_deliver(departure=departure)
    earned = commission_earned(partner, month)
    assert (earned.bookings, earned.commission) == (1, 30_000)  # 15% of Rp 200.000
    assert commission_earned(partner, month - dt.timedelta(days=31)).commission == 0
    assert "Komisi yang diperoleh" in client.get(reverse("partner_home")).content.decode()


def test_the_home_links_this_and_last_months_statements_in_the_villages_calendar(desk):
    client, partner = desk
    agreement = partner.agreements.get()
    today = business_date(timezone.now(), agreement.enterprise.zone)
    last = today.replace(day=1) - dt.timedelta(days=1)
    html = client.get(reverse("partner_home")).content.decode()
    for month in (today, last):
        link = reverse("partner_statement", args=[agreement.pk, month.year, month.month])
        assert f'href="{link}"' in html
        assert client.get(link).status_code == 200


def test_the_portal_speaks_indonesian(desk, departure, tiers):
    """Every message the portal's pages look up in Indonesian is translated (plurals too)."""
    client, partner = desk
    book(client, departure, tiers[0])
    booking = Booking.objects.get(partner=partner)
    agreement = partner.agreements.get()
    pages = [
        reverse("partner_home"),
        reverse("partner_book"),
        reverse("partner_book_date", args=[departure.tour_id]),
        reverse("partner_book_guest", args=[departure.pk]),
        reverse("partner_bookings"),
        reverse("partner_booking", args=[booking.reference]),
        reverse("partner_booking_voucher", args=[booking.reference]),
        reverse("partner_keys"),
        reverse("partner_statement", args=[agreement.pk, 2030, 5]),
    ]
    with untranslated_lookups() as missing:
        for url in pages:
            assert client.get(url).status_code == 200, url
    assert not missing
