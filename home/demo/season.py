"""A past season for the demo books: capital, bookings, payments, cancellations and deliveries.

Everything goes through the same services the site uses (booking, check-in, payment, cancellation,
delivery), dated in the past with `now=`, so every report has content and every figure comes from
real postings. Seeded randomness: the same season every time. Runs once per BUMDes (skipped when
its capital entry exists). Guest e-mails are not sent for this history: the season commits inside
a dummy e-mail backend, so the confirmations queued on commit go nowhere.
"""

import datetime as dt
import random
from zoneinfo import ZoneInfo

from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from wagtail.models import Locale

from bumdes import postings
from bumdes.models import Counterparty, Enterprise, JournalEntry
from tours.models import (
    BookingStatus,
    Departure,
    DepartureAssignment,
    PaymentMethod,
    TourPage,
    TourShare,
)
from tours.services.bookings import (
    Customer,
    booking_cancel,
    booking_check_in,
    booking_create,
    booking_mark_no_show,
)
from tours.services.books import (
    cancellation_post,
    departure_deliver,
    payment_record,
    refund_mark_paid,
)

JAKARTA = ZoneInfo("Asia/Jakarta")
SEASON_DAYS = 28
CAPITAL = 25_000_000

MEMBERS = [
    # (name, role, returned migrant worker, gender): invented people for the demo.
    ("Sri Wahyuni", "pemandu", True, "female"),
    ("Budi Santoso", "pemandu", False, "male"),
    ("Siti Aminah", "pengajar", True, "female"),
    ("Agus Prasetyo", "tuan rumah", True, "male"),
]
SHARES = {"pemandu": 20, "pengajar": 30, "tuan rumah": 10}
GUESTS = [
    ("Rina Kusuma", "ID", "id"),
    ("Dewi Lestari", "ID", "id"),
    ("Hendra Wijaya", "ID", "id"),
    ("Emma Jansen", "NL", "en"),
    ("Lukas Meyer", "DE", "en"),
    ("Aiko Tanaka", "JP", "en"),
]


def _members(enterprise: Enterprise) -> list[Counterparty]:
    members = []
    for name, role, migrant, gender in MEMBERS:
        member, _ = Counterparty.objects.get_or_create(
            enterprise=enterprise,
            kind="community",
            name=name,
            defaults={"role": role, "returned_migrant_worker": migrant, "gender": gender},
        )
        members.append(member)
    return members


def _ensure_shares(tour: TourPage) -> None:
    if TourShare.objects.filter(page=tour).exists():
        return
    roles = ["pemandu", "pengajar"] if tour.category == "education" else ["pemandu", "tuan rumah"]
    for role in roles:
        TourShare.objects.create(page=tour, role=role, percent=SHARES[role])


def _past_departures(tour: TourPage, now: dt.datetime) -> list[Departure]:
    rules = list(tour.schedule_rules.all())
    departures = []
    today = now.astimezone(JAKARTA).date()
    for offset in range(SEASON_DAYS, 1, -1):
        day = today - dt.timedelta(days=offset)
        for rule in rules:
            if not rule.applies_on(day):
                continue
            starts_at = dt.datetime.combine(day, rule.start_time, tzinfo=JAKARTA)
            departure, _ = Departure.objects.get_or_create(
                tour=tour,
                starts_at=starts_at,
                defaults={
                    "enterprise_id": tour.business_unit.enterprise_id,
                    "capacity": rule.capacity,
                    "rule": rule,
                },
            )
            departures.append(departure)
    return departures


def _book(rng, tour, departure, booked_at, index):
    tiers = list(tour.price_tiers.all())
    tier = next((t for t in tiers if not t.min_quantity), tiers[0])
    quantity = max(tier.min_quantity or 1, rng.randint(1, 4), tour.min_participants)
    quantity = min(quantity, tour.max_participants, departure.capacity)
    name, country, language = GUESTS[index % len(GUESTS)]
    customer = Customer(
        name=name,
        email=f"tamu{index}@example.com",
        phone=f"+62812000{index:05d}",
        country=country,
        language=language,
    )
    booking, _ = booking_create(
        departure_id=departure.pk,
        lines=[(tier.pk, quantity)],
        customer=customer,
        payment_method=PaymentMethod.CASH,
        now=booked_at,
    )
    return booking


@override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend")
@transaction.atomic
def season_load(*, enterprise: Enterprise, now: dt.datetime | None = None) -> int:
    """Book, pay, cancel and deliver a past season for one BUMDes. Returns bookings made."""
    now = now or timezone.now()
    if JournalEntry.objects.filter(enterprise=enterprise, source_type="capital").exists():
        return 0
    rng = random.Random(enterprise.slug)
    start = (now - dt.timedelta(days=SEASON_DAYS + 30)).astimezone(JAKARTA).date()
    postings.post_capital(enterprise=enterprise, amount=CAPITAL, date=start, source_ref="opening")
    members = _members(enterprise)
    tours = TourPage.objects.filter(
        locale=Locale.get_default(), business_unit__enterprise=enterprise
    ).order_by("pk")
    made = 0
    for tour in tours:
        _ensure_shares(tour)
        for number, departure in enumerate(_past_departures(tour, now)):
            if departure.delivered_at or departure.bookings.exists():
                continue
            for share in TourShare.objects.filter(page=tour):
                candidates = [m for m in members if m.role == share.role] or members
                member = candidates[number % len(candidates)]
                DepartureAssignment.objects.get_or_create(
                    departure=departure, member=member, role=share.role
                )
            for _ in range(rng.randint(1, 2)):
                made += 1
                booked_at = departure.starts_at - dt.timedelta(days=rng.randint(2, 10))
                booking = _book(rng, tour, departure, booked_at, made)
                fate = rng.random()
                if fate < 0.12:
                    # Paid ahead by bank transfer, then cancelled: refund per the policy.
                    payment_record(
                        booking=booking,
                        method=PaymentMethod.BANK_TRANSFER,
                        amount=booking.total,
                        now=booked_at + dt.timedelta(hours=2),
                    )
                    cancelled_at = booked_at + dt.timedelta(days=1)
                    booking_cancel(booking=booking, reason="Rencana berubah", now=cancelled_at)
                    booking.refresh_from_db()
                    refund = cancellation_post(booking=booking, now=cancelled_at)
                    if refund is not None:
                        refund_mark_paid(refund=refund, now=cancelled_at + dt.timedelta(days=1))
                elif fate < 0.22:
                    booking_mark_no_show(
                        booking=booking, now=departure.starts_at + dt.timedelta(hours=1)
                    )
                elif fate < 0.40:
                    payment_record(
                        booking=booking,
                        method=PaymentMethod.BANK_TRANSFER,
                        amount=booking.total,
                        now=booked_at + dt.timedelta(hours=3),
                    )
                    booking_check_in(
                        booking=booking, now=departure.starts_at - dt.timedelta(minutes=10)
                    )
                else:
                    booking_check_in(
                        booking=booking, now=departure.starts_at - dt.timedelta(minutes=10)
                    )
                    booking.refresh_from_db()
                    if (
                        booking.status == BookingStatus.CONFIRMED
                        and booking.payment_status == "unpaid"
                    ):
                        payment_record(
                            booking=booking,
                            method=PaymentMethod.CASH,
                            amount=booking.total,
                            now=departure.starts_at - dt.timedelta(minutes=5),
                        )
            end = departure.starts_at + dt.timedelta(minutes=tour.duration_minutes or 120)
            departure_deliver(departure=departure, now=end)
    return made
