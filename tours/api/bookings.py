"""Make a booking, read it back with its token, cancel it; partners do the same with their key.

A booking made here is a direct booking (`booking_create`, channel `direct`). Cash on arrival
confirms it at once. The guest's token is the only key to a booking: a wrong or missing token
answers exactly like an unknown reference (404).

With a partner's key (`Authorization: Bearer …`, see `callers.py`) the booking is the partner's
(channel `partner`, its commission frozen on it) and may go on the partner's account
(`partner_account`, on-account partners within their credit limit). A partner lists, reads and
cancels its own bookings by reference, never with a token and never seeing one: any other
booking answers exactly like an unknown reference (404).

Idempotency: a client may send `Idempotency-Key` (at most 255 characters). Repeating the POST
with the same key and the same body answers 201 again with the first booking (and the header
`Idempotent-Replayed: true`) and creates nothing. The stored key is a hash of the client's key
and the body, so knowing someone's key alone never returns their booking and its token; the
same key with another body is refused (400).

A guest's POSTs count against the rate limit per client address (`BOOKING_RATE_LIMIT`), a
partner's requests against the limit per key, before the body is even read.
"""

import hashlib
import logging
import secrets
from typing import Annotated

import stripe
from django.http import Http404, HttpResponse
from django.urls import reverse
from ninja import Header, Path, Query, Router, Status

from core.links import absolute_url
from core.localtime import local_moment
from core.ratelimit import client_address
from tours.api.booking_list import (
    BookingFilters,
    booking_page,
    partner_bookings,
    tours_in_languages,
)
from tours.api.callers import (
    OPTIONAL_KEY,
    Caller,
    KeyRateLimit,
    PartnerKey,
    PostRateLimit,
    caller_of,
    guest,
)
from tours.api.errors import RequestInvalid
from tours.api.schemas import (
    REFERENCE_PATTERN,
    TEXT_PATTERN,
    BookingCancelledOut,
    BookingCreatedOut,
    BookingIn,
    BookingListOut,
    BookingOut,
    InvalidOut,
    MessageOut,
    SoldOutOut,
)
from tours.booking.booking_input import Customer
from tours.booking.books import booking_sale
from tours.booking.cancellation import cancellation_refund
from tours.booking.cancelling import booking_cancel
from tours.booking.errors import IdempotencyKeyReused
from tours.booking.partner_books import booking_commission
from tours.booking.providers import provider_get
from tours.booking.tickets import manage_url
from tours.models import Booking, BookingStatus, Channel, PaymentMethod
from tours.models.availability import tour_in_language
from tours.payments.paying import booking_create

log = logging.getLogger(__name__)

# Every booking operation takes a partner's key; all but the list take guests too.
router = Router(tags=["bookings"], auth=[PartnerKey(), guest], throttle=KeyRateLimit())

KEY_HEADER = "Idempotency-Key"
Reference = Annotated[str, Path(pattern=REFERENCE_PATTERN, description="e.g. `LPS-7K3QX`.")]
Token = Annotated[str, Query(max_length=64, pattern=TEXT_PATTERN, description="The guest's token.")]


def _local(value, booking):
    """A moment on the village's clock (ISO 8601 with its offset)."""
    return local_moment(value, booking.zone) if value else None


def _idempotency(key: str, payload: BookingIn, caller: Caller) -> tuple[str, str]:
    """(stored key, fingerprint of the body): the key is the client's, hashed; the same key
    sent with another body is refused by the booking service. A partner's keys are its own:
    another client sending the same key and body never gets the partner's booking back."""
    scoped = f"partner-{caller.partner.pk}:{key}" if caller.partner else key
    key_hash = hashlib.sha256(scoped.encode()).hexdigest()[:32]
    body_hash = hashlib.sha256(payload.model_dump_json().encode()).hexdigest()[:32]
    return f"api:{key_hash}", body_hash


def _caller_booking(reference: str, token: str, caller: Caller) -> Booking:
    """The booking a guest reaches with its token, or a partner's own by reference; anything
    else is not found, with the same answer as an unknown reference."""
    bookings = Booking.objects.select_related("departure__tour", "partner")
    if caller.partner is not None:
        booking = bookings.filter(reference=reference.upper(), partner=caller.partner).first()
        if booking is None:
            raise Http404
        return booking
    booking = bookings.filter(reference=reference.upper()).first()
    if booking is None or not secrets.compare_digest(booking.token.encode(), token.encode()):
        raise Http404
    return booking


def _partner_part(booking: Booking, caller: Caller) -> dict:
    """The partner's code; for the partner only, its commission (`booking_commission`: what
    the books hold once delivered, none once cancelled)."""
    mine = caller.partner is not None and booking.partner_id == caller.partner.pk
    return {
        "partner": booking.partner.code if booking.partner_id else None,
        "commission": (booking_commission(booking, booking_sale(booking)) if mine else None),
    }


def _booking_out(booking: Booking, caller: Caller, tour=None) -> dict:
    departure = booking.departure
    tour = tour or tour_in_language(departure.tour, booking.language)
    return {
        "reference": booking.reference,
        "status": booking.status,
        "payment_status": booking.payment_status,
        "total": booking.total,
        "seats": booking.seats,
        "departure": {"id": departure.pk, "starts_at": _local(departure.starts_at, booking)},
        "tour": {"id": departure.tour_id, "title": tour.title},
        "lines": [
            {"label": line.label, "unit_price": line.unit_price, "quantity": line.quantity}
            for line in booking.lines.all()
        ],
        "customer": {
            "name": booking.customer_name,
            "email": booking.customer_email,
            "phone": booking.customer_phone,
            "country": booking.customer_country,
            "language": booking.language,
        },
        "hold_expires_at": _local(booking.hold_expires_at, booking),
        "manage_url": None if caller.partner else manage_url(booking),
        **_partner_part(booking, caller),
    }


@router.get(
    "/bookings/",
    auth=PartnerKey(),
    response={
        200: BookingListOut,
        400: InvalidOut,
        401: MessageOut,
        429: MessageOut,
        503: MessageOut,
    },
    summary="A partner's bookings (with its key)",
    description="The partner's own bookings, newest first, `page_size` (at most 100) at a "
    "time. Filters: `reference`, `status`, `date` (the departure's local date).",
)
def booking_list(request, filters: Query[BookingFilters]):
    caller = caller_of(request)
    bookings, count, pages = booking_page(partner_bookings(caller.partner, filters), filters)
    tours = tours_in_languages(bookings)
    items = [
        _booking_out(booking, caller, tours[(booking.departure.tour_id, booking.language)])
        for booking in bookings
    ]
    return {"count": count, "page": filters.page, "pages": pages, "items": items}


@router.post(
    "/bookings/",
    response={
        201: BookingCreatedOut,
        400: InvalidOut | MessageOut,
        401: MessageOut,
        409: SoldOutOut,
        429: MessageOut,
        503: MessageOut,
    },
    throttle=[KeyRateLimit(), PostRateLimit()],
    openapi_extra=OPTIONAL_KEY,
    summary="Book places on a departure",
    description="Cash on arrival confirms the booking at once (`hold_expires_at` and "
    "`payment_url` are null). A bank transfer keeps the booking held until `hold_expires_at` "
    "(the account details are on `manage_url` and in the e-mail). `stripe` keeps it held while "
    "the guest pays at `payment_url`. 400 `closed` when the departure can no longer be booked. "
    "With a partner's key the booking is the partner's, and `partner_account` books it on the "
    "partner's account. Without a key, one booking takes at most `BOOKING_MAX_SEATS` places and "
    "each e-mail, phone and client address a few unpaid bookings per departure and per day "
    "(400 `hold_limit`); a large unpaid booking (transfer or cash) stays held, briefly, until "
    "the guest opens the link e-mailed to them.",
)
def create(
    request,
    payload: BookingIn,
    response: HttpResponse,
    idempotency_key: Annotated[str | None, Header(alias=KEY_HEADER, max_length=255)] = None,
):
    caller = caller_of(request)
    key, fingerprint = (
        _idempotency(idempotency_key, payload, caller) if idempotency_key else (None, "")
    )
    try:
        booking, created = booking_create(
            departure_id=payload.departure,
            lines=[(line.tier, line.quantity) for line in payload.lines],
            customer=Customer(**payload.customer.model_dump()),
            payment_method=payload.payment_method,
            channel=Channel.DIRECT,
            idempotency_key=key,
            idempotency_fingerprint=fingerprint,
            partner=caller.partner,
            client_address=client_address(request),
        )
    except IdempotencyKeyReused as error:
        raise RequestInvalid({KEY_HEADER: str(error.message)}) from error
    if not created:
        response.headers["Idempotent-Replayed"] = "true"
    return Status(
        201,
        {
            "reference": booking.reference,
            "token": None if caller.partner else booking.token,
            "status": booking.status,
            "total": booking.total,
            "hold_expires_at": _local(booking.hold_expires_at, booking),
            "manage_url": None if caller.partner else manage_url(booking),
            "payment_url": payment_url(booking, request),
            **_partner_part(booking, caller),
        },
    )


def payment_url(booking: Booking, request) -> str | None:
    """Where a booking kept for an online payment is paid: Stripe's hosted Checkout page, or
    the guest's own review page when Stripe cannot be reached just now."""
    if booking.status != BookingStatus.HELD or booking.payment_method != PaymentMethod.STRIPE:
        return None
    try:
        return provider_get(PaymentMethod.STRIPE).start(booking, request)
    except stripe.StripeError:
        log.exception("Stripe Checkout for %s could not start", booking.reference)
        review = reverse("booking_review", kwargs={"reference": booking.reference})
        return absolute_url(f"{review}?t={booking.token}", page=booking.departure.tour)


@router.get(
    "/bookings/{reference}/",
    response={
        200: BookingOut,
        400: InvalidOut,
        401: MessageOut,
        404: MessageOut,
        429: MessageOut,
        503: MessageOut,
    },
    openapi_extra=OPTIONAL_KEY,
    summary="A booking, for its guest (with its token) or its partner (with its key)",
)
def detail(request, reference: Reference, token: Token = ""):
    caller = caller_of(request)
    return _booking_out(_caller_booking(reference, token, caller), caller)


@router.post(
    "/bookings/{reference}/cancel/",
    response={
        200: BookingCancelledOut,
        400: InvalidOut,
        401: MessageOut,
        404: MessageOut,
        409: MessageOut,
        429: MessageOut,
        503: MessageOut,
    },
    throttle=[KeyRateLimit(), PostRateLimit()],
    openapi_extra=OPTIONAL_KEY,
    summary="Cancel a booking (refund by the tour's policy)",
)
def cancel(request, reference: Reference, token: Token = ""):
    caller = caller_of(request)
    booking = booking_cancel(booking=_caller_booking(reference, token, caller))
    refund = cancellation_refund(booking)
    return {
        **_booking_out(booking, caller),
        "refund_percent": booking.refund_percent,
        "refund_amount": refund.amount if refund is not None else 0,
    }
