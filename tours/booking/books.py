"""Where the sales side meets the books: every money event of a booking is posted to the books of
the BUMDes that earned it, in the same transaction as the change that caused it.

Payments received before the day of the service are unearned revenue; cash taken on the day is
revenue at once. When a departure has taken place (no-shows too), `departure_deliver` moves each
booking's unearned revenue to revenue and owes the community members assigned to it their share.
A cancellation moves what was paid into a refund payable and a retained fee per the policy.
"""

import datetime as dt
from collections import defaultdict

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from bumdes import chart, postings
from core.formats import rupiah
from core.localtime import business_date
from core.money import percent_of
from tours.booking.balances import booking_paid_amount, refund_method_for
from tours.booking.cancellation import refund_quote
from tours.booking.errors import BookingInvalid, NotAllowed
from tours.booking.locks import booking_lock, departure_lock, refund_lock
from tours.booking.notify import notify_after_commit
from tours.booking.partner_books import booking_earned, partner_delivery_post
from tours.booking.providers import refund_send_later
from tours.models import (
    Booking,
    BookingEvent,
    BookingStatus,
    Category,
    Departure,
    DepartureStatus,
    Payment,
    PaymentMethod,
    PaymentStatus,
    Refund,
    TourShare,
)

DELIVERABLE = (BookingStatus.CONFIRMED, BookingStatus.COMPLETED, BookingStatus.NO_SHOW)


def booking_sale(booking: Booking) -> postings.Sale:
    tour = booking.departure.tour
    revenue = chart.WORKSHOP_REVENUE if tour.category == Category.EDUCATION else chart.TOUR_REVENUE
    return postings.Sale(
        enterprise=booking.enterprise,
        booking_ref=booking.reference,
        unit=booking.business_unit,
        tour=tour.title,
        channel=booking.channel,
        revenue_account=revenue,
    )


def posting_date(booking: Booking, moment: dt.datetime) -> dt.date:
    """The business date of a booking's money event: the village's date of the moment."""
    return business_date(moment, booking.zone)


def payment_record(
    *,
    booking: Booking,
    method: str,
    amount: int,
    now: dt.datetime | None = None,
    user=None,
    provider_ref: str = "",
    fee: int = 0,
    owed_back: bool = False,
) -> Payment:
    """Record money received for a booking and post it. Cash on the day of the service (or
    after delivery) is revenue at once; earlier it is unearned revenue.

    `owed_back`: money that arrived for a booking that cannot take it (its places were sold,
    it was cancelled or paid already): recorded and posted as unearned all the same, whatever
    the booking's state, for the caller to move to refunds payable and give back."""
    now = now or timezone.now()
    with transaction.atomic():
        booking = booking_lock(booking.pk)
        if provider_ref:
            existing = Payment.objects.filter(method=method, provider_ref=provider_ref).first()
            if existing is not None:
                return existing
        if booking.status not in (*DELIVERABLE, BookingStatus.HELD) and not owed_back:
            raise NotAllowed()
        outstanding = booking.total - booking_paid_amount(booking)
        if owed_back and isinstance(amount, int) and amount > 0:
            pass
        elif not isinstance(amount, int) or amount <= 0 or amount > outstanding:
            raise BookingInvalid(
                {"amount": _("Enter an amount between 1 and %(n)d.") % {"n": outstanding}}
            )
        payment = Payment.objects.create(
            booking=booking,
            method=method,
            amount=amount,
            fee=fee,
            provider_ref=provider_ref,
            received_at=now,
            recorded_by=user if getattr(user, "is_authenticated", False) else None,
        )
        _payment_post(booking, payment, owed_back=owed_back, now=now, user=user)
        if not owed_back:  # money owed back leaves the booking's own payment state as it was
            booking.payment_status = _payment_status_after(booking, outstanding, amount)
            booking.save(update_fields=["payment_status"])
        BookingEvent.objects.create(
            booking=booking,
            kind="payment",
            at=now,
            note=f"{PaymentMethod(method).label}: {rupiah(amount)}",
            user=payment.recorded_by,
        )
    return payment


def _payment_post(
    booking: Booking, payment: Payment, *, owed_back: bool, now: dt.datetime, user
) -> None:
    """Post a payment received, and the provider's fee for it: revenue once the service is
    delivered or on its day, unearned revenue before (and always for money owed back)."""
    departure = booking.departure
    delivered = not owed_back and (
        departure.delivered_at is not None
        or posting_date(booking, now) >= posting_date(booking, departure.starts_at)
    )
    sale = booking_sale(booking)
    source = f"payment-{payment.pk}"
    postings.post_payment_received(
        sale=sale,
        amount=payment.amount,
        method=payment.method,
        date=posting_date(booking, now),
        delivered=delivered,
        source_ref=source,
        user=user,
    )
    if payment.fee:
        postings.post_payment_fee(
            sale=sale,
            fee=payment.fee,
            date=posting_date(booking, now),
            source_ref=source,
            method=payment.method,
        )


def _payment_status_after(booking: Booking, outstanding: int, amount: int) -> str:
    """The booking's payment state once `amount` of the `outstanding` is paid."""
    if amount >= outstanding:
        return PaymentStatus.PAID
    paid_now = booking.total - outstanding + amount
    if booking.deposit_amount and paid_now >= booking.deposit_amount:
        return PaymentStatus.DEPOSIT  # a group's deposit; balance to come
    return PaymentStatus.UNPAID


def cancellation_post(*, booking: Booking, now: dt.datetime | None = None) -> Refund | None:
    """After `booking_cancel`: post the refund payable and the retained fee per the policy, and
    return the refund owed (None when nothing goes back). Calling it again returns the same
    refund: it is the one made at the moment of the cancellation.

    The amount is `refund_quote`'s, the figure the guest and staff were shown. A card refund
    goes out through Stripe by itself, once this transaction commits
    (`tours.payments.refund_sending`); cash and bank refunds are paid by hand and recorded with
    `refund_mark_paid`.
    """
    now = now or timezone.now()
    cancelled_at = (
        booking.cancelled_at
        or Booking.objects.values_list("cancelled_at", flat=True).get(pk=booking.pk)
        or now
    )
    existing = booking.refunds.filter(created_at=cancelled_at).first()
    if existing is not None:
        return existing
    quote = refund_quote(booking, now=cancelled_at, percent=booking.refund_percent or 0)
    if quote.paid <= 0:
        return None
    refund_amount = quote.amount
    entry = postings.post_cancellation(
        sale=booking_sale(booking),
        refund=refund_amount,
        date=posting_date(booking, now),
        source_ref=f"booking-{booking.reference}-cancelled",
    )
    if refund_amount <= 0:
        return None
    refund = Refund.objects.create(
        booking=booking,
        method=refund_method_for(booking),
        amount=refund_amount,
        reason=_("Cancellation"),
        # Nothing left in unearned revenue: the money was revenue already (cash taken on the
        # day), so paying it back reduces revenue.
        after_delivery=entry is None,
        created_at=cancelled_at,
    )
    refund_send_later(refund)
    return refund


def refund_paid_record(
    *, refund: Refund, source_ref: str, fee: int = 0, now: dt.datetime | None = None, user=None
) -> Refund:
    """The refund reached the guest: post it, once, and tell the guest.

    Before delivery the refund was a payable (`cancellation_post`, or a refund decided by the
    treasurer): Dr 2.1.06.02 / Cr the money's account. After delivery it reduces revenue:
    Dr 4.1.98.01 / Cr the money's account. A fee the processor charged for sending it is
    Dr 6.3.99.92. Used by `refund_mark_paid` (cash, bank) and by the Stripe refund webhooks.
    """
    now = now or timezone.now()
    with transaction.atomic():
        refund = refund_lock(refund.pk)
        if refund.status == Refund.Status.PAID:
            return refund
        sale = booking_sale(refund.booking)
        method = refund.method if refund.method in postings.CASH_ACCOUNTS else PaymentMethod.CASH
        posting = (
            postings.post_refund_after_delivery
            if refund.after_delivery
            else postings.post_refund_paid
        )
        posting(
            sale=sale,
            amount=refund.amount,
            method=method,
            date=posting_date(refund.booking, now),
            source_ref=source_ref,
            fee=fee,
        )
        refund.status = Refund.Status.PAID
        refund.paid_at = now
        refund.fee = fee
        refund.failure_reason = ""
        refund.recorded_by = user if getattr(user, "is_authenticated", False) else None
        refund.save(update_fields=["status", "paid_at", "fee", "failure_reason", "recorded_by"])
        booking = refund.booking
        booking_payment_status_refresh(booking)
        BookingEvent.objects.create(
            booking=booking,
            kind="refund_paid",
            at=now,
            note=f"{PaymentMethod(refund.method).label}: {refund.amount}",
            user=refund.recorded_by,
        )
        notify_after_commit(booking, "refund")
    return refund


def booking_payment_status_refresh(booking: Booking) -> None:
    """After a refund was paid (or a paid one came back): refunded, partly refunded, or as
    paid as before."""
    paid = booking_paid_amount(booking)
    refunded = booking.refunds.filter(status=Refund.Status.PAID).aggregate(s=Sum("amount"))["s"]
    if refunded:
        status = PaymentStatus.REFUNDED if refunded >= paid else PaymentStatus.PARTLY_REFUNDED
    elif booking.payment_status not in (PaymentStatus.REFUNDED, PaymentStatus.PARTLY_REFUNDED):
        return
    elif paid >= booking.total:
        status = PaymentStatus.PAID
    else:
        status = PaymentStatus.DEPOSIT if paid else PaymentStatus.UNPAID
    booking.payment_status = status
    booking.save(update_fields=["payment_status"])


def refund_mark_paid(*, refund: Refund, now: dt.datetime | None = None, user=None) -> Refund:
    """The refund went out to the guest by hand (cash or bank): post it. Card refunds are
    posted when Stripe reports them, never by hand."""
    if refund.method == PaymentMethod.STRIPE:
        raise NotAllowed(_("Card refunds are recorded when Stripe reports them."))
    return refund_paid_record(
        refund=refund, source_ref=f"refund-{refund.pk}", fee=refund.fee, now=now, user=user
    )


def _shares_for(departure: Departure) -> dict[str, tuple[object, list]]:
    """role → (percent, assigned members) for a departure."""
    percents = {
        share.role.strip().lower(): share.percent
        for share in TourShare.objects.filter(page_id=departure.tour_id)
    }
    members = defaultdict(list)
    for assignment in departure.assignments.select_related("member").order_by("pk"):
        members[assignment.role.strip().lower()].append(assignment.member)
    return {role: (percent, members.get(role, [])) for role, percent in percents.items()}


def _member_shares(revenue: int, shares: dict) -> list[tuple[object, int]]:
    result = []
    for percent, members in shares.values():
        if not members or not percent:
            continue
        role_amount = percent_of(revenue, percent)
        each, remainder = divmod(role_amount, len(members))
        for index, member in enumerate(members):
            # The first member takes the odd rupiah, so the role's share is paid out in full.
            result.append((member, each + (remainder if index == 0 else 0)))
    return result


@transaction.atomic
def departure_deliver(*, departure: Departure, now: dt.datetime | None = None) -> int:
    """The departure took place: complete its bookings and recognise their revenue (no-shows
    too), with the community members' shares and the partners' commission (or, on account,
    what the partner owes). Returns the number of bookings posted."""
    now = now or timezone.now()
    departure = departure_lock(departure.pk)
    if departure.delivered_at is not None or departure.status == DepartureStatus.CANCELLED:
        return 0
    shares = _shares_for(departure)
    posted = 0
    bookings = departure.bookings.filter(status__in=DELIVERABLE).select_related(
        "enterprise", "business_unit"
    )
    for booking in bookings:
        booking.departure = departure
        if booking.status == BookingStatus.CONFIRMED:
            booking.status = BookingStatus.COMPLETED
            booking.save(update_fields=["status"])
        sale = booking_sale(booking)
        date = posting_date(booking, departure.starts_at)
        # Shares are paid on the revenue the booking really earns: what was paid, less what
        # went back to the guest before the day (an on-account partner owes the total).
        revenue = booking_earned(booking, sale)
        postings.post_delivery(
            sale=sale,
            date=date,
            shares=_member_shares(revenue, shares),
            source_ref=f"booking-{booking.reference}-delivered",
        )
        partner_delivery_post(
            booking=booking,
            sale=sale,
            date=date,
            source_ref=f"booking-{booking.reference}-partner",
        )
        posted += 1
    departure.delivered_at = now
    departure.save(update_fields=["delivered_at"])
    return posted


def deliveries_post(*, now: dt.datetime | None = None) -> int:
    """Recognise revenue for every departure that has taken place (periodic)."""
    now = now or timezone.now()
    posted = 0
    due = (
        Departure.objects.filter(delivered_at__isnull=True, starts_at__lte=now)
        .exclude(status=DepartureStatus.CANCELLED)
        .select_related("tour")
    )
    for departure in due:
        end = departure.starts_at + dt.timedelta(minutes=departure.tour.duration_minutes or 0)
        if end <= now:
            posted += departure_deliver(departure=departure, now=now)
    return posted
