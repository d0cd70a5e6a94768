"""A past season for the demo books: capital, bookings, payments, cancellations and deliveries.

Everything goes through the same services the site uses (booking, check-in, payment, cancellation,
delivery), dated in the past with `now=`, so every report has content and every figure comes from
real postings. Seeded randomness: the same season every time. Runs once per BUMDes (skipped when
its capital entry exists). Guest e-mails are not sent for this history: the season commits inside
a dummy e-mail backend, so the confirmations queued on commit go nowhere.

The people (community members, their roles and shares, the guests) come from `season.toml` in
`demo.content`, passed in as `people`.
"""

import datetime as dt
import random

from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from wagtail.models import Locale

from bumdes import postings
from bumdes.models import Counterparty, Enterprise, JournalEntry
from core.localtime import business_date, local_datetime
from tours.booking.booking_input import Customer
from tours.booking.books import (
    cancellation_post,
    departure_deliver,
    payment_record,
    refund_mark_paid,
)
from tours.booking.cancelling import booking_cancel
from tours.booking.checkin import booking_check_in, booking_mark_no_show
from tours.models import (
    BookingStatus,
    Departure,
    DepartureAssignment,
    PaymentMethod,
    TourPage,
    TourShare,
)
from tours.payments.paying import booking_create

SEASON_DAYS = 28
CAPITAL = 25_000_000


def _members(enterprise: Enterprise, people: dict) -> list[Counterparty]:
    members = []
    for person in people["members"]:
        member, _ = Counterparty.objects.get_or_create(
            enterprise=enterprise,
            kind="community",
            name=person["name"],
            defaults={
                "role": person["role"],
                "returned_migrant_worker": person["returned_migrant_worker"],
                "gender": person["gender"],
            },
        )
        members.append(member)
    return members


def _ensure_shares(tour: TourPage, people: dict) -> None:
    if TourShare.objects.filter(page=tour).exists():
        return
    roles = people["roles"].get(tour.category, people["roles"]["other"])
    for role in roles:
        TourShare.objects.create(page=tour, role=role, percent=people["shares"][role])


def _past_departures(tour: TourPage, now: dt.datetime) -> list[Departure]:
    rules = list(tour.schedule_rules.all())
    departures = []
    zone = tour.zone
    today = business_date(now, zone)
    for offset in range(SEASON_DAYS, 1, -1):
        day = today - dt.timedelta(days=offset)
        for rule in rules:
            if not rule.applies_on(day):
                continue
            starts_at = local_datetime(day, rule.start_time, zone)
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


def _assign(tour: TourPage, departure: Departure, members: list[Counterparty], number: int) -> None:
    """Members work the departures in turn, each in a role the tour shares its revenue with."""
    for share in TourShare.objects.filter(page=tour):
        candidates = [m for m in members if m.role == share.role] or members
        member = candidates[number % len(candidates)]
        DepartureAssignment.objects.get_or_create(
            departure=departure, member=member, role=share.role
        )


def _book(rng, tour, departure, booked_at, index, people):
    tiers = list(tour.price_tiers.all())
    tier = next((t for t in tiers if not t.min_quantity), tiers[0])
    quantity = max(tier.min_quantity or 1, rng.randint(1, 4), tour.min_participants)
    quantity = min(quantity, tour.max_participants, departure.capacity)
    guest = people["guests"][index % len(people["guests"])]
    customer = Customer(
        name=guest["name"],
        email=f"tamu{index}@example.com",
        phone=f"+62812000{index:05d}",
        country=guest["country"],
        language=guest["language"],
    )
    booking, _ = booking_create(
        departure_id=departure.pk,
        lines=[(tier.pk, quantity)],
        customer=customer,
        payment_method=PaymentMethod.CASH,
        now=booked_at,
    )
    return booking


def _cancel_after_transfer(booking, booked_at: dt.datetime, reason: str) -> None:
    """Paid ahead by bank transfer, then cancelled: refund per the policy."""
    payment_record(
        booking=booking,
        method=PaymentMethod.BANK_TRANSFER,
        amount=booking.total,
        now=booked_at + dt.timedelta(hours=2),
    )
    cancelled_at = booked_at + dt.timedelta(days=1)
    booking_cancel(booking=booking, reason=reason, now=cancelled_at)
    booking.refresh_from_db()
    refund = cancellation_post(booking=booking, now=cancelled_at)
    if refund is not None:
        refund_mark_paid(refund=refund, now=cancelled_at + dt.timedelta(days=1))


def _check_in_and_pay_cash(booking, departure: Departure) -> None:
    booking_check_in(booking=booking, now=departure.starts_at - dt.timedelta(minutes=10))
    booking.refresh_from_db()
    if booking.status == BookingStatus.CONFIRMED and booking.payment_status == "unpaid":
        payment_record(
            booking=booking,
            method=PaymentMethod.CASH,
            amount=booking.total,
            now=departure.starts_at - dt.timedelta(minutes=5),
        )


def _play(fate: float, booking, departure: Departure, booked_at: dt.datetime, people) -> None:
    """What becomes of a booking: about 12% cancel, 10% do not come, 18% pay by transfer ahead
    and come, the rest come and pay cash."""
    if fate < 0.12:
        _cancel_after_transfer(booking, booked_at, people["cancel_reason"])
    elif fate < 0.22:
        booking_mark_no_show(booking=booking, now=departure.starts_at + dt.timedelta(hours=1))
    elif fate < 0.40:
        payment_record(
            booking=booking,
            method=PaymentMethod.BANK_TRANSFER,
            amount=booking.total,
            now=booked_at + dt.timedelta(hours=3),
        )
        booking_check_in(booking=booking, now=departure.starts_at - dt.timedelta(minutes=10))
    else:
        _check_in_and_pay_cash(booking, departure)


def _tour_season(rng, tour, members, people, now: dt.datetime, made: int) -> int:
    """Book, play and deliver the past departures of one tour; returns the running count."""
    _ensure_shares(tour, people)
    for number, departure in enumerate(_past_departures(tour, now)):
        if departure.delivered_at or departure.bookings.exists():
            continue
        _assign(tour, departure, members, number)
        for _ in range(rng.randint(1, 2)):
            made += 1
            booked_at = departure.starts_at - dt.timedelta(days=rng.randint(2, 10))
            booking = _book(rng, tour, departure, booked_at, made, people)
            _play(rng.random(), booking, departure, booked_at, people)
        end = departure.starts_at + dt.timedelta(minutes=tour.duration_minutes or 120)
        departure_deliver(departure=departure, now=end)
    return made


@override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend")
@transaction.atomic
def season_load(*, enterprise: Enterprise, people: dict, now: dt.datetime | None = None) -> int:
    """Book, pay, cancel and deliver a past season for one BUMDes. Returns bookings made."""
    now = now or timezone.now()
    if JournalEntry.objects.filter(enterprise=enterprise, source_type="capital").exists():
        return 0
    rng = random.Random(enterprise.slug)
    start = business_date(now - dt.timedelta(days=SEASON_DAYS + 30), enterprise.zone)
    postings.post_capital(enterprise=enterprise, amount=CAPITAL, date=start, source_ref="opening")
    members = _members(enterprise, people)
    tours = TourPage.objects.filter(
        locale=Locale.get_default(), business_unit__enterprise=enterprise
    ).order_by("pk")
    made = 0
    for tour in tours:
        made = _tour_season(rng, tour, members, people, now, made)
    return made
