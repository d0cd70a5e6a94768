"""Forms of the staff's partner screens: the agreement's terms and a settlement. They collect
input only; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from bumdes.admin.forms import DATE_WIDGET, RupiahField
from tours.models import PartnerAgreement, PartnerSettlement


class AgreementTermsForm(forms.ModelForm):
    class Meta:
        model = PartnerAgreement
        fields = ["terms", "commission_percent", "settlement", "credit_limit"]


class SettlementForm(forms.Form):
    direction = forms.ChoiceField(
        label=_("Who paid"), choices=PartnerSettlement.Direction.choices, widget=forms.RadioSelect
    )
    amount = RupiahField(label=_("Amount (Rp)"))
    date = forms.DateField(label=_("Date"), **DATE_WIDGET)
    method = forms.ChoiceField(
        label=_("Paid into or from"), choices=[("bank_transfer", _("Bank")), ("cash", _("Cash"))]
    )
    note = forms.CharField(label=_("Note"), max_length=200, required=False)
    key = forms.CharField(widget=forms.HiddenInput, max_length=40)
