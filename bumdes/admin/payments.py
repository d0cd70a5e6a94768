"""Paying community members and partners: who is owed what (the balance of 2.1.01.90 or
2.1.01.91 per person, in one aggregate query) and a "Pay" form per person. The form carries a
key made when it is opened, so a double tap on a slow connection posts the payment once."""

from uuid import uuid4

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.viewsets.base import ViewSet
from wagtail.permissions import policy_registry

from bumdes.admin.base import BooksMixin, breadcrumbs, lock_text, today
from bumdes.admin.forms import PAYMENT_LABELS, PayForm
from bumdes.admin.menus import permission_menu_item
from bumdes.admin.permissions import scoped
from bumdes.manual import (
    ManualEntryInvalid,
    counterparties_owed,
    counterparty_owed,
    counterparty_pay,
    payable_account,
)
from bumdes.models import Counterparty, CounterpartyKind, JournalEntry, JournalLine, Side
from core.formats import local_date, rupiah


def payments_url(enterprise=None, request=None) -> str:
    url = reverse("books_payments:index")
    if request is not None and request.user.is_superuser and enterprise is not None:
        url += f"?enterprise={enterprise.slug}"
    return url


class PaymentsView(BooksMixin, TemplateView):
    model = JournalEntry
    permission_required = "view"
    template_name = "bumdes/admin/payments.html"
    page_title = gettext_lazy("Payments to community members and partners")
    header_icon = "arrow-right-full"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        show_all = bool(self.request.GET.get("all"))
        people = counterparties_owed(self.enterprise)
        if not show_all:
            people = people.filter(owed__gt=0)
        can_pay = policy_registry.get_by_type(JournalEntry).user_has_permission(
            self.request.user, "add"
        )
        rows = [
            {
                "person": person,
                "kind": person.get_kind_display(),
                "owed": rupiah(person.owed),
                "pay_url": reverse("books_payments:pay", args=[person.pk])
                if can_pay and person.owed > 0
                else "",
            }
            for person in people
        ]
        context.update(
            {
                "rows": rows,
                "show_all": show_all,
                "total": rupiah(sum(row["person"].owed for row in rows if row["person"].owed)),
            }
        )
        return context


class PayView(BooksMixin, FormView):
    model = JournalEntry
    permission_required = "add"
    template_name = "bumdes/admin/pay.html"
    form_class = PayForm
    page_title = gettext_lazy("Pay")
    header_icon = "arrow-right-full"

    def dispatch(self, request, *args, **kwargs):
        # The person decides the books (a superuser may pay for any BUMDes): 403, then 404.
        if not self.user_has_permission(self.permission_required):
            raise PermissionDenied
        self.counterparty = get_object_or_404(
            scoped(Counterparty.objects.select_related("enterprise"), request.user),
            pk=kwargs["pk"],
        )
        self.enterprise = self.counterparty.enterprise
        return super(BooksMixin, self).dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.counterparty.name

    def get_breadcrumbs_items(self):
        return breadcrumbs(
            self,
            (payments_url(self.enterprise, self.request), _("Payments")),
        )

    @property
    def owed(self) -> int:
        if not hasattr(self, "_owed"):
            self._owed = counterparty_owed(self.counterparty)
        return self._owed

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "owed": self.owed,
            "enterprise": self.enterprise,
        }

    def get_initial(self):
        return {"amount": self.owed or "", "date": today(self.enterprise), "key": uuid4().hex[:8]}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        payable = payable_account(self.counterparty)
        recent = (
            JournalLine.objects.filter(
                enterprise=self.enterprise,
                counterparty=self.counterparty,
                account__code=payable,
                side=Side.DEBIT,
            )
            .order_by("-date", "-entry_id")
            .values("date", "amount", "entry_id")[:5]
        )
        context.update(
            {
                "person": self.counterparty,
                "owed": rupiah(self.owed),
                "nothing_owed": self.owed <= 0,
                "payable": payable,
                "is_community": self.counterparty.kind == CounterpartyKind.COMMUNITY,
                "lock_date": lock_text(self.enterprise),
                "recent": [
                    {
                        "date": local_date(row["date"]),
                        "amount": rupiah(row["amount"]),
                        "url": reverse("books_journal:inspect", args=[row["entry_id"]]),
                    }
                    for row in recent
                ],
                "back_url": payments_url(self.enterprise, self.request),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        key = request.POST.get("key", "")[:40]
        if (
            key
            and JournalEntry.objects.filter(
                enterprise=self.enterprise,
                source_type="counterparty_payment",
                source_ref=f"pay-{self.counterparty.pk}-{key}",
            ).exists()
        ):
            # The same form sent twice (a double tap): the payment is posted already.
            messages.info(request, _("This payment is recorded already."))
            return redirect(payments_url(self.enterprise, request))
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            entry, created = counterparty_pay(
                enterprise=self.enterprise,
                counterparty=self.counterparty,
                amount=data["amount"],
                method=data["method"],
                date=data["date"],
                key=data["key"],
                user=self.request.user,
            )
        except ManualEntryInvalid as error:
            field = error.field if error.field in form.fields else None
            form.add_error(field, str(error.message))
            return self.form_invalid(form)
        if created:
            left = counterparty_owed(self.counterparty)
            messages.success(
                self.request,
                _(
                    "%(amount)s paid to %(name)s (%(method)s), entry No. %(number)s. Still owed: "
                    "%(left)s."
                )
                % {
                    "amount": rupiah(data["amount"]),
                    "name": self.counterparty.name,
                    "method": PAYMENT_LABELS[data["method"]].lower(),
                    "number": entry.pk,
                    "left": rupiah(left),
                },
            )
        else:
            messages.info(self.request, _("This payment is recorded already."))
        return redirect(payments_url(self.enterprise, self.request))


class PaymentsViewSet(ViewSet):
    name = "books_payments"
    url_prefix = "books/payments"
    icon = "arrow-right-full"
    menu_label = gettext_lazy("Payments")
    menu_name = "books-payments"

    @property
    def menu_item_class(self):
        return permission_menu_item(JournalEntry, "view")

    def get_urlpatterns(self):
        return [
            path("", PaymentsView.as_view(), name="index"),
            path("pay/<int:pk>/", PayView.as_view(), name="pay"),
        ]
