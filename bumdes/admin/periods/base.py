"""What the period screens share: the years the books hold (with entries, closed, distributed),
the way back to the periods screen, and the mixin that checks who may lock, close or distribute.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.permissions import policy_registry

from bumdes.admin.base import BooksMixin, breadcrumbs
from bumdes.models import JournalEntry, LockDateChange


def periods_url(view) -> str:
    url = reverse("books_periods:index")
    if view.request.user.is_superuser:
        url += f"?enterprise={view.enterprise.slug}"
    return url


def entry_years(enterprise) -> list[int]:
    return sorted(
        JournalEntry.objects.filter(enterprise=enterprise)
        .order_by()
        .annotate(year=ExtractYear("date"))
        .values_list("year", flat=True)
        .distinct()
    )


def closed_years(enterprise) -> set[int]:
    refs = JournalEntry.objects.filter(
        enterprise=enterprise, source_type__in=("year_close", "year_close_result")
    ).values_list("source_ref", flat=True)
    closed = {int(ref) for ref in refs if ref.isdigit()}
    # A year with no revenue nor expense is closed by its lock alone.
    lock = enterprise.lock_date
    return closed | {y for y in entry_years(enterprise) if lock and lock >= dt.date(y, 12, 31)}


def distributions(enterprise) -> dict[int, JournalEntry]:
    entries = JournalEntry.objects.filter(enterprise=enterprise, source_type="profit_distribution")
    return {int(e.source_ref): e for e in entries if e.source_ref.isdigit()}


class PeriodsMixin(BooksMixin):
    model = LockDateChange
    needs: str | None = None  # "close" or "distribute": what the screen does

    def dispatch(self, request, *args, **kwargs):
        if self.needs is not None and not self.can(self.needs):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return breadcrumbs(self, (periods_url(self), _("Periods")))

    def can(self, action: str) -> bool:
        """Locking needs the lock permission; closing and distributing post entries too."""
        user = self.request.user
        if not policy_registry.get_by_type(LockDateChange).user_has_permission(user, "add"):
            return False
        if action == "lock":
            return True
        return policy_registry.get_by_type(JournalEntry).user_has_permission(user, "add")
