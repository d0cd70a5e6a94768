"""Money is whole rupiah, kept in integers; a percentage of it is rounded once, half up."""

from decimal import ROUND_HALF_UP, Decimal


def percent_of(amount: int, percent) -> int:
    """A percentage of a rupiah amount, rounded half up to whole rupiah."""
    value = Decimal(amount) * Decimal(str(percent)) / Decimal(100)
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))
