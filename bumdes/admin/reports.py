"""The reports of the books on screen, laid out like the paper forms the village meeting knows
(Kepmendesa 136: Indonesian titles, the prior period beside each figure, the signature block at
the bottom of the printed page), with downloads in XLSX, CSV and PDF.

Every figure comes from `bumdes.reports` and every layout from `bumdes.exports` (the same
document the downloads and `manage.py bumdes_report` print), so the screen, the spreadsheet and
the PDF always agree. Revenue and impact get a bar chart by month above their tables.
"""

import datetime as dt
from dataclasses import dataclass

from django.http import Http404, HttpResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.viewsets.base import ViewSet

from bumdes import reports
from bumdes.admin.base import BooksMixin, breadcrumbs, today
from bumdes.admin.charts import bar_chart
from bumdes.admin.forms import LedgerForm, PeriodForm
from bumdes.admin.ledger import unit_from
from bumdes.admin.menus import permission_menu_item
from bumdes.exports import document_for, file_name, render
from bumdes.exports.document import signature_lines
from bumdes.models import Account, JournalEntry
from core.formats import rupiah

DOWNLOADS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "pdf": "application/pdf",
}


@dataclass(frozen=True)
class ReportKind:
    slug: str
    title: str  # in Indonesian, as on the forms
    description: str
    group: str
    as_of: bool = False  # one date: the position at the end of the day
    open_start: bool = False  # no "from": since the books began


STATEMENTS = gettext_lazy("Financial statements")
BOOKS = gettext_lazy("Books and ledgers")
OPERATIONS = gettext_lazy("Operations and impact")

KINDS = [
    ReportKind(
        "balance-sheet",
        "Laporan Posisi Keuangan",
        gettext_lazy("Balance sheet: what the BUMDes owns, owes, and its equity, on a date."),
        STATEMENTS,
        as_of=True,
    ),
    ReportKind(
        "income-statement",
        "Laporan Laba Rugi",
        gettext_lazy("Income statement: revenue, expenses and the profit of a period."),
        STATEMENTS,
    ),
    ReportKind(
        "equity",
        "Laporan Perubahan Ekuitas",
        gettext_lazy("Changes in equity: capital, reserves and retained earnings."),
        STATEMENTS,
    ),
    ReportKind(
        "cash-flow",
        "Laporan Arus Kas",
        gettext_lazy("Cash flow: money received and paid, by activity (direct method)."),
        STATEMENTS,
    ),
    ReportKind(
        "trial-balance",
        "Neraca Saldo",
        gettext_lazy("Trial balance: the balance of every account; debits equal credits."),
        BOOKS,
        open_start=True,
    ),
    ReportKind(
        "general-ledger",
        "Buku Besar",
        gettext_lazy("General ledger: every line of each account with its running balance."),
        BOOKS,
    ),
    ReportKind(
        "journal",
        "Jurnal Umum",
        gettext_lazy("General journal: the entries of a period, in date order."),
        BOOKS,
    ),
    ReportKind(
        "subledgers",
        "Buku Pembantu",
        gettext_lazy(
            "Sub-ledgers: unearned revenue per booking, receivables and payables per partner "
            "and per community member."
        ),
        BOOKS,
        as_of=True,
    ),
    ReportKind(
        "revenue",
        "Laporan Pendapatan",
        gettext_lazy("Revenue by experience, sales channel and month, with a chart."),
        OPERATIONS,
    ),
    ReportKind(
        "impact",
        "Laporan Pendapatan Mitra Komunitas",
        gettext_lazy(
            "Impact: income earned and paid to community members by month, returned migrant "
            "workers and gender."
        ),
        OPERATIONS,
    ),
]
KIND_BY_SLUG = {kind.slug: kind for kind in KINDS}


def build_report(kind: ReportKind, enterprise, *, start, end, unit, account=None):
    """The report's data from `bumdes.reports` (as `manage.py bumdes_report` builds it)."""
    if kind.slug == "balance-sheet":
        return reports.balance_sheet(enterprise, date=end, unit=unit)
    if kind.slug == "income-statement":
        return reports.income_statement(enterprise, start=start, end=end, unit=unit)
    if kind.slug == "equity":
        return reports.equity_changes(enterprise, start=start, end=end, unit=unit)
    if kind.slug == "cash-flow":
        return reports.cash_flow(enterprise, start=start, end=end, unit=unit)
    if kind.slug == "trial-balance":
        return reports.trial_balance(enterprise, start=start, end=end, unit=unit)
    if kind.slug == "general-ledger":
        return reports.general_ledger(
            enterprise, start=start, end=end, account=account or None, unit=unit
        )
    if kind.slug == "journal":
        return reports.journal(enterprise, start=start, end=end, unit=unit)
    if kind.slug == "subledgers":
        return reports.subledgers(enterprise, date=end, unit=unit)
    if kind.slug == "revenue":
        return reports.revenue(enterprise, start=start, end=end, unit=unit)
    return reports.impact(enterprise, start=start, end=end, unit=unit)


def chart_for(kind: ReportKind, report):
    if kind.slug == "revenue":
        rows = [(row.label, row.current, row.prior) for row in report.by_month]
        title = _("Revenue by month")
    elif kind.slug == "impact":
        rows = [(row.label, row.earned, row.prior_earned) for row in report.by_month]
        title = _("Income earned by community members, by month")
    else:
        return ""
    scope = report.scope
    return bar_chart(
        rows, title=title, current_label=scope.period.label, prior_label=scope.prior.label
    )


def document_context(document) -> dict:
    """The document's tables as cells ready for the template (rupiah in money columns)."""
    tables = []
    for table in document.tables:
        rows = []
        for row in table.rows:
            cells = []
            for column, value in zip(table.columns, row.cells, strict=True):
                if column.money:
                    count = column.label.startswith("Jumlah orang")  # people, not rupiah
                    text = "" if value is None else (str(value) if count else rupiah(value))
                    cells.append({"text": text, "num": True, "negative": (value or 0) < 0})
                else:
                    text = str(value)
                    cells.append({"text": text.strip(), "indent": text.startswith("    ")})
            rows.append({"cells": cells, "style": row.style})
        tables.append(
            {
                "heading": table.heading,
                "columns": [
                    {"label": c.label, "num": c.money, "code": c.label in ("Kode", "No.")}
                    for c in table.columns
                ],
                "rows": rows,
            }
        )
    return {
        "header": document.header,
        "title": document.title,
        "tables": tables,
        "signatures": signature_lines(document),
    }


class ReportsIndexView(BooksMixin, TemplateView):
    model = JournalEntry
    permission_required = "view"
    template_name = "bumdes/admin/reports_index.html"
    page_title = gettext_lazy("Financial reports")
    header_icon = "doc-full-inverse"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        groups: dict[str, list] = {}
        for kind in KINDS:
            groups.setdefault(str(kind.group), []).append(
                {
                    "kind": kind,
                    "url": reverse("books_reports:report", args=[kind.slug]),
                }
            )
        context["groups"] = groups
        return context


class ReportView(BooksMixin, TemplateView):
    model = JournalEntry
    permission_required = "view"
    template_name = "bumdes/admin/report.html"
    header_icon = "doc-full-inverse"

    def dispatch(self, request, *args, **kwargs):
        self.kind = KIND_BY_SLUG.get(kwargs["slug"])
        if self.kind is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.kind.title

    def get_breadcrumbs_items(self):
        return breadcrumbs(self, (reverse("books_reports:index"), _("Financial reports")))

    def form(self):
        enterprise = self.enterprise
        end = today(enterprise)
        data = self.request.GET.copy()
        data.setdefault("date_to", end.isoformat())
        if not self.kind.as_of and not self.kind.open_start:
            data.setdefault("date_from", dt.date(end.year, 1, 1).isoformat())
        if self.kind.slug == "general-ledger":
            accounts = Account.objects.filter(enterprise=enterprise, is_header=False)
            form = LedgerForm(data, enterprise=enterprise, accounts=accounts.order_by("code"))
            form.fields["account"].choices[0] = ("", _("All accounts"))
        else:
            form = PeriodForm(data, enterprise=enterprise)
        if self.kind.as_of:
            del form.fields["date_from"]
            form.fields["date_to"].label = _("On")
        return form

    def get(self, request, *args, **kwargs):
        form = self.form()
        report = None
        if form.is_valid():
            data = form.cleaned_data
            end = data["date_to"] or today(self.enterprise)
            start = data.get("date_from")
            if start is None and not self.kind.open_start:
                start = dt.date(end.year, 1, 1)
            unit = unit_from(self.enterprise, data.get("unit", ""))
            report = build_report(
                self.kind,
                self.enterprise,
                start=start,
                end=end,
                unit=unit,
                account=data.get("account"),
            )
            fmt = request.GET.get("format")
            if fmt in DOWNLOADS:
                return self.download(report, fmt)
        return self.render_to_response(self.get_context_data(form=form, report=report))

    def download(self, report, fmt: str) -> HttpResponse:
        content = render(report, fmt)
        if isinstance(content, str):
            content = content.encode("utf-8-sig")  # so that spreadsheets read the rupiah
        response = HttpResponse(content, content_type=DOWNLOADS[fmt])
        response["Content-Disposition"] = f'attachment; filename="{file_name(report, fmt)}"'
        return response

    def get_context_data(self, form=None, report=None, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("format", None)
        if self.request.user.is_superuser:
            query["enterprise"] = self.enterprise.slug
        downloads = []
        for fmt in ("pdf", "xlsx", "csv"):
            query["format"] = fmt
            downloads.append({"format": fmt.upper(), "url": "?" + query.urlencode()})
        context.update(
            {
                "kind": self.kind,
                "form": form,
                "report": report,
                "document": document_context(document_for(report)) if report else None,
                "chart": chart_for(self.kind, report) if report else "",
                "downloads": downloads if report else [],
                "unbalanced": report is not None and getattr(report, "balanced", True) is False,
            }
        )
        return context


class ReportsViewSet(ViewSet):
    name = "books_reports"
    url_prefix = "books/reports"
    icon = "doc-full-inverse"
    menu_label = gettext_lazy("Financial reports")
    menu_name = "books-reports"

    @property
    def menu_item_class(self):
        return permission_menu_item(JournalEntry, "view")

    def get_urlpatterns(self):
        return [
            path("", ReportsIndexView.as_view(), name="index"),
            path("<slug:slug>/", ReportView.as_view(), name="report"),
        ]
