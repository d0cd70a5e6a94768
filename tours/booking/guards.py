"""Limits on public bookings, so that one anonymous request cannot hold a whole departure.

They apply to bookings a guest makes alone, on the site or through the API without a partner's
key (channel `direct`, no partner); partners' and staff bookings are exempt.

- A cap on the places one booking may hold (`BOOKING_MAX_SEATS`): a bigger group contacts the
  village, whose WhatsApp or phone the refusal shows.
- Active unpaid bookings per e-mail, per phone and per client address on one departure
  (`BOOKING_HOLDS_PER_DEPARTURE`), and bookings per e-mail, phone or address in 24 hours
  (`BOOKING_HOLDS_PER_DAY`).
- A large unpaid booking (more than `BOOKING_LARGE_HOLD_SEATS` places, by bank transfer or cash
  on arrival) keeps its places only `BOOKING_UNCONFIRMED_HOLD_MINUTES` until the guest opens the
  link we e-mail (`email_confirm_link`); then the usual hold or transfer deadline applies.

Per-departure counts run under the departure's lock (the caller holds it), like the seat count.
"""

import datetime as dt
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core.links import absolute_url
from core.phones import phone_display
from tours.booking.errors import HoldLimitReached
from tours.models import Booking, Channel, PaymentMethod, PaymentStatus

EMAIL_LINK_SALT = "tours.booking.email-confirm"
EMAIL_LINK_MAX_AGE = dt.timedelta(days=7)
# Unpaid ways to pay that hold places with no money: their large holds wait for the e-mail.
UNPAID_METHODS = (PaymentMethod.BANK_TRANSFER, PaymentMethod.CASH)


def is_guarded(*, channel: str, partner) -> bool:
    """Whether a booking is a guest's own public one (the only kind these limits apply to)."""
    return channel == Channel.DIRECT and partner is None


def village_contact(enterprise) -> str:
    """How a big group reaches the village: its WhatsApp, else its phone, else its e-mail."""
    number = enterprise.whatsapp or enterprise.phone
    return phone_display(number) if number else enterprise.email


def seats_cap_check(*, enterprise, seats: int) -> None:
    """Refuse a public booking of more places than `BOOKING_MAX_SEATS`."""
    cap = settings.BOOKING_MAX_SEATS
    if seats <= cap:
        return
    contact = village_contact(enterprise)
    text = _("One online booking takes at most %(n)d people.") % {"n": cap}
    if contact:
        text += " " + _("For a bigger group, please contact the village: %(contact)s.") % {
            "contact": contact
        }
    raise HoldLimitReached(text)


def _same_guest(email: str, phone: str, address: str | None) -> dict[str, Q]:
    keys = {}
    if email:
        keys["email"] = Q(customer_email__iexact=email)
    if phone:
        keys["phone"] = Q(customer_phone=phone)
    if address:
        keys["address"] = Q(client_address=address)
    return keys


def holds_check(
    *,
    departure,
    email: str = "",
    phone: str = "",
    address: str | None = None,
    exclude_pk: int | None = None,
    now: dt.datetime,
) -> None:
    """Refuse another public booking from an e-mail, phone or address that already holds
    `BOOKING_HOLDS_PER_DEPARTURE` unpaid bookings on this departure, or made
    `BOOKING_HOLDS_PER_DAY` bookings in the last 24 hours. `exclude_pk`: the booking being
    completed (its own details do not count against it)."""
    public = Booking.objects.filter(channel=Channel.DIRECT, partner__isnull=True)
    if exclude_pk is not None:
        public = public.exclude(pk=exclude_pk)
    unpaid_here = public.filter(
        departure=departure, payment_status=PaymentStatus.UNPAID
    ).taking_seats(now)
    today = public.filter(created_at__gt=now - dt.timedelta(days=1))
    for who in _same_guest(email, phone, address).values():
        if unpaid_here.filter(who).count() >= settings.BOOKING_HOLDS_PER_DEPARTURE:
            raise HoldLimitReached(
                _(
                    "You already have unpaid bookings on this date. Please pay or cancel one "
                    "of them before booking again."
                )
            )
        if today.filter(who).count() >= settings.BOOKING_HOLDS_PER_DAY:
            raise HoldLimitReached(
                _("Too many bookings today from these details. Please try again tomorrow.")
            )


def needs_email_confirmation(booking: Booking, payment_method: str) -> bool:
    """A large public booking paid later (transfer, cash on arrival) whose guest has not yet
    confirmed the e-mail."""
    return (
        is_guarded(channel=booking.channel, partner=booking.partner_id)
        and payment_method in UNPAID_METHODS
        and booking.seats > settings.BOOKING_LARGE_HOLD_SEATS
        and booking.email_confirmed_at is None
    )


def unconfirmed_hold_until(now: dt.datetime) -> dt.datetime:
    return now + dt.timedelta(minutes=settings.BOOKING_UNCONFIRMED_HOLD_MINUTES)


def email_confirm_signature(booking: Booking) -> str:
    """The secret of the e-mail's link: only the inbox gets it (never the API's answer)."""
    return signing.dumps([booking.pk, booking.customer_email.lower()], salt=EMAIL_LINK_SALT)


def email_confirm_read(signature: str) -> tuple[int, str] | None:
    """(booking id, e-mail) a link's signature names, if it is genuine and recent; else None."""
    try:
        pk, email = signing.loads(
            signature, salt=EMAIL_LINK_SALT, max_age=EMAIL_LINK_MAX_AGE.total_seconds()
        )
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(pk, int) or not isinstance(email, str):
        return None
    return pk, email


def email_confirm_url(booking: Booking) -> str:
    """The link the guest opens to confirm the e-mail (on the tour's site, in their language)."""
    with translation.override(booking.language):
        path = reverse("booking_email_confirm", kwargs={"reference": booking.reference})
    query = urlencode({"s": email_confirm_signature(booking)})
    return absolute_url(f"{path}?{query}", page=booking.departure.tour)
