"""What a partner's booking tells the books when its service is delivered.

A guest-pays partner's guest paid the BUMDes; at delivery the BUMDes owes the partner its
commission on the revenue the booking really earns (what was paid, less what went back before
the day). An on-account partner collected from its guest: at delivery it owes the BUMDes the
booking's total, less its commission netted off. Every screen that shows a partner's commission
(portal, API, statement, admin) takes it from `booking_commission`: what the books hold once the
booking is delivered, before that what it will earn.
"""

import datetime as dt
from dataclasses import dataclass

from bumdes import chart, postings
from tours.booking.partner_terms import commission_amount
from tours.models import Booking, BookingStatus, PartnerAgreement, PaymentMethod

NOT_EARNING = (BookingStatus.CANCELLED, BookingStatus.EXPIRED)


@dataclass(frozen=True)
class PartnerDelivery:
    """A delivered partner booking: what it is worth (`gross`), the partner's commission on
    it, and what the BUMDes keeps (`net`)."""

    gross: int
    commission: int

    @property
    def net(self) -> int:
        return self.gross - self.commission


def on_account(booking: Booking) -> bool:
    return booking.partner_id is not None and (
        booking.payment_method == PaymentMethod.PARTNER_ACCOUNT
    )


def booking_earned(booking: Booking, sale: postings.Sale) -> int:
    """The revenue a booking earns at delivery: an on-account booking's total (its partner owes
    it), else what sits in its unearned and revenue accounts."""
    if on_account(booking):
        return booking.total
    return postings.delivered_revenue(sale)


def partner_delivery_amounts(booking: Booking, sale: postings.Sale) -> PartnerDelivery:
    gross = booking_earned(booking, sale)
    return PartnerDelivery(gross, commission_amount(gross, booking.commission_percent))


def booking_commission(booking: Booking, sale: postings.Sale) -> int:
    """The partner's commission on a booking, as every screen shows it: what the books say once
    the booking is delivered (posted by `partner_delivery_post`), none for a cancelled or
    expired one, and before delivery what the booking's total will earn at its frozen
    percentage."""
    if booking.partner_id is None or booking.status in NOT_EARNING:
        return 0
    if booking.departure.delivered_at is not None:
        return postings.booking_account_balance(sale, chart.COMMISSION_EXPENSE)
    return commission_amount(booking.total, booking.commission_percent)


def delivered_amounts(booking: Booking, sale: postings.Sale) -> PartnerDelivery:
    """A delivered partner booking's figures for its statement: what it earned and the
    commission the books hold for it."""
    return PartnerDelivery(booking_earned(booking, sale), booking_commission(booking, sale))


def partner_delivery_post(
    *, booking: Booking, sale: postings.Sale, date: dt.date, source_ref: str
) -> PartnerDelivery | None:
    """Post a delivered partner booking (none for a booking without a partner): on account,
    the receivable and the commission netted off; else the commission owed to the partner."""
    if booking.partner_id is None:
        return None
    counterparty = (
        PartnerAgreement.objects.select_related("counterparty")
        .get(partner_id=booking.partner_id, enterprise_id=booking.enterprise_id)
        .counterparty
    )
    amounts = partner_delivery_amounts(booking, sale)
    if on_account(booking):
        postings.post_partner_account_delivery(
            sale=sale,
            counterparty=counterparty,
            total=amounts.gross,
            commission=amounts.commission,
            date=date,
            source_ref=source_ref,
        )
    else:
        postings.post_partner_commission(
            sale=sale,
            counterparty=counterparty,
            commission=amounts.commission,
            date=date,
            source_ref=source_ref,
        )
    return amounts
