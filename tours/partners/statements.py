"""A partner's monthly statement from one BUMDes: opening balance, the partner's bookings
delivered in the month, the money settled, and the closing balance.

For an on-account partner the balance is what it owes the BUMDes (its receivable); for a
guest-pays partner it is what the BUMDes owes it (its commission payable). Both balances are
read from the books, and each booking's commission is the one the books hold for it
(`delivered_amounts`), so the opening balance plus the month's lines is the closing balance the
books show. A partner selling several villages gets a statement from each BUMDes.

The CSV and PDF are the books' own exports (`bumdes.exports`), with the same header and
signature block as every other document of the BUMDes.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.text import slugify

from bumdes.exports.csv_file import render_csv
from bumdes.exports.document import Column, Document, Table
from bumdes.exports.pdf import render_pdf
from bumdes.reports.scope import Period, Scope, date_id, month_id
from core.formats import rupiah
from core.localtime import day_start
from tours.booking.books import DELIVERABLE, booking_sale, posting_date
from tours.booking.partner_books import delivered_amounts
from tours.models import Booking, PartnerAgreement, PartnerSettlement
from tours.partners.books import agreement_balance

Direction = PartnerSettlement.Direction


@dataclass(frozen=True)
class BookingLine:
    date: dt.date
    reference: str
    guest: str
    tour: str
    gross: int
    commission: int
    net: int


@dataclass(frozen=True)
class SettlementLine:
    date: dt.date
    method: str
    note: str
    amount: int


@dataclass(frozen=True)
class Statement:
    agreement: PartnerAgreement
    start: dt.date
    end: dt.date
    opening: int
    bookings: list[BookingLine]
    settlements: list[SettlementLine]
    closing: int

    @property
    def on_account(self) -> bool:
        return self.agreement.on_account

    @property
    def gross(self) -> int:
        return sum(line.gross for line in self.bookings)

    @property
    def commission(self) -> int:
        return sum(line.commission for line in self.bookings)

    @property
    def net(self) -> int:
        return sum(line.net for line in self.bookings)

    @property
    def added(self) -> int:
        """What the month's bookings add to the balance: the net owed on account, else the
        commission owed to the partner."""
        return self.net if self.on_account else self.commission

    @property
    def settled(self) -> int:
        return sum(line.amount for line in self.settlements)

    @property
    def previous(self) -> dt.date:
        return self.start - dt.timedelta(days=1)

    @property
    def following(self) -> dt.date:
        return self.end + dt.timedelta(days=1)


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a month; `ValueError` for a month that does not exist."""
    start = dt.date(year, month, 1)
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return start, following - dt.timedelta(days=1)


def _balance(agreement: PartnerAgreement, until: dt.date) -> int:
    balance = agreement_balance(agreement, until)
    return balance.receivable if agreement.on_account else balance.payable


def _booking_lines(agreement: PartnerAgreement, start: dt.date, end: dt.date) -> list:
    zone = agreement.enterprise.zone
    bookings = (
        Booking.objects.filter(
            partner_id=agreement.partner_id,
            enterprise_id=agreement.enterprise_id,
            status__in=DELIVERABLE,
            departure__delivered_at__isnull=False,
            departure__starts_at__gte=day_start(start, zone),
            departure__starts_at__lt=day_start(end + dt.timedelta(days=1), zone),
        )
        .select_related("departure__tour", "enterprise", "business_unit")
        .order_by("departure__starts_at", "reference")
    )
    lines = []
    for booking in bookings:
        amounts = delivered_amounts(booking, booking_sale(booking))
        lines.append(
            BookingLine(
                date=posting_date(booking, booking.departure.starts_at),
                reference=booking.reference,
                guest=booking.customer_name,
                tour=booking.departure.tour.title,
                gross=amounts.gross,
                commission=amounts.commission,
                net=amounts.net,
            )
        )
    return lines


def statement_for(agreement: PartnerAgreement, year: int, month: int) -> Statement:
    """The agreement's statement for one month (`ValueError` for a month that does not exist)."""
    start, end = month_bounds(year, month)
    direction = Direction.FROM_PARTNER if agreement.on_account else Direction.TO_PARTNER
    settlements = agreement.settlements.filter(
        direction=direction, date__gte=start, date__lte=end
    ).order_by("date", "pk")
    return Statement(
        agreement=agreement,
        start=start,
        end=end,
        opening=_balance(agreement, start - dt.timedelta(days=1)),
        bookings=_booking_lines(agreement, start, end),
        settlements=[
            SettlementLine(s.date, s.get_method_display(), s.note, s.amount) for s in settlements
        ],
        closing=_balance(agreement, end),
    )


def statement_context(statement: Statement, month_url: Callable[[dt.date], str]) -> dict:
    """What a statement page shows, in rupiah as written on screen (the portal's page and the
    staff's partner screen); `month_url(day)` links the month of `day`."""
    return {
        "statement": statement,
        "opening": rupiah(statement.opening),
        "added": rupiah(statement.added),
        "settled": rupiah(statement.settled),
        "closing": rupiah(statement.closing),
        "totals": [rupiah(statement.gross), rupiah(statement.commission), rupiah(statement.net)],
        "bookings": [
            (line, rupiah(line.gross), rupiah(line.commission), rupiah(line.net))
            for line in statement.bookings
        ],
        "settlements": [(line, rupiah(line.amount)) for line in statement.settlements],
        "previous_url": month_url(statement.previous),
        "next_url": month_url(statement.following),
    }


# Exports: the statement as one of the books' documents -----------------------------------------


def statement_document(statement: Statement) -> Document:
    """The statement laid out for CSV and PDF, in Indonesian like every document of the books."""
    agreement = statement.agreement
    enterprise = agreement.enterprise
    period = Period(statement.start, statement.end)
    scope = Scope(enterprise.name, enterprise.legal_name, enterprise.village, "", period, period)
    owed = "Tagihan kepada mitra" if statement.on_account else "Komisi terutang kepada mitra"
    summary = Table("", [Column("Uraian", money=False, width=44), Column("Jumlah")])
    summary.add(f"Saldo awal {date_id(statement.start)}", statement.opening)
    summary.add("Pemesanan terlaksana bulan ini", statement.added)
    summary.add("Pelunasan bulan ini", -statement.settled)
    summary.add(f"Saldo akhir {date_id(statement.end)}", statement.closing, style="total")
    bookings = Table(
        "Pemesanan terlaksana",
        [
            Column("Tanggal", money=False, width=11),
            Column("Kode", money=False, width=11),
            Column("Tamu", money=False, width=22),
            Column("Paket", money=False, width=24),
            Column("Bruto", width=13),
            Column("Komisi", width=12),
            Column("Neto", width=13),
        ],
    )
    for line in statement.bookings:
        bookings.add(
            line.date.isoformat(), line.reference, line.guest, line.tour,
            line.gross, line.commission, line.net,
        )  # fmt: skip
    bookings.add("", "", "Jumlah", "", statement.gross, statement.commission, statement.net,
                 style="total")  # fmt: skip
    settled = Table(
        "Pelunasan",
        [
            Column("Tanggal", money=False, width=11),
            Column("Cara", money=False, width=14),
            Column("Catatan", money=False, width=40),
            Column("Jumlah", width=13),
        ],
    )
    for line in statement.settlements:
        settled.add(line.date.isoformat(), line.method, line.note, line.amount)
    settled.add("", "", "Jumlah", statement.settled, style="total")
    return Document(
        title=f"Laporan mitra: {agreement.partner.name} ({owed})",
        scope=scope,
        period_label=f"Bulan {month_id(statement.start)}",
        tables=[summary, bookings, settled],
        name="laporan-mitra",
    )


def statement_csv(statement: Statement) -> str:
    return render_csv(statement_document(statement))


def statement_pdf(statement: Statement) -> bytes:
    return render_pdf(statement_document(statement))


def statement_file_name(statement: Statement, fmt: str) -> str:
    """`laporan-mitra-hotel-asri-lipursari-2026-12.pdf`"""
    agreement = statement.agreement
    village = slugify(agreement.enterprise.name.lower().replace("bumdes", "")) or "bumdes"
    month = f"{statement.start.year}-{statement.start.month:02d}"
    return f"laporan-mitra-{agreement.partner.slug}-{village}-{month}.{fmt}"
