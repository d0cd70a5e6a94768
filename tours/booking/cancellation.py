"""What cancelling gives back: the one place the refund of a cancellation is decided.

A tour's policy gives a percentage by how long before the start the guest cancels (full refund
up to N hours before, X% up to M hours before, nothing after). The percentage applies to what
the guest has *paid* and not been given back yet — not to the booking's total: a group that paid
a 30% deposit gets the policy's share of that deposit, and a guest paying cash on arrival has
paid nothing, so nothing is owed. What is not given back is the cancellation fee the village keeps.

`refund_quote` says it; the guest's cancel page, the admin's cancel form, the API's answer and
`cancellation_post` (which moves the money in the books) all call it, so the figure a person is
shown is the figure the books and the refund then carry. After the cancellation, the refund it
decided is `cancellation_refund`, and that is what the manage page and the e-mail show.
"""

import datetime as dt
from dataclasses import dataclass

from core.money import percent_of
from tours.booking.balances import refundable_amount
from tours.models import Booking, Refund


@dataclass(frozen=True)
class RefundQuote:
    """What cancelling at one moment gives back."""

    percent: int  # the policy's percentage (or the one staff chose)
    paid: int  # paid and not given back yet: what the percentage applies to
    amount: int  # what goes back to the guest
    until: dt.datetime | None  # when the policy's percentage next drops; None: not before the start

    @property
    def kept(self) -> int:
        """The cancellation fee the village keeps."""
        return self.paid - self.amount


def refund_percent_for(booking: Booking, *, now: dt.datetime) -> int:
    """The tour's cancellation policy at `now`: the share of what was paid given back."""
    tour = booking.departure.tour
    hours_before = (booking.departure.starts_at - now).total_seconds() / 3600
    if hours_before >= tour.full_refund_hours:
        return 100
    if hours_before >= tour.partial_refund_hours:
        return tour.partial_refund_percent
    return 0


def _policy_changes_at(booking: Booking, now: dt.datetime) -> dt.datetime | None:
    """The next moment the policy's percentage drops (its next step), if before the start."""
    tour = booking.departure.tour
    starts_at = booking.departure.starts_at
    steps = sorted(
        {
            starts_at - dt.timedelta(hours=hours)
            for hours in (tour.full_refund_hours, tour.partial_refund_hours)
            if hours
        }
    )
    current = refund_percent_for(booking, now=now)
    for step in steps:
        # A step's own moment still gives its percentage; the drop comes just after it.
        just_after = step + dt.timedelta(seconds=1)
        if step >= now and refund_percent_for(booking, now=just_after) < current:
            return step
    return None


def refund_quote(booking: Booking, *, now: dt.datetime, percent: int | None = None) -> RefundQuote:
    """What cancelling `booking` at `now` gives back: the policy's percentage (or `percent`,
    when staff choose another, e.g. 100 when the village cancels) of what was paid less what
    was given back already (a goodwill refund before the cancellation)."""
    chosen = refund_percent_for(booking, now=now) if percent is None else percent
    chosen = max(0, min(100, chosen))
    paid = refundable_amount(booking)
    until = _policy_changes_at(booking, now) if percent is None else None
    return RefundQuote(percent=chosen, paid=paid, amount=percent_of(paid, chosen), until=until)


def cancellation_refund(booking: Booking) -> Refund | None:
    """The refund a cancellation decided (made at the moment of the cancellation), or None
    when it gave nothing back."""
    if booking.cancelled_at is None:
        return None
    return booking.refunds.filter(created_at=booking.cancelled_at).first()
