"""Domain errors raised by the booking services, turned into messages or HTTP codes in one place
per interface (the booking views, the API, the admin)."""

from django.utils.translation import gettext_lazy as _

from core.formats import local_date, local_time


class BookingError(Exception):
    """Base class. `message` is shown to the person who caused it, in their language."""

    message = _("The booking could not be made.")
    code = "booking_error"

    def __init__(self, message=None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class BookingInvalid(BookingError):
    """Bad input: `errors` maps a field ("lines.0.quantity", "customer.email") to a message."""

    code = "invalid"

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__(_("Please correct the marked fields."))


class SoldOut(BookingError):
    code = "sold_out"

    def __init__(self, seats_left: int):
        self.seats_left = seats_left
        super().__init__(
            _("Not enough places left: %(n)d remaining.") % {"n": seats_left}
            if seats_left
            else _("This departure is fully booked.")
        )


class BookingClosed(BookingError):
    code = "closed"
    message = _("This departure can no longer be booked.")


class HoldExpired(BookingError):
    code = "hold_expired"
    message = _("We could not keep your places any longer. Please choose again.")


class IdempotencyKeyReused(BookingError):
    """The idempotency key of a booking already made was sent again with another request."""

    code = "idempotency_key_reused"
    message = _("This key was already used for another booking.")


class HoldLimitReached(BookingError):
    """A public booking over one of the abuse limits (`tours.booking.guards`)."""

    code = "hold_limit"


class NotAllowed(BookingError):
    code = "not_allowed"
    message = _("This is not possible for this booking any more.")


class AlreadyCheckedIn(BookingError):
    code = "already_checked_in"

    def __init__(self, at, zone=None):
        self.at = at
        super().__init__(
            _("Already checked in on %(date)s at %(time)s.")
            % {"date": local_date(at, zone=zone), "time": local_time(at, zone=zone)}
        )


class PaymentUnavailable(BookingError):
    """The payment provider could not be reached or refused to start the payment."""

    code = "payment_unavailable"
    message = _(
        "Card payment is not available at the moment. Please try again in a minute, or "
        "choose another way to pay."
    )
