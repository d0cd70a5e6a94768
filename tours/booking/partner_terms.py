"""What a partner's booking costs and earns, decided once at booking time and frozen on it.

A partner sells a BUMDes's experiences under the agreement it has with that BUMDes
(`PartnerAgreement`): only an active agreement sells. On commission terms the guest pays the
BUMDes's prices and the partner earns its commission percentage (the experience's own one when
agreed, else the agreement's) of the revenue the booking really earns, at delivery. On net rates
the booking is priced at the partner's net rates (what it pays the BUMDes) and earns no
commission: the partner keeps whatever it charged above them.

On-account partners may owe a BUMDes at most their credit limit: what the books say they owe
(the receivable) plus what their booked, not yet delivered on-account bookings will add.
"""

from decimal import Decimal

from django.utils.translation import gettext as _

from bumdes import chart, postings
from core.formats import rupiah
from core.money import percent_of
from tours.booking.errors import BookingInvalid
from tours.models import (
    SEAT_TAKING,
    Booking,
    BookingLine,
    Partner,
    PartnerAgreement,
    PaymentMethod,
    Terms,
    TourPage,
)


def agreement_for(partner: Partner, enterprise_id: int) -> PartnerAgreement | None:
    return (
        PartnerAgreement.objects.select_related("counterparty", "partner")
        .filter(partner=partner, enterprise_id=enterprise_id)
        .first()
    )


def active_agreement(partner: Partner, enterprise_id: int) -> PartnerAgreement:
    """The partner's active agreement with this BUMDes; `BookingInvalid` when there is none."""
    agreement = agreement_for(partner, enterprise_id)
    if agreement is None or not agreement.is_active:
        raise BookingInvalid(
            {"partner": _("%(partner)s does not sell this village's experiences.") % {
                "partner": partner.name}}
        )  # fmt: skip
    return agreement


def commission_percent_for(agreement: PartnerAgreement, tour: TourPage) -> Decimal:
    """The partner's commission on this experience: its own term if agreed, else the
    agreement's; none on net rates."""
    if agreement.terms == Terms.NET_RATES:
        return Decimal(0)
    special = agreement.tour_terms.filter(tour_id=tour.pk).first()
    return special.commission_percent if special else agreement.commission_percent


def lines_at_net_rates(agreement: PartnerAgreement, lines: list[BookingLine]) -> dict[str, str]:
    """Price a net-rate partner's lines at its net rates (in place). Returns the errors: a tier
    without a net rate cannot be sold this way."""
    if agreement.terms != Terms.NET_RATES:
        return {}
    rates = dict(agreement.net_rates.values_list("tier_id", "net_price"))
    errors = {}
    for index, line in enumerate(lines):
        if line.tier_id not in rates:
            errors[f"lines.{index}.tier"] = _("No net rate is agreed for %(label)s.") % {
                "label": line.label
            }
        else:
            line.unit_price = rates[line.tier_id]
    return errors


def commission_amount(revenue: int, percent: Decimal) -> int:
    """The commission on `revenue` rupiah: the percentage, rounded half up to whole rupiah."""
    return percent_of(revenue, percent) if percent else 0


def net_of_commission(booking: Booking) -> int:
    """What an on-account partner owes the BUMDes for a booking: its total less commission."""
    return booking.total - commission_amount(booking.total, booking.commission_percent)


def credit_in_use(agreement: PartnerAgreement) -> int:
    """What the partner owes the BUMDes now (receivable) plus what its on-account bookings not
    yet delivered will add (their totals less commission)."""
    owed = postings.counterparty_balance(agreement.counterparty, chart.RECEIVABLES)
    coming = Booking.objects.filter(
        partner_id=agreement.partner_id,
        enterprise_id=agreement.enterprise_id,
        payment_method=PaymentMethod.PARTNER_ACCOUNT,
        status__in=SEAT_TAKING,
        departure__delivered_at__isnull=True,
    )
    pending = sum(net_of_commission(booking) for booking in coming)
    return owed + pending


def credit_left(agreement: PartnerAgreement) -> int:
    return max(agreement.credit_limit - credit_in_use(agreement), 0)


def credit_checked(agreement: PartnerAgreement, total: int, percent: Decimal) -> None:
    """Refuse an on-account booking that would take the partner over its credit limit."""
    if not agreement.on_account:
        raise BookingInvalid(
            {"payment_method": _("Only partners settling on account may book on account.")}
        )
    new = total - commission_amount(total, percent)
    left = credit_left(agreement)
    if new > left:
        raise BookingInvalid(
            {"payment_method": _(
                "This booking (%(new)s) is over your credit limit: %(left)s is left. "
                "Settle your statement or ask the BUMDes to raise the limit."
            ) % {"new": rupiah(new), "left": rupiah(left)}}
        )  # fmt: skip
