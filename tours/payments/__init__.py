"""Payment providers for bookings: offline ones (cash, bank transfer, partner account) and Stripe.

Amounts are integer rupiah everywhere in the project; conversion to a provider's units happens in
`tours.payments.amounts` only (invariant 3).
"""
