"""Jurnal Umum (general journal): the entries of a period in date order, each with its lines.
One query reads the lines with their entry, account, unit and counterparty."""

import datetime as dt
from dataclasses import dataclass, field

from bumdes.models import Side
from bumdes.reports.scope import Period, Scope, lines_of, scope_for


@dataclass(slots=True)
class JournalItemLine:
    code: str
    name: str
    debit: int
    credit: int
    unit: str
    booking_ref: str
    counterparty: str
    tour: str
    channel: str


@dataclass(slots=True)
class JournalItem:
    id: int
    date: dt.date
    memo: str
    source_type: str
    source_ref: str
    lines: list[JournalItemLine] = field(default_factory=list)


@dataclass
class Journal:
    scope: Scope
    entries: list[JournalItem]
    total_debit: int
    total_credit: int


def journal(enterprise, *, start: dt.date | None, end: dt.date, unit=None) -> Journal:
    """Entries dated in the period with their lines (only the unit's lines for one unit)."""
    period = Period(start, end)
    rows = (
        lines_of(enterprise, unit)
        # An entry has its lines' date: filtering the entries too lets PostgreSQL read only the
        # period's entries for their memo.
        .filter(period.q(), period.q("entry__"))
        .values_list(
            "entry_id",
            "date",
            "entry__memo",
            "entry__source_type",
            "entry__source_ref",
            "account__code",
            "account__name",
            "side",
            "amount",
            "unit__name",
            "booking_ref",
            "counterparty__name",
            "tour",
            "channel",
        )
        .order_by("date", "entry_id", "id")
    )
    entries: list[JournalItem] = []
    total_debit = total_credit = 0
    for entry_id, date, memo, source_type, source_ref, code, name, side, amount, *dims in rows:
        if not entries or entries[-1].id != entry_id:
            entries.append(JournalItem(entry_id, date, memo, source_type, source_ref))
        debit = amount if side == Side.DEBIT else 0
        credit = amount - debit
        total_debit += debit
        total_credit += credit
        unit_name, booking_ref, counterparty, tour, channel = dims
        entries[-1].lines.append(
            JournalItemLine(
                code,
                name,
                debit,
                credit,
                unit_name or "",
                booking_ref,
                counterparty or "",
                tour,
                channel,
            )
        )
    return Journal(scope_for(enterprise, unit, period), entries, total_debit, total_credit)
