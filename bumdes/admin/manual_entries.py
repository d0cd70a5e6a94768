"""Manual entries in the admin: propose an entry (date, description, lines), the list of
proposals (waiting first), and one proposal's page where a second person approves it (it is then
posted to the journal) or rejects it with a reason. The rules are `bumdes.manual`'s.
"""

import django_filters
from django import forms
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.db.models import Case, IntegerField, Value, When
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, View
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views import generic
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet

from bumdes import chart
from bumdes.admin.base import BooksMixin, EnterpriseFilterSet, breadcrumbs, lock_text, today
from bumdes.admin.forms import ManualEntryForm, ManualLineFormSet, RejectForm
from bumdes.admin.permissions import ServiceOnlyViewSetMixin, scoped
from bumdes.ledger import LedgerError
from bumdes.manual import (
    ManualEntryInvalid,
    is_officer,
    manual_entry_approve,
    manual_entry_lines,
    manual_entry_propose,
    manual_entry_reject,
    manual_entry_reject_reason,
)
from bumdes.models import Account, Enterprise, ManualEntry, Side
from core.formats import local_date, local_time, rupiah

Status = ManualEntry.Status
ROWS = 6


def scoped_manual_entries(user):
    return scoped(ManualEntry.objects.all(), user).select_related(
        "enterprise", "proposed_by", "decided_by", "entry"
    )


def manual_total(manual: ManualEntry) -> int:
    return sum(line["amount"] for line in manual.lines if line["side"] == Side.DEBIT)


def postable_accounts(enterprise: Enterprise):
    return (
        Account.objects.filter(enterprise=enterprise, is_header=False, is_active=True)
        .exclude(code=chart.INCOME_SUMMARY)
        .order_by("code")
    )


# The list ---------------------------------------------------------------------------------------


class ManualEntryFilterSet(EnterpriseFilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=Status.choices,
        widget=forms.RadioSelect,
        empty_label=gettext_lazy("All"),
    )

    class Meta:
        model = ManualEntry
        fields = []


class ManualEntryIndexView(generic.IndexView):
    filterset_class = ManualEntryFilterSet
    page_title = gettext_lazy("Manual entries")
    default_ordering = "-created_at"

    def get_base_queryset(self):
        # Waiting proposals first: they are the work to do.
        return scoped_manual_entries(self.request.user).annotate(
            waiting=Case(
                When(status=Status.PENDING, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )

    def order_queryset(self, queryset):
        queryset = super().order_queryset(queryset)
        return queryset.order_by("waiting", *queryset.query.order_by)

    @cached_property
    def add_item_label(self):
        return _("Propose an entry")

    @cached_property
    def columns(self):
        columns = [
            TitleColumn(
                "date",
                label=_("Date"),
                accessor=lambda m: local_date(m.date),
                url_name="books_manual:inspect",
                sort_key="date",
            ),
            Column("memo", label=_("Description")),
            Column(
                "total",
                label=_("Amount"),
                accessor=lambda m: rupiah(manual_total(m)),
                classname="desa-num",
            ),
            Column(
                "proposed_by",
                label=_("Proposed by"),
                accessor=lambda m: get_user_display_name(m.proposed_by),
            ),
            StatusTagColumn(
                "status",
                label=_("Status"),
                accessor="get_status_display",
                primary=lambda m: m.status == Status.PENDING,
            ),
        ]
        if self.request.user.is_superuser:
            columns.append(Column("enterprise", label=_("BUMDes")))
        return columns


# Propose ----------------------------------------------------------------------------------------


class ManualEntryCreateView(BooksMixin, FormView):
    model = ManualEntry
    permission_required = "add"
    template_name = "bumdes/admin/manual_form.html"
    form_class = ManualEntryForm
    page_title = gettext_lazy("Propose an entry")
    header_icon = "plus"

    def get_breadcrumbs_items(self):
        return breadcrumbs(self, (reverse("books_manual:index"), _("Manual entries")))

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "enterprise": self.enterprise}

    def get_initial(self):
        return {"date": today(self.enterprise)}

    @cached_property
    def formset(self):
        data = self.request.POST if self.request.method == "POST" else None
        try:
            rows = min(max(int(self.request.GET.get("rows", ROWS)), 2), 20)
        except ValueError:
            rows = ROWS
        return ManualLineFormSet(
            data,
            prefix="lines",
            initial=[{} for _ in range(rows)],
            accounts=list(postable_accounts(self.enterprise)),
            units=self.enterprise.units.order_by("name"),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = len(self.formset.forms)
        context.update(
            {
                "formset": self.formset,
                "lock_date": lock_text(self.enterprise),
                "more_rows_url": f"?rows={min(rows + 4, 20)}",
                "index_url": reverse("books_manual:index"),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        formset = self.formset
        if not (form.is_valid() and formset.is_valid()):
            return self.form_invalid(form)
        try:
            manual = manual_entry_propose(
                enterprise=self.enterprise,
                date=form.cleaned_data["date"],
                memo=form.cleaned_data["memo"],
                lines=formset.lines(),
                user=request.user,
            )
        except ManualEntryInvalid as error:
            field = error.field if error.field in form.fields else None
            form.add_error(field, str(error.message))
            return self.form_invalid(form)
        except LedgerError as error:
            form.add_error(None, str(error.message))
            return self.form_invalid(form)
        messages.success(
            request,
            _(
                "The entry is proposed. Another treasurer or the manager approves it before it is "
                "posted."
            ),
        )
        return redirect(reverse("books_manual:inspect", args=[manual.pk]))


# One proposal -----------------------------------------------------------------------------------


class ManualEntryInspectView(generic.InspectView):
    template_name = "bumdes/admin/manual_inspect.html"
    page_title = gettext_lazy("Manual entry")

    def get_object(self, queryset=None):
        return get_object_or_404(scoped_manual_entries(self.request.user), pk=self.pk)

    def get_page_subtitle(self):
        return self.object.memo

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        manual = self.object
        user = self.request.user
        lines = manual_entry_lines(manual)
        accounts = dict(
            Account.objects.filter(
                enterprise_id=manual.enterprise_id, code__in={line.account for line in lines}
            ).values_list("code", "name")
        )
        pending = manual.status == Status.PENDING
        can_decide = (
            pending
            and self.permission_policy.user_has_permission_for_instance(user, "change", manual)
            and is_officer(user, manual.enterprise)
        )
        context.update(
            {
                "manual": manual,
                "date": local_date(manual.date),
                "lines": [
                    {
                        "code": line.account,
                        "name": accounts.get(line.account, ""),
                        "unit": line.unit.name if line.unit else "",
                        "debit": rupiah(line.amount) if line.side == Side.DEBIT else "",
                        "credit": rupiah(line.amount) if line.side == Side.CREDIT else "",
                    }
                    for line in lines
                ],
                "total": rupiah(manual_total(manual)),
                "proposed_by": get_user_display_name(manual.proposed_by),
                "proposed_at": (
                    f"{local_date(manual.created_at, zone=manual.enterprise.zone)}, "
                    f"{local_time(manual.created_at, zone=manual.enterprise.zone)}"
                ),
                "decided_by": get_user_display_name(manual.decided_by) if manual.decided_by else "",
                "reject_reason": manual_entry_reject_reason(manual)
                if manual.status == Status.REJECTED
                else "",
                "entry_url": reverse("books_journal:inspect", args=[manual.entry_id])
                if manual.entry_id
                else "",
                "pending": pending,
                "can_approve": can_decide and user.pk != manual.proposed_by_id,
                "can_reject": can_decide,
                "own_proposal": user.pk == manual.proposed_by_id,
                "approve_url": reverse("books_manual:approve", args=[quote(manual.pk)]),
                "reject_url": reverse("books_manual:reject", args=[quote(manual.pk)]),
                "reject_form": RejectForm(),
                "show_enterprise": user.is_superuser,
            }
        )
        return context


class ManualEntryActionMixin(PermissionCheckedMixin):
    """A decision on one proposal of the user's own BUMDes (403 without the permission, else
    404 outside the BUMDes)."""

    model = ManualEntry
    permission_required = "change"
    http_method_names = ["post"]

    def dispatch(self, request, *args, **kwargs):
        if not self.user_has_permission(self.permission_required):
            raise PermissionDenied
        self.object = get_object_or_404(scoped_manual_entries(request.user), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def inspect_url(self):
        return reverse("books_manual:inspect", args=[quote(self.object.pk)])


class ManualEntryApproveView(ManualEntryActionMixin, View):
    def post(self, request, pk):
        try:
            manual = manual_entry_approve(manual_entry=self.object, user=request.user)
        except LedgerError as error:
            messages.error(request, str(error.message))
            return redirect(self.inspect_url())
        messages.success(
            request,
            _("Approved and posted: journal entry No. %(number)s.") % {"number": manual.entry_id},
        )
        return redirect(self.inspect_url())


class ManualEntryRejectView(ManualEntryActionMixin, View):
    def post(self, request, pk):
        form = RejectForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Say why the entry is rejected."))
            return redirect(self.inspect_url())
        try:
            manual_entry_reject(
                manual_entry=self.object, user=request.user, reason=form.cleaned_data["reason"]
            )
        except LedgerError as error:
            messages.error(request, str(error.message))
            return redirect(self.inspect_url())
        messages.success(request, _("The proposal is rejected; nothing was posted."))
        return redirect(self.inspect_url())


class ManualEntryViewSet(ServiceOnlyViewSetMixin, ModelViewSet):
    # Proposals are never edited (a new one is proposed) nor deleted (rejected instead).
    model = ManualEntry
    name = "books_manual"
    url_prefix = "books/manual"
    icon = "edit"
    menu_label = gettext_lazy("Manual entries")
    menu_name = "books-manual"
    index_view_class = ManualEntryIndexView
    inspect_view_class = ManualEntryInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    list_per_page = 30

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("new/", ManualEntryCreateView.as_view(), name="add"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("approve/<int:pk>/", ManualEntryApproveView.as_view(), name="approve"),
            path("reject/<int:pk>/", ManualEntryRejectView.as_view(), name="reject"),
        ]
