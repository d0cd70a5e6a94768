"""A fixed-window rate limit per client address, kept in the shared cache (Redis in production).

`BOOKING_RATE_LIMIT` is "N/s", "N/m" or "N/h"; "0" (or empty) turns it off, as load tests need.
"""

import time

from django.conf import settings
from django.core.cache import cache

PERIODS = {"s": 1, "m": 60, "h": 3600}


def _parse(rate: str) -> tuple[int, int] | None:
    rate = (rate or "").strip()
    if not rate or rate == "0":
        return None
    count, _, unit = rate.partition("/")
    return int(count), PERIODS[unit or "m"]


def client_address(request) -> str:
    # Behind the reverse proxy, the proxy appends the client to X-Forwarded-For; trust only
    # the last hop it added (settings.RATE_LIMIT_TRUST_PROXY), never what a client sent.
    if getattr(settings, "RATE_LIMIT_TRUST_PROXY", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def rate_limited(request, scope: str = "booking") -> bool:
    """Count this request; True when the client went over the limit in the current window."""
    parsed = _parse(getattr(settings, "BOOKING_RATE_LIMIT", "30/m"))
    if parsed is None:
        return False
    limit, period = parsed
    window = int(time.time() // period)
    key = f"rl:{scope}:{client_address(request)}:{window}"
    if cache.add(key, 1, timeout=period + 1):
        return False
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=period + 1)
        return False
    return count > limit
