"""The payment providers, each keeping the contract of `tours.booking.providers`.

Offline ones work with no keys (the default of `make run`):
- `cash`: paid on arrival; the operator records it at check-in.
- `bank_transfer`: the guest transfers to the BUMDes's bank account quoting the reference; the
  treasurer confirms receipt. Offered only when the BUMDes has a bank account number.
- `partner_account`: a partner's booking charged to its account; never offered to guests.
Their refunds are paid by hand and recorded by staff, so nothing is sent.

Online:
- `stripe`: Stripe's hosted Checkout on the BUMDes's own connected account (`stripe_api`), for
  foreign cards. Refunds go back through Stripe's Refunds API (`refund_sending`).

Each BUMDes chooses which of them its guests are offered (`Enterprise.offer_*`); the
`PAYMENT_PROVIDERS` setting lists them in the order guests see them.
"""

from django.urls import reverse
from django.utils import timezone

from tours.booking.providers import PaymentProvider
from tours.models import PaymentMethod, UnpaidBalance
from tours.payments.refund_sending import card_refund_send_later
from tours.payments.stripe_api import (
    BALANCE_CHECKOUT_LONGEST,
    checkout_session_create,
    checkout_session_retrieve,
    stripe_configured,
)


class OfflineProvider(PaymentProvider):
    def available_for(self, enterprise) -> bool:
        return True

    def start(self, booking, request) -> None:
        return None

    def refund_later(self, refund) -> None:
        return None


class CashProvider(OfflineProvider):
    code = PaymentMethod.CASH.value

    def available_for(self, enterprise) -> bool:
        return enterprise.offer_cash


class BankTransferProvider(OfflineProvider):
    code = PaymentMethod.BANK_TRANSFER.value

    def available_for(self, enterprise) -> bool:
        return enterprise.offer_bank_transfer and bool(enterprise.bank_account_number.strip())


class PartnerAccountProvider(OfflineProvider):
    code = PaymentMethod.PARTNER_ACCOUNT.value
    guest_selectable = False


class StripeProvider(PaymentProvider):
    code = PaymentMethod.STRIPE.value

    def available_for(self, enterprise) -> bool:
        return bool(
            stripe_configured()
            and enterprise.offer_stripe
            and enterprise.stripe_charges_enabled
            and enterprise.stripe_account_id
        )

    def start(self, booking, request) -> str:
        """The hosted Checkout page for a held booking: its open session again if it has one
        (a guest who came back and pays now), else a new one, remembered on the booking."""
        manage = reverse("booking_manage", kwargs={"reference": booking.reference})
        back = request.build_absolute_uri(f"{manage}?t={booking.token}")
        if booking.checkout_session_id:
            session = checkout_session_retrieve(booking)
            if session.status == "open":
                return session.url
            if session.status == "complete":
                return f"{back}&paid=1"  # paid already; the manage page confirms it
        session = checkout_session_create(
            booking, success_url=f"{back}&paid=1", cancel_url=back, now=timezone.now()
        )
        type(booking).objects.filter(pk=booking.pk).update(checkout_session_id=session.id)
        booking.checkout_session_id = session.id
        return session.url

    def refund_later(self, refund) -> None:
        """Send the refund through Stripe's Refunds API once the transaction commits; it is
        posted when Stripe reports it."""
        card_refund_send_later(refund)

    def can_take_balance(self, booking, *, now) -> bool:
        """Also: when an unpaid balance cancels the booking, only while a Checkout Session
        opened now would close before the due date (a payment must never land on a booking
        that was cancelled meanwhile)."""
        if not super().can_take_balance(booking, now=now) or booking.checked_in_at:
            return False
        cancels = booking.departure.tour.unpaid_balance == UnpaidBalance.CANCEL
        if cancels and not booking.balance_on_arrival:
            return now + BALANCE_CHECKOUT_LONGEST < booking.balance_due_at
        return True
