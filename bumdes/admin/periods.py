"""Periods of the books: lock a month, reopen with a reason, close a year, distribute its profit.

- **Lock**: nothing can be posted on or before the lock date. Only months that have ended can be
  locked (today's sales must still post). Every change is kept with its reason.
- **Reopen**: move the lock date back, with a reason (for the supervisor and the village meeting).
- **Close a year**: the year's result is shown first (the income statement's figures), then
  `year_close` moves revenues and expenses to retained earnings and locks the year.
- **Distribute the profit**: for a closed year with a profit, the village meeting's decision
  number and date, the enterprise's percentages (AD/ART) and the amounts are shown before
  `profit_distribute` posts them.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db.models.functions import ExtractYear
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.viewsets.base import ViewSet
from wagtail.permissions import policy_registry

from bumdes.admin.base import BooksMixin, breadcrumbs, lock_text, month_end, month_label, today
from bumdes.admin.forms import DistributeForm, LockForm, ReopenForm, YearForm
from bumdes.admin.menus import permission_menu_item
from bumdes.ledger import (
    LedgerError,
    period_lock,
    profit_distribute,
    year_close,
    year_profit,
)
from bumdes.models import JournalEntry, LockDateChange
from bumdes.reports import income_statement
from core.formats import local_date, local_time, rupiah
from core.money import percent_of

MONTHS_SHOWN = 24


def periods_url(view) -> str:
    url = reverse("books_periods:index")
    if view.request.user.is_superuser:
        url += f"?enterprise={view.enterprise.slug}"
    return url


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
        history = LockDateChange.objects.filter(enterprise=enterprise).select_related("user")
        closed = closed_years(enterprise)
        distributed = distributions(enterprise)
        this_year = today(self.enterprise).year
        years = []
        for year in reversed(entry_years(enterprise)):
            profit = year_profit(enterprise, year) if year in closed else None
            years.append(
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
        context.update(
            {
                "lock_date": lock_text(enterprise),
                "history": [
                    {
                        "at": (
                            f"{local_date(change.at, zone=enterprise.zone)}, "
                            f"{local_time(change.at, zone=enterprise.zone)}"
                        ),
                        "old": local_date(change.old_date) if change.old_date else "—",
                        "new": local_date(change.new_date) if change.new_date else "—",
                        "reopened": bool(
                            change.old_date
                            and change.new_date
                            and change.new_date < change.old_date
                        ),
                        "reason": change.reason,
                        "user": get_user_display_name(change.user) if change.user else "",
                    }
                    for change in history[:50]
                ],
                "lock_form": lock_form or LockForm(months=lock_choices(enterprise)),
                "reopen_form": reopen_form or ReopenForm(months=reopen_choices(enterprise)),
                "can_lock": self.can("lock"),
                "can_close": self.can("close"),
                "years": years,
                "close_url": reverse("books_periods:close"),
                "distribute_url": reverse("books_periods:distribute"),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        if not self.can("lock"):
            raise PermissionDenied
        action = request.POST.get("action")
        enterprise = self.enterprise
        if action == "lock":
            form = LockForm(request.POST, months=lock_choices(enterprise))
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(lock_form=form))
            period_lock(enterprise=enterprise, lock_date=form.lock_date, user=request.user)
            messages.success(
                request,
                _("The books are locked up to %(date)s.") % {"date": local_date(form.lock_date)},
            )
        elif action == "reopen":
            form = ReopenForm(request.POST, months=reopen_choices(enterprise))
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(reopen_form=form))
            try:
                period_lock(
                    enterprise=enterprise,
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


class YearCloseView(PeriodsMixin, TemplateView):
    permission_required = "add"
    needs = "close"
    template_name = "bumdes/admin/year_close.html"
    page_title = gettext_lazy("Close a year")
    header_icon = "lock"

    def years(self) -> list[int]:
        closed = closed_years(self.enterprise)
        this_year = today(self.enterprise).year
        return [
            y for y in reversed(entry_years(self.enterprise)) if y < this_year and y not in closed
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        years = self.years()
        form = YearForm(self.request.GET or None, years=years)
        year = None
        if form.is_bound and form.is_valid():
            year = form.cleaned_data["year"]
        elif years:
            year = years[0]
            form = YearForm(initial={"year": year}, years=years)
        preview = None
        if year is not None:
            start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
            report = income_statement(self.enterprise, start=start, end=end)
            sections = report.sections
            revenue = sections["revenue"].current + sections["other_income"].current
            costs = (
                sections["deductions"].current
                + sections["cost"].current
                + sections["operating"].current
                + sections["other_expense"].current
            )
            net = report.net_profit.current
            lock = self.enterprise.lock_date
            preview = {
                "year": year,
                "end": local_date(end),
                "revenue": rupiah(revenue),
                "costs": rupiah(costs),
                "net": rupiah(abs(net)),
                "profit": net > 0,
                "loss": net < 0,
                "blocked": bool(lock and lock >= end),
                "report_url": reverse("books_reports:report", args=["income-statement"])
                + f"?date_from={start.isoformat()}&date_to={end.isoformat()}",
            }
        context.update({"form": form, "preview": preview, "years": years})
        return context

    def post(self, request, *args, **kwargs):
        form = YearForm(request.POST, years=self.years())
        if not form.is_valid() or request.POST.get("confirm") != "yes":
            messages.error(request, _("Choose a year that has ended and is not closed yet."))
            return redirect(reverse("books_periods:close"))
        year = form.cleaned_data["year"]
        try:
            year_close(enterprise=self.enterprise, year=year, user=request.user)
        except LedgerError as error:
            messages.error(request, str(error.message))
            return redirect(reverse("books_periods:close") + f"?year={year}")
        messages.success(
            request,
            _("The year %(year)d is closed; the books are locked up to %(date)s.")
            % {"year": year, "date": local_date(dt.date(year, 12, 31))},
        )
        return redirect(periods_url(self))


class DistributeView(PeriodsMixin, FormView):
    permission_required = "add"
    needs = "distribute"
    template_name = "bumdes/admin/distribute.html"
    form_class = DistributeForm
    page_title = gettext_lazy("Distribute the profit")
    header_icon = "group"

    def years(self) -> list[int]:
        """Closed years with a profit that is not distributed yet, newest first."""
        distributed = distributions(self.enterprise)
        return [
            year
            for year in sorted(closed_years(self.enterprise), reverse=True)
            if year not in distributed and year_profit(self.enterprise, year) > 0
        ]

    def chosen_year(self) -> int | None:
        years = self.years()
        raw = self.request.POST.get("year") or self.request.GET.get("year")
        try:
            year = int(raw) if raw else None
        except ValueError:
            year = None
        if year in years:
            return year
        return years[0] if years and raw is None else None

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "enterprise": self.enterprise}

    def get_initial(self):
        return {"year": self.chosen_year()}

    def shares(self, profit: int) -> list[dict]:
        enterprise = self.enterprise
        rows = [
            (_("Village share (PADes)"), "2.1.07.01", enterprise.share_village_percent),
            (_("Reserves"), "3.2.01.01", enterprise.share_reserve_percent),
            (_("Community investors"), "2.1.07.02", enterprise.share_investors_percent),
        ]
        return [
            {
                "label": label,
                "account": code,
                "percent": percent,
                "amount": rupiah(percent_of(profit, percent)),
            }
            for label, code, percent in rows
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = self.chosen_year()
        preview = None
        if year is not None:
            profit = year_profit(self.enterprise, year)
            shares = self.shares(profit)
            percent = sum(row["percent"] for row in shares)
            distributed = percent_of(profit, percent)
            preview = {
                "year": year,
                "profit": rupiah(profit),
                "shares": shares,
                "percent": percent,
                "distributed": rupiah(distributed),
                "kept": rupiah(profit - distributed),
                "valid": 0 < percent <= 100,
            }
        context.update(
            {
                "years": self.years(),
                "year": year,
                "preview": preview,
                "done": [
                    {"year": y, "url": reverse("books_journal:inspect", args=[e.pk])}
                    for y, e in sorted(distributions(self.enterprise).items(), reverse=True)
                ],
                "settings_url": reverse(
                    "wagtailsnippets_bumdes_enterprise:edit", args=[self.enterprise.pk]
                )
                if self.request.user.is_superuser
                else "",
            }
        )
        return context

    def form_valid(self, form):
        year = form.cleaned_data["year"]
        if year not in self.years():
            form.add_error(None, _("Choose a closed year with a profit not yet distributed."))
            return self.form_invalid(form)
        try:
            entry = profit_distribute(
                enterprise=self.enterprise,
                year=year,
                decision_number=form.cleaned_data["decision_number"],
                decision_date=form.cleaned_data["decision_date"],
                user=self.request.user,
            )
        except LedgerError as error:
            form.add_error(None, str(error.message))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("The profit of %(year)d is distributed: entry No. %(number)s.")
            % {"year": year, "number": entry.pk},
        )
        return redirect(reverse("books_journal:inspect", args=[entry.pk]))


class PeriodsViewSet(ViewSet):
    name = "books_periods"
    url_prefix = "books/periods"
    icon = "lock"
    menu_label = gettext_lazy("Periods")
    menu_name = "books-periods"

    @property
    def menu_item_class(self):
        return permission_menu_item(LockDateChange, "view")

    def get_urlpatterns(self):
        return [
            path("", PeriodsView.as_view(), name="index"),
            path("close/", YearCloseView.as_view(), name="close"),
            path("distribute/", DistributeView.as_view(), name="distribute"),
        ]
