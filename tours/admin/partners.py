"""The "Partners" screens of a BUMDes's managers and treasurers: the partners with an agreement
with their BUMDes (status, terms, settlement, balance owed either way), a partner's detail (its
terms, its bookings here, the month's statement and the balance), approve and suspend (managers),
the terms (managers) and recording a settlement (treasurers and managers, the books' "add").
Another BUMDes's agreement is a 404.
"""

import datetime as dt
from uuid import uuid4

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View
from wagtail.admin import messages
from wagtail.admin.viewsets.base import ViewSet

from bumdes.admin.base import BooksMixin, breadcrumbs, today
from bumdes.admin.menus import permission_menu_item
from bumdes.admin.permissions import scoped
from bumdes.manual import ManualEntryInvalid
from bumdes.models import JournalEntry, Role
from bumdes.services import user_roles
from core.formats import rupiah
from tours.admin.partner_forms import AgreementTermsForm, SettlementForm
from tours.models import Booking, PartnerAgreement
from tours.partners.accounts import (
    agreement_approve,
    agreement_suspend,
    agreement_tour_terms_set,
)
from tours.partners.books import agreement_balance, settlement_record
from tours.partners.statements import statement_context, statement_for


def is_manager(user, agreement: PartnerAgreement) -> bool:
    return user.is_superuser or Role.MANAGER in user_roles(user, agreement.enterprise)


def detail_url(agreement: PartnerAgreement, day: dt.date | None = None) -> str:
    url = reverse("partners:detail", args=[agreement.pk])
    return f"{url}?month={day.year}-{day.month:02d}" if day else url


class PartnersView(BooksMixin, TemplateView):
    model = JournalEntry
    template_name = "tours/admin/partners.html"
    page_title = gettext_lazy("Partners")
    header_icon = "group"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        agreements = PartnerAgreement.objects.filter(enterprise=self.enterprise).select_related(
            "partner", "counterparty"
        )
        rows = []
        for agreement in agreements:
            balance = agreement_balance(agreement)
            rows.append(
                {
                    "agreement": agreement,
                    "url": detail_url(agreement),
                    "receivable": rupiah(balance.receivable),
                    "payable": rupiah(balance.payable),
                }
            )
        context["rows"] = rows
        return context


class AgreementMixin(BooksMixin):
    """A screen of one agreement: 403 without the books' permission, 404 outside the user's
    BUMDes."""

    model = JournalEntry

    def dispatch(self, request, *args, **kwargs):
        if not self.user_has_permission(self.permission_required):
            raise PermissionDenied
        agreements = PartnerAgreement.objects.select_related(
            "partner", "enterprise", "counterparty"
        )
        self.agreement = get_object_or_404(scoped(agreements, request.user), pk=kwargs["pk"])
        self.enterprise = self.agreement.enterprise
        return super(BooksMixin, self).dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.agreement.partner.name

    def get_breadcrumbs_items(self):
        return breadcrumbs(self, (reverse("partners:index"), _("Partners")))


class PartnerDetailView(AgreementMixin, TemplateView):
    template_name = "tours/admin/partner_detail.html"
    page_title = gettext_lazy("Partner")
    header_icon = "group"

    def _month(self) -> tuple[int, int]:
        text = self.request.GET.get("month", "")
        try:
            year, month = (int(part) for part in text.split("-"))
            dt.date(year, month, 1)
        except ValueError:
            day = today(self.enterprise)
            return day.year, day.month
        return year, month

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        agreement = self.agreement
        balance = agreement_balance(agreement)
        statement = statement_for(agreement, *self._month())
        bookings = (
            Booking.objects.filter(partner_id=agreement.partner_id, enterprise=self.enterprise)
            .select_related("departure__tour")
            .order_by("-departure__starts_at")[:50]
        )
        context.update(statement_context(statement, lambda day: detail_url(agreement, day)))
        context.update(
            {
                "agreement": agreement,
                "receivable": rupiah(balance.receivable),
                "payable": rupiah(balance.payable),
                "partner_bookings": bookings,
                "is_manager": is_manager(self.request.user, agreement),
                "may_settle": self.user_has_permission("add"),
                "status_url": reverse("partners:status", args=[agreement.pk]),
                "terms_url": reverse("partners:terms", args=[agreement.pk]),
                "settle_url": reverse("partners:settle", args=[agreement.pk]),
            }
        )
        return context


class AgreementStatusView(AgreementMixin, View):
    """Approve or suspend the agreement (POST, managers only)."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        agreement = self.agreement
        if not is_manager(request.user, agreement):
            raise PermissionDenied
        if request.POST.get("action") == "approve":
            agreement_approve(agreement=agreement, user=request.user)
            messages.success(request, _("%(name)s may now sell.") % {"name": agreement.partner})
        elif request.POST.get("action") == "suspend":
            agreement_suspend(agreement=agreement)
            messages.warning(request, _("%(name)s is suspended.") % {"name": agreement.partner})
        return redirect(detail_url(agreement))


class AgreementTermsView(AgreementMixin, FormView):
    template_name = "tours/admin/partner_form.html"
    form_class = AgreementTermsForm
    page_title = gettext_lazy("Partner's terms")
    header_icon = "edit"

    def get_form_kwargs(self):
        if not is_manager(self.request.user, self.agreement):
            raise PermissionDenied
        return {**super().get_form_kwargs(), "instance": self.agreement}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "back_url": detail_url(self.agreement)}

    def form_valid(self, form):
        form.save()
        agreement_tour_terms_set(
            agreement=self.agreement,
            commissions=form.tour_commissions(),
            net_rates=form.net_rates(),
        )
        messages.success(self.request, _("The terms are saved."))
        return redirect(detail_url(self.agreement))


class SettlementView(AgreementMixin, FormView):
    permission_required = "add"
    template_name = "tours/admin/partner_form.html"
    form_class = SettlementForm
    page_title = gettext_lazy("Record a settlement")
    header_icon = "arrow-down-big"

    def get_initial(self):
        direction = "from_partner" if self.agreement.on_account else "to_partner"
        return {"direction": direction, "date": today(self.enterprise), "key": uuid4().hex[:12]}

    def get_context_data(self, **kwargs):
        balance = agreement_balance(self.agreement)
        return {
            **super().get_context_data(**kwargs),
            "back_url": detail_url(self.agreement),
            "receivable": rupiah(balance.receivable),
            "payable": rupiah(balance.payable),
        }

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            _entry, created = settlement_record(
                agreement=self.agreement, user=self.request.user, **data
            )
        except ManualEntryInvalid as error:
            field = error.field if error.field in form.fields else None
            form.add_error(field, str(error.message))
            return self.form_invalid(form)
        if created:
            messages.success(
                self.request, _("%(amount)s is recorded.") % {"amount": rupiah(data["amount"])}
            )
        return redirect(detail_url(self.agreement))


class PartnersViewSet(ViewSet):
    name = "partners"
    icon = "group"
    menu_label = gettext_lazy("Partners")
    menu_name = "partners"
    menu_order = 165
    add_to_admin_menu = True

    @property
    def menu_item_class(self):
        return permission_menu_item(JournalEntry, "view")

    def get_urlpatterns(self):
        return [
            path("", PartnersView.as_view(), name="index"),
            path("<int:pk>/", PartnerDetailView.as_view(), name="detail"),
            path("<int:pk>/status/", AgreementStatusView.as_view(), name="status"),
            path("<int:pk>/terms/", AgreementTermsView.as_view(), name="terms"),
            path("<int:pk>/settle/", SettlementView.as_view(), name="settle"),
        ]
