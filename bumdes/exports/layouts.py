"""Each report laid out as a document, as the village meeting knows it from the Kepmendesa 136
forms: the figures of the period with the prior period's beside them."""

from bumdes.exports.document import Column, Document, Table
from bumdes.reports import (
    BalanceSheet,
    CashFlow,
    EquityChanges,
    GeneralLedger,
    ImpactReport,
    IncomeStatement,
    Journal,
    RevenueReport,
    SubLedgers,
    TrialBalance,
)
from bumdes.reports.scope import Scope, date_id


def _labels(scope: Scope, as_of: bool = False) -> tuple[str, str]:
    if as_of:
        return date_id(scope.period.end), date_id(scope.prior.end)
    return scope.period.label, scope.prior.label


def _period_label(scope: Scope, as_of: bool = False) -> str:
    current, prior = _labels(scope, as_of)
    prefix = "Per" if as_of else "Periode"
    return f"{prefix} {current} (pembanding: {prior})"


def _text(label: str, width: int = 40) -> Column:
    return Column(label, money=False, width=width)


def _two(scope: Scope, as_of: bool = False, first: str = "Uraian") -> list[Column]:
    current, prior = _labels(scope, as_of)
    return [_text("Kode", 11), _text(first, 44), Column(current), Column(prior)]


def trial_balance_document(report: TrialBalance) -> Document:
    scope = report.scope
    current, prior = _labels(scope, as_of=scope.period.start is None)
    table = Table(
        "",
        [
            _text("Kode", 11),
            _text("Nama Akun", 36),
            Column(f"Debit {current}"),
            Column(f"Kredit {current}"),
            Column(f"Debit {prior}"),
            Column(f"Kredit {prior}"),
        ],
    )
    for r in report.rows:
        table.add(r.code, r.name, r.debit, r.credit, r.prior_debit, r.prior_credit)
    table.add(
        "",
        "Jumlah",
        report.total_debit,
        report.total_credit,
        report.prior_total_debit,
        report.prior_total_credit,
        style="total",
    )
    label = _period_label(scope, as_of=scope.period.start is None)
    return Document("Neraca Saldo", scope, label, [table], "neraca-saldo")


def income_statement_document(report: IncomeStatement) -> Document:
    scope = report.scope
    table = Table("", _two(scope))
    s = report.sections
    subtotals = {
        "deductions": ("Pendapatan Bersih", report.net_revenue),
        "cost": ("Laba Kotor", report.gross_profit),
        "operating": ("Laba (Rugi) Operasional", report.operating_profit),
    }
    for key, section in s.items():
        table.add("", section.title, None, None, style="heading")
        for line in section.lines:
            table.add(line.code, line.name, line.current, line.prior)
        table.add("", f"Jumlah {section.title}", section.current, section.prior, style="total")
        if key in subtotals:
            label, figure = subtotals[key]
            table.add("", label, figure.current, figure.prior, style="total")
    table.add(
        "",
        "Pendapatan (Beban) Lain-lain Bersih",
        report.other_net.current,
        report.other_net.prior,
        style="total",
    )
    figure = report.net_profit
    table.add("", "LABA (RUGI) BERSIH", figure.current, figure.prior, style="total")
    return Document("Laporan Laba Rugi", scope, _period_label(scope), [table], "laporan-laba-rugi")


def balance_sheet_document(report: BalanceSheet) -> Document:
    scope = report.scope
    table = Table("", _two(scope, as_of=True))
    groups = (
        ("ASET", ("current_assets", "noncurrent_assets"), "JUMLAH ASET", report.total_assets),
        (
            "LIABILITAS",
            ("current_liabilities", "noncurrent_liabilities"),
            "JUMLAH LIABILITAS",
            report.total_liabilities,
        ),
        ("EKUITAS", ("equity",), "JUMLAH EKUITAS", report.total_equity),
    )
    for heading, keys, total_label, total in groups:
        table.add("", heading, None, None, style="heading")
        for key in keys:
            section = report.sections[key]
            lines = [x for x in section.lines if x.current or x.prior]
            if not lines and key.startswith("noncurrent"):
                continue
            if len(keys) > 1:
                table.add("", section.title, None, None, style="heading")
            for line in lines:
                table.add(line.code, line.name, line.current, line.prior)
            if len(keys) > 1:
                table.add(
                    "", f"Jumlah {section.title}", section.current, section.prior, style="total"
                )
        table.add("", total_label, total.current, total.prior, style="total")
    figure = report.total_liabilities_equity
    table.add("", "JUMLAH LIABILITAS DAN EKUITAS", figure.current, figure.prior, style="total")
    if not report.balanced:
        diff = report.difference
        table.add("", "Selisih (antar unit usaha)", diff.current, diff.prior)
    return Document(
        "Laporan Posisi Keuangan",
        scope,
        _period_label(scope, as_of=True),
        [table],
        "laporan-posisi-keuangan",
    )


def equity_document(report: EquityChanges) -> Document:
    scope = report.scope
    current, prior = _labels(scope)
    table = Table(
        "",
        [
            _text("Uraian", 34),
            Column("Penyertaan Modal"),
            Column("Cadangan"),
            Column("Saldo Laba"),
            Column(f"Jumlah {current}"),
            Column(f"Jumlah {prior}"),
        ],
    )
    for row, before in zip(report.rows, report.prior_rows, strict=True):
        style = "total" if row.key in ("opening", "closing") else ""
        table.add(
            row.label, row.capital, row.reserves, row.retained, row.total, before.total, style=style
        )
    title = "Laporan Perubahan Ekuitas"
    return Document(title, scope, _period_label(scope), [table], "laporan-perubahan-ekuitas")


def cash_flow_document(report: CashFlow) -> Document:
    scope = report.scope
    table = Table("", _two(scope))
    for section in report.activities.values():
        table.add("", section.title, None, None, style="heading")
        for line in section.lines:
            table.add("", line.name, line.current, line.prior)
        table.add(
            "",
            section.title.replace("Arus Kas", "Kas Bersih"),
            section.current,
            section.prior,
            style="total",
        )
    rows = (
        ("Kenaikan (Penurunan) Kas Bersih", report.net_change),
        ("Kas pada Awal Periode", report.opening_cash),
        ("Kas pada Akhir Periode", report.closing_cash),
    )
    for label, figure in rows:
        table.add("", label, figure.current, figure.prior, style="total")
    detail = Table("Rincian Kas pada Akhir Periode", _two(scope, as_of=True, first="Akun"))
    for line in report.cash_accounts:
        detail.add(line.code, line.name, line.current, line.prior)
    closing = report.closing_cash
    detail.add("", "Jumlah", closing.current, closing.prior, style="total")
    return Document(
        "Laporan Arus Kas", scope, _period_label(scope), [table, detail], "laporan-arus-kas"
    )


def general_ledger_document(report: GeneralLedger) -> Document:
    scope = report.scope
    tables = []
    columns = [
        _text("Tanggal", 11),
        _text("No.", 8),
        _text("Keterangan", 40),
        Column("Debit"),
        Column("Kredit"),
        Column("Saldo"),
    ]
    for account in report.accounts:
        normal = "debit" if account.normal == "debit" else "kredit"
        table = Table(f"{account.code} {account.name} (saldo normal {normal})", list(columns))
        table.add("", "", "Saldo awal", None, None, account.opening, style="total")
        for line in account.lines:
            memo = " · ".join(x for x in (line.memo, line.counterparty, line.unit) if x)
            day, number = line.date.isoformat(), str(line.entry_id)
            table.add(day, number, memo, line.debit, line.credit, line.balance)
        table.add(
            "", "", "Saldo akhir", account.debit, account.credit, account.closing, style="total"
        )
        table.add("", "", f"Saldo akhir {scope.prior.label}", None, None, account.prior_closing)
        tables.append(table)
    label = f"Periode {scope.period.label}"
    return Document("Buku Besar", scope, label, tables, "buku-besar")


def journal_document(report: Journal) -> Document:
    table = Table(
        "",
        [
            _text("Tanggal", 11),
            _text("No.", 8),
            _text("Kode", 11),
            _text("Akun / Keterangan", 44),
            Column("Debit"),
            Column("Kredit"),
        ],
    )
    for entry in report.entries:
        day, number = entry.date.isoformat(), str(entry.id)
        table.add(day, number, "", entry.memo, None, None, style="heading")
        for line in entry.lines:
            name = line.name if line.debit else f"    {line.name}"
            table.add("", "", line.code, name, line.debit or None, line.credit or None)
    table.add("", "", "", "Jumlah", report.total_debit, report.total_credit, style="total")
    label = f"Periode {report.scope.period.label}"
    return Document("Jurnal Umum", report.scope, label, [table], "jurnal-umum")


def revenue_document(report: RevenueReport) -> Document:
    scope = report.scope
    current, prior = _labels(scope)
    tables = []
    views = (
        ("Pendapatan per Desa (BUMDes)", report.by_village),
        ("Pendapatan per Paket Wisata", report.by_tour),
        ("Pendapatan per Saluran Penjualan", report.by_channel),
        ("Pendapatan per Bulan", report.by_month),
    )
    for heading, rows in views:
        table = Table(heading, [_text("Uraian", 44), Column(current), Column(prior)])
        for row in rows:
            table.add(row.label, row.current, row.prior)
        table.add("Jumlah", report.total.current, report.total.prior, style="total")
        tables.append(table)
    return Document("Laporan Pendapatan", scope, _period_label(scope), tables, "laporan-pendapatan")


def impact_document(report: ImpactReport) -> Document:
    scope = report.scope
    current, prior = _labels(scope)
    columns = [
        _text("Uraian", 36),
        Column(f"Diperoleh {current}"),
        Column(f"Dibayar {current}"),
        Column("Jumlah orang", width=10),
        Column(f"Diperoleh {prior}"),
        Column(f"Dibayar {prior}"),
        Column("Jumlah orang", width=10),
    ]
    views = (
        ("Per Bulan", report.by_month),
        ("Per Desa (BUMDes)", report.by_village),
        ("Menurut Status Pekerja Migran Purna", report.by_migrant),
        ("Menurut Jenis Kelamin", report.by_gender),
    )
    tables = []
    for heading, rows in views:
        table = Table(heading, list(columns))
        for r in [*rows, report.total]:
            table.add(
                r.label,
                r.earned,
                r.paid,
                r.members,
                r.prior_earned,
                r.prior_paid,
                r.prior_members,
                style="total" if r is report.total else "",
            )
        tables.append(table)
    return Document(
        "Laporan Pendapatan Mitra Komunitas", scope, _period_label(scope), tables, "laporan-dampak"
    )


def subledgers_document(report: SubLedgers) -> Document:
    scope = report.scope
    current, prior = _labels(scope, as_of=True)
    tables = []
    for ledger in report.ledgers:
        first = "Pemesanan" if ledger.code.startswith("2.1.06") else "Mitra"
        table = Table(
            f"{ledger.code} {ledger.title}",
            [_text(first, 14), _text("Nama", 36), _text("Sejak", 11)]
            + [Column(current), Column(prior)],
        )
        for row in ledger.rows:
            since = row.since.isoformat() if row.since else ""
            key = row.key if first == "Pemesanan" else ""
            table.add(key, row.name, since, row.current, row.prior)
        table.add("", "Jumlah", "", ledger.total.current, ledger.total.prior, style="total")
        tables.append(table)
    return Document(
        "Buku Pembantu", scope, _period_label(scope, as_of=True), tables, "buku-pembantu"
    )


LAYOUTS = {
    TrialBalance: trial_balance_document,
    IncomeStatement: income_statement_document,
    BalanceSheet: balance_sheet_document,
    EquityChanges: equity_document,
    CashFlow: cash_flow_document,
    GeneralLedger: general_ledger_document,
    Journal: journal_document,
    RevenueReport: revenue_document,
    ImpactReport: impact_document,
    SubLedgers: subledgers_document,
}


def document_for(report) -> Document:
    return LAYOUTS[type(report)](report)
