"""How fast are the reports on big books? One million journal lines, every report timed.

Starts its own throwaway PostgreSQL (tests/postgres.py), migrates, creates one enterprise with
three business units, 40 community members and 10 partners, and writes 500,000 two-line entries
(1,000,000 lines) over two years in SQL (`INSERT ... SELECT generate_series`), in batches of
50,000 entries, each batch one transaction. The database's own guards stay on: every line is
checked (account of the enterprise, detail account, unit, lock date) and every entry must
balance at commit, so the data is generated honestly: a booking's life in ten entries (paid
online, the Stripe fee, delivered, the community share, the member paid, a cash sale, the payout
created and paid, a partner on account and its payment), with units, tours, channels and
counterparties on the lines. Then ANALYZE, and each report is timed (best of 3) for the year
2026 with 2025 beside it. Goal: under 1 s each on the 2-core machine.

Usage: .venv/bin/python bench/ledger_reports.py [--entries 500000] [--batch 50000]
"""

import argparse
import datetime as dt
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.test")
os.environ.pop("DATABASE_URL", None)

import django  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, connections, transaction  # noqa: E402

from tests.postgres import TempPostgres  # noqa: E402

FIRST_DAY = dt.date(2025, 1, 1)
DAYS = 730  # 2025 and 2026
TOURS = [
    "Kelas Membatik",
    "Jelajah Kebun Teh",
    "Trekking Gunung Bismo",
    "Menginap di Homestay",
    "Kelas Memasak",
    "Tur Sepeda Desa",
]
# One booking's life in ten entries: (debit, credit, percent of the booking's amount, sale line,
# counterparty kind). Sale lines carry the unit, booking, tour and channel.
PLAN = [
    ("1.1.01.90", "2.1.06.01", 100, True, None),  # paid online
    ("6.3.99.92", "1.1.01.90", 3, True, None),  # Stripe fee
    ("2.1.06.01", "4.1.01.03", 100, True, None),  # delivered
    ("6.2.99.90", "2.1.01.90", 30, True, "community"),  # the member's share
    ("2.1.01.90", "1.1.01.02", 30, False, "community"),  # the member paid
    ("1.1.01.01", "4.1.09.01", 50, True, None),  # cash on the day
    ("1.1.01.91", "1.1.01.90", 97, False, None),  # payout created
    ("1.1.01.02", "1.1.01.91", 97, False, None),  # payout paid
    ("1.1.03.01", "4.1.01.03", 80, True, "partner"),  # partner on account
    ("1.1.01.02", "1.1.03.01", 80, False, "partner"),  # partner pays
]

ENTRIES_SQL = """
INSERT INTO bumdes_journalentry (enterprise_id, date, memo, source_type, source_ref, created_at)
SELECT %(enterprise)s, %(first)s::date + (i * %(days)s / %(total)s)::int,
       'Bench ' || i, 'bench', i::text, now()
  FROM generate_series(%(low)s::bigint, %(high)s::bigint - 1) AS i
"""
LINES_SQL = """
INSERT INTO bumdes_journalline (entry_id, enterprise_id, date, account_id, unit_id, side, amount,
                                booking_ref, counterparty_id, tour, channel)
SELECT e.id, e.enterprise_id, e.date,
       CASE WHEN s.side = 'debit' THEN p.debit ELSE p.credit END,
       CASE WHEN p.sale THEN (%(units)s::bigint[])[1 + x.b %% 3] END,
       s.side,
       GREATEST(1, (100000 + (x.b %% 20) * 25000) * p.percent / 100),
       CASE WHEN p.sale THEN 'BEN-' || x.b ELSE '' END,
       CASE p.cp WHEN 'community' THEN (%(community)s::bigint[])[1 + x.b %% 40]
                 WHEN 'partner' THEN (%(partners)s::bigint[])[1 + x.b %% 10] END,
       CASE WHEN p.sale THEN (%(tours)s::text[])[1 + x.b %% 6] ELSE '' END,
       CASE WHEN p.sale THEN (ARRAY['direct', 'partner', 'staff'])[1 + x.b %% 3] ELSE '' END
  FROM bumdes_journalentry e
  CROSS JOIN LATERAL (SELECT e.source_ref::bigint AS i, e.source_ref::bigint / 10 AS b) x
  JOIN (VALUES {plan}) AS p(k, debit, credit, percent, sale, cp) ON p.k = x.i %% 10
  CROSS JOIN (VALUES ('debit'), ('credit')) AS s(side)
 WHERE e.enterprise_id = %(enterprise)s AND e.id > %(after)s
"""


def build(enterprise, entries: int, batch: int) -> None:
    from bumdes.models import Account, Counterparty, JournalEntry

    accounts = dict(Account.objects.filter(enterprise=enterprise).values_list("code", "pk"))
    plan = ", ".join(
        f"({k}, {accounts[d]}, {accounts[c]}, {pct}, {str(sale).lower()}, "
        f"{'NULL' if cp is None else repr(cp)})"
        for k, (d, c, pct, sale, cp) in enumerate(PLAN)
    )
    community = [
        Counterparty.objects.create(
            enterprise=enterprise,
            kind="community",
            name=f"Anggota {n + 1}",
            returned_migrant_worker=(True, False, None)[n % 3],
            gender=("female", "male", "")[n % 3],
        ).pk
        for n in range(40)
    ]
    partners = [
        Counterparty.objects.create(enterprise=enterprise, kind="partner", name=f"Mitra {n}").pk
        for n in range(10)
    ]
    units = list(enterprise.units.order_by("pk").values_list("pk", flat=True))
    params = {
        "enterprise": enterprise.pk,
        "first": FIRST_DAY,
        "days": DAYS,
        "total": entries,
        "units": units,
        "community": community,
        "partners": partners,
        "tours": TOURS,
    }
    sql = LINES_SQL.format(plan=plan)
    for low in range(0, entries, batch):
        started = time.perf_counter()
        with transaction.atomic(), connection.cursor() as cursor:
            after = JournalEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
            cursor.execute(ENTRIES_SQL, {**params, "low": low, "high": min(low + batch, entries)})
            cursor.execute(sql, {**params, "after": after})
        seconds = time.perf_counter() - started
        print(
            f"  entries {low:>7,}-{min(low + batch, entries) - 1:>7,}: {seconds:5.1f} s", flush=True
        )
    with connection.cursor() as cursor:
        # As a settled database would be after autovacuum: statistics and the visibility map.
        cursor.execute("VACUUM ANALYZE")


def best_of(function, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return min(times)


def time_all(cases) -> int:
    print(f"\n{'report':<40}{'seconds':>9}  (best of 3)")
    slow = 0
    for name, function in cases:
        seconds = best_of(function)
        slow += seconds >= 1
        print(f"{name:<40}{seconds:>9.3f}{'  OVER 1 s' if seconds >= 1 else ''}", flush=True)
    with open("/proc/loadavg") as load:
        print(f"(load average while timing: {load.read().split()[0]} on {os.cpu_count()} cores)")
    return slow


def report_cases(e) -> list:
    """Each report, for the year 2026 (with 2025 beside it) or its last month."""
    from bumdes import reports
    from bumdes.exports.beancount_file import journal_beancount

    year = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    december = (dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    unit = e.units.get(slug="wisata")
    return [
        ("trial balance (all time)", lambda: reports.trial_balance(e, end=year[1])),
        ("trial balance (2026)", lambda: reports.trial_balance(e, start=year[0], end=year[1])),
        ("income statement", lambda: reports.income_statement(e, start=year[0], end=year[1])),
        (
            "income statement (one unit)",
            lambda: reports.income_statement(e, start=year[0], end=year[1], unit=unit),
        ),
        ("balance sheet", lambda: reports.balance_sheet(e, date=year[1])),
        ("changes in equity", lambda: reports.equity_changes(e, start=year[0], end=year[1])),
        ("cash flow", lambda: reports.cash_flow(e, start=year[0], end=year[1])),
        (
            "general ledger (1 account, 1 month)",
            lambda: reports.general_ledger(
                e, start=december[0], end=december[1], account="1.1.01.90"
            ),
        ),
        (
            "general ledger (all, 1 month)",
            lambda: reports.general_ledger(e, start=december[0], end=december[1]),
        ),
        ("journal (1 month)", lambda: reports.journal(e, start=december[0], end=december[1])),
        ("sub-ledgers", lambda: reports.subledgers(e, date=year[1])),
        (
            "revenue (tour, channel, month)",
            lambda: reports.revenue(e, start=year[0], end=year[1]),
        ),
        ("impact", lambda: reports.impact(e, start=year[0], end=year[1])),
        (
            "beancount export (1 month)",
            lambda: journal_beancount(e, start=december[0], end=december[1]),
        ),
    ]


def books_write(entries: int, batch: int):
    """Migrate, create the bench's BUMDes and write its books; returns the BUMDes."""
    from bumdes.models import JournalLine
    from bumdes.services import enterprise_create

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"migrated in {time.perf_counter() - started:.0f} s", flush=True)
    enterprise = enterprise_create(
        slug="bench",
        name="BUMDes Bench",
        ref_prefix="BEN",
        legal_name="Badan Usaha Milik Desa Bench",
        village="Bench",
        units=[("wisata", "Unit Wisata"), ("edukasi", "Unit Edukasi"), ("inap", "Unit Inap")],
    )
    started = time.perf_counter()
    print(f"writing {entries:,} entries ({2 * entries:,} lines)…", flush=True)
    build(enterprise, entries, batch)
    lines = JournalLine.objects.filter(enterprise=enterprise).count()
    print(f"{lines:,} lines written and analysed in {time.perf_counter() - started:.0f} s")
    return enterprise


def with_covering_index(cases) -> int:
    """Add a covering index on the lines and time every report again."""
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE INDEX bench_line_cover ON bumdes_journalline "
            "(enterprise_id, account_id, date) INCLUDE (side, amount)"
        )
        cursor.execute("VACUUM ANALYZE bumdes_journalline")
    print("\nwith a covering index (enterprise, account, date) INCLUDE (side, amount):")
    return time_all(cases)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=500_000)
    parser.add_argument("--batch", type=int, default=50_000)
    parser.add_argument(
        "--try-index",
        action="store_true",
        help="then add a covering index on lines (enterprise, account, date) INCLUDE (side, "
        "amount) and time the reports again",
    )
    args = parser.parse_args()

    server = TempPostgres.start()
    try:
        settings.DATABASES["default"].update(server.settings, NAME="postgres")
        django.setup()
        enterprise = books_write(args.entries, args.batch)
        cases = report_cases(enterprise)
        slow = time_all(cases)
        if args.try_index:
            slow = with_covering_index(cases)
        connection.close()
        return 1 if slow else 0
    finally:
        connections.close_all()
        server.stop()


if __name__ == "__main__":
    sys.exit(main())
