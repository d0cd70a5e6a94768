"""The periods screen: the lock date and its history, lock a month that has ended, reopen with a
reason, and the years of the books with their result and the way to close or distribute them.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.utils import get_user_display_name

from bumdes.admin.base import BooksMixin, lock_text, month_end, month_label, today
from bumdes.admin.forms import LockForm, ReopenForm
from bumdes.admin.periods.base import (
    PeriodsMixin,
    closed_years,
    distributions,
    entry_years,
    periods_url,
)
from bumdes.ledger import LedgerError
from bumdes.models import LockDateChange
from bumdes.periods import period_lock, year_profit
from core.formats import local_date, local_time, rupiah

MONTHS_SHOWN = 24
HISTORY_SHOWN = 50


def _months_back(last: dt.date, count: int) -> list[dt.date]:
    """Month ends from `last`'s month back, newest first."""
    ends, day = [], month_end(last)
    for _step in range(count):
        ends.append(day)
        day = day.replace(day=1) - dt.timedelta(days=1)
    return ends


def lock_choices(enterprise) -> list[tuple[str, str]]:
    """Months that have ended and are still open, newest first."""
    last_ended = today(enterprise).replace(day=1) - dt.timedelta(days=1)
    lock = enterprise.lock_date
    ends = [d for d in _months_back(last_ended, MONTHS_SHOWN) if lock is None or d > lock]
    return [(d.isoformat(), month_label(d)) for d in ends]


def reopen_choices(enterprise) -> list[tuple[str, str]]:
    lock = enterprise.lock_date
    if lock is None:
        return []
    start = lock.replace(day=1) - dt.timedelta(days=1)
    return [(d.isoformat(), month_label(d)) for d in _months_back(start, MONTHS_SHOWN)]


def year_rows(enterprise) -> list[dict]:
    """The years with entries, newest first: ended, closed, the closed result, distributed."""
    closed = closed_years(enterprise)
    distributed = distributions(enterprise)
    this_year = today(enterprise).year
    rows = []
    for year in reversed(entry_years(enterprise)):
        profit = year_profit(enterprise, year) if year in closed else None
        rows.append(
            {
                "year": year,
                "ended": year < this_year,
                "closed": year in closed,
                "profit": rupiah(profit) if profit else "",
                "distributed_url": reverse("books_journal:inspect", args=[distributed[year].pk])
                if year in distributed
                else "",
                "can_distribute": bool(profit and profit > 0 and year not in distributed),
            }
        )
    return rows


def history_rows(enterprise) -> list[dict]:
    """The latest changes of the lock date, newest first, in the village's time."""
    history = LockDateChange.objects.filter(enterprise=enterprise).select_related("user")
    return [
        {
            "at": (
                f"{local_date(change.at, zone=enterprise.zone)}, "
                f"{local_time(change.at, zone=enterprise.zone)}"
            ),
            "old": local_date(change.old_date) if change.old_date else "—",
            "new": local_date(change.new_date) if change.new_date else "—",
            "reopened": bool(
                change.old_date and change.new_date and change.new_date < change.old_date
            ),
            "reason": change.reason,
            "user": get_user_display_name(change.user) if change.user else "",
        }
        for change in history[:HISTORY_SHOWN]
    ]


class PeriodsView(PeriodsMixin, TemplateView):
    permission_required = "view"
    template_name = "bumdes/admin/periods.html"
    page_title = gettext_lazy("Periods")
    header_icon = "lock"

    def get_breadcrumbs_items(self):
        return BooksMixin.get_breadcrumbs_items(self)

    def get_context_data(self, lock_form=None, reopen_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        enterprise = self.enterprise
        context.update(
            {
                "lock_date": lock_text(enterprise),
                "history": history_rows(enterprise),
                "lock_form": lock_form or LockForm(months=lock_choices(enterprise)),
                "reopen_form": reopen_form or ReopenForm(months=reopen_choices(enterprise)),
                "can_lock": self.can("lock"),
                "can_close": self.can("close"),
                "years": year_rows(enterprise),
                "close_url": reverse("books_periods:close"),
                "distribute_url": reverse("books_periods:distribute"),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        if not self.can("lock"):
            raise PermissionDenied
        action = request.POST.get("action")
        if action == "lock":
            return self.post_lock(request)
        if action == "reopen":
            return self.post_reopen(request)
        return redirect(periods_url(self))

    def post_lock(self, request):
        form = LockForm(request.POST, months=lock_choices(self.enterprise))
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(lock_form=form))
        period_lock(enterprise=self.enterprise, lock_date=form.lock_date, user=request.user)
        messages.success(
            request,
            _("The books are locked up to %(date)s.") % {"date": local_date(form.lock_date)},
        )
        return redirect(periods_url(self))

    def post_reopen(self, request):
        form = ReopenForm(request.POST, months=reopen_choices(self.enterprise))
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(reopen_form=form))
        try:
            period_lock(
                enterprise=self.enterprise,
                lock_date=form.lock_date,
                reason=form.cleaned_data["reason"],
                user=request.user,
            )
        except LedgerError as error:
            form.add_error(None, str(error.message))
            return self.render_to_response(self.get_context_data(reopen_form=form))
        messages.warning(
            request,
            _("Reopened: entries can be posted again after %(date)s.")
            % {"date": local_date(form.lock_date)},
        )
        return redirect(periods_url(self))
