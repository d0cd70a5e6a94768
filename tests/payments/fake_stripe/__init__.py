"""A small local fake of Stripe's API, for the real `stripe` SDK pointed at it through
`STRIPE_API_BASE` (stripe-mock is not available offline).

Implements what the payments code uses, in Stripe's own shapes, one resource per module:
Checkout Sessions (create, retrieve, and a fake hosted checkout page), PaymentIntents and Charges
(made when a session is paid: session.payment_intent → PaymentIntent.latest_charge →
Charge.balance_transaction) in `checkout`; Refunds (create, retrieve, list by charge or
PaymentIntent) in `refunds`; Balance Transactions in `balance`; Payouts in `payouts`; Connected
Accounts (create, retrieve; they live on the platform, as on Stripe) and Account Links in
`accounts`. `expand` works on ids of these objects, lists included (`data.balance_transaction`).

Objects belong to the connected account they were made on: asked for with another
`Stripe-Account` header they do not exist (404), as on Stripe. Every request is recorded with its
parsed form body (or query), its `Stripe-Account` header and its `Idempotency-Key`, so tests can
assert the connected account and the keys. A repeated idempotency key returns the first
response, as Stripe does. `down = True` answers every API call with a 500 (and asks the SDK not
to retry), like an outage. The HTTP side and the routing are in `server`.
"""

from tests.payments.fake_stripe.balance import FEE_PERCENT
from tests.payments.fake_stripe.forms import parse_form
from tests.payments.fake_stripe.server import FakeStripe, fake_stripe_start
from tests.payments.fake_stripe.store import Recorded

__all__ = ["FEE_PERCENT", "FakeStripe", "Recorded", "fake_stripe_start", "parse_form"]
