"""Buku Besar for one account: choose an account of the chart and a period (and a business unit)
to see the balance at the start, every line with the balance after it, and the balance at the end
— the reports module's general ledger (`bumdes.reports.general_ledger`), on screen."""

import datetime as dt

from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.viewsets.base import ViewSet

from bumdes.admin.base import BooksMixin, today
from bumdes.admin.forms import LedgerForm
from bumdes.admin.menus import permission_menu_item
from bumdes.models import Account, JournalEntry
from bumdes.reports import NO_UNIT, general_ledger
from core.formats import local_date, rupiah


def unit_from(enterprise, slug: str):
    """'' → every unit; '-' → lines without a unit; a slug → that unit of the enterprise."""
    if not slug:
        return None
    if slug == NO_UNIT:
        return NO_UNIT
    return enterprise.units.filter(slug=slug).first()


def period_data(request, *, enterprise, start: dt.date | None) -> dict:
    """The GET data with the default period filled in (1 January to the BUMDes's today)."""
    data = request.GET.copy()
    end = today(enterprise)
    if not data.get("date_to"):
        data["date_to"] = end.isoformat()
    if not data.get("date_from") and start is not None:
        data["date_from"] = start.isoformat()
    return data


class AccountLedgerView(BooksMixin, TemplateView):
    model = JournalEntry
    permission_required = "view"
    template_name = "bumdes/admin/ledger.html"
    page_title = gettext_lazy("Account ledger")
    header_icon = "table"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        enterprise = self.enterprise
        accounts = list(
            Account.objects.filter(enterprise=enterprise, is_header=False).order_by("code")
        )
        this_year = today(enterprise).year
        data = period_data(self.request, enterprise=enterprise, start=dt.date(this_year, 1, 1))
        form = LedgerForm(data, enterprise=enterprise, accounts=accounts)
        account = None
        rows = []
        if form.is_valid() and form.cleaned_data["account"]:
            code = form.cleaned_data["account"]
            end = form.cleaned_data["date_to"] or today(enterprise)
            start = form.cleaned_data["date_from"] or dt.date(end.year, 1, 1)
            unit = unit_from(enterprise, form.cleaned_data["unit"])
            report = general_ledger(enterprise, start=start, end=end, account=code, unit=unit)
            chosen = next(a for a in accounts if a.code == code)
            found = report.accounts[0] if report.accounts else None
            account = {
                "code": chosen.code,
                "name": chosen.name,
                "normal": _("debit") if chosen.debit_normal else _("credit"),
                "period": f"{local_date(start)} – {local_date(end)}",
                "opening": rupiah(found.opening if found else 0),
                "debit": rupiah(found.debit if found else 0),
                "credit": rupiah(found.credit if found else 0),
                "closing": rupiah(found.closing if found else 0),
                "prior_closing": rupiah(found.prior_closing) if found else "",
                "prior_label": report.scope.prior.label,
                "unit": report.scope.unit,
            }
            for line in found.lines if found else []:
                rows.append(
                    {
                        "date": local_date(line.date),
                        "number": line.entry_id,
                        "url": reverse("books_journal:inspect", args=[line.entry_id]),
                        "memo": line.memo,
                        "details": " · ".join(
                            x for x in (line.counterparty, line.booking_ref, line.unit) if x
                        ),
                        "debit": rupiah(line.debit) if line.debit else "",
                        "credit": rupiah(line.credit) if line.credit else "",
                        "balance": rupiah(line.balance),
                    }
                )
        context.update({"form": form, "account": account, "rows": rows})
        return context


class AccountLedgerViewSet(ViewSet):
    name = "books_ledger"
    url_prefix = "books/ledger"
    icon = "table"
    menu_label = gettext_lazy("Account ledger")
    menu_name = "books-ledger"

    @property
    def menu_item_class(self):
        return permission_menu_item(JournalEntry, "view")

    def get_urlpatterns(self):
        return [path("", AccountLedgerView.as_view(), name="index")]
