"""What the sales side tells the books. `tours` calls these functions; `bumdes` never imports
`tours`. Each function posts one balanced entry per event, once (its source reference is unique),
inside the caller's transaction, so the booking's change and its entry commit together.

Amounts are whole rupiah. Revenue is recognised only when the service is delivered (the departure
took place, no-shows included): money received before that is unearned revenue (a liability)
kept per booking, and delivery moves the booking's unearned balance to revenue.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, Sum

from bumdes import chart
from bumdes.ledger import EntryBuilder
from bumdes.models import BusinessUnit, Counterparty, Enterprise, JournalEntry, JournalLine, Side

CASH_ACCOUNTS = {
    "cash": chart.CASH,
    "bank_transfer": chart.BANK,
    "stripe": chart.GATEWAY,
}


@dataclass(frozen=True)
class Sale:
    """What the books need to know about a booking."""

    enterprise: Enterprise
    booking_ref: str
    unit: BusinessUnit | None = None
    tour: str = ""
    channel: str = ""
    revenue_account: str = chart.TOUR_REVENUE

    def dims(self) -> dict:
        return {
            "unit": self.unit,
            "booking_ref": self.booking_ref,
            "tour": self.tour,
            "channel": self.channel,
        }


def unearned_balance(sale: Sale) -> int:
    """The booking's unearned revenue (credit balance of 2.1.06.01 for its reference)."""
    row = JournalLine.objects.filter(
        enterprise=sale.enterprise, account__code=chart.UNEARNED, booking_ref=sale.booking_ref
    ).aggregate(
        debit=Sum("amount", filter=Q(side=Side.DEBIT)),
        credit=Sum("amount", filter=Q(side=Side.CREDIT)),
    )
    return (row["credit"] or 0) - (row["debit"] or 0)


def delivered_revenue(sale: Sale) -> int:
    """The booking's revenue once its service is delivered: what sits in unearned revenue (to be
    recognised now) plus what was booked as revenue already (cash taken on the day). Money
    refunded before delivery left unearned revenue and is not in it."""
    row = JournalLine.objects.filter(
        enterprise=sale.enterprise,
        booking_ref=sale.booking_ref,
        account__code__in=(chart.UNEARNED, sale.revenue_account),
    ).aggregate(
        debit=Sum("amount", filter=Q(side=Side.DEBIT)),
        credit=Sum("amount", filter=Q(side=Side.CREDIT)),
    )
    return (row["credit"] or 0) - (row["debit"] or 0)


def booking_account_balance(sale: Sale, account: str) -> int:
    """Debits less credits of one booking on one account (e.g. the commission posted for it)."""
    row = JournalLine.objects.filter(
        enterprise=sale.enterprise, booking_ref=sale.booking_ref, account__code=account
    ).aggregate(
        debit=Sum("amount", filter=Q(side=Side.DEBIT)),
        credit=Sum("amount", filter=Q(side=Side.CREDIT)),
    )
    return (row["debit"] or 0) - (row["credit"] or 0)


def counterparty_balance(
    counterparty: Counterparty, account: str, until: dt.date | None = None
) -> int:
    """Debits less credits of one counterparty on one account (a receivable is positive, a
    payable negative), up to and including `until` when given."""
    lines = JournalLine.objects.filter(
        enterprise_id=counterparty.enterprise_id, counterparty=counterparty, account__code=account
    )
    if until is not None:
        lines = lines.filter(date__lte=until)
    row = lines.aggregate(
        debit=Sum("amount", filter=Q(side=Side.DEBIT)),
        credit=Sum("amount", filter=Q(side=Side.CREDIT)),
    )
    return (row["debit"] or 0) - (row["credit"] or 0)


def _builder(sale: Sale, date: dt.date, memo: str, source_type: str, source_ref: str, user=None):
    return EntryBuilder(
        enterprise=sale.enterprise,
        date=date,
        memo=f"{memo} {sale.booking_ref}".strip(),
        source_type=source_type,
        source_ref=source_ref,
        user=user,
    )


def post_payment_received(
    *,
    sale: Sale,
    amount: int,
    method: str,
    date: dt.date,
    delivered: bool,
    source_ref: str,
    user=None,
) -> JournalEntry:
    """Money received for a booking. Cash on the day of the service is revenue at once;
    anything received before it is unearned revenue until delivery."""
    credit = sale.revenue_account if delivered else chart.UNEARNED
    return (
        _builder(sale, date, "Pembayaran", "payment", source_ref, user)
        .debit(CASH_ACCOUNTS[method], amount, **sale.dims())
        .credit(credit, amount, **sale.dims())
        .post()
    )


def post_payment_fee(
    *, sale: Sale, fee: int, date: dt.date, source_ref: str, method: str = "stripe"
) -> JournalEntry | None:
    """The payment processor's fee, taken from its balance."""
    if fee <= 0:
        return None
    return (
        _builder(sale, date, "Biaya pembayaran", "payment_fee", source_ref)
        .debit(chart.PAYMENT_FEES, fee, **sale.dims())
        .credit(CASH_ACCOUNTS[method], fee, **sale.dims())
        .post()
    )


def post_delivery(
    *,
    sale: Sale,
    date: dt.date,
    shares: list[tuple[Counterparty, int]] = (),
    source_ref: str,
) -> JournalEntry | None:
    """The departure took place: recognise the booking's unearned revenue, and the community
    members' shares (expense and what is owed to each of them)."""
    revenue = unearned_balance(sale)
    builder = _builder(sale, date, "Layanan terlaksana", "delivery", source_ref)
    if revenue > 0:
        builder.debit(chart.UNEARNED, revenue, **sale.dims())
        builder.credit(sale.revenue_account, revenue, **sale.dims())
    for counterparty, amount in shares:
        if amount > 0:
            builder.debit(chart.COMMUNITY_FEES, amount, counterparty=counterparty, **sale.dims())
            builder.credit(
                chart.COMMUNITY_PAYABLE, amount, counterparty=counterparty, **sale.dims()
            )
    if not builder.lines:
        return None
    return builder.post()


def post_cancellation(
    *, sale: Sale, refund: int, date: dt.date, source_ref: str
) -> JournalEntry | None:
    """Cancelled before delivery: what was paid leaves unearned revenue; the refund becomes a
    payable to the guest and the rest is a retained cancellation fee."""
    paid = unearned_balance(sale)
    if paid <= 0:
        return None
    refund = min(refund, paid)
    return (
        _builder(sale, date, "Pembatalan", "cancellation", source_ref)
        .debit(chart.UNEARNED, paid, **sale.dims())
        .credit(chart.REFUNDS_PAYABLE, refund, **sale.dims())
        .credit(chart.CANCELLATION_FEES, paid - refund, **sale.dims())
        .post()
    )


def post_refund_paid(
    *, sale: Sale, amount: int, method: str, date: dt.date, source_ref: str, fee: int = 0
) -> JournalEntry:
    """The refund of a cancelled booking went out to the guest."""
    builder = _builder(sale, date, "Pengembalian dana", "refund", source_ref)
    builder.debit(chart.REFUNDS_PAYABLE, amount, **sale.dims())
    builder.credit(CASH_ACCOUNTS[method], amount + fee, **sale.dims())
    if fee:
        builder.debit(chart.PAYMENT_FEES, fee, **sale.dims())
    return builder.post()


def post_refund_after_delivery(
    *, sale: Sale, amount: int, method: str, date: dt.date, source_ref: str, fee: int = 0
) -> JournalEntry:
    """A refund for a service already delivered reduces revenue of the current period (plus
    any fee the payment processor charges for sending it)."""
    builder = _builder(sale, date, "Pengembalian setelah layanan", "refund", source_ref)
    builder.debit(chart.REVENUE_DEDUCTIONS, amount, **sale.dims())
    builder.credit(CASH_ACCOUNTS[method], amount + fee, **sale.dims())
    if fee:
        builder.debit(chart.PAYMENT_FEES, fee, **sale.dims())
    return builder.post()


def post_refund_owed(
    *, sale: Sale, amount: int, from_account: str, date: dt.date, source_ref: str, user=None
) -> JournalEntry:
    """A refund decided before the service was delivered (a goodwill or partial refund of a
    confirmed booking: `from_account` is unearned revenue; or part of a cancelled booking's
    retained fee given back: the cancellation fees). It becomes a payable to the guest until it
    goes out (`post_refund_paid`)."""
    if from_account not in (chart.UNEARNED, chart.CANCELLATION_FEES):
        raise ValueError(
            f"a refund is owed out of unearned revenue or retained fees, not {from_account}"
        )
    return (
        _builder(sale, date, "Pengembalian dana disetujui", "refund_owed", source_ref, user)
        .debit(from_account, amount, **sale.dims())
        .credit(chart.REFUNDS_PAYABLE, amount, **sale.dims())
        .post()
    )


def post_counterparty_payment(
    *,
    enterprise: Enterprise,
    counterparty: Counterparty,
    amount: int,
    method: str,
    date: dt.date,
    source_ref: str,
    user=None,
) -> JournalEntry:
    """Paying a community member (or a partner's commission): Dr the payable / Cr cash or bank."""
    payable = (
        chart.COMMUNITY_PAYABLE if counterparty.kind == "community" else chart.COMMISSION_PAYABLE
    )
    return (
        EntryBuilder(
            enterprise=enterprise,
            date=date,
            memo=f"Pembayaran kepada {counterparty.name}",
            source_type="counterparty_payment",
            source_ref=source_ref,
            user=user,
        )
        .debit(payable, amount, counterparty=counterparty)
        .credit(CASH_ACCOUNTS[method], amount, counterparty=counterparty)
        .post()
    )


def post_partner_commission(
    *, sale: Sale, counterparty: Counterparty, commission: int, date: dt.date, source_ref: str
) -> JournalEntry | None:
    """A guest-pays partner's booking was delivered: the BUMDes owes the partner its commission
    (Dr 6.3.99.91 / Cr 2.1.01.91, per partner)."""
    if commission <= 0:
        return None
    return (
        _builder(sale, date, "Komisi mitra", "partner_delivery", source_ref)
        .debit(chart.COMMISSION_EXPENSE, commission, counterparty=counterparty, **sale.dims())
        .credit(chart.COMMISSION_PAYABLE, commission, counterparty=counterparty, **sale.dims())
        .post()
    )


def post_partner_account_delivery(
    *,
    sale: Sale,
    counterparty: Counterparty,
    total: int,
    commission: int,
    date: dt.date,
    source_ref: str,
) -> JournalEntry | None:
    """An on-account partner's booking was delivered: the partner owes the booking's total
    (Dr 1.1.03.01 / Cr revenue), less its commission netted off (Dr 6.3.99.91 / Cr 1.1.03.01)."""
    if total <= 0:
        return None
    builder = _builder(sale, date, "Layanan mitra (tagihan)", "partner_delivery", source_ref)
    builder.debit(chart.RECEIVABLES, total, counterparty=counterparty, **sale.dims())
    builder.credit(sale.revenue_account, total, **sale.dims())
    if commission > 0:
        builder.debit(
            chart.COMMISSION_EXPENSE, commission, counterparty=counterparty, **sale.dims()
        )
        builder.credit(chart.RECEIVABLES, commission, counterparty=counterparty, **sale.dims())
    return builder.post()


def post_partner_settlement_received(
    *,
    enterprise: Enterprise,
    counterparty: Counterparty,
    amount: int,
    method: str,
    date: dt.date,
    source_ref: str,
    user=None,
) -> JournalEntry:
    """An on-account partner paid what it owes: Dr bank or cash / Cr 1.1.03.01 (the partner)."""
    return (
        EntryBuilder(
            enterprise=enterprise,
            date=date,
            memo=f"Pelunasan dari {counterparty.name}",
            source_type="partner_settlement",
            source_ref=source_ref,
            user=user,
        )
        .debit(CASH_ACCOUNTS[method], amount, counterparty=counterparty)
        .credit(chart.RECEIVABLES, amount, counterparty=counterparty)
        .post()
    )


def post_capital(
    *, enterprise: Enterprise, amount: int, date: dt.date, source_ref: str, user=None
) -> JournalEntry:
    """The village's capital paid into the BUMDes's bank account (penyertaan modal desa)."""
    return (
        EntryBuilder(
            enterprise=enterprise,
            date=date,
            memo="Penyertaan modal desa",
            source_type="capital",
            source_ref=source_ref,
            user=user,
        )
        .debit(chart.BANK, amount)
        .credit(chart.CAPITAL, amount)
        .post()
    )


def _payout_builder(enterprise: Enterprise, date: dt.date, memo: str, source_ref: str):
    # A payout moves the whole Stripe balance of the BUMDes, not one unit's money: no unit, as
    # for the village's capital and payments to people.
    return EntryBuilder(
        enterprise=enterprise, date=date, memo=memo, source_type="payout", source_ref=source_ref
    )


def post_payout_created(
    *, enterprise: Enterprise, amount: int, date: dt.date, source_ref: str, payout: str = ""
) -> JournalEntry:
    """Stripe started paying the balance out to the BUMDes's bank: the money is in transit."""
    return (
        _payout_builder(enterprise, date, f"Penarikan saldo Stripe {payout}".strip(), source_ref)
        .debit(chart.IN_TRANSIT, amount)
        .credit(chart.GATEWAY, amount)
        .post()
    )


def post_payout_paid(
    *, enterprise: Enterprise, amount: int, date: dt.date, source_ref: str, payout: str = ""
) -> JournalEntry:
    """The payout reached the bank account."""
    return (
        _payout_builder(
            enterprise, date, f"Penarikan saldo Stripe diterima {payout}".strip(), source_ref
        )
        .debit(chart.BANK, amount)
        .credit(chart.IN_TRANSIT, amount)
        .post()
    )
