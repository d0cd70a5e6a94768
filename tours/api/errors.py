"""Every API error in one place: domain errors, bad requests and limits become JSON.

- 400 `{"error": "invalid", "errors": {field: message}}` for bad input, with readable field paths
  ("lines.0.quantity", "customer.email", "from", "Idempotency-Key"; "body" when the body is not
  JSON). Ninja's own validation errors (422 by default) are turned into this form too, so a
  client handles one shape.
- 400 `{"error": "closed", "message"}` when a departure can no longer be booked; `hold_limit`
  when a guest's booking goes over an abuse limit (`tours.booking.guards`).
- 401 `{"error": "unauthorized", "message"}` (with `WWW-Authenticate: Bearer`) when a partner's
  key is missing where one is needed, or does not work (unknown, revoked, partner suspended).
- 404 `{"error": "not_found", "message"}`; 409 `sold_out` (with `seats_left`) or `not_allowed`;
  429 `rate_limited` (with `Retry-After`).

Messages are in the request's language (see `language.py`). Generic messages use Django's own
wording, so they are already translated.
"""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError
from ninja.parser import Parser

from tours.booking.errors import (
    BookingClosed,
    BookingInvalid,
    HoldLimitReached,
    NotAllowed,
    SoldOut,
)

# Where a value came from in Ninja's error locations; the rest of the location is the field.
SOURCES = ("body", "query", "path", "header", "cookie", "form", "file")


class NotAnObject(ValueError):
    pass


class ObjectParser(Parser):
    """A request body is one JSON object; an array or a bare string is refused as a whole."""

    def parse_body(self, request):
        data = super().parse_body(request)
        if not isinstance(data, dict):
            raise NotAnObject
        return data


class RequestInvalid(Exception):
    """Bad input the API itself finds (a date range, a header); same shape as BookingInvalid."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__(errors)


class KeyRefused(AuthenticationError):
    """A partner's key that is unknown or revoked, or whose partner may not sell now."""


def field_path(loc) -> str:
    """("body", "payload", "lines", 0, "quantity") → "lines.0.quantity"; the body → "body"."""
    parts = list(loc)
    source = parts.pop(0) if parts and parts[0] in SOURCES else ""
    if source == "body" and parts:
        parts.pop(0)  # the view's parameter name ("payload"), not part of the JSON
    return ".".join(str(part) for part in parts) or source or "body"


def validation_message(error: dict) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return _("This field is required.")
    if kind.startswith("int_"):
        return _("Enter a whole number.")
    if kind.startswith(("date_", "datetime_")):
        return _("Enter a valid date.")
    if kind == "list_type":
        return _("Enter a list of values.")
    if kind == "string_too_long":
        return _("Please use at most %(n)d characters.") % {"n": ctx.get("max_length", 0)}
    return _("Enter a valid value.")


def invalid(api: NinjaAPI, request, errors: dict[str, str]):
    return api.create_response(request, {"error": "invalid", "errors": errors}, status=400)


def message(api: NinjaAPI, request, error: str, text, status: int, **extra):
    return api.create_response(
        request, {"error": error, "message": str(text), **extra}, status=status
    )


def key_problem(exc: AuthenticationError) -> tuple[str, str]:
    """(message, WWW-Authenticate challenge) for a key that does not work or is missing."""
    if isinstance(exc, KeyRefused):
        text = _(
            "This API key does not work: it is unknown or revoked, or the partner's "
            "agreements are suspended."
        )
        return text, 'Bearer error="invalid_token"'
    return _("Send your partner API key: Authorization: Bearer <key>."), "Bearer"


def register(api: NinjaAPI) -> None:
    @api.exception_handler(ValidationError)
    def validation_error(request, exc: ValidationError):
        errors: dict[str, str] = {}
        for error in exc.errors:
            errors.setdefault(field_path(error.get("loc", ())), validation_message(error))
        return invalid(api, request, errors)

    @api.exception_handler(HttpError)
    def http_error(request, exc: HttpError):
        if exc.status_code == 400:
            # Ninja raises this only when the body cannot be parsed (the parser's error is
            # the cause).
            if isinstance(exc.__cause__, NotAnObject):
                return invalid(api, request, {"body": _("Send one JSON object.")})
            return invalid(api, request, {"body": _("Enter a valid JSON.")})
        return message(api, request, "error", exc, exc.status_code)

    @api.exception_handler(AuthenticationError)
    def unauthorized(request, exc: AuthenticationError):
        text, challenge = key_problem(exc)
        response = message(api, request, "unauthorized", text, 401)
        response["WWW-Authenticate"] = challenge
        return response

    @api.exception_handler(Throttled)
    def throttled(request, exc: Throttled):
        text = _("Too many requests. Please wait a minute and try again.")
        return message(api, request, "rate_limited", text, 429)

    @api.exception_handler(Http404)
    def not_found(request, exc: Http404):
        return message(api, request, "not_found", _("Not found."), 404)

    @api.exception_handler(RequestInvalid)
    def request_invalid(request, exc: RequestInvalid):
        return invalid(api, request, exc.errors)

    @api.exception_handler(BookingInvalid)
    def booking_invalid(request, exc: BookingInvalid):
        return invalid(api, request, {key: str(text) for key, text in exc.errors.items()})

    @api.exception_handler(BookingClosed)
    def booking_closed(request, exc: BookingClosed):
        return message(api, request, exc.code, exc.message, 400)

    @api.exception_handler(HoldLimitReached)
    def hold_limit(request, exc: HoldLimitReached):
        return message(api, request, exc.code, exc.message, 400)

    @api.exception_handler(SoldOut)
    def sold_out(request, exc: SoldOut):
        return message(api, request, exc.code, exc.message, 409, seats_left=exc.seats_left)

    @api.exception_handler(NotAllowed)
    def not_allowed(request, exc: NotAllowed):
        return message(api, request, exc.code, exc.message, 409)
