"""Which providers a BUMDes offers, in the order guests see them."""

from .base import PaymentProvider
from .offline import BankTransferProvider, CashProvider, PartnerAccountProvider
from .stripe_provider import StripeProvider

PROVIDERS: dict[str, PaymentProvider] = {
    provider.code: provider
    for provider in (
        StripeProvider(),
        BankTransferProvider(),
        CashProvider(),
        PartnerAccountProvider(),
    )
}


def provider_get(code: str) -> PaymentProvider:
    return PROVIDERS[code]


def providers_available(enterprise, *, include_partner: bool = False) -> list[str]:
    """Codes of the methods `enterprise` offers. Stripe only with the platform's key and the
    BUMDes's own connected account with charges enabled; the partner account only on request."""
    return [
        code
        for code, provider in PROVIDERS.items()
        if (provider.guest_selectable or include_partner) and provider.available_for(enterprise)
    ]
