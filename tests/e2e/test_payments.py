"""A guest on a phone pays online through (a fake of) Stripe's hosted Checkout page and lands on
the confirmation; another chooses a bank transfer and sees the account details to transfer to.

The fake Stripe server (tests/payments/fake_stripe/) answers the real `stripe` SDK through
`STRIPE_API_BASE` and serves a small checkout page whose "Pay" button completes the session.
"""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import shoot, watch
from tests.payments.fake_stripe import fake_stripe_start

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ACCOUNT = "acct_lipursari"


def held_booking():
    """A held booking of two on the batik class, a week ahead, with the guest's details."""
    from tests.tours.factories import GUEST, DepartureFactory, hold

    departure = DepartureFactory(starts_at=timezone.now() + dt.timedelta(days=7), capacity=12)
    return hold(departure, 2, now=timezone.now(), customer=GUEST)


def review_url(base: str, booking) -> str:
    path = reverse("booking_review", kwargs={"reference": booking.reference})
    return f"{base}{path}?t={booking.token}"


@pytest.fixture
def stripe_on(settings):
    from bumdes.models import Enterprise

    fake = fake_stripe_start()
    settings.STRIPE_SECRET_KEY = "sk_test_platform"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_platform"
    settings.STRIPE_WEBHOOK_SECRET = "whsec_test_secret"
    settings.STRIPE_API_BASE = fake.url
    settings.STRIPE_PAYMENT_METHOD_TYPES = ["card"]
    settings.STRIPE_CHECKOUT_ORIGIN = fake.url
    Enterprise.objects.filter(slug="lipursari").update(
        stripe_account_id=ACCOUNT, stripe_charges_enabled=True
    )
    yield fake
    fake.stop()


def test_guest_pays_by_card_and_lands_on_the_ticket(demo, phone, stripe_on):
    from django.core.cache import cache

    from tours.models import Booking, BookingStatus, PaymentStatus

    cache.clear()
    booking = held_booking()
    phone.goto(review_url(demo.url, booking))
    radios = phone.locator("input[type=radio][name=payment_method]")
    expect(radios).to_have_count(3)  # card, bank transfer, cash
    phone.locator("input[type=radio][value=stripe]").check()
    shoot(phone, "payment-card-1-review")
    phone.locator("form.booking-form button.button-block").click()

    # Stripe's hosted page (the fake), for the booking's total in IDR units (×100).
    phone.wait_for_url(re.compile(re.escape(stripe_on.url) + r"/pay/cs_test_\w+"))
    expect(phone.locator("h1")).to_have_text("Pay IDR 20000000")
    shoot(phone, "payment-card-2-checkout")
    phone.locator("#pay").click()

    # Back on the booking: confirmed at once, with the QR ticket.
    phone.wait_for_url(re.compile(r"/booking/[A-Z]{3}-[A-Z0-9]{5}/\?t=[\w-]+&paid=1$"))
    expect(phone.locator(".qr svg")).to_be_visible()
    assert phone.locator("h1.reference").inner_text() == booking.reference
    shoot(phone, "payment-card-3-confirmation")
    booking = Booking.objects.get(pk=booking.pk)
    assert booking.status == BookingStatus.CONFIRMED
    assert booking.payment_status == PaymentStatus.PAID
    [session] = stripe_on.posted("/v1/checkout/sessions")
    assert session.stripe_account == ACCOUNT


def test_guest_chooses_a_bank_transfer(demo, phone):
    from django.core.cache import cache

    cache.clear()
    booking = held_booking()
    phone.goto(review_url(demo.url, booking))
    expect(phone.locator("input[type=radio][name=payment_method]")).to_have_count(2)
    phone.locator("input[type=radio][value=bank_transfer]").check()
    phone.locator("form.booking-form button.button-block").click()

    phone.wait_for_url(re.compile(r"/booking/[A-Z]{3}-[A-Z0-9]{5}/\?t=[\w-]+$"))
    box = phone.locator(".transfer-box")
    expect(box).to_contain_text("DEMO-0000000002")
    expect(box).to_contain_text(booking.reference)
    expect(box).to_contain_text("Rp 200.000")
    shoot(phone, "payment-transfer-manage")


def test_treasurer_confirms_a_transfer_then_refunds_part(demo, browser):
    """At a desk: the awaited transfer is marked received (the booking is confirmed), then a
    partial refund of a bank-paid booking is recorded with its reason."""
    from tests.e2e.test_checkin import log_in, shoot_admin
    from tours.models import Booking, BookingStatus
    from tours.payments.paying import booking_await_transfer

    booking = booking_await_transfer(booking=held_booking())
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    desk = context.new_page()
    complaints = watch(desk)
    try:
        log_in(desk, demo.url, "lipursari-treasurer")
        desk.goto(f"{demo.url}{reverse('bank_transfers:index')}")
        row = desk.locator("tr", has_text=booking.reference)
        expect(row).to_contain_text("Rp 200.000")
        shoot_admin(desk, "payment-treasurer-1-transfers")
        row.get_by_role("link").last.click()
        expect(desk.locator("input[name=amount]")).to_have_value("200.000")
        shoot_admin(desk, "payment-treasurer-2-received")
        desk.locator("form.desa-form button[type=submit]").click()
        expect(desk.locator(".messages")).to_contain_text(booking.reference)
        assert Booking.objects.get(pk=booking.pk).status == BookingStatus.CONFIRMED

        # The booking's page: a partial refund needs a reason.
        desk.goto(f"{demo.url}{reverse('booking_refunds:add', args=[booking.pk])}")
        desk.locator("input[name=amount]").fill("50.000")
        desk.locator("form.desa-form button[type=submit]").click()
        shoot_admin(desk, "payment-treasurer-3-refund-error")
        expect(desk.locator(".w-field--error .error-message")).to_be_visible()
        desk.locator("textarea[name=reason], input[name=reason]").first.fill(
            "Satu peserta sakit, tidak jadi ikut."
        )
        shoot_admin(desk, "payment-treasurer-3-refund")
        desk.locator("form.desa-form button[type=submit]").click()
        desk.wait_for_url(re.compile(r"/admin/bookings/"))
        expect(desk.locator("main")).to_contain_text("Satu peserta sakit")
        shoot_admin(desk, "payment-treasurer-4-booking")
        complaints.assert_none()
    finally:
        context.close()


def test_manager_connects_the_bumdes_stripe_account(demo, browser, stripe_on, settings):
    """The manager presses "Connect" and lands on Stripe's onboarding (the fake's address)."""
    from bumdes.models import Enterprise
    from tests.e2e.test_checkin import log_in, shoot_admin

    settings.STRIPE_CONNECT_ORIGIN = stripe_on.url
    Enterprise.objects.filter(slug="gunturmadu").update(
        stripe_account_id="", stripe_charges_enabled=False
    )
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    desk = context.new_page()
    complaints = watch(desk)
    try:
        log_in(desk, demo.url, "gunturmadu-manager")
        desk.goto(f"{demo.url}{reverse('payment_methods:index')}")
        expect(desk.locator("input[name=bank_account_number]")).to_have_value("DEMO-0000000003")
        shoot_admin(desk, "payment-manager-0-methods")
        desk.goto(f"{demo.url}{reverse('stripe_connect:index')}")
        shoot_admin(desk, "payment-manager-1-stripe")
        complaints.assert_none()  # before leaving for the fake's onboarding page, which is a 404
        desk.locator("main form button[type=submit]").click()
        desk.wait_for_url(re.compile(re.escape(stripe_on.url) + r"/onboarding/acct_\w+"))
        account = Enterprise.objects.get(slug="gunturmadu").stripe_account_id
        assert account and desk.url.endswith(account)
        [link] = stripe_on.posted("/v1/account_links")
        assert link.form["account"] == account
    finally:
        context.close()


def test_school_group_pays_a_deposit_and_sees_the_balance(demo, phone):
    """The demo's batik class asks groups of 10 or more for 30%: the deposit arrives by
    transfer; the guest's page shows the balance, its due date and where to pay it."""
    from django.core.cache import cache

    from tests.tours.factories import GUEST, DepartureFactory, hold
    from tours.payments.paying import bank_transfer_confirm, booking_await_transfer

    cache.clear()
    departure = DepartureFactory(starts_at=timezone.now() + dt.timedelta(days=20), capacity=40)
    booking = hold(departure, 12, now=timezone.now(), customer=GUEST)
    assert booking.deposit_amount == 360_000  # 30% of 12 × Rp 100.000
    booking = booking_await_transfer(booking=booking)
    bank_transfer_confirm(booking=booking, amount=booking.deposit_amount, key="dp")

    manage = reverse("booking_manage", kwargs={"reference": booking.reference})
    phone.goto(f"{demo.url}{manage}?t={booking.token}")
    box = phone.locator("#balance")
    expect(box).to_contain_text("Rp 840.000")
    shoot(phone, "payment-deposit-1-manage")
    box.get_by_role("link").first.click()
    phone.wait_for_url(re.compile(r"/balance/\?t="))
    expect(phone.locator("main")).to_contain_text("DEMO-0000000002")
    shoot(phone, "payment-deposit-2-balance")
