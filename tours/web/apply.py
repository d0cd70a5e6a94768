"""The public "Become a partner" form: a hotel or travel agent applies to sell the villages'
experiences.

The form parses what was typed (the phone number into E.164, as every other form); the
application itself is `partner_apply`: the partner's account with a pending agreement with each
BUMDes chosen, which that BUMDes's staff then approve. Each BUMDes is told by e-mail. Against
spam: a field people never see (a bot fills it in and is thanked, with nothing saved) and the
rate limit of the booking forms.
"""

from django import forms
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from bumdes.models import Enterprise
from core.phones import InvalidPhoneNumber, phone_e164
from core.ratelimit import rate_limited
from tours.models import PartnerKind
from tours.partners.accounts import partner_apply
from tours.partners.notices import application_notify
from tours.web.guest import too_many_requests


class EnterpriseChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Enterprise) -> str:
        return f"{obj.village} ({obj.name})"


class ApplicationForm(forms.Form):
    name = forms.CharField(
        label=_("Name of your hotel or agency"),
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    kind = forms.ChoiceField(
        label=_("You are"), choices=PartnerKind.choices, widget=forms.RadioSelect
    )
    contact_name = forms.CharField(
        label=_("Contact person"),
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    phone = forms.CharField(
        label=_("Phone (WhatsApp)"),
        max_length=30,
        help_text=_("E.g. 0812 3456 7890."),
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    address = forms.CharField(
        label=_("Address"),
        max_length=255,
        required=False,
        widget=forms.Textarea(attrs={"autocomplete": "street-address", "rows": 2}),
    )
    website = forms.URLField(
        label=_("Website"),
        required=False,
        assume_scheme="https",
        help_text=_("Your booking widget may be shown on this site."),
        widget=forms.URLInput(attrs={"autocomplete": "url", "placeholder": "https://"}),
    )
    enterprises = EnterpriseChoice(
        label=_("Villages you want to sell"),
        queryset=Enterprise.objects.order_by("village"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one village.")},
    )
    message = forms.CharField(
        label=_("Message"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    # Hidden from people (CSS and aria-hidden); bots fill in every field.
    fax = forms.CharField(
        label=_("Leave this empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_phone(self) -> str:
        try:
            return phone_e164(self.cleaned_data["phone"])
        except InvalidPhoneNumber as error:
            raise forms.ValidationError(error.message) from None

    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get("fax"))

    def application(self) -> dict:
        data = self.cleaned_data
        fields = ("name", "kind", "contact_name", "email", "phone", "address", "website")
        return {
            **{name: data[name] for name in fields},
            "application_message": data["message"],
            "enterprises": list(data["enterprises"]),
        }


@require_http_methods(["GET", "POST"])
def partner_apply_form(request):
    if request.method == "POST":
        if rate_limited(request, scope="partner-apply"):
            return too_many_requests(request)
        form = ApplicationForm(request.POST)
        if form.is_valid():
            if not form.is_bot():
                application_notify(partner_apply(**form.application()))
            return redirect("partner_apply_thanks")
    else:
        form = ApplicationForm(initial={"phone": "+62", "kind": PartnerKind.HOTEL})
    return render(request, "tours/partners/apply.html", {"form": form})


@require_GET
def partner_apply_thanks(request):
    return render(request, "tours/partners/apply_thanks.html")
