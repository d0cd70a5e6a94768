"""The year close screen: choose a year that has ended and is not closed, see its result (the
income statement's figures), confirm, and `year_close` posts the closing and locks the year.
"""

import datetime as dt

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages

from bumdes.admin.base import today
from bumdes.admin.forms import YearForm
from bumdes.admin.periods.base import PeriodsMixin, closed_years, entry_years, periods_url
from bumdes.ledger import LedgerError
from bumdes.periods import year_close
from bumdes.reports import income_statement
from core.formats import local_date, rupiah


def year_preview(enterprise, year: int) -> dict:
    """What closing the year will move: its revenue, its costs and its net result."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    report = income_statement(enterprise, start=start, end=end)
    sections = report.sections
    revenue = sections["revenue"].current + sections["other_income"].current
    costs = (
        sections["deductions"].current
        + sections["cost"].current
        + sections["operating"].current
        + sections["other_expense"].current
    )
    net = report.net_profit.current
    lock = enterprise.lock_date
    return {
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
        preview = year_preview(self.enterprise, year) if year is not None else None
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
