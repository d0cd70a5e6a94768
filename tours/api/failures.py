"""JSON for every error answer under /api/, whatever produced it.

Ninja's own errors are JSON already (`errors.py`). What was not: Django's 404 for an address no
operation has, Ninja's bare 405, the 400 of a refused request (`core.null_characters`), Django's
500 page. `ApiErrorsMiddleware` turns each into `{"error": code, "message": text}` (a 400 into
the `invalid` shape), with the status and headers such as `Allow` kept.

When the database cannot be reached (OperationalError or InterfaceError: PostgreSQL down,
restarting, out of connections) the API answers 503 `unavailable` with `Retry-After`, so a
client knows to come back rather than give up.
"""

import logging

from django.db import InterfaceError, OperationalError
from django.http import JsonResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from tours.api.language import request_language

log = logging.getLogger(__name__)

PREFIX = "/api/"
RETRY_AFTER_SECONDS = 30
DATABASE_DOWN = (OperationalError, InterfaceError)
# Headers of the answer being replaced that describe its body, not the error.
BODY_HEADERS = {"content-type", "content-length", "content-language"}


def is_api(request) -> bool:
    return request.path.startswith(PREFIX)


def _is_json(response) -> bool:
    return response.get("Content-Type", "").startswith("application/json")


def _error_and_message(status: int) -> tuple[str, str]:
    known = {
        401: ("unauthorized", _("Send your partner API key: Authorization: Bearer <key>.")),
        403: ("forbidden", _("You may not do this.")),
        404: ("not_found", _("Not found.")),
        405: ("method_not_allowed", _("This address does not take this method.")),
        413: ("too_large", _("The request is too large.")),
        429: ("rate_limited", _("Too many requests. Please wait a minute and try again.")),
        503: ("unavailable", _("The service is briefly unavailable. Please try again soon.")),
    }
    if status in known:
        return known[status]
    if status >= 500:
        return "server_error", _("Something went wrong on our side. Please try again later.")
    return "error", _("The request could not be completed.")


def _json(request, body: dict, status: int) -> JsonResponse:
    response = JsonResponse(body, status=status)
    response["Content-Language"] = translation.get_language()
    patch_vary_headers(response, ("Accept-Language",))
    return response


def error_response(request, status: int, *, field: str = "request", text=None) -> JsonResponse:
    """The JSON answer for an error status, in the client's language; a 400 is the `invalid`
    shape with `text` (lazy, or a default) under `field`."""
    with translation.override(request_language(request)):
        if status == 400:
            text = str(text) if text is not None else _("The request could not be read.")
            return _json(request, {"error": "invalid", "errors": {field: text}}, 400)
        error, text = _error_and_message(status)
        return _json(request, {"error": error, "message": text}, status)


def unavailable(request) -> JsonResponse:
    response = error_response(request, 503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class ApiErrorsMiddleware:
    """Under /api/: error answers that are not JSON become JSON; the database being
    unreachable becomes 503 with Retry-After."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not is_api(request) or response.status_code < 400 or _is_json(response):
            return response
        replacement = error_response(request, response.status_code)
        for header, value in response.items():
            if header.lower() not in BODY_HEADERS and header.lower() != "vary":
                replacement[header] = value
        return replacement

    def process_exception(self, request, exception):
        if is_api(request) and isinstance(exception, DATABASE_DOWN):
            log.warning(
                "database unreachable: %s %s answered 503",
                request.method,
                request.path,
                exc_info=exception,
            )
            return unavailable(request)
        return None
