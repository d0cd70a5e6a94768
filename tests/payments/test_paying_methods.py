"""Which ways to pay a guest is offered: those the BUMDes chose, card only with the platform's
Stripe keys and the BUMDes's connected account; a method not offered is refused."""

import pytest

from tests.payments.choosing_payment import lipursari
from tests.payments.conftest import ACCOUNT
from tests.tours.factories import BOOKED_AT, DepartureFactory, hold
from tours.booking.errors import BookingInvalid
from tours.booking.providers import payment_methods_available
from tours.payments.paying import booking_await_transfer

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit")]


def test_methods_follow_the_bumdes_settings(fake_stripe, lipursari_stripe):
    enterprise = lipursari_stripe
    assert payment_methods_available(enterprise) == ["stripe", "bank_transfer", "cash"]

    enterprise.offer_cash = False
    enterprise.offer_stripe = False
    assert payment_methods_available(enterprise) == ["bank_transfer"]
    # At the counter, staff can always take cash.
    assert payment_methods_available(enterprise, "staff") == ["bank_transfer", "cash"]

    enterprise.bank_account_number = " "
    assert payment_methods_available(enterprise) == []


def test_stripe_needs_keys_and_a_connected_account(settings):
    enterprise = lipursari()
    settings.STRIPE_SECRET_KEY = ""
    enterprise.stripe_account_id, enterprise.stripe_charges_enabled = ACCOUNT, True
    assert "stripe" not in payment_methods_available(enterprise)
    settings.STRIPE_SECRET_KEY = "sk_test_platform"
    assert "stripe" in payment_methods_available(enterprise)
    enterprise.stripe_charges_enabled = False
    assert "stripe" not in payment_methods_available(enterprise)


def test_a_method_the_bumdes_does_not_offer_is_refused():
    enterprise = lipursari()
    enterprise.offer_bank_transfer = False
    enterprise.save(update_fields=["offer_bank_transfer"])
    booking = hold(DepartureFactory())
    with pytest.raises(BookingInvalid) as error:
        booking_await_transfer(booking=booking, now=BOOKED_AT)
    assert "payment_method" in error.value.errors
    booking.refresh_from_db()
    assert booking.payment_method == ""
