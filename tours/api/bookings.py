"""Make a booking, read it back with its token, cancel it.

A booking made here is a direct booking (`booking_create`, channel `direct`). Cash on arrival
confirms it at once. The guest's token is the only key to a booking: a wrong or missing token
answers exactly like an unknown reference (404).

Idempotency: a client may send `Idempotency-Key` (at most 255 characters). Repeating the POST
with the same key and the same body answers 201 again with the first booking (and the header
`Idempotent-Replayed: true`) and creates nothing. The stored key is a hash of the client's key
and the body, so knowing someone's key alone never returns their booking and its token; the
same key with another body is refused (400).

Both POSTs count against the rate limit per client address (`BOOKING_RATE_LIMIT`), before the
body is even read.
"""

import hashlib
import logging
import secrets
from typing import Annotated

import stripe
from django.http import Http404, HttpResponse
from django.urls import reverse
from ninja import Header, Router, Status
from ninja.throttling import BaseThrottle

from core.links import absolute_url
from core.localtime import local_moment
from core.ratelimit import rate_limited
from tours.api.errors import RequestInvalid
from tours.api.schemas import (
    BookingCancelledOut,
    BookingCreatedOut,
    BookingIn,
    BookingOut,
    InvalidOut,
    MessageOut,
    SoldOutOut,
)
from tours.booking.booking_input import Customer
from tours.booking.cancellation import cancellation_refund
from tours.booking.cancelling import booking_cancel
from tours.booking.errors import IdempotencyKeyReused
from tours.booking.providers import provider_get
from tours.booking.tickets import manage_url
from tours.models import Booking, BookingStatus, Channel, PaymentMethod
from tours.models.availability import tour_in_language
from tours.payments.paying import booking_create

log = logging.getLogger(__name__)

router = Router(tags=["bookings"])

KEY_HEADER = "Idempotency-Key"


class PostRateLimit(BaseThrottle):
    """The project's fixed-window limit per client address, shared with the booking pages."""

    def allow_request(self, request) -> bool:
        return not rate_limited(request, "api")


def _local(value, booking):
    """A moment on the village's clock (ISO 8601 with its offset)."""
    return local_moment(value, booking.zone) if value else None


def _idempotency(key: str, payload: BookingIn) -> tuple[str, str]:
    """(stored key, fingerprint of the body): the key is the client's, hashed; the same key
    sent with another body is refused by the booking service."""
    key_hash = hashlib.sha256(key.encode()).hexdigest()[:32]
    body_hash = hashlib.sha256(payload.model_dump_json().encode()).hexdigest()[:32]
    return f"api:{key_hash}", body_hash


def _guest_booking(reference: str, token: str) -> Booking:
    booking = (
        Booking.objects.select_related("departure__tour")
        .filter(reference=reference.upper())
        .first()
    )
    if booking is None or not secrets.compare_digest(booking.token.encode(), token.encode()):
        raise Http404
    return booking


def _booking_out(booking: Booking, request) -> dict:
    departure = booking.departure
    tour = tour_in_language(departure.tour, booking.language)
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
        "manage_url": manage_url(booking),
    }


@router.post(
    "/bookings/",
    response={
        201: BookingCreatedOut,
        400: InvalidOut | MessageOut,
        409: SoldOutOut,
        429: MessageOut,
    },
    throttle=PostRateLimit(),
    summary="Book places on a departure",
    description="Cash on arrival confirms the booking at once (`hold_expires_at` and "
    "`payment_url` are null). A bank transfer keeps the booking held until `hold_expires_at` "
    "(the account details are on `manage_url` and in the e-mail). `stripe` keeps it held while "
    "the guest pays at `payment_url`. 400 `closed` when the departure can no longer be booked.",
)
def create(
    request,
    payload: BookingIn,
    response: HttpResponse,
    idempotency_key: Annotated[str | None, Header(alias=KEY_HEADER, max_length=255)] = None,
):
    key, fingerprint = _idempotency(idempotency_key, payload) if idempotency_key else (None, "")
    try:
        booking, created = booking_create(
            departure_id=payload.departure,
            lines=[(line.tier, line.quantity) for line in payload.lines],
            customer=Customer(**payload.customer.model_dump()),
            payment_method=payload.payment_method,
            channel=Channel.DIRECT,
            idempotency_key=key,
            idempotency_fingerprint=fingerprint,
        )
    except IdempotencyKeyReused as error:
        raise RequestInvalid({KEY_HEADER: str(error.message)}) from error
    if not created:
        response.headers["Idempotent-Replayed"] = "true"
    return Status(
        201,
        {
            "reference": booking.reference,
            "token": booking.token,
            "status": booking.status,
            "total": booking.total,
            "hold_expires_at": _local(booking.hold_expires_at, booking),
            "manage_url": manage_url(booking),
            "payment_url": payment_url(booking, request),
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
    response={200: BookingOut, 404: MessageOut},
    summary="A booking, for its guest",
)
def detail(request, reference: str, token: str = ""):
    return _booking_out(_guest_booking(reference, token), request)


@router.post(
    "/bookings/{reference}/cancel/",
    response={200: BookingCancelledOut, 404: MessageOut, 409: MessageOut, 429: MessageOut},
    throttle=PostRateLimit(),
    summary="Cancel a booking (refund by the tour's policy)",
)
def cancel(request, reference: str, token: str = ""):
    booking = booking_cancel(booking=_guest_booking(reference, token))
    refund = cancellation_refund(booking)
    return {
        **_booking_out(booking, request),
        "refund_percent": booking.refund_percent,
        "refund_amount": refund.amount if refund is not None else 0,
    }
