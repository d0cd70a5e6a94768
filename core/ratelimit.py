"""A fixed-window rate limit per client address (or per API key), kept in the shared cache
(Redis in production).

A rate is "N/s", "N/m" or "N/h"; "0" (or empty) turns it off, as load tests need.
`BOOKING_RATE_LIMIT` counts per client address; `PARTNER_API_RATE_LIMIT` per partner API key.
"""

import math
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
    rate = getattr(settings, "BOOKING_RATE_LIMIT", "30/m")
    return window_exceeded(f"{scope}:{client_address(request)}", rate)


def window_exceeded(ident: str, rate: str) -> bool:
    """Count one request of `ident`; True when it went over `rate` in the current window."""
    parsed = _parse(rate)
    if parsed is None:
        return False
    limit, period = parsed
    window = int(time.time() // period)
    key = f"rl:{ident}:{window}"
    if cache.add(key, 1, timeout=period + 1):
        return False
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=period + 1)
        return False
    return count > limit


def window_wait(rate: str) -> int | None:
    """Whole seconds until the current window of `rate` ends (for Retry-After); None when off."""
    parsed = _parse(rate)
    if parsed is None:
        return None
    period = parsed[1]
    return max(math.ceil(period - time.time() % period), 1)
