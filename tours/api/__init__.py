"""Public JSON API v1 (Django Ninja): tours, departures and bookings, mounted at /api/v1/.

The schema is at /api/v1/openapi.json and the docs at /api/v1/docs. Ninja renders the docs from
its own static files (the `ninja` app) with no inline script, so they work under our CSP
(script-src 'self' plus nonces) without any exemption.

No session authentication: the API reads no cookies for identity and has no CSRF check. A guest
reaches a booking only with its token; a partner reaches its own bookings with its API key
(`Authorization: Bearer`, see `callers.py`).
"""

from ninja import NinjaAPI

from tours.api import errors
from tours.api.bookings import router as bookings_router
from tours.api.language import in_request_language
from tours.api.tours import router as tours_router

api = NinjaAPI(
    title="Desa Wisata API",
    version="1",
    urls_namespace="api-v1",
    parser=errors.ObjectParser(),
    description=(
        "Book experiences in Indonesian tourism villages. Amounts are whole rupiah (IDR); times "
        "are ISO 8601 in Asia/Jakarta (+07:00). Messages follow `Accept-Language` (`id` by "
        "default, `en`). Bad input answers 400 "
        '`{"error": "invalid", "errors": {"lines.0.quantity": "…"}}` and writes nothing. '
        "Partners send their API key as `Authorization: Bearer <key>`: their bookings are "
        "their own, listed at `GET /api/v1/bookings/`; a key that does not work answers 401."
    ),
)
errors.register(api)
api.add_decorator(in_request_language, mode="view")
api.add_router("", tours_router)
api.add_router("", bookings_router)
