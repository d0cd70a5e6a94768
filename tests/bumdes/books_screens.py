"""The Books screens in tests: their URLs, rupiah as an English-speaking user reads them, today's
local date, and the journal entries a page links to."""

import datetime as dt
import re

from django.utils import timezone

from bumdes.models import JournalEntry
from core.formats import rupiah
from core.localtime import zone_info

JAKARTA = zone_info("Asia/Jakarta")

JOURNAL = "/admin/books/journal/"
LEDGER = "/admin/books/ledger/"
PAYMENTS = "/admin/books/payments/"
PERIODS = "/admin/books/periods/"
COMMUNITY = "/admin/community/"


def rp(amount: int) -> str:
    """Rupiah as an English-speaking user sees them ("Rp 200,000")."""
    return rupiah(amount, "en")


def today() -> dt.date:
    return timezone.localtime(timezone.now(), JAKARTA).date()


def entry_ids(html: str) -> set[int]:
    return {int(n) for n in re.findall(r"/admin/books/journal/inspect/(\d+)/", html)}


def entry_of(slug: str, **filters) -> JournalEntry:
    return JournalEntry.objects.filter(enterprise__slug=slug, **filters).order_by("pk").first()


def last_month_end() -> dt.date:
    return today().replace(day=1) - dt.timedelta(days=1)
