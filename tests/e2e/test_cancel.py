"""A guest on a phone cancels a booking paid by transfer and is told, before and after, the refund
the books then carry; an operator opens the cancel form of a cash booking and is told nothing was
paid. On the guest's pages and the operator's, the browser's console must stay free of errors and
of Content-Security-Policy violations."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import shoot, watch
from tests.e2e.test_checkin import log_in, shoot_admin

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _booking_paid_by_transfer(hours_ahead: int):
    from tests.tours.factories import GUEST_EN, DepartureFactory, hold
    from tours.payments.paying import bank_transfer_confirm

    departure = DepartureFactory(
        starts_at=timezone.now() + dt.timedelta(hours=hours_ahead), capacity=12
    )
    booking = hold(departure, 2, now=timezone.now() - dt.timedelta(days=3), customer=GUEST_EN)
    bank_transfer_confirm(booking=booking, amount=200_000)
    booking.refresh_from_db()
    return booking


def test_guest_cancels_and_is_told_the_refund_the_books_carry(demo, phone):
    from django.core.cache import cache

    from tours.models import Refund

    cache.clear()
    complaints = watch(phone)
    booking = _booking_paid_by_transfer(hours_ahead=36)  # between 48 h and 24 h: 50%
    with_token = f"?t={booking.token}"
    phone.goto(f"{demo.url}/en{reverse('booking_manage', args=[booking.reference])}{with_token}")
    phone.get_by_role("link", name=re.compile("Cancel", re.I)).first.click()

    refund = phone.locator(".refund-now")
    expect(refund).to_contain_text("Rp 100,000 goes back to you (50% of the Rp 200,000 you paid)")
    expect(phone.locator("body")).to_contain_text("The village keeps Rp 100,000")
    expect(phone.locator("body")).to_contain_text("This holds until")
    shoot(phone, "cancel-1-guest-quote")
    phone.get_by_role("button", name=re.compile("Yes, cancel", re.I)).click()

    expect(phone.locator("body")).to_contain_text("Refund: Rp 100,000 (50% of what you paid)")
    shoot(phone, "cancel-2-guest-cancelled")
    assert Refund.objects.get(booking=booking).amount == 100_000
    complaints.assert_none()


def test_operator_is_told_a_cash_booking_paid_nothing(demo, browser):
    from tests.admin_screens import english
    from tests.tours.factories import GUEST_EN, DepartureFactory, confirmed

    english("lipursari-operator")
    departure = DepartureFactory(starts_at=timezone.now() + dt.timedelta(days=5), capacity=12)
    booking = confirmed(departure, 2, now=timezone.now(), customer=GUEST_EN)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en")
    desk = context.new_page()
    complaints = watch(desk)
    try:
        log_in(desk, demo.url, "lipursari-operator")
        desk.goto(f"{demo.url}/admin/bookings/cancel/{booking.pk}/")
        expect(desk.locator("main")).to_contain_text("Nothing was paid, so nothing goes back.")
        expect(desk.locator("main")).to_contain_text("(Rp 0): as the cancellation policy says")
        shoot_admin(desk, "cancel-3-operator-cash")
        complaints.assert_none()
    finally:
        context.close()
