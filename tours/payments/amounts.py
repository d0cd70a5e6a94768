"""Rupiah ↔ Stripe units, in one place (invariant 3).

IDR is *not* a zero-decimal currency in Stripe's API: Rp 150.000 is sent as `15000000`.
Stripe accepts amounts of at most 12 digits (in its units), so the largest rupiah amount that can
be charged is 9.999.999.999 (999_999_999_999 units, rounded down to whole rupiah).

What we charge and refund is always whole rupiah, so `stripe_to_idr` refuses fractions. What
Stripe computes itself (its fees, a payout of a balance that fees have nibbled at) may carry
hundredths of a rupiah: `stripe_to_idr_rounded` rounds those half up to whole rupiah, the unit of
the books.
"""

STRIPE_MAX_UNITS = 999_999_999_999
IDR_FACTOR = 100
IDR_MAX = STRIPE_MAX_UNITS // IDR_FACTOR


def _check_int(value, name: str) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    if value < 0:
        raise ValueError(f"{name} must not be negative: {value}")


def idr_to_stripe(amount: int) -> int:
    """Whole rupiah → Stripe's IDR units (×100)."""
    _check_int(amount, "amount")
    if amount > IDR_MAX:
        raise ValueError(f"Rp {amount} is beyond Stripe's 12-digit limit")
    return amount * IDR_FACTOR


def stripe_to_idr(units: int) -> int:
    """Stripe's IDR units → whole rupiah; refuses fractions of a rupiah."""
    _check_int(units, "units")
    if units > STRIPE_MAX_UNITS:
        raise ValueError(f"{units} is beyond Stripe's 12-digit limit")
    rupiah, rest = divmod(units, IDR_FACTOR)
    if rest:
        raise ValueError(f"{units} is not a whole rupiah amount")
    return rupiah


def stripe_to_idr_rounded(units: int) -> int:
    """Stripe's IDR units → whole rupiah, rounded half up (fees and payouts Stripe computed)."""
    _check_int(units, "units")
    if units > STRIPE_MAX_UNITS:
        raise ValueError(f"{units} is beyond Stripe's 12-digit limit")
    rupiah, rest = divmod(units, IDR_FACTOR)
    return rupiah + (1 if rest * 2 >= IDR_FACTOR else 0)
