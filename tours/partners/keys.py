"""Partners' API keys: made with a name, shown once, stored as a SHA-256 digest, revocable.

A key reads `dw_<prefix>_<secret>`; the prefix (shown in lists) finds nothing on its own. A key
works while it is not revoked and its partner has an active agreement with some BUMDes, so a
suspended partner's keys stop working at once.
"""

import datetime as dt
import hashlib
import secrets

from django.utils import timezone

from tours.models import Partner, PartnerApiKey
from tours.partners.accounts import partner_is_active

KEY_START = "dw_"


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def api_key_create(
    *, partner: Partner, name: str, user=None, now=None
) -> tuple[PartnerApiKey, str]:
    """A new key for `partner`: (the record, the key itself — shown once, never stored)."""
    prefix = secrets.token_hex(4)
    raw = f"{KEY_START}{prefix}_{secrets.token_urlsafe(32)}"
    key = PartnerApiKey.objects.create(
        partner=partner,
        name=name.strip()[:80],
        prefix=prefix,
        digest=_digest(raw),
        created_at=now or timezone.now(),
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    return key, raw


def api_key_partner(raw: str, *, now: dt.datetime | None = None) -> Partner | None:
    """The partner whose live key this is, or None (unknown, revoked, partner suspended)."""
    if not raw or not raw.startswith(KEY_START):
        return None
    key = (
        PartnerApiKey.objects.select_related("partner")
        .filter(digest=_digest(raw), revoked_at__isnull=True)
        .first()
    )
    if key is None or not partner_is_active(key.partner):
        return None
    now = now or timezone.now()
    if key.last_used_at is None or now - key.last_used_at > dt.timedelta(minutes=1):
        PartnerApiKey.objects.filter(pk=key.pk).update(last_used_at=now)
    return key.partner


def api_key_revoke(*, key: PartnerApiKey, now: dt.datetime | None = None) -> PartnerApiKey:
    if key.revoked_at is None:
        key.revoked_at = now or timezone.now()
        key.save(update_fields=["revoked_at"])
    return key
