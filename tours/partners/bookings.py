"""A partner books for its guest (the partner portal), and what it earned.

An on-account partner's booking is confirmed at once on its account (within its credit limit).
A partner whose guests pay online gets a booking held for the tour's hold time, and the guest is
e-mailed the link to the booking's own page, where they choose how to pay; the partner may also
send that link by WhatsApp. Either way the booking is the partner's, with its commission frozen.

The commission a partner earned is what the books hold for its delivered bookings
(`booking_commission`), so the portal shows the figure the statement carries.
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from core.localtime import local_days_filter
from tours.booking.booking_input import Customer
from tours.booking.books import booking_sale
from tours.booking.holds import booking_hold
from tours.booking.notify import notify_after_commit
from tours.booking.partner_books import booking_commission
from tours.booking.partner_terms import agreement_for
from tours.models import Booking, BookingStatus, Departure, Partner, PaymentMethod
from tours.payments.paying import booking_create

# Bookings whose departure took place and which earn their commission.
EARNING = (BookingStatus.COMPLETED, BookingStatus.NO_SHOW)


def partner_books_on_account(partner: Partner, departure: Departure) -> bool:
    """Does this partner settle its bookings of this departure's BUMDes on account?"""
    agreement = agreement_for(partner, departure.enterprise_id)
    return agreement is not None and agreement.on_account


def partner_booking_make(
    *,
    partner: Partner,
    departure: Departure,
    lines,
    customer: Customer,
    idempotency_key: str | None = None,
    user=None,
    now: dt.datetime | None = None,
) -> Booking:
    """Book for a partner's guest: confirmed on the partner's account when it settles on
    account, else held with the payment link e-mailed to the guest. Raises the booking
    services' errors (`BookingInvalid`, `SoldOut`, `BookingClosed`) before anything is written."""
    now = now or timezone.now()
    if partner_books_on_account(partner, departure):
        booking, _created = booking_create(
            departure_id=departure.pk,
            lines=lines,
            customer=customer,
            payment_method=PaymentMethod.PARTNER_ACCOUNT,
            idempotency_key=idempotency_key,
            partner=partner,
            user=user,
            now=now,
        )
        return booking
    with transaction.atomic():
        booking, created = booking_hold(
            departure_id=departure.pk,
            lines=lines,
            language=customer.language,
            customer=customer,
            idempotency_key=idempotency_key,
            partner=partner,
            user=user,
            now=now,
        )
        if created:
            notify_after_commit(booking, "payment_link")
    return booking


@dataclass(frozen=True)
class Earned:
    month: dt.date  # its first day
    bookings: int
    commission: int


def _month_start(day: dt.date, back: int = 0) -> dt.date:
    index = day.year * 12 + day.month - 1 - back
    return dt.date(index // 12, index % 12 + 1, 1)


def commission_earned(partner: Partner, month: dt.date) -> Earned:
    """The commission on the partner's bookings delivered in `month` (by the village's date of
    the departure), each booking's commission as the books hold it (`booking_commission`)."""
    first = _month_start(month)
    last = _month_start(month, back=-1) - dt.timedelta(days=1)
    bookings = Booking.objects.filter(
        local_days_filter("departure__starts_at", "enterprise__time_zone", first=first, last=last),
        partner=partner,
        status__in=EARNING,
        departure__delivered_at__isnull=False,
    ).select_related("departure", "departure__tour", "enterprise", "business_unit")
    amounts = [booking_commission(b, booking_sale(b)) for b in bookings]
    return Earned(month=first, bookings=len(amounts), commission=sum(amounts))


def commission_this_and_last_month(partner: Partner, today: dt.date) -> list[Earned]:
    return [commission_earned(partner, _month_start(today, back)) for back in (0, 1)]
