"""Confirming a held booking: the guest's choice of payment is checked under the booking's lock,
places whose hold ran out are taken again if they are still free, and cash on arrival confirms
at once. Other methods confirm only when the money arrives (`tours.payments.paying`), after the
same checks (`booking_lock_for_payment`).
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tours.booking.booking_input import Customer, customer_errors
from tours.booking.email_check import booking_await_email
from tours.booking.errors import BookingClosed, BookingInvalid, NotAllowed, SoldOut
from tours.booking.guards import needs_email_confirmation
from tours.booking.history import booking_event_record
from tours.booking.locks import booking_lock
from tours.booking.notify import notify_after_commit
from tours.booking.providers import payment_methods_available
from tours.models import Booking, BookingStatus, Channel, PaymentMethod, PaymentStatus
from tours.models.availability import departure_is_bookable, seats_taken


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
    # A partner's account is chosen at booking time, where its agreement and credit are checked.
    on_account = booking.payment_method == PaymentMethod.PARTNER_ACCOUNT
    if payment_method not in payment_methods_available(
        booking.enterprise, booking.channel, on_account=on_account
    ):
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
                booking_event_record(booking, "expired", now, "", user)
            return SoldOut(max(left, 0))
    booking.departure = locked_departure
    return booking


def booking_confirm(
    *, booking: Booking, payment_method: str, user=None, now: dt.datetime | None = None
) -> Booking:
    """Confirm a held booking with an offline payment method (cash on arrival). A large public
    booking stays held briefly instead, until the guest confirms the e-mail.

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
    if payment_method not in (PaymentMethod.CASH, PaymentMethod.PARTNER_ACCOUNT):
        # Other methods confirm only when the money arrives (`tours.payments.paying`); an
        # on-account partner's booking at once (the partner is invoiced monthly).
        raise BookingInvalid({"payment_method": _("This payment method is not available.")})
    booking = booking_lock_for_payment(
        booking=booking, payment_method=payment_method, user=user, now=now
    )
    if isinstance(booking, SoldOut) or booking.status == BookingStatus.CONFIRMED:
        return booking
    if needs_email_confirmation(booking, payment_method):
        # A large group paying on the day: held briefly until the guest confirms the e-mail.
        return booking_await_email(booking, payment_method=payment_method, user=user, now=now)
    booking.status = BookingStatus.CONFIRMED
    booking.payment_method = payment_method
    if payment_method == PaymentMethod.PARTNER_ACCOUNT:
        booking.payment_status = PaymentStatus.ON_ACCOUNT
    booking.confirmed_at = now
    booking.hold_expires_at = None
    booking.save()
    booking_event_record(booking, "confirmed", now, PaymentMethod(payment_method).label, user)
    notify_after_commit(booking, "confirmation")
    return booking
