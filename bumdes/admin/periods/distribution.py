"""The profit distribution screen: for a closed year with a profit not yet distributed, the
enterprise's percentages (AD/ART) and the amounts are shown, the village meeting's decision
number and date are asked, and `profit_distribute` posts the split.
"""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin import messages

from bumdes.admin.forms import DistributeForm
from bumdes.admin.periods.base import PeriodsMixin, closed_years, distributions
from bumdes.ledger import LedgerError
from bumdes.periods import profit_distribute, profit_distribution_plan, year_profit
from core.formats import rupiah


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

    def distribution_preview(self, year: int) -> dict:
        """The year's profit, each share and what is kept, before anything is posted: the plan
        `profit_distribute` then posts."""
        plan = profit_distribution_plan(self.enterprise, year)
        return {
            "year": year,
            "profit": rupiah(plan.profit),
            "shares": [
                {
                    "label": share.label,
                    "account": share.account,
                    "percent": share.percent,
                    "amount": rupiah(share.amount),
                }
                for share in plan.shares
            ],
            "percent": plan.percent,
            "distributed": rupiah(plan.distributed),
            "kept": rupiah(plan.kept),
            "valid": 0 < plan.percent <= 100,
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = self.chosen_year()
        context.update(
            {
                "years": self.years(),
                "year": year,
                "preview": self.distribution_preview(year) if year is not None else None,
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
