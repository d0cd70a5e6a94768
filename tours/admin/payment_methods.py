"""The BUMDes manager chooses how guests may pay: cash on arrival, bank transfer (with the bank
account guests transfer to, its SWIFT/BIC for guests abroad, and how many days a booking waits
for the money) and card payments online through the BUMDes's own Stripe account. Managers of
their own BUMDes only (superusers choose one); the other settings of a BUMDes stay with the
platform's superusers."""

from django import forms
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import UpdateView
from wagtail.admin import messages
from wagtail.admin.viewsets.base import ViewSet

from bumdes.admin.menus import BOOKS_MENU_HOOK
from bumdes.models import Enterprise
from tours.admin.stripe_connect import StripeMenuItem, StripeMixin
from tours.booking.providers import providers_available


class PaymentMethodsForm(forms.ModelForm):
    class Meta:
        model = Enterprise
        fields = [
            "offer_cash",
            "offer_bank_transfer",
            "bank_name",
            "bank_account_number",
            "bank_account_name",
            "bank_swift",
            "bank_transfer_days",
            "offer_stripe",
        ]

    def clean(self):
        data = super().clean()
        if data.get("offer_bank_transfer") and not (data.get("bank_account_number") or "").strip():
            self.add_error(
                "bank_account_number",
                _("Guests need an account number to transfer to; or untick bank transfer."),
            )
        offers = ("offer_cash", "offer_bank_transfer", "offer_stripe")
        if not any(data.get(name) for name in offers):
            raise forms.ValidationError(_("Offer guests at least one way to pay."))
        return data


class PaymentMethodsView(StripeMixin, UpdateView):
    page_title = gettext_lazy("Payment methods")
    header_icon = "tick-inverse"
    template_name = "tours/admin/payment_methods.html"
    form_class = PaymentMethodsForm

    def get_object(self, queryset=None):
        return self.enterprise

    def get_success_url(self):
        return self.request.get_full_path()

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Payment methods saved."))
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["offered"] = [
            label
            for code, label in (
                ("stripe", _("Card (online)")),
                ("bank_transfer", _("Bank transfer")),
                ("cash", _("Cash on arrival")),
            )
            if code in providers_available(self.enterprise)
        ]
        context["stripe_ready"] = self.enterprise.stripe_charges_enabled
        return context


class PaymentMethodsViewSet(ViewSet):
    name = "payment_methods"
    url_prefix = "payment-methods"
    icon = "tick-inverse"
    menu_label = gettext_lazy("Payment methods")
    menu_name = "payment-methods"
    menu_item_class = StripeMenuItem  # managers (and superusers) only
    menu_hook = BOOKS_MENU_HOOK  # in the Books menu, after the treasurer's screens
    menu_order = 7

    def get_urlpatterns(self):
        return [path("", PaymentMethodsView.as_view(), name="index")]
