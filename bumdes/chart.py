"""The default chart of accounts of a BUMDes, in the Kepmendesa PDTT 136/2022 style.

Codes `x.x.xx.xx`; header accounts (shorter codes) group the detail accounts that start with their
code. Besides the standard accounts it has those a booking business needs (the payment gateway's
balance, payouts in transit, unearned revenue, refunds and partners payable, community fees,
commission, payment fees, rounding). The named constants are the accounts the sales side posts to.
"""

from bumdes.models.accounts import AccountKind as K

CASH = "1.1.01.01"
BANK = "1.1.01.02"
GATEWAY = "1.1.01.90"
IN_TRANSIT = "1.1.01.91"
RECEIVABLES = "1.1.03.01"
COMMUNITY_PAYABLE = "2.1.01.90"
COMMISSION_PAYABLE = "2.1.01.91"
UNEARNED = "2.1.06.01"
REFUNDS_PAYABLE = "2.1.06.02"
PADES_PAYABLE = "2.1.07.01"
INVESTORS_PAYABLE = "2.1.07.02"
CAPITAL = "3.1.01.01"
RESERVES = "3.2.01.01"
RETAINED = "3.3.01.01"
INCOME_SUMMARY = "3.9.01.01"
TOUR_REVENUE = "4.1.01.03"
WORKSHOP_REVENUE = "4.1.09.01"
REVENUE_DEDUCTIONS = "4.1.98.01"
COMMUNITY_FEES = "6.2.99.90"
COMMISSION_EXPENSE = "6.3.99.91"
PAYMENT_FEES = "6.3.99.92"
CANCELLATION_FEES = "7.1.03.01"
ROUNDING = "7.2.99.90"

# (code, Indonesian name, English name, kind); header accounts have codes shorter than 9 chars.
DEFAULT_CHART: list[tuple[str, str, str, str]] = [
    ("1", "Aset", "Assets", K.ASSET),
    ("1.1", "Aset Lancar", "Current assets", K.ASSET),
    ("1.1.01", "Kas dan Setara Kas", "Cash and cash equivalents", K.ASSET),
    (CASH, "Kas Tunai", "Cash on hand", K.ASSET),
    (BANK, "Kas di Bank", "Bank", K.ASSET),
    (GATEWAY, "Kas pada Payment Gateway", "Payment gateway balance", K.ASSET),
    (IN_TRANSIT, "Kas dalam Perjalanan", "Payouts in transit", K.ASSET),
    ("1.1.03", "Piutang", "Receivables", K.ASSET),
    (RECEIVABLES, "Piutang Usaha", "Trade receivables", K.ASSET),
    ("2", "Kewajiban", "Liabilities", K.LIABILITY),
    ("2.1", "Kewajiban Jangka Pendek", "Current liabilities", K.LIABILITY),
    ("2.1.01", "Utang Usaha", "Trade payables", K.LIABILITY),
    (
        COMMUNITY_PAYABLE,
        "Utang kepada Mitra Komunitas",
        "Payable to community members",
        K.LIABILITY,
    ),
    (COMMISSION_PAYABLE, "Utang Komisi Mitra", "Commission payable to partners", K.LIABILITY),
    ("2.1.06", "Pendapatan Diterima Dimuka", "Unearned revenue and refunds", K.LIABILITY),
    (UNEARNED, "Pendapatan Diterima Dimuka", "Unearned revenue", K.LIABILITY),
    (REFUNDS_PAYABLE, "Utang Pengembalian Dana", "Refunds payable", K.LIABILITY),
    ("2.1.07", "Utang Bagi Hasil", "Profit distribution payable", K.LIABILITY),
    (PADES_PAYABLE, "Utang Bagi Hasil PADes", "Payable to the village (PADes)", K.LIABILITY),
    (
        INVESTORS_PAYABLE,
        "Utang Bagi Hasil Investor Masyarakat",
        "Payable to investors",
        K.LIABILITY,
    ),
    ("3", "Ekuitas", "Equity", K.EQUITY),
    ("3.1", "Penyertaan Modal", "Capital", K.EQUITY),
    (CAPITAL, "Penyertaan Modal Desa", "Village capital", K.EQUITY),
    ("3.2", "Cadangan", "Reserves", K.EQUITY),
    (RESERVES, "Cadangan Umum", "General reserves", K.EQUITY),
    ("3.3", "Saldo Laba", "Retained earnings", K.EQUITY),
    (RETAINED, "Saldo Laba", "Retained earnings", K.EQUITY),
    ("3.9", "Ikhtisar Laba Rugi", "Income summary", K.EQUITY),
    (INCOME_SUMMARY, "Ikhtisar Laba Rugi", "Income summary", K.EQUITY),
    ("4", "Pendapatan", "Revenue", K.REVENUE),
    ("4.1", "Pendapatan Usaha", "Operating revenue", K.REVENUE),
    ("4.1.01", "Pendapatan Jasa Wisata", "Tourism revenue", K.REVENUE),
    (TOUR_REVENUE, "Pendapatan Paket Wisata", "Tour revenue", K.REVENUE),
    ("4.1.09", "Pendapatan Pelatihan", "Training revenue", K.REVENUE),
    (WORKSHOP_REVENUE, "Pendapatan Pelatihan", "Workshop and edutourism revenue", K.REVENUE),
    ("4.1.98", "Pengurangan Pendapatan", "Revenue deductions", K.CONTRA_REVENUE),
    (
        REVENUE_DEDUCTIONS,
        "Pengurangan Pendapatan",
        "Refunds and discounts after delivery",
        K.CONTRA_REVENUE,
    ),
    ("6", "Beban", "Expenses", K.EXPENSE),
    ("6.2", "Beban Pokok Pendapatan", "Cost of services", K.EXPENSE),
    (COMMUNITY_FEES, "Beban Jasa Mitra Komunitas", "Community provider fees", K.EXPENSE),
    ("6.3", "Beban Operasional", "Operating expenses", K.EXPENSE),
    (COMMISSION_EXPENSE, "Beban Komisi Agen", "Partner commission", K.EXPENSE),
    (PAYMENT_FEES, "Beban Layanan Pembayaran", "Payment and platform fees", K.EXPENSE),
    ("7", "Pendapatan dan Beban Lain-lain", "Other income and expenses", K.OTHER_INCOME),
    ("7.1", "Pendapatan Lain-lain", "Other income", K.OTHER_INCOME),
    (CANCELLATION_FEES, "Pendapatan Denda", "Retained cancellation fees", K.OTHER_INCOME),
    ("7.2", "Beban Lain-lain", "Other expenses", K.OTHER_EXPENSE),
    (ROUNDING, "Selisih Pembulatan", "Rounding", K.OTHER_EXPENSE),
]


def is_header(code: str) -> bool:
    return len(code.split(".")) < 4
