"""How a held booking gets paid: the guest's choice at the last step of the flow.

- `cash`: confirmed at once (`booking_confirm`); the money is taken at check-in.
- `bank_transfer`: the booking stays *held* for the BUMDes's `bank_transfer_days` (never past
  the booking cut-off) while the guest transfers, quoting the reference. The treasurer confirms
  the money (`bank_transfer_confirm`), which confirms the booking and posts the payment. Unpaid,
  the hold runs out and the places are free again like any hold (invariant 9).
- `stripe`: the booking stays held while the hosted Checkout is open. The hold is stretched to
  at least Stripe's 30-minute minimum so the session and the hold end together; the webhook
  confirms (`tours.payments.services`).

Both keep the places under the departure lock (`booking_lock_for_payment`): a hold that ran
out takes its places again only when they are still free. `booking_create` does it all in one
step for the API and for staff: hold the places, then take the chosen method.
"""

import datetime as dt

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from tours.booking.balances import booking_paid_amount
from tours.booking.booking_input import LANGUAGES, Customer
from tours.booking.confirming import booking_confirm, booking_lock_for_payment
from tours.booking.email_check import booking_await_email, booking_email_confirmed
from tours.booking.errors import BookingError, BookingInvalid, NotAllowed, SoldOut
from tours.booking.guards import needs_email_confirmation
from tours.booking.holds import booking_hold
from tours.booking.notify import notify_after_commit as _notify
from tours.models import (
    Booking,
    BookingEvent,
    BookingStatus,
    Channel,
    Payment,
    PaymentMethod,
    PaymentStatus,
)
from tours.payments.services import payment_received_apply
from tours.payments.stripe_api import CHECKOUT_MIN, CLOCK_MARGIN

# A transfer needs time to be made and seen: shorter than this before the cut-off, not offered.
TRANSFER_MIN = dt.timedelta(hours=2)
ONLINE_HOLD_MIN = CHECKOUT_MIN + 2 * CLOCK_MARGIN


def transfer_deadline(booking: Booking, now: dt.datetime) -> dt.datetime:
    """Until when a booking paid by transfer keeps its places."""
    departure = booking.departure
    cutoff = departure.starts_at - dt.timedelta(hours=departure.tour.booking_cutoff_hours)
    return min(now + dt.timedelta(days=booking.enterprise.bank_transfer_days), cutoff)


def transfer_possible(booking: Booking, now: dt.datetime) -> bool:
    return transfer_deadline(booking, now) - now >= TRANSFER_MIN


def _keep_held(booking: Booking, method: str, until: dt.datetime, now: dt.datetime, user) -> None:
    booking.status = BookingStatus.HELD
    booking.payment_method = method
    booking.hold_expires_at = until
    booking.save(update_fields=["status", "payment_method", "hold_expires_at"])
    BookingEvent.objects.create(
        booking=booking, kind="awaiting_payment", at=now, note=PaymentMethod(method).label,
        user=user if getattr(user, "is_authenticated", False) else None,
    )  # fmt: skip


def booking_await_transfer(*, booking: Booking, user=None, now: dt.datetime | None = None):
    """The guest will pay by bank transfer: keep the places for the transfer and send the
    account details. Choosing it again changes nothing. Raises `SoldOut` when the hold had run
    out and the places are gone (the booking is then marked expired)."""
    result = _await_transfer(booking=booking, user=user, now=now or timezone.now())
    if isinstance(result, SoldOut):
        raise result
    return result


@transaction.atomic
def _await_transfer(*, booking: Booking, user, now: dt.datetime) -> Booking | SoldOut:
    method = PaymentMethod.BANK_TRANSFER
    locked = booking_lock_for_payment(booking=booking, payment_method=method, user=user, now=now)
    if isinstance(locked, SoldOut):
        return locked
    if locked.status == BookingStatus.CONFIRMED:
        raise NotAllowed()
    waiting = (
        locked.status == BookingStatus.HELD
        and locked.payment_method == method
        and locked.hold_expires_at > now
        and locked.events.filter(kind="awaiting_payment").exists()
    )
    if waiting:
        return locked
    if not transfer_possible(locked, now):
        raise BookingInvalid(
            {
                "payment_method": _(
                    "The date is too close for a bank transfer. Please choose another way to pay."
                )
            }
        )
    if needs_email_confirmation(locked, method):
        # A large group: the places wait only briefly until the guest confirms the e-mail.
        return booking_await_email(locked, payment_method=method, user=user, now=now)
    _keep_held(locked, method, transfer_deadline(locked, now), now, user)
    _notify(locked, "transfer")
    return locked


def booking_email_confirm(*, signature: str, now: dt.datetime | None = None) -> Booking | None:
    """The guest opened the e-mail's link: record it, then take the way to pay they chose
    (cash on arrival confirms; a transfer gets its usual deadline and account details). When
    the places went meanwhile the booking stays released. None for a link that does not work."""
    now = now or timezone.now()
    booking = booking_email_confirmed(signature=signature, now=now)
    if booking is None or booking.status not in (BookingStatus.HELD, BookingStatus.EXPIRED):
        return booking
    try:
        if booking.payment_method == PaymentMethod.CASH:
            booking = booking_confirm(
                booking=booking, payment_method=booking.payment_method, now=now
            )
        elif booking.payment_method == PaymentMethod.BANK_TRANSFER:
            booking = booking_await_transfer(booking=booking, now=now)
    except BookingError:
        booking.refresh_from_db()
    return booking


def booking_await_checkout(*, booking: Booking, now: dt.datetime | None = None) -> Booking:
    """The guest goes to pay online: keep the places while the Checkout Session is open, at
    least Stripe's minimum. Raises `SoldOut` as `booking_await_transfer` does."""
    result = _await_checkout(booking=booking, now=now or timezone.now())
    if isinstance(result, SoldOut):
        raise result
    return result


@transaction.atomic
def _await_checkout(*, booking: Booking, now: dt.datetime) -> Booking | SoldOut:
    method = PaymentMethod.STRIPE
    locked = booking_lock_for_payment(booking=booking, payment_method=method, user=None, now=now)
    if isinstance(locked, SoldOut):
        return locked
    if locked.status == BookingStatus.CONFIRMED:
        raise NotAllowed()
    running = locked.status == BookingStatus.HELD and locked.hold_expires_at > now
    if running and locked.payment_method == method and locked.checkout_session_id:
        return locked  # its Checkout Session is open and ends with the hold: keep both as they are
    until = now + ONLINE_HOLD_MIN
    if running and locked.hold_expires_at >= until and locked.payment_method == method:
        return locked
    if running:
        until = max(until, locked.hold_expires_at)
    _keep_held(locked, method, until, now, None)
    return locked


def transfers_awaited(bookings):
    """Bookings whose bank transfer the treasurer may be waiting for: kept for a transfer, or
    confirmed with a group's balance still to come (which guests may pay by transfer)."""
    awaiting = Q(
        payment_method=PaymentMethod.BANK_TRANSFER,
        status__in=(BookingStatus.HELD, BookingStatus.EXPIRED),
        payment_status=PaymentStatus.UNPAID,
    )
    balance = Q(status=BookingStatus.CONFIRMED, payment_status=PaymentStatus.DEPOSIT)
    return bookings.filter(awaiting | balance)


def bank_transfer_confirm(
    *, booking: Booking, amount: int, key: str = "", user=None, now: dt.datetime | None = None
) -> Payment:
    """The treasurer saw the guest's transfer in the bank: record and post it, and confirm the
    booking (taking its places again if the hold ran out and they are free). When the places
    are gone the money is recorded all the same and owed back (a refund to pay by hand).
    `key` (made when the form was opened) records one form sent twice once."""
    now = now or timezone.now()
    booking = Booking.objects.select_related("departure").get(pk=booking.pk)
    provider_ref = f"transfer-{booking.pk}-{key}" if key else ""
    if provider_ref:
        existing = Payment.objects.filter(
            method=PaymentMethod.BANK_TRANSFER, provider_ref=provider_ref
        ).first()
        if existing is not None:
            return existing
    if booking.status not in (BookingStatus.HELD, BookingStatus.EXPIRED, BookingStatus.CONFIRMED):
        raise NotAllowed()
    due = booking.total - booking_paid_amount(booking)
    if not isinstance(amount, int) or amount <= 0 or amount > due:
        raise BookingInvalid(
            {"amount": _("Enter an amount between 1 and %(n)d.") % {"n": max(due, 0)}}
        )
    return payment_received_apply(
        booking=booking,
        method=PaymentMethod.BANK_TRANSFER,
        amount=amount,
        provider_ref=provider_ref,
        user=user,
        now=now,
    )


def booking_create(
    *,
    departure_id: int,
    lines,
    customer: Customer,
    payment_method: str,
    channel: str = Channel.DIRECT,
    idempotency_key: str | None = None,
    idempotency_fingerprint: str = "",
    partner=None,
    user=None,
    client_address: str | None = None,
    now: dt.datetime | None = None,
) -> tuple[Booking, bool]:
    """Hold and confirm in one step (API, staff bookings, partners). Returns (booking, created).
    Cash and a partner's account confirm at once; a bank transfer or an online payment keeps
    the booking held for it."""
    now = now or timezone.now()
    if not payment_method:
        raise BookingInvalid({"payment_method": _("Choose a payment method.")})
    with transaction.atomic():
        booking, created = booking_hold(
            departure_id=departure_id,
            lines=lines,
            language=customer.language if customer.language in LANGUAGES else "id",
            customer=customer,
            payment_method=payment_method,
            channel=channel,
            idempotency_key=idempotency_key,
            idempotency_fingerprint=idempotency_fingerprint,
            partner=partner,
            user=user,
            client_address=client_address,
            now=now,
        )
        if created and payment_method in (PaymentMethod.CASH, PaymentMethod.PARTNER_ACCOUNT):
            booking = booking_confirm(
                booking=booking, payment_method=payment_method, user=user, now=now
            )
        elif created and payment_method in (PaymentMethod.BANK_TRANSFER, PaymentMethod.STRIPE):
            # Kept for the transfer, or for the online payment; refused (and nothing kept)
            # when the date is too close for a transfer.
            if payment_method == PaymentMethod.BANK_TRANSFER:
                booking = booking_await_transfer(booking=booking, user=user, now=now)
            else:
                booking = booking_await_checkout(booking=booking, now=now)
    return booking, created
