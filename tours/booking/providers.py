"""Payment methods: the small contract every payment provider keeps, and which ones a BUMDes offers.

A provider (cash on arrival, bank transfer, Stripe's hosted Checkout, a partner's account) says
whether a BUMDes may offer it, starts a payment for a held booking, and sends a decided refund
out. The providers themselves live with the payments (`tours.payments.providers`) and are listed
in the `PAYMENT_PROVIDERS` setting, in the order guests see them — the way Django lists its
authentication backends. The booking services talk only to this contract, so the booking side
never depends on a payment provider, and a new one (an Indonesian gateway) is one class and one
line of settings.
"""

import abc
import datetime as dt
import functools

from django.conf import settings
from django.http import HttpRequest
from django.utils.module_loading import import_string

from bumdes.models import Enterprise
from tours.models import Booking, Channel, PaymentMethod, Refund


class PaymentProvider(abc.ABC):
    code: str = ""
    # Offered to guests in the public booking flow (the partner account is for partners only).
    guest_selectable: bool = True

    @abc.abstractmethod
    def available_for(self, enterprise: Enterprise) -> bool:
        """May this BUMDes offer the method (its settings, its accounts, the platform's keys)?"""

    @abc.abstractmethod
    def start(self, booking: Booking, request: HttpRequest | None) -> str | None:
        """Begin paying for a held booking: the URL to send the guest to (a hosted payment
        page), or None when there is nowhere to go (the money is recorded by staff)."""

    @abc.abstractmethod
    def refund_later(self, refund: Refund) -> None:
        """Send a decided refund out once the transaction that decided it commits. Online
        providers ask the provider to pay it back (it is posted when the provider reports it);
        offline refunds are paid by hand and recorded by the treasurer, so nothing is sent."""

    def can_take_balance(self, booking: Booking, *, now: dt.datetime) -> bool:
        """May a group pay what it still owes this way now? Before the departure, when the
        BUMDes offers the method."""
        return booking.departure.starts_at > now and self.available_for(booking.enterprise)


@functools.cache
def _providers() -> dict[str, PaymentProvider]:
    loaded = (import_string(path)() for path in settings.PAYMENT_PROVIDERS)
    return {provider.code: provider for provider in loaded}


def provider_get(code: str) -> PaymentProvider:
    return _providers()[code]


def providers_available(enterprise: Enterprise, *, include_partner: bool = False) -> list[str]:
    """Codes of the methods `enterprise` offers, in the order guests see them; the partner
    account only on request."""
    return [
        code
        for code, provider in _providers().items()
        if (provider.guest_selectable or include_partner) and provider.available_for(enterprise)
    ]


def payment_methods_available(
    enterprise: Enterprise, channel: str = Channel.DIRECT, *, on_account: bool = False
) -> list[str]:
    """The methods this BUMDes offers (its settings, its bank account, its Stripe account).
    Staff at the counter can always take cash; an on-account partner may book on its account."""
    methods = providers_available(enterprise, include_partner=on_account)
    if channel == Channel.STAFF and PaymentMethod.CASH not in methods:
        methods.append(PaymentMethod.CASH)
    return methods


def balance_payable_by(booking: Booking, method: str, *, now: dt.datetime) -> bool:
    """May the group pay what it owes by `method` now? False for a method not in use."""
    provider = _providers().get(method)
    return provider is not None and provider.can_take_balance(booking, now=now)


def refund_send_later(refund: Refund) -> None:
    """Send a decided refund out the way the money came, once this transaction commits."""
    provider_get(refund.method).refund_later(refund)
