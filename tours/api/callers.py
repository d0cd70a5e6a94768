"""Who calls the booking API: a guest (no credentials; a booking is reached with its token) or a
partner with its API key (`Authorization: Bearer dw_…`).

A request that sends an `Authorization` header is a partner's or nothing: a wrong, revoked or
suspended partner's key answers 401 and is never read as a guest's request. Without the header
the caller is a guest.

Limits: a partner's requests count against `PARTNER_API_RATE_LIMIT` per key, whatever the
address; a guest's POSTs against `BOOKING_RATE_LIMIT` per client address. Over the limit the
answer is 429 with `Retry-After` (seconds until the window ends).
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from ninja.security import HttpBearer
from ninja.throttling import BaseThrottle

from core.ratelimit import rate_limited, window_exceeded, window_wait
from tours.api.errors import KeyRefused
from tours.models import Partner
from tours.partners.keys import api_key_partner


@dataclass(frozen=True)
class Caller:
    """`request.auth` of a booking operation: the partner and its key's hash, or a guest."""

    partner: Partner | None = None
    key_hash: str = ""


class PartnerKey(HttpBearer):
    """`Authorization: Bearer <partner key>` (the OpenAPI security scheme `PartnerKey`)."""

    def __call__(self, request):
        if self.header not in request.headers:
            return None  # a guest, if the operation takes guests
        caller = super().__call__(request)
        if caller is None:  # an empty header or another scheme (Basic …)
            raise KeyRefused
        return caller

    def authenticate(self, request, token: str) -> Caller:
        token = token.strip()
        partner = api_key_partner(token)
        if partner is None:
            raise KeyRefused
        return Caller(partner=partner, key_hash=hashlib.sha256(token.encode()).hexdigest()[:32])


def guest(request) -> Caller:
    """No `Authorization` header: a guest, who reaches a booking only with its token."""
    return Caller()


def caller_of(request) -> Caller:
    return getattr(request, "auth", None) or Caller()


# For operations open to guests and partners: the key is optional in the schema too.
OPTIONAL_KEY = {"security": [{}]}


class KeyRateLimit(BaseThrottle):
    """A partner's requests per key (`PARTNER_API_RATE_LIMIT`); guests pass."""

    def allow_request(self, request) -> bool:
        caller = caller_of(request)
        if caller.partner is None:
            return True
        return not window_exceeded(f"api-key:{caller.key_hash}", settings.PARTNER_API_RATE_LIMIT)

    def wait(self) -> int | None:
        return window_wait(settings.PARTNER_API_RATE_LIMIT)


class PostRateLimit(BaseThrottle):
    """A guest's POSTs per client address, shared with the booking pages; partners are counted
    per key instead."""

    def allow_request(self, request) -> bool:
        if caller_of(request).partner is not None:
            return True
        return not rate_limited(request, "api")

    def wait(self) -> int | None:
        return window_wait(settings.BOOKING_RATE_LIMIT)
