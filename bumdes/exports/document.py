"""A printable document: what every export (table, CSV, XLSX, PDF) renders. Each report becomes a
document in `bumdes.exports.layouts`; the formats only decide how it looks on paper or screen.

The header names the BUMDes, the report (in Indonesian, as on the Kepmendesa 136 forms), the unit
and the period; the signature block closes every document: the director (Direktur/Pelaksana
Operasional) and the treasurer (Bendahara) sign, the supervisor (Pengawas) and the adviser
(Penasihat, the village head) acknowledge.
"""

from dataclasses import dataclass, field

from bumdes.reports.scope import Scope, date_id


@dataclass
class Column:
    label: str
    money: bool = True
    width: int = 16  # characters, for the text table and the spreadsheet


@dataclass
class Row:
    cells: list  # text for text columns, int (or None) for money columns
    style: str = ""  # "", "heading", "total"


@dataclass
class Table:
    heading: str
    columns: list[Column]
    rows: list[Row] = field(default_factory=list)

    def add(self, *cells, style: str = "") -> None:
        self.rows.append(Row(list(cells), style))


@dataclass
class Document:
    title: str
    scope: Scope
    period_label: str
    tables: list[Table]
    name: str  # for file names: "neraca-saldo"

    @property
    def header(self) -> list[str]:
        lines = [self.scope.enterprise.upper(), self.title.upper()]
        if self.scope.unit:
            lines.append(self.scope.unit)
        lines.append(self.period_label)
        return lines

    @property
    def signed_at(self) -> str:
        place = self.scope.village or ""
        return f"{place}, {date_id(self.scope.period.end)}".strip(", ")


SIGNATURE_BLANK = "(" + "." * 30 + ")"
# (left, right) pairs, top to bottom; the first line carries the place and date.
SIGNATURES = (
    ("Direktur/Pelaksana Operasional", "Bendahara"),
    ("", ""),
    ("", ""),
    (SIGNATURE_BLANK, SIGNATURE_BLANK),
    ("", ""),
    ("Mengetahui:", ""),
    ("Pengawas", "Penasihat"),
    ("", ""),
    ("", ""),
    (SIGNATURE_BLANK, SIGNATURE_BLANK),
)


def signature_lines(document: Document) -> list[tuple[str, str]]:
    return [("", document.signed_at), *SIGNATURES]


def rupiah(amount: int | None) -> str:
    """`1.234.567` (dot thousands, no decimals); negative figures in brackets, as accountants
    write them."""
    if amount is None:
        return ""
    text = f"{abs(amount):,}".replace(",", ".")
    return f"({text})" if amount < 0 else text
