import pytest
from django.test import override_settings

from bumdes.models import Enterprise
from tours.payments.base import PaymentProvider
from tours.payments.registry import PROVIDERS, provider_get, providers_available

pytestmark = pytest.mark.django_db

KEYS = {"STRIPE_SECRET_KEY": "sk_test_platform", "STRIPE_WEBHOOK_SECRET": "whsec_test"}


@pytest.fixture
def lipursari():
    enterprise = Enterprise.objects.get(slug="lipursari")
    enterprise.bank_account_number = ""
    enterprise.stripe_account_id = ""
    enterprise.stripe_charges_enabled = False
    enterprise.save()
    return enterprise


def test_every_provider_implements_the_interface():
    assert set(PROVIDERS) == {"cash", "bank_transfer", "stripe", "partner_account"}
    for code, provider in PROVIDERS.items():
        assert isinstance(provider, PaymentProvider)
        assert provider.code == code


@override_settings(STRIPE_SECRET_KEY="")
def test_with_no_keys_only_offline_methods(lipursari):
    assert providers_available(lipursari) == ["cash"]
    lipursari.bank_account_number = "0123456789"
    lipursari.stripe_account_id = "acct_lipursari"
    lipursari.stripe_charges_enabled = True
    assert providers_available(lipursari) == ["bank_transfer", "cash"]


@override_settings(**KEYS)
def test_stripe_needs_a_connected_account_with_charges_enabled(lipursari):
    assert "stripe" not in providers_available(lipursari)
    lipursari.stripe_account_id = "acct_lipursari"
    assert "stripe" not in providers_available(lipursari)
    lipursari.stripe_charges_enabled = True
    assert providers_available(lipursari) == ["stripe", "cash"]


def test_partner_account_only_on_request(lipursari):
    assert "partner_account" not in providers_available(lipursari)
    assert "partner_account" in providers_available(lipursari, include_partner=True)


@pytest.mark.parametrize("code", ["cash", "bank_transfer", "partner_account"])
def test_offline_providers_do_not_redirect_or_refund(code):
    provider = provider_get(code)
    assert provider.start(object(), None) is None
    assert provider.refund(object()) is None
