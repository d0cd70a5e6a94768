"""Holding places: a new booking keeps its places for the tour's `hold_minutes` while the guest
gives their details and chooses how to pay.

Never oversell (invariant 1): places are taken inside one transaction that locks the departure
row (`SELECT ... FOR UPDATE`) and re-counts the live bookings under the lock. Expired holds free
their places in every count at once and are marked `expired` by `holds_expire` (invariant 9).
One idempotency key makes at most one booking, whatever the concurrency: the key is unique in
the database. A guest's own booking (no partner, not staff) is held within the abuse limits of
`tours.booking.guards`.

Each service checks the booking's state first, so calling it twice does nothing harmful, and
records what happened in the booking's history.
"""

import datetime as dt
import secrets

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tours.booking.booking_input import (
    LANGUAGES,
    Customer,
    clean_customer,
    customer_errors,
    customer_fields,
    departure_for_booking,
    priced_lines,
)
from tours.booking.deposits import deposit_terms
from tours.booking.errors import (
    BookingClosed,
    BookingInvalid,
    IdempotencyKeyReused,
    NotAllowed,
    SoldOut,
)
from tours.booking.guards import holds_check, is_guarded, seats_cap_check
from tours.booking.history import booking_event_record
from tours.booking.locks import agreement_lock, booking_lock, departure_lock
from tours.booking.partner_terms import (
    active_agreement,
    commission_percent_for,
    credit_checked,
    lines_at_net_rates,
)
from tours.booking.providers import payment_methods_available
from tours.models import (
    Booking,
    BookingLine,
    BookingStatus,
    Channel,
    Departure,
    Partner,
    PaymentMethod,
)
from tours.models.availability import departure_is_bookable, seats_taken

REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


def booking_hold(
    *,
    departure_id: int,
    lines,
    language: str,
    customer: Customer | None = None,
    payment_method: str = "",
    channel: str = Channel.DIRECT,
    idempotency_key: str | None = None,
    idempotency_fingerprint: str = "",
    partner: Partner | None = None,
    user=None,
    client_address: str | None = None,
    now: dt.datetime | None = None,
) -> tuple[Booking, bool]:
    """Reserve places for a new booking. Returns (booking, created).

    With an idempotency key that was seen before, returns the first booking unchanged; with
    the same key but another request (`idempotency_fingerprint` differs) raises
    `IdempotencyKeyReused`. The key is unique in the database, so whatever the concurrency one
    key makes at most one booking. With a `partner`, the booking is the partner's (channel
    "partner"), priced and commissioned under its active agreement with the BUMDes; on its
    account only within its credit limit.
    """
    now = now or timezone.now()
    existing = _idempotent_replay(idempotency_key, idempotency_fingerprint)
    if existing is not None:
        return existing, False
    departure = departure_for_booking(departure_id)
    agreement = active_agreement(partner, departure.enterprise_id) if partner else None
    channel = Channel.PARTNER if partner else channel
    priced, language, customer = _hold_request_checked(
        departure, lines=lines, language=language, customer=customer,
        payment_method=payment_method, channel=channel, agreement=agreement,
    )  # fmt: skip
    try:
        with transaction.atomic():
            percent = _partner_checked(agreement, departure, priced, payment_method)
            locked = departure_lock(departure.pk)
            _bookable_checked(locked, now=now, channel=channel)
            existing = _idempotent_replay(idempotency_key, idempotency_fingerprint)
            if existing is not None:
                return existing, False
            booking = _held_booking_create(
                locked,
                priced=priced,
                fields=_fields_checked(channel, locked, customer, language, client_address, now),
                payment_method=payment_method,
                channel=channel,
                partner=(partner, percent),
                idempotency_key=idempotency_key, idempotency_fingerprint=idempotency_fingerprint,
                user=user, now=now,
            )  # fmt: skip
    except IntegrityError:
        # Two requests with one idempotency key: the first one won; return its booking.
        existing = _idempotent_replay(idempotency_key, idempotency_fingerprint)
        if existing is not None:
            return existing, False
        raise
    return booking, True


def _fields_checked(channel: str, locked: Departure, customer, language, address, now) -> dict:
    """The new booking's guest fields; a guest's own booking (`tours.booking.guards`) within
    the per-departure and per-day limits, counted under the departure's lock, and with the
    client address it came from."""
    fields = {"language": language, **customer_fields(customer)}
    if is_guarded(channel=channel, partner=None):
        holds_check(
            departure=locked, email=customer.email if customer else "",
            phone=customer.phone if customer else "", address=address or None, now=now,
        )  # fmt: skip
        fields["client_address"] = address or None
    return fields


def _partner_checked(agreement, departure: Departure, priced, payment_method: str):
    """A partner's commission on this booking; on its account, its credit is checked under the
    agreement's lock (taken before the departure's). None for a booking without a partner."""
    if agreement is None:
        return None
    percent = commission_percent_for(agreement, departure.tour)
    if payment_method == PaymentMethod.PARTNER_ACCOUNT:
        credit_checked(agreement_lock(agreement.pk), sum(line.amount for line in priced), percent)
    return percent


def _hold_request_checked(
    departure: Departure,
    *,
    lines,
    language: str,
    customer,
    payment_method: str,
    channel: str,
    agreement=None,
) -> tuple[list[BookingLine], str, Customer | None]:
    """The request's lines priced, its language and the guest's details cleaned; every error
    at once as `BookingInvalid`."""
    errors: dict[str, str] = {}
    if language not in LANGUAGES:
        errors["language"] = _("Choose Indonesian (id) or English (en).")
        language = "id"
    priced, line_errors = priced_lines(departure, lines, language)
    errors.update(line_errors)
    if agreement is not None:
        errors.update(lines_at_net_rates(agreement, priced))
    if customer is not None:
        errors.update(customer_errors(customer, email_required=channel != Channel.STAFF))
        customer = clean_customer(customer) if not errors else customer
    on_account = agreement is not None and agreement.on_account
    if payment_method == PaymentMethod.PARTNER_ACCOUNT and not on_account:
        errors["payment_method"] = _("Only partners settling on account may book on account.")
    elif payment_method and payment_method not in payment_methods_available(
        departure.enterprise, channel, on_account=on_account
    ):
        errors["payment_method"] = _("This payment method is not available.")
    if errors:
        raise BookingInvalid(errors)
    if is_guarded(channel=channel, partner=agreement):
        seats_cap_check(enterprise=departure.enterprise, seats=sum(p.quantity for p in priced))
    return priced, language, customer


def _bookable_checked(locked: Departure, *, now: dt.datetime, channel: str) -> None:
    """Refuse a departure (locked) that has started or no longer takes bookings."""
    if not departure_is_bookable(locked, now=now, channel=channel):
        if locked.starts_at <= now:
            raise BookingInvalid({"departure": _("This departure has already started.")})
        raise BookingClosed()


def _held_booking_create(
    locked: Departure,
    *,
    priced: list[BookingLine],
    fields: dict,
    payment_method: str,
    channel: str,
    partner: tuple,
    idempotency_key: str | None,
    idempotency_fingerprint: str,
    user,
    now: dt.datetime,
) -> Booking:
    """Count the places left under the departure's lock, then write the held booking and its
    lines. Raises `SoldOut` when the places asked for are not there."""
    seats = sum(line.quantity for line in priced)
    left = locked.capacity - seats_taken(locked, now=now)
    if seats > left:
        raise SoldOut(max(left, 0))
    tour = locked.tour
    total = sum(line.amount for line in priced)
    # Groups may pay a deposit now and the balance later: fixed now, like the prices.
    deposit, balance_due_at = deposit_terms(
        tour=tour, seats=seats, total=total, departure_starts_at=locked.starts_at,
        now=now, payment_method=payment_method,
    )  # fmt: skip
    booking = Booking.objects.create(
        reference=_new_reference(locked.enterprise.ref_prefix),
        token=secrets.token_urlsafe(24),
        departure=locked,
        enterprise_id=locked.enterprise_id,
        business_unit_id=tour.business_unit_id,
        channel=channel,
        partner=partner[0],
        commission_percent=partner[1] or 0,
        seats=seats,
        total=total,
        deposit_amount=deposit,
        balance_due_at=balance_due_at,
        status=BookingStatus.HELD,
        payment_method=payment_method,
        hold_expires_at=now + dt.timedelta(minutes=tour.hold_minutes),
        idempotency_key=idempotency_key or None,
        idempotency_fingerprint=idempotency_fingerprint if idempotency_key else "",
        created_at=now,
        created_by=user if user and user.is_authenticated else None,
        **fields,
    )
    for line in priced:
        line.booking = booking
    BookingLine.objects.bulk_create(priced)
    booking_event_record(booking, "held", now, f"{seats} × {locked}", user)
    return booking


def _new_reference(prefix: str) -> str:
    while True:
        code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(5))
        reference = f"{prefix}-{code}"
        if not Booking.objects.filter(reference=reference).exists():
            return reference


def _idempotent_replay(key: str | None, fingerprint: str) -> Booking | None:
    """The booking an idempotency key made already, if any; refused when the request that
    made it was another one."""
    if not key:
        return None
    existing = Booking.objects.filter(idempotency_key=key).first()
    if existing is not None and fingerprint and existing.idempotency_fingerprint != fingerprint:
        raise IdempotencyKeyReused()
    return existing


@transaction.atomic
def booking_set_customer(*, booking: Booking, customer: Customer, now=None) -> Booking:
    """Record who the booking is for (step 3 of the flow). Only while it is held."""
    now = now or timezone.now()
    errors = customer_errors(customer)
    if errors:
        raise BookingInvalid(errors)
    booking = booking_lock(booking.pk)
    if booking.status != BookingStatus.HELD:
        raise NotAllowed()
    customer = clean_customer(customer)
    if is_guarded(channel=booking.channel, partner=booking.partner_id):
        holds_check(
            departure=booking.departure, email=customer.email, phone=customer.phone,
            exclude_pk=booking.pk, now=now,
        )  # fmt: skip
    for field, value in customer_fields(customer).items():
        setattr(booking, field, value)
    booking.save()
    return booking


def holds_expire(*, now: dt.datetime | None = None) -> int:
    """Mark held bookings whose hold ran out as expired. Their places were already free."""
    now = now or timezone.now()
    expired = 0
    for booking in Booking.objects.filter(status=BookingStatus.HELD, hold_expires_at__lte=now):
        with transaction.atomic():
            locked = booking_lock(booking.pk)
            if locked.status == BookingStatus.HELD and locked.hold_expires_at <= now:
                locked.status = BookingStatus.EXPIRED
                locked.save(update_fields=["status"])
                booking_event_record(locked, "expired", now)
                expired += 1
    return expired
