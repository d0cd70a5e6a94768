import pytest
from django.test import override_settings

from bumdes.models import Enterprise
from tours.booking.providers import PaymentProvider, provider_get, providers_available

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


def test_every_provider_in_the_settings_implements_the_interface(settings):
    assert [path.rsplit(".", 1)[1] for path in settings.PAYMENT_PROVIDERS] == [
        "StripeProvider",
        "BankTransferProvider",
        "CashProvider",
        "PartnerAccountProvider",
    ]
    for code in ("stripe", "bank_transfer", "cash", "partner_account"):
        provider = provider_get(code)
        assert isinstance(provider, PaymentProvider)
        assert provider.code == code


def test_the_contract_is_abstract():
    with pytest.raises(TypeError):
        PaymentProvider()


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
    assert provider.refund_later(object()) is None
