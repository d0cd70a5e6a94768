"""Booking services: hold places, take the guest's details, confirm, cancel, check in, expire.

Never oversell (invariant 1): places are taken inside one transaction that locks the departure
row (`SELECT ... FOR UPDATE`) and re-counts the live bookings under the lock. Prices are frozen
(invariant 2): lines copy the tier's label and price when the booking is made. Bad input raises
`BookingInvalid` before anything is written (invariant 8). Expired holds free their places in
every count at once and are marked `expired` by `holds_expire` (invariant 9).

Each service checks the booking's state first, so calling it twice does nothing harmful, and
records what happened in the booking's history.
"""

import datetime as dt
import re
import secrets
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from core.countries import is_country
from core.localtime import business_date
from core.phones import InvalidPhoneNumber, phone_e164
from tours.booking.balances import booking_paid_amount
from tours.booking.books import cancellation_post, payment_record
from tours.booking.cancellation import refund_percent_for
from tours.booking.deposits import deposit_terms
from tours.booking.errors import (
    AlreadyCheckedIn,
    BookingClosed,
    BookingInvalid,
    IdempotencyKeyReused,
    NotAllowed,
    SoldOut,
)
from tours.booking.locks import booking_lock, departure_lock
from tours.booking.notify import notify_after_commit as _notify
from tours.booking.providers import payment_methods_available
from tours.models import (
    Booking,
    BookingEvent,
    BookingLine,
    BookingStatus,
    Channel,
    Departure,
    DepartureStatus,
    PaymentMethod,
    PriceTier,
)
from tours.models.availability import departure_is_bookable, seats_taken

REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
MAX_QUANTITY = 500
LANGUAGES = ("id", "en")


@dataclass(frozen=True)
class Customer:
    name: str
    email: str
    phone: str
    country: str = "ID"
    language: str = "id"


# Validation -----------------------------------------------------------------------------------


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def normalize_phone(phone: str, country: str = "") -> str:
    """The guest's number in E.164 ("+6281234567890"); the guest's country is the hint for a
    number typed without its country code. Raises `InvalidPhoneNumber`."""
    return phone_e164(phone, region=country)


def customer_errors(customer: Customer, *, email_required: bool = True) -> dict[str, str]:
    """What is wrong with the guest's details. Staff bookings (walk-ins, phone calls) may leave
    the e-mail empty when a phone number is given; the guest then gets no e-mail."""
    errors = {}
    if not (customer.name or "").strip():
        errors["customer.name"] = _("Please give the name the booking is for.")
    elif len(customer.name) > 120:
        errors["customer.name"] = _("Please use at most 120 characters.")
    email = (customer.email or "").strip()
    if email or email_required:
        try:
            validate_email(email)
            if len(email) > 254:  # the column's size; Django's validator accepts up to 320
                raise ValidationError("too long")
        except ValidationError:
            errors["customer.email"] = _("Please give a valid e-mail address, e.g. nama@contoh.id.")
    try:
        normalize_phone(customer.phone, customer.country)
    except InvalidPhoneNumber as error:
        errors["customer.phone"] = str(error.message)
    if not is_country(customer.country):
        errors["customer.country"] = _("Please choose a country.")
    if customer.language not in LANGUAGES:
        errors["customer.language"] = _("Choose Indonesian (id) or English (en).")
    return errors


def _clean_customer(customer: Customer) -> Customer:
    return Customer(
        name=customer.name.strip(),
        email=(customer.email or "").strip().lower(),
        phone=normalize_phone(customer.phone, customer.country),
        country=customer.country,
        language=customer.language,
    )


def _priced_lines(departure: Departure, lines, language: str) -> tuple[list[BookingLine], dict]:
    """Check each requested (tier, quantity) against the tour and copy label and price."""
    errors: dict[str, str] = {}
    tour = departure.tour
    tiers = {tier.pk: tier for tier in tour.price_tiers.all()}
    labels = {}
    try:
        locale = Locale.objects.get(language_code=language)
        translated = tour.get_translation_or_none(locale) if locale.pk != tour.locale_id else None
    except Locale.DoesNotExist:
        translated = None
    if translated is not None:
        translated_tiers = PriceTier.objects.filter(page=translated)
        by_key = {t.translation_key: t.label for t in translated_tiers}
        labels = {pk: by_key.get(tier.translation_key, tier.label) for pk, tier in tiers.items()}

    if not isinstance(lines, list | tuple) or not lines:
        return [], {"lines": _("Choose how many people come.")}
    result = []
    seen = set()
    for index, line in enumerate(lines):
        try:
            tier_id, quantity = line
        except (TypeError, ValueError):
            errors[f"lines.{index}"] = _("Each line needs a price tier and a quantity.")
            continue
        if not _is_int(tier_id) or tier_id not in tiers:
            errors[f"lines.{index}.tier"] = _("Unknown price tier for this experience.")
            continue
        if tier_id in seen:
            errors[f"lines.{index}.tier"] = _("Each price tier may appear once.")
            continue
        seen.add(tier_id)
        tier = tiers[tier_id]
        if not _is_int(quantity) or quantity <= 0:
            errors[f"lines.{index}.quantity"] = _("The number of people must be 1 or more.")
            continue
        if quantity > MAX_QUANTITY:
            errors[f"lines.{index}.quantity"] = _("That is more people than we can take.")
            continue
        if tier.min_quantity and quantity < tier.min_quantity:
            errors[f"lines.{index}.quantity"] = _("%(label)s: at least %(n)d people.") % {
                "label": tier.label,
                "n": tier.min_quantity,
            }
            continue
        if tier.max_quantity and quantity > tier.max_quantity:
            errors[f"lines.{index}.quantity"] = _("%(label)s: at most %(n)d people.") % {
                "label": tier.label,
                "n": tier.max_quantity,
            }
            continue
        result.append(
            BookingLine(
                tier=tier,
                label=labels.get(tier.pk, tier.label),
                unit_price=tier.price,
                quantity=quantity,
                requires_id=tier.requires_id,
            )
        )
    if not errors:
        people = sum(line.quantity for line in result)
        if people < tour.min_participants:
            errors["lines"] = _("This experience is booked for at least %(n)d people.") % {
                "n": tour.min_participants
            }
        elif people > tour.max_participants:
            errors["lines"] = _("At most %(n)d people per booking; please make two bookings.") % {
                "n": tour.max_participants
            }
    return result, errors


def _new_reference(prefix: str) -> str:
    while True:
        code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(5))
        reference = f"{prefix}-{code}"
        if not Booking.objects.filter(reference=reference).exists():
            return reference


def _event(booking: Booking, kind: str, now: dt.datetime, note: str = "", user=None) -> None:
    BookingEvent.objects.create(
        booking=booking, kind=kind, at=now, note=note[:300], user=user if user else None
    )


def _departure_for_booking(departure_id) -> Departure:
    if not _is_int(departure_id):
        raise BookingInvalid({"departure": _("Choose a departure.")})
    departure = Departure.objects.select_related("tour", "enterprise").filter(pk=departure_id)
    departure = departure.first()
    if departure is None:
        raise BookingInvalid({"departure": _("This departure does not exist.")})
    return departure


# Services -------------------------------------------------------------------------------------


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
    user=None,
    now: dt.datetime | None = None,
) -> tuple[Booking, bool]:
    """Reserve places for a new booking. Returns (booking, created).

    With an idempotency key that was seen before, returns the first booking unchanged; with
    the same key but another request (`idempotency_fingerprint` differs) raises
    `IdempotencyKeyReused`. The key is unique in the database, so whatever the concurrency one
    key makes at most one booking.
    """
    now = now or timezone.now()
    existing = _idempotent_replay(idempotency_key, idempotency_fingerprint)
    if existing is not None:
        return existing, False
    departure = _departure_for_booking(departure_id)
    errors: dict[str, str] = {}
    if language not in LANGUAGES:
        errors["language"] = _("Choose Indonesian (id) or English (en).")
        language = "id"
    priced, line_errors = _priced_lines(departure, lines, language)
    errors.update(line_errors)
    if customer is not None:
        errors.update(customer_errors(customer, email_required=channel != Channel.STAFF))
        customer = _clean_customer(customer) if not errors else customer
    if payment_method and payment_method not in payment_methods_available(
        departure.enterprise, channel
    ):
        errors["payment_method"] = _("This payment method is not available.")
    if errors:
        raise BookingInvalid(errors)
    seats = sum(line.quantity for line in priced)

    try:
        with transaction.atomic():
            locked = departure_lock(departure.pk)
            if not departure_is_bookable(locked, now=now, channel=channel):
                if locked.starts_at <= now:
                    raise BookingInvalid({"departure": _("This departure has already started.")})
                raise BookingClosed()
            existing = _idempotent_replay(idempotency_key, idempotency_fingerprint)
            if existing is not None:
                return existing, False
            left = locked.capacity - seats_taken(locked, now=now)
            if seats > left:
                raise SoldOut(max(left, 0))
            tour = locked.tour
            fields = {"language": language, **(_customer_fields(customer) if customer else {})}
            total = sum(line.amount for line in priced)
            # Groups may pay a deposit now and the balance later: fixed now, like the prices.
            deposit, balance_due_at = deposit_terms(
                tour=tour, seats=seats, total=total, departure_starts_at=locked.starts_at,
                now=now, payment_method=payment_method,
            )  # fmt: skip
            booking = Booking.objects.create(
                reference=_new_reference(departure.enterprise.ref_prefix),
                token=secrets.token_urlsafe(24),
                departure=locked,
                enterprise_id=locked.enterprise_id,
                business_unit_id=tour.business_unit_id,
                channel=channel,
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
            _event(booking, "held", now, f"{seats} × {locked}", user)
    except IntegrityError:
        # Two requests with one idempotency key: the first one won; return its booking.
        existing = _idempotent_replay(idempotency_key, idempotency_fingerprint)
        if existing is not None:
            return existing, False
        raise
    return booking, True


def _idempotent_replay(key: str | None, fingerprint: str) -> Booking | None:
    """The booking an idempotency key made already, if any; refused when the request that
    made it was another one."""
    if not key:
        return None
    existing = Booking.objects.filter(idempotency_key=key).first()
    if existing is not None and fingerprint and existing.idempotency_fingerprint != fingerprint:
        raise IdempotencyKeyReused()
    return existing


def _customer_fields(customer: Customer) -> dict:
    return {
        "customer_name": customer.name,
        "customer_email": customer.email,
        "customer_phone": customer.phone,
        "customer_country": customer.country,
        "language": customer.language,
    }


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
    for field, value in _customer_fields(_clean_customer(customer)).items():
        setattr(booking, field, value)
    booking.save()
    return booking


def booking_lock_for_payment(
    *, booking: Booking, payment_method: str, user, now: dt.datetime
) -> Booking | SoldOut:
    """Lock a held (or expired) booking and its departure for the guest's choice of payment.

    Returns the locked booking (confirmed ones as they are), ready to be confirmed or kept held.
    Refuses a method the BUMDes does not offer, missing guest details and closed departures.
    If the hold has run out, the places are taken again when they are still free; when they
    were taken meanwhile, the booking is marked expired and `SoldOut` is returned (the caller
    commits the mark before raising it). Must run inside a transaction.
    """
    booking = booking_lock(booking.pk)
    locked_departure = booking.departure
    if booking.status == BookingStatus.CONFIRMED:
        return booking
    if booking.status not in (BookingStatus.HELD, BookingStatus.EXPIRED):
        raise NotAllowed()
    if payment_method not in payment_methods_available(booking.enterprise, booking.channel):
        raise BookingInvalid({"payment_method": _("This payment method is not available.")})
    missing = customer_errors(
        Customer(
            booking.customer_name,
            booking.customer_email,
            booking.customer_phone,
            booking.customer_country,
            booking.language,
        ),
        email_required=booking.channel != Channel.STAFF,
    )
    if missing:
        raise BookingInvalid(missing)
    if not departure_is_bookable(locked_departure, now=now, channel=booking.channel):
        raise BookingClosed()
    hold_ran_out = booking.status == BookingStatus.EXPIRED or booking.hold_expires_at <= now
    if hold_ran_out:
        left = locked_departure.capacity - seats_taken(locked_departure, now=now)
        if booking.seats > left:
            if booking.status == BookingStatus.HELD:
                booking.status = BookingStatus.EXPIRED
                booking.save(update_fields=["status"])
                _event(booking, "expired", now, "", user)
            return SoldOut(max(left, 0))
    booking.departure = locked_departure
    return booking


def booking_confirm(
    *, booking: Booking, payment_method: str, user=None, now: dt.datetime | None = None
) -> Booking:
    """Confirm a held booking with an offline payment method (cash on arrival).

    If the hold has run out, the places are taken again when they are still free; when they
    were taken meanwhile, the booking is marked expired and `SoldOut` is raised. The mark is
    committed before the error leaves (raising inside the transaction would roll it back).
    """
    result = _booking_confirm(booking=booking, payment_method=payment_method, user=user, now=now)
    if isinstance(result, SoldOut):
        raise result
    return result


@transaction.atomic
def _booking_confirm(*, booking: Booking, payment_method: str, user, now) -> Booking | SoldOut:
    now = now or timezone.now()
    if payment_method != PaymentMethod.CASH:
        # Other methods confirm only when the money arrives (`tours.services.paying`).
        raise BookingInvalid({"payment_method": _("This payment method is not available.")})
    booking = booking_lock_for_payment(
        booking=booking, payment_method=payment_method, user=user, now=now
    )
    if isinstance(booking, SoldOut) or booking.status == BookingStatus.CONFIRMED:
        return booking
    booking.status = BookingStatus.CONFIRMED
    booking.payment_method = payment_method
    booking.confirmed_at = now
    booking.hold_expires_at = None
    booking.save()
    _event(booking, "confirmed", now, PaymentMethod(payment_method).label, user)
    _notify(booking, "confirmation")
    return booking


@transaction.atomic
def booking_cancel(
    *,
    booking: Booking,
    reason: str = "",
    refund_percent: int | None = None,
    user=None,
    now: dt.datetime | None = None,
) -> Booking:
    """Cancel a confirmed booking (or drop a held one). The places are free again at once.

    The refund follows the tour's policy unless staff give another percentage (e.g. 100 when
    the village cancels).
    """
    now = now or timezone.now()
    booking = booking_lock(booking.pk)
    if booking.status == BookingStatus.CANCELLED:
        return booking
    if booking.status == BookingStatus.HELD:
        booking.status = BookingStatus.EXPIRED
        booking.save(update_fields=["status"])
        _event(booking, "released", now, reason, user)
        return booking
    if booking.status != BookingStatus.CONFIRMED:
        raise NotAllowed()
    if booking.departure.starts_at <= now and refund_percent is None:
        raise NotAllowed(_("The experience has started; please contact the village."))
    if booking.checked_in_at:
        raise NotAllowed(_("The guests have already checked in."))
    percent = refund_percent if refund_percent is not None else refund_percent_for(booking, now=now)
    booking.status = BookingStatus.CANCELLED
    booking.cancelled_at = now
    booking.refund_percent = max(0, min(100, percent))
    booking.save()
    _event(booking, "cancelled", now, reason or f"refund {booking.refund_percent}%", user)
    _notify(booking, "cancellation")
    # What was paid becomes a refund payable and a retained fee, in the same transaction.
    cancellation_post(booking=booking, now=now)
    return booking


@transaction.atomic
def booking_mark_no_show(*, booking: Booking, user=None, now=None) -> Booking:
    now = now or timezone.now()
    booking = booking_lock(booking.pk)
    if booking.status == BookingStatus.NO_SHOW:
        return booking
    if booking.status != BookingStatus.CONFIRMED or booking.checked_in_at:
        raise NotAllowed()
    if booking.departure.starts_at > now:
        raise NotAllowed(_("A guest can be marked as not arrived only once the departure started."))
    booking.status = BookingStatus.NO_SHOW
    booking.save(update_fields=["status"])
    _event(booking, "no_show", now, "", user)
    return booking


# A whole word: in "https://wisata-bumdes.example/..." the "ATA-BUMDE" inside is no reference.
REFERENCE_IN_TEXT = re.compile(r"(?<![A-Z0-9])([A-Z]{3}-[2-9A-HJ-NP-Z]{5})(?![A-Z0-9])")


def reference_from_scan(text: str) -> str:
    """The booking reference in a typed code or a scanned ticket URL; empty if none."""
    match = REFERENCE_IN_TEXT.search((text or "").strip().upper())
    return match.group(1) if match else ""


def check_in_day_is_today(booking: Booking, *, now: dt.datetime) -> bool:
    """Guests are checked in on the day of their departure, the village's day."""
    departure = booking.departure
    zone = departure.zone
    return business_date(departure.starts_at, zone) == business_date(now, zone)


@transaction.atomic
def booking_check_in(*, booking: Booking, user=None, now=None) -> Booking:
    """Check the guests of a confirmed booking in. Twice is refused with the first time."""
    now = now or timezone.now()
    booking = booking_lock(booking.pk)
    if booking.checked_in_at:
        raise AlreadyCheckedIn(booking.checked_in_at, booking.departure.zone)
    if booking.status != BookingStatus.CONFIRMED:
        raise NotAllowed(
            _("This booking is %(status)s and cannot be checked in.")
            % {"status": booking.get_status_display().lower()}
        )
    if not check_in_day_is_today(booking, now=now):
        raise NotAllowed(_("This ticket is for another day."))
    booking.checked_in_at = now
    booking.checked_in_by = user if user and user.is_authenticated else None
    booking.save(update_fields=["checked_in_at", "checked_in_by"])
    _event(booking, "checked_in", now, "", user)
    # A group's balance not paid by its due date is taken in cash at the door, as is the total
    # of a booking paid on arrival (`tours.services.deposits`).
    balance_overdue = booking.balance_on_arrival or (
        booking.deposit_amount > 0
        and booking.balance_due_at is not None
        and booking.balance_due_at <= now
    )
    if booking.payment_method == PaymentMethod.CASH or balance_overdue:
        # Cash on arrival: the operator takes it at check-in, and it goes into the books now.
        outstanding = booking.total - booking_paid_amount(booking)
        if outstanding > 0:
            payment_record(
                booking=booking, method=PaymentMethod.CASH, amount=outstanding, now=now, user=user
            )
            booking.refresh_from_db()
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
                _event(locked, "expired", now)
                expired += 1
    return expired


@transaction.atomic
def departure_cancel(*, departure: Departure, reason: str, user=None, now=None) -> list[Booking]:
    """The village cancels a departure: every guest is told and gets a full refund."""
    now = now or timezone.now()
    locked = departure_lock(departure.pk)
    if not reason.strip():
        raise BookingInvalid({"reason": _("Please say why, for the guests.")})
    locked.status = DepartureStatus.CANCELLED
    locked.note = reason[:200]
    locked.save(update_fields=["status", "note", "updated_at"])
    cancelled = []
    for booking in locked.bookings.filter(status__in=(BookingStatus.HELD, BookingStatus.CONFIRMED)):
        cancelled.append(
            booking_cancel(booking=booking, reason=reason, refund_percent=100, user=user, now=now)
        )
    return cancelled
