"""Books with fixed dates and amounts for the report tests, posted through the real services.

BUMDes Sukamaju (two units: wisata, edukasi; profit split 40% village, 20% reserves, 10%
investors). 2025 (the prior period): a Rp 500.000 cash tour on the day; the year is closed and
its profit distributed in 2026. 2026:
- 2 Jan   capital Rp 10.000.000 into the bank;
- 1 Feb   SKM-A (edukasi, "Kelas Membatik", direct) paid online Rp 1.000.000, Stripe fee 35.000;
- 15 Feb  SKM-A delivered, 30% (300.000) to Bu Sri, the batik teacher;
- 20/22 Feb  Stripe payout of 965.000: gateway -> in transit -> bank (not a cash flow);
- 28 Feb  Bu Sri paid 300.000 from the bank;
- 1 Mar   SKM-B (wisata, "Jelajah Kebun Teh", partner) paid online 1.000.000, fee 35.000;
- 5 Mar   SKM-B cancelled, 20% kept: refund payable 800.000, cancellation fee 200.000;
- 7 Mar   refund of 800.000 paid through Stripe;
- 15 Mar  profit 2025 distributed: PADes 200.000, reserves 100.000, investors 50.000;
- 20 Mar  PADes paid 200.000 from the bank;
- 10 Apr  SKM-C (wisata, "Jelajah Kebun Teh", staff) cash on the day 600.000, guide Pak Budi
          100.000 (not yet paid);
- 12 Apr  SKM-C refund after delivery 100.000 in cash;
- 20 Dec  SKM-D (wisata, "Jelajah Kebun Teh", direct) paid by bank transfer 400.000 for January.
"""

import datetime as dt
from dataclasses import dataclass

from bumdes import chart
from bumdes.ledger import EntryBuilder
from bumdes.models import BusinessUnit, Counterparty, Enterprise
from bumdes.periods import profit_distribute, year_close
from bumdes.postings import (
    Sale,
    post_cancellation,
    post_capital,
    post_counterparty_payment,
    post_delivery,
    post_payment_fee,
    post_payment_received,
    post_refund_after_delivery,
    post_refund_paid,
)
from bumdes.services import enterprise_create

YEAR = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
D = dt.date
TEA = "Jelajah Kebun Teh"


@dataclass
class Books:
    enterprise: Enterprise
    wisata: BusinessUnit
    edukasi: BusinessUnit
    sri: Counterparty
    budi: Counterparty
    hotel: Counterparty


def build_books() -> Books:
    books = _enterprise_and_people()
    _prior_year_closed(books)
    post_capital(
        enterprise=books.enterprise, amount=10_000_000, date=D(2026, 1, 2), source_ref="modal-2026"
    )
    _batik_class_paid_online_and_delivered(books)
    _tea_walk_cancelled_and_refunded(books)
    _profit_2025_distributed(books)
    _tea_walk_in_cash_refunded_after_delivery(books)
    _tea_walk_paid_for_january(books)
    return books


def _enterprise_and_people() -> Books:
    """BUMDes Sukamaju with its two units, Bu Sri, Pak Budi and a partner hotel."""
    e = enterprise_create(
        slug="sukamaju",
        name="BUMDes Sukamaju",
        ref_prefix="SKM",
        legal_name="Badan Usaha Milik Desa Sukamaju",
        village="Sukamaju",
        units=[("wisata", "Unit Wisata"), ("edukasi", "Unit Edukasi")],
        share_village_percent=40,
        share_reserve_percent=20,
        share_investors_percent=10,
    )
    sri = Counterparty.objects.create(
        enterprise=e,
        kind="community",
        name="Bu Sri",
        role="guru batik",
        returned_migrant_worker=True,
        gender="female",
    )
    budi = Counterparty.objects.create(
        enterprise=e,
        kind="community",
        name="Pak Budi",
        role="pemandu",
        returned_migrant_worker=False,
        gender="male",
    )
    hotel = Counterparty.objects.create(enterprise=e, kind="partner", name="Hotel Asri")
    return Books(e, e.units.get(slug="wisata"), e.units.get(slug="edukasi"), sri, budi, hotel)


def _prior_year_closed(books: Books) -> None:
    """2025: one cash tour on the day, then the year is closed."""
    old = Sale(books.enterprise, "SKM-P", unit=books.wisata, tour=TEA, channel="direct")
    post_payment_received(
        sale=old,
        amount=500_000,
        method="cash",
        date=D(2025, 6, 10),
        delivered=True,
        source_ref="p-old",
    )
    year_close(enterprise=books.enterprise, year=2025)


def _batik_class_paid_online_and_delivered(books: Books) -> None:
    """SKM-A: paid through Stripe, delivered, Bu Sri's share paid; the payout reaches the bank."""
    e = books.enterprise
    a = Sale(
        e,
        "SKM-A",
        unit=books.edukasi,
        tour="Kelas Membatik",
        channel="direct",
        revenue_account=chart.WORKSHOP_REVENUE,
    )
    post_payment_received(
        sale=a,
        amount=1_000_000,
        method="stripe",
        date=D(2026, 2, 1),
        delivered=False,
        source_ref="p-a",
    )
    post_payment_fee(sale=a, fee=35_000, date=D(2026, 2, 1), source_ref="f-a")
    post_delivery(sale=a, date=D(2026, 2, 15), shares=[(books.sri, 300_000)], source_ref="d-a")
    for day, debit, credit, ref in (
        (D(2026, 2, 20), chart.IN_TRANSIT, chart.GATEWAY, "po-1-created"),
        (D(2026, 2, 22), chart.BANK, chart.IN_TRANSIT, "po-1-paid"),
    ):
        EntryBuilder(
            enterprise=e, date=day, memo="Stripe payout", source_type="payout", source_ref=ref
        ).debit(debit, 965_000).credit(credit, 965_000).post()
    post_counterparty_payment(
        enterprise=e,
        counterparty=books.sri,
        amount=300_000,
        method="bank_transfer",
        date=D(2026, 2, 28),
        source_ref="pay-sri-1",
    )


def _tea_walk_cancelled_and_refunded(books: Books) -> None:
    """SKM-B: paid through Stripe, cancelled with 20% kept, the rest refunded through Stripe."""
    b = Sale(books.enterprise, "SKM-B", unit=books.wisata, tour=TEA, channel="partner")
    post_payment_received(
        sale=b,
        amount=1_000_000,
        method="stripe",
        date=D(2026, 3, 1),
        delivered=False,
        source_ref="p-b",
    )
    post_payment_fee(sale=b, fee=35_000, date=D(2026, 3, 1), source_ref="f-b")
    post_cancellation(sale=b, refund=800_000, date=D(2026, 3, 5), source_ref="c-b")
    post_refund_paid(sale=b, amount=800_000, method="stripe", date=D(2026, 3, 7), source_ref="r-b")


def _profit_2025_distributed(books: Books) -> None:
    """The village meeting shares out 2025's profit; the PADes share is paid from the bank."""
    e = books.enterprise
    profit_distribute(
        enterprise=e, year=2025, decision_number="01/MUSDES/2026", decision_date=D(2026, 3, 15)
    )
    EntryBuilder(
        enterprise=e,
        date=D(2026, 3, 20),
        memo="Setoran PADes 2025",
        source_type="pades",
        source_ref="2025",
    ).debit(chart.PADES_PAYABLE, 200_000).credit(chart.BANK, 200_000).post()


def _tea_walk_in_cash_refunded_after_delivery(books: Books) -> None:
    """SKM-C: cash on the day, Pak Budi's share owed, part refunded in cash afterwards."""
    c = Sale(books.enterprise, "SKM-C", unit=books.wisata, tour=TEA, channel="staff")
    post_payment_received(
        sale=c,
        amount=600_000,
        method="cash",
        date=D(2026, 4, 10),
        delivered=True,
        source_ref="p-c",
    )
    post_delivery(sale=c, date=D(2026, 4, 10), shares=[(books.budi, 100_000)], source_ref="d-c")
    post_refund_after_delivery(
        sale=c, amount=100_000, method="cash", date=D(2026, 4, 12), source_ref="r-c"
    )


def _tea_walk_paid_for_january(books: Books) -> None:
    """SKM-D: paid by bank transfer in December for a tour in the next year."""
    d = Sale(books.enterprise, "SKM-D", unit=books.wisata, tour=TEA, channel="direct")
    post_payment_received(
        sale=d,
        amount=400_000,
        method="bank_transfer",
        date=D(2026, 12, 20),
        delivered=False,
        source_ref="p-d",
    )
