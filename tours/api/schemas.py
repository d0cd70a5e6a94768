"""What goes in and out of the API, as Ninja schemas (they are also the OpenAPI components).

Amounts are whole rupiah (integers, currency "IDR"). Times are ISO 8601 in Asia/Jakarta
(`+07:00`). Ids of tours and price tiers are those of the Indonesian (default language) page,
whatever language the titles are shown in: a booking names them.

Numbers in requests are strict: `"2"`, `2.0` and `true` are not quantities. Every rule the
server applies to one field on its own is stated here (lengths, ranges, patterns, choices), so
the OpenAPI schema says what is refused; rules that depend on what is stored (the departure, its
tiers and group size, the village's ways to pay) or on several fields are in the descriptions.
No string may hold a NUL character (U+0000): the whole request is refused.
"""

import datetime as dt
from typing import Literal

from django_countries import countries
from ninja import Field, Schema
from pydantic import StrictInt

from tours.booking.booking_input import MAX_QUANTITY

Currency = Literal["IDR"]
LANGUAGE = Literal["id", "en"]
PAYMENT_METHOD = Literal["cash", "bank_transfer", "stripe", "partner_account"]
COUNTRY = Literal[tuple(code for code, _name in countries)]
ID_MAX = 2_147_483_647  # ids are PostgreSQL integers
# What Python's str.strip() removes: a name must hold something else (and no NUL).
_SPACES = "".join(f"\\u{ord(c):04x}" for c in map(chr, range(0x3001)) if c.isspace())
NAME_PATTERN = f"^[^\\u0000]*[^{_SPACES}\\u0000][^\\u0000]*$"
TEXT_PATTERN = "^[^\\u0000]*$"
# Digits and what people put between them; the number must also be one that can be called
# (libphonenumber), which no pattern can say.
PHONE_PATTERN = "^[0-9 ().+/\\u00a0-]+$"
REFERENCE_PATTERN = "^[A-Za-z0-9-]{1,12}$"


# Tours and departures -------------------------------------------------------------------------


class PriceTierOut(Schema):
    id: int = Field(description="Price tier id, as `lines[].tier` in a booking.")
    label: str
    price: int = Field(description="Whole rupiah per person.")


class TourOut(Schema):
    id: int = Field(description="Tour id (the Indonesian page), whatever `lang` is.")
    slug: str
    title: str
    village: str = Field(description="The village's name.")
    url: str = Field(description="The tour's page on the site, in the language asked for.")
    duration_minutes: int | None
    currency: Currency = "IDR"
    payment_methods: list[str] = Field(
        description="How guests can pay this village: `cash`, `bank_transfer`, `stripe`."
    )
    price_tiers: list[PriceTierOut]


class DepartureOut(Schema):
    id: int
    starts_at: dt.datetime = Field(description="Local start time (Asia/Jakarta, +07:00).")
    capacity: int
    seats_left: int = Field(description="Places still free now; never below zero.")
    status: Literal["open", "closed", "cancelled"] = Field(
        description="`open` while it can be booked; `closed` once booking has closed (the "
        "booking cut-off passed or the village closed it); `cancelled` by the village."
    )


# Bookings -------------------------------------------------------------------------------------


class LineIn(Schema):
    tier: StrictInt = Field(
        ge=1, le=ID_MAX, description="A price tier id of the departure's tour, once per booking."
    )
    quantity: StrictInt = Field(
        ge=1,
        le=MAX_QUANTITY,
        description="People at this price, 1 or more; within the tier's own minimum and "
        "maximum and the tour's group size.",
    )


class CustomerIn(Schema):
    name: str = Field(min_length=1, max_length=120, pattern=NAME_PATTERN)
    email: str = Field(
        max_length=254,
        pattern=TEXT_PATTERN,
        json_schema_extra={"format": "email"},
        description="An e-mail address, e.g. `nama@contoh.id`.",
    )
    phone: str = Field(
        min_length=1,
        max_length=30,
        pattern=PHONE_PATTERN,
        description="As the guest wrote it, e.g. `0812 3456 7890`, `+62 812-3456-7890` or "
        "`+31 6 12345678`. Without a country code it is read as a number of the guest's "
        "`country`, then of Indonesia. It must be a number that can be called in its country. "
        "Stored and returned in E.164, e.g. `+6281234567890`.",
    )
    country: COUNTRY = Field(description="ISO 3166-1 alpha-2 code in capitals, e.g. `ID`, `NL`.")
    language: LANGUAGE = Field(description="`id` or `en`: e-mails and the ticket use it.")


class BookingIn(Schema):
    departure: StrictInt = Field(
        ge=1, le=ID_MAX, description="A departure id from the departures list, open for booking."
    )
    lines: list[LineIn] = Field(min_length=1)
    customer: CustomerIn
    payment_method: PAYMENT_METHOD = Field(
        description="`cash` (paid on arrival), `bank_transfer` or `stripe` (card, online): "
        "whichever the village offers (see the tour's `payment_methods`). With a partner's "
        "key, `partner_account` books on the partner's account (confirmed at once): only for "
        "partners settling on account, within their credit limit."
    )


PARTNER_CODE = "The partner's code when a partner sold the booking, else null."
COMMISSION = (
    "The partner's commission on the total in whole rupiah, at the percentage frozen on the "
    "booking (shown to the partner only; null for others)."
)
GUEST_ONLY = "The guest's secret; null when a partner asks (the guest gets it by e-mail)."


class BookingCreatedOut(Schema):
    reference: str
    token: str | None = Field(
        description="Secret: reads and cancels this booking. Keep it. " + GUEST_ONLY
    )
    status: str
    total: int = Field(description="Whole rupiah.")
    currency: Currency = "IDR"
    hold_expires_at: dt.datetime | None = Field(
        description="Until when the places are kept; null once the booking is confirmed."
    )
    manage_url: str | None = Field(
        description="The guest's page for this booking (holds the token). " + GUEST_ONLY
    )
    payment_url: str | None = Field(description="Where to pay online; null for cash.")
    partner: str | None = Field(description=PARTNER_CODE)
    commission: int | None = Field(description=COMMISSION)


class BookingDepartureOut(Schema):
    id: int
    starts_at: dt.datetime


class BookingTourOut(Schema):
    id: int
    title: str


class BookingLineOut(Schema):
    label: str
    unit_price: int
    quantity: int


class CustomerOut(Schema):
    name: str
    email: str
    phone: str = Field(description="E.164, e.g. `+6281234567890`.")
    country: str = Field(description="ISO 3166-1 alpha-2 code, e.g. `ID`.")
    language: str


class BookingOut(Schema):
    reference: str
    status: str
    payment_status: str
    total: int
    currency: Currency = "IDR"
    seats: int
    departure: BookingDepartureOut
    tour: BookingTourOut
    lines: list[BookingLineOut]
    customer: CustomerOut
    hold_expires_at: dt.datetime | None
    manage_url: str | None = Field(description="The guest's page (holds the token). " + GUEST_ONLY)
    partner: str | None = Field(description=PARTNER_CODE)
    commission: int | None = Field(description=COMMISSION)


class BookingListOut(Schema):
    count: int = Field(description="Bookings matching the filters, on all pages.")
    page: int
    pages: int = Field(description="Number of pages (at least 1).")
    items: list[BookingOut] = Field(description="Newest first.")


class BookingCancelledOut(BookingOut):
    refund_percent: int | None = Field(
        description="Share of what was paid given back under the tour's cancellation policy."
    )
    refund_amount: int = Field(
        description="Rupiah given back: the policy's share of what was paid (0 when nothing "
        "was paid, e.g. cash on arrival)."
    )


# Errors ---------------------------------------------------------------------------------------


class InvalidOut(Schema):
    error: Literal["invalid"]
    errors: dict[str, str] = Field(
        description='One message per field, e.g. {"lines.0.quantity": "…", "customer.email": '
        '"…"}; "body" when the body is not valid JSON.'
    )


class MessageOut(Schema):
    error: str = Field(
        description="`closed`, `hold_limit`, `not_allowed`, `not_found`, `rate_limited`, "
        "`unauthorized`, `method_not_allowed`, `unavailable` (503: the service cannot reach its "
        "database; try again after `Retry-After` seconds), `server_error`."
    )
    message: str


class SoldOutOut(Schema):
    error: Literal["sold_out"]
    message: str
    seats_left: int
