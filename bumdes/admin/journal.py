"""Jurnal Umum in the admin: the entries with their lines, filters (date, account, business unit,
booking reference, source), one entry's page (lines, source, who posted and approved it, the
reversal links) and its one action, "Reverse": a mirror entry dated in an open period with a
reason (`journal_entry_reverse`). Entries are never edited or deleted.
"""

import django_filters
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import NoReverseMatch, path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import policy_registry

from bumdes.admin.base import EnterpriseFilterSet, breadcrumbs, today
from bumdes.admin.forms import ReverseForm
from bumdes.admin.permissions import ServiceOnlyViewSetMixin, scoped
from bumdes.ledger import LedgerError, journal_entry_reverse
from bumdes.models import (
    Account,
    BusinessUnit,
    Enterprise,
    JournalEntry,
    JournalLine,
    ManualEntry,
    Side,
)
from core.formats import local_date, local_time, rupiah, short_date

SOURCES = {
    "payment": gettext_lazy("Payment received"),
    "payment_fee": gettext_lazy("Payment fee"),
    "delivery": gettext_lazy("Service delivered"),
    "cancellation": gettext_lazy("Cancellation"),
    "refund": gettext_lazy("Refund"),
    "counterparty_payment": gettext_lazy("Payment to a community member or partner"),
    "partner_delivery": gettext_lazy("Partner's booking delivered"),
    "partner_settlement": gettext_lazy("Settlement from a partner"),
    "capital": gettext_lazy("Village capital"),
    "manual": gettext_lazy("Manual entry"),
    "reversal": gettext_lazy("Reversal"),
    "year_close": gettext_lazy("Year-end closing"),
    "year_close_result": gettext_lazy("Result of the year"),
    "profit_distribution": gettext_lazy("Profit distribution"),
    "payout": gettext_lazy("Payout"),
}
# Closing entries are undone by nothing but a new year's books; they are never reversed by hand.
NOT_REVERSIBLE = {"year_close", "year_close_result"}


def source_label(source_type: str) -> str:
    return str(SOURCES.get(source_type, source_type.replace("_", " ")))


def scoped_entries(user):
    lines = JournalLine.objects.select_related("account", "unit", "counterparty").order_by("pk")
    return (
        scoped(JournalEntry.objects.all(), user)
        .select_related("enterprise", "created_by", "approved_by", "reverses")
        .prefetch_related(Prefetch("lines", queryset=lines))
    )


def entry_total(entry: JournalEntry) -> int:
    return sum(line.amount for line in entry.lines.all() if line.side == Side.DEBIT)


def booking_url(reference: str) -> str:
    """The bookings list searched for this reference (the sales side's screen), if it exists."""
    try:
        return reverse("bookings:index") + f"?q={reference}"
    except NoReverseMatch:
        return ""


# The list ---------------------------------------------------------------------------------------


class JournalFilterSet(EnterpriseFilterSet):
    date = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Date"), field_name="date", widget=DateRangePickerWidget
    )
    account = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Account"),
        field_name="lines__account",
        distinct=True,
        queryset=lambda request: scoped(
            Account.objects.filter(is_header=False), request.user
        ).order_by("enterprise__name", "code"),
    )
    unit = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Business unit"),
        field_name="lines__unit",
        distinct=True,
        queryset=lambda request: scoped(BusinessUnit.objects.all(), request.user).select_related(
            "enterprise"
        ),
    )
    booking = django_filters.CharFilter(
        label=gettext_lazy("Booking reference"), method="filter_booking"
    )
    source = django_filters.ChoiceFilter(
        label=gettext_lazy("Source"),
        field_name="source_type",
        choices=list(SOURCES.items()),
        empty_label=gettext_lazy("All"),
    )

    class Meta:
        model = JournalEntry
        fields = []

    def filter_booking(self, queryset, name, value):
        value = value.strip().upper()
        if not value:
            return queryset
        return queryset.filter(lines__booking_ref__icontains=value).distinct()


class LinesColumn(Column):
    """An entry's lines in one cell: debits first, credits indented, as in a paper journal; the
    heading names the account, debit and credit columns inside it."""

    header_template_name = "bumdes/admin/cells/lines_header.html"
    cell_template_name = "bumdes/admin/cells/lines_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["lines"] = [
            {
                "debit": line.side == Side.DEBIT,
                "account": line.account,
                "amount": rupiah(line.amount),
            }
            for line in instance.lines.all()
        ]
        return context


class JournalIndexView(generic.IndexView):
    filterset_class = JournalFilterSet
    search_fields = ["memo", "source_ref"]
    search_backend_name = None
    default_ordering = "-date"
    page_title = gettext_lazy("Journal")

    def get_base_queryset(self):
        return scoped_entries(self.request.user)

    def order_queryset(self, queryset):
        queryset = super().order_queryset(queryset)
        # Entries of one day in the order they were posted.
        return queryset.order_by(*queryset.query.order_by, "-pk")

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        query = self.search_query.strip()
        match = Q(memo__icontains=query) | Q(source_ref__icontains=query)
        if query.isdigit():
            match |= Q(pk=int(query))
        return queryset.filter(match)

    @cached_property
    def columns(self):
        columns = [
            TitleColumn(
                "date",
                label=_("Date"),
                accessor=lambda e: short_date(e.date),
                url_name="books_journal:inspect",
                sort_key="date",
                classname="desa-nowrap",
            ),
            Column("pk", label=_("No."), sort_key="pk"),
            Column("memo", label=_("Description")),
            LinesColumn("lines", label=_("Lines"), accessor=lambda e: ""),
            Column(
                "total",
                label=_("Amount"),
                accessor=lambda e: rupiah(entry_total(e)),
                classname="desa-num",
            ),
            Column("source", label=_("Source"), accessor=lambda e: source_label(e.source_type)),
        ]
        if self.request.user.is_superuser:
            columns.append(Column("enterprise", label=_("BUMDes")))
        return columns


# One entry --------------------------------------------------------------------------------------


def can_reverse(user, entry: JournalEntry) -> bool:
    policy = policy_registry.get_by_type(JournalEntry)
    return (
        policy.user_has_permission_for_instance(user, "add", entry)
        and entry.source_type not in NOT_REVERSIBLE
        and not hasattr(entry, "reversed_by")
    )


class JournalInspectView(generic.InspectView):
    template_name = "bumdes/admin/journal_inspect.html"
    page_title = gettext_lazy("Journal entry")

    def get_object(self, queryset=None):
        return get_object_or_404(scoped_entries(self.request.user), pk=self.pk)

    def get_page_subtitle(self):
        return _("No. %(number)s") % {"number": self.object.pk}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entry = self.object
        lines = list(entry.lines.all())
        reversed_by = JournalEntry.objects.filter(reverses=entry).first()
        approved_by = entry.approved_by
        manual = None
        if entry.source_type == "manual":
            manual = (
                ManualEntry.objects.filter(entry=entry)
                .select_related("proposed_by", "decided_by")
                .first()
            )
            if approved_by is None and manual is not None:
                approved_by = manual.decided_by
        context.update(
            {
                "entry": entry,
                "date": local_date(entry.date),
                "source": source_label(entry.source_type),
                "lines": [
                    {
                        "line": line,
                        "debit": rupiah(line.amount) if line.side == Side.DEBIT else "",
                        "credit": rupiah(line.amount) if line.side == Side.CREDIT else "",
                        "booking_url": booking_url(line.booking_ref) if line.booking_ref else "",
                    }
                    for line in lines
                ],
                "total": rupiah(entry_total(entry)),
                "posted_by": get_user_display_name(entry.created_by) if entry.created_by else "",
                "posted_at": (
                    f"{local_date(entry.created_at, zone=entry.enterprise.zone)}, "
                    f"{local_time(entry.created_at, zone=entry.enterprise.zone)}"
                ),
                "approved_by": get_user_display_name(approved_by) if approved_by else "",
                "manual": manual,
                "manual_url": reverse("books_manual:inspect", args=[manual.pk]) if manual else "",
                "reverses_url": reverse("books_journal:inspect", args=[entry.reverses_id])
                if entry.reverses_id
                else "",
                "reversed_by": reversed_by,
                "reversed_by_url": reverse("books_journal:inspect", args=[reversed_by.pk])
                if reversed_by
                else "",
                "can_reverse": can_reverse(self.request.user, entry),
                "reverse_url": reverse("books_journal:reverse", args=[quote(entry.pk)]),
                "show_enterprise": self.request.user.is_superuser,
            }
        )
        return context


class JournalReverseView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """Reverse an entry: its mirror image, dated today or later than the lock date, with a
    reason written in the new entry's description."""

    model = JournalEntry
    permission_required = "add"
    template_name = "bumdes/admin/journal_reverse.html"
    form_class = ReverseForm
    page_title = gettext_lazy("Reverse entry")
    header_icon = "rotate"

    def dispatch(self, request, *args, **kwargs):
        if not self.user_has_permission(self.permission_required):
            raise PermissionDenied
        self.object = get_object_or_404(scoped_entries(request.user), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def inspect_url(self):
        return reverse("books_journal:inspect", args=[quote(self.object.pk)])

    def get_page_subtitle(self):
        return _("No. %(number)s") % {"number": self.object.pk}

    def get_breadcrumbs_items(self):
        return breadcrumbs(
            self,
            (reverse("books_journal:index"), _("Journal")),
            (self.inspect_url(), _("No. %(number)s") % {"number": self.object.pk}),
        )

    def get_form_kwargs(self):
        enterprise = Enterprise.objects.get(pk=self.object.enterprise_id)
        return {**super().get_form_kwargs(), "enterprise": enterprise}

    def get_initial(self):
        return {"date": today(self.object.enterprise)}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entry = self.object
        context.update(
            {
                "entry": entry,
                "date": local_date(entry.date),
                "total": rupiah(entry_total(entry)),
                "lines": list(entry.lines.all()),
                "inspect_url": self.inspect_url(),
                "reversible": can_reverse(self.request.user, entry),
                "closing": entry.source_type in NOT_REVERSIBLE,
            }
        )
        return context

    def form_valid(self, form):
        if not can_reverse(self.request.user, self.object):
            messages.error(self.request, _("This entry cannot be reversed."))
            return redirect(self.inspect_url())
        try:
            reversal = journal_entry_reverse(
                entry=self.object,
                date=form.cleaned_data["date"],
                reason=form.cleaned_data["reason"],
                user=self.request.user,
            )
        except LedgerError as error:
            form.add_error(None, str(error.message))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Entry No. %(number)s is reversed by entry No. %(reversal)s.")
            % {"number": self.object.pk, "reversal": reversal.pk},
        )
        return redirect(reverse("books_journal:inspect", args=[reversal.pk]))


class JournalViewSet(ServiceOnlyViewSetMixin, ModelViewSet):
    model = JournalEntry
    name = "books_journal"
    url_prefix = "books/journal"
    icon = "list-ul"
    menu_label = gettext_lazy("Journal")
    menu_name = "books-journal"
    index_view_class = JournalIndexView
    inspect_view_class = JournalInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    list_per_page = 40

    # Posted entries never change: no add, edit, delete, copy or history screens.
    closed_views = ("add", "edit", "delete", "history", "usage")

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("reverse/<int:pk>/", JournalReverseView.as_view(), name="reverse"),
        ]
