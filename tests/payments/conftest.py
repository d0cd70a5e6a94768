import pytest
from django.test import override_settings

from bumdes.models import Enterprise
from tests.payments.fake_stripe import fake_stripe_start

WEBHOOK_SECRET = "whsec_test_secret"
ACCOUNT = "acct_lipursari"


@pytest.fixture(scope="session")
def fake_stripe_server():
    fake = fake_stripe_start()
    yield fake
    fake.stop()


@pytest.fixture
def fake_stripe(fake_stripe_server):
    """The fake Stripe, emptied, with the platform's keys pointing the SDK at it."""
    fake = fake_stripe_server
    fake.reset()
    with override_settings(
        STRIPE_SECRET_KEY="sk_test_platform",
        STRIPE_PUBLISHABLE_KEY="pk_test_platform",
        STRIPE_WEBHOOK_SECRET=WEBHOOK_SECRET,
        STRIPE_API_BASE=fake.url,
        STRIPE_PLATFORM_FEE_PERCENT=0,
        STRIPE_PAYMENT_METHOD_TYPES=["card"],
    ):
        yield fake


@pytest.fixture
def lipursari_stripe(db):
    """Lipursari with its own connected Stripe account."""
    enterprise = Enterprise.objects.get(slug="lipursari")
    enterprise.stripe_account_id = ACCOUNT
    enterprise.stripe_charges_enabled = True
    enterprise.save(update_fields=["stripe_account_id", "stripe_charges_enabled"])
    return enterprise


@pytest.fixture
def no_rate_limit(settings):
    settings.BOOKING_RATE_LIMIT = "0"
