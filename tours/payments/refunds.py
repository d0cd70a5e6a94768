"""Refunds: decided by the village, sent the way the money came, posted when the money leaves.

A refund's life: `pending` (decided, owed to the guest) → for cash and bank, `paid` when the
treasurer records that it went out (`tours.booking.books.refund_mark_paid`); for cards, `sent`
once Stripe's Refunds API accepted it (`tours.payments.refund_sending`), then `paid` or `failed`
when Stripe reports it (`tours.payments.refund_reports`). A failed refund is still owed: the
treasurer sends it again.

Where refunds come from: a cancellation (`cancellation_post`, the policy's share of what was
paid), a payment that arrived after its places were gone (the whole payment), or the treasurer
(`refund_create`, here: the policy's amount, or another amount with a reason). Never more than
was paid less what was refunded already.

The books. Before delivery a refund is first a payable to the guest: the cancellation moves the
payment from unearned revenue to 2.1.06.02; a refund the treasurer gives on a booking still to
be delivered moves its amount from unearned revenue (2.1.06.01) to 2.1.06.02 at once, and on a
cancelled booking out of the retained cancellation fee (7.1.03.01). When the money goes out:
Dr 2.1.06.02 / Cr cash, bank or the Stripe balance. After delivery there is no payable: the
refund reduces revenue when it is paid (Dr 4.1.98.01). A fee Stripe charges for the refund is
Dr 6.3.99.92.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bumdes import chart, postings
from core.formats import rupiah
from tours.booking.balances import (
    booking_paid_amount,
    refund_method_for,
    refunds_total,
)
from tours.booking.books import booking_sale, posting_date
from tours.booking.cancellation import RefundQuote, refund_quote
from tours.booking.errors import BookingInvalid, NotAllowed
from tours.booking.history import booking_event_record
from tours.booking.locks import booking_lock
from tours.booking.providers import refund_send_later
from tours.models import Booking, BookingStatus, Refund

DELIVERED = (BookingStatus.COMPLETED, BookingStatus.NO_SHOW)


def refund_policy_quote(booking: Booking, *, now: dt.datetime | None = None) -> RefundQuote | None:
    """What the tour's cancellation policy gives back today on a booking still to come (None
    once the departure started, or for a booking that is not confirmed): the same quote the
    guest's cancel page shows."""
    now = now or timezone.now()
    if booking.status != BookingStatus.CONFIRMED or booking.departure.starts_at <= now:
        return None
    return refund_quote(booking, now=now)


@transaction.atomic
def refund_create(
    *, booking: Booking, amount: int, reason: str, user=None, now: dt.datetime | None = None
) -> Refund:
    """The treasurer (or manager) gives money back on a booking: the policy's amount or another
    one, with a reason. A card refund goes out through Stripe once this commits; a cash or bank
    refund waits to be paid by hand."""
    now = now or timezone.now()
    booking = booking_lock(booking.pk)
    if booking.status == BookingStatus.HELD:
        raise NotAllowed()
    paid = booking_paid_amount(booking)
    refunded = refunds_total(booking)
    left = max(0, paid - refunded)
    if left <= 0:
        raise NotAllowed(_("Nothing is left to refund on this booking."))
    if not isinstance(amount, int) or isinstance(amount, bool) or amount <= 0 or amount > left:
        raise BookingInvalid({"amount": refund_too_much_message(paid=paid, refunded=refunded)})
    reason = (reason or "").strip()
    if not reason:
        raise BookingInvalid({"reason": _("Say why the guest gets this refund.")})
    sale = booking_sale(booking)
    delivered = booking.status in DELIVERED or booking.departure.delivered_at is not None
    owed_from = None
    if booking.status == BookingStatus.CANCELLED:
        # Given back out of the cancellation fee the village kept.
        owed_from = chart.CANCELLATION_FEES
    elif not delivered and postings.unearned_balance(sale) >= amount:
        # Not delivered yet: the money leaves unearned revenue, never revenue.
        owed_from = chart.UNEARNED
    refund = Refund.objects.create(
        booking=booking,
        method=refund_method_for(booking),
        amount=amount,
        reason=reason[:255],
        after_delivery=owed_from is None,
        created_at=now,
    )
    if owed_from is not None:
        postings.post_refund_owed(
            sale=sale,
            amount=amount,
            from_account=owed_from,
            date=posting_date(booking, now),
            source_ref=f"refund-{refund.pk}-owed",
            user=user,
        )
    staff = user if getattr(user, "is_authenticated", False) else None
    booking_event_record(booking, "refund_due", now, f"{amount}: {reason}", staff)
    refund_send_later(refund)
    return refund


def refund_too_much_message(*, paid: int, refunded: int) -> str:
    return _(
        "At most %(left)s can be refunded: %(paid)s was paid and %(refunded)s is refunded "
        "or owed back already."
    ) % {
        "left": rupiah(max(0, paid - refunded)),
        "paid": rupiah(paid),
        "refunded": rupiah(refunded),
    }
