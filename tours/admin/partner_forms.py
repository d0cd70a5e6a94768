"""Forms of the staff's partner screens: the agreement's terms and a settlement. They collect
input only; the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from bumdes.admin.forms import DATE_WIDGET, RupiahField
from tours.models import PartnerAgreement, PartnerSettlement
from tours.partners.accounts import tours_sold


class AgreementTermsForm(forms.ModelForm):
    """The agreement's terms, then for each of the BUMDes's experiences an optional commission
    of its own and, per price tier, the net rate a net-rate partner pays."""

    class Meta:
        model = PartnerAgreement
        fields = ["terms", "commission_percent", "settlement", "credit_limit"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        agreement = self.instance
        own = dict(agreement.tour_terms.values_list("tour_id", "commission_percent"))
        rates = dict(agreement.net_rates.values_list("tier_id", "net_price"))
        for tour in tours_sold(agreement):
            self.fields[f"tour_commission_{tour.pk}"] = forms.DecimalField(
                label=_("Commission for %(tour)s (%%)") % {"tour": tour.title},
                help_text=_("Empty: the agreement's commission."),
                required=False, min_value=0, max_value=50, decimal_places=2,
                initial=own.get(tour.pk),
            )  # fmt: skip
            for tier in tour.price_tiers.all():
                self.fields[f"tier_net_{tier.pk}"] = RupiahField(
                    label=_("Net rate: %(tour)s, %(tier)s (Rp)")
                    % {"tour": tour.title, "tier": tier.label},
                    required=False,
                    initial=rates.get(tier.pk),
                )

    def tour_commissions(self) -> dict[int, object]:
        return {
            int(name.rsplit("_", 1)[1]): value
            for name, value in self.cleaned_data.items()
            if name.startswith("tour_commission_")
        }

    def net_rates(self) -> dict[int, object]:
        return {
            int(name.rsplit("_", 1)[1]): value
            for name, value in self.cleaned_data.items()
            if name.startswith("tier_net_")
        }


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
