"""Forms of the books screens. They collect and tidy input (a treasurer types "150.000" or
"Rp 150.000"); every decision is a service's, and the services check again."""

import datetime as dt
import re

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from bumdes.admin.base import today
from bumdes.manual import PAYMENT_METHODS, ProposedLine
from bumdes.models import Counterparty, Enterprise, Side
from core.formats import local_date, rupiah

DATE_WIDGET = {"widget": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
PAYMENT_LABELS = {"cash": _("Cash"), "bank_transfer": _("Bank transfer")}


class RupiahField(forms.CharField):
    """Whole rupiah, written the way people write them: 150000, 150.000 or Rp 150.000."""

    default_error_messages = {
        "invalid": _("Write a whole number of rupiah, e.g. 150.000."),
        "min_value": _("The amount must be more than zero."),
    }

    def __init__(self, **kwargs):
        attrs = {"inputmode": "numeric", "autocomplete": "off", "size": 14, "maxlength": 24}
        kwargs.setdefault("widget", forms.TextInput(attrs=attrs))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        """An amount the form suggests is shown as people write it: 150.000."""
        if isinstance(value, int) and not isinstance(value, bool):
            return f"{value:,}".replace(",", ".")
        return value

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        digits = re.sub(r"^rp\.?", "", value.strip().lower()).strip()
        digits = re.sub(r"[\s.,]", "", digits)
        if not digits.isdigit() or len(digits) > 15:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        amount = int(digits)
        if amount <= 0:
            raise forms.ValidationError(self.error_messages["min_value"], code="min_value")
        return amount


class PostingDateMixin:
    """A date in an open period (after the lock date), not in the future (the BUMDes's today)."""

    lock_date: dt.date | None = None
    today: dt.date | None = None

    def set_enterprise(self, enterprise) -> None:
        self.lock_date = enterprise.lock_date
        self.today = today(enterprise)

    def check_date(self, value: dt.date) -> dt.date:
        if value is None:
            return value
        if self.lock_date is not None and value <= self.lock_date:
            raise forms.ValidationError(
                _("The books are locked up to %(lock)s; choose a later date.")
                % {"lock": local_date(self.lock_date)}
            )
        if value > self.today:
            raise forms.ValidationError(_("The date cannot be in the future."))
        return value


class ReverseForm(PostingDateMixin, forms.Form):
    date = forms.DateField(
        label=_("Date of the reversal"),
        help_text=_("Today, or another day after the lock date."),
        **DATE_WIDGET,
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=150,
        help_text=_("Written in the reversing entry's description."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, enterprise, **kwargs):
        super().__init__(*args, **kwargs)
        self.set_enterprise(enterprise)

    def clean_date(self):
        return self.check_date(self.cleaned_data["date"])


# Manual entries ---------------------------------------------------------------------------------


class ManualEntryForm(PostingDateMixin, forms.Form):
    date = forms.DateField(label=_("Date"), **DATE_WIDGET)
    memo = forms.CharField(
        label=_("Description"),
        max_length=255,
        help_text=_("What happened, e.g. “Bank charges for March” or “Correction of entry 123”."),
    )

    def __init__(self, *args, enterprise, **kwargs):
        super().__init__(*args, **kwargs)
        self.set_enterprise(enterprise)

    def clean_date(self):
        return self.check_date(self.cleaned_data["date"])


class ManualLineForm(forms.Form):
    account = forms.ChoiceField(label=_("Account"), required=False)
    side = forms.ChoiceField(
        label=_("Side"),
        choices=[("", "—"), *Side.choices],
        required=False,
    )
    amount = RupiahField(label=_("Amount (Rp)"), required=False)
    unit = forms.ModelChoiceField(
        label=_("Business unit"), queryset=None, required=False, empty_label="—"
    )

    def __init__(self, *args, accounts, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["account"].choices = [("", "—")] + [
            (a.code, f"{a.code} {a.name}") for a in accounts
        ]
        self.fields["unit"].queryset = units

    @property
    def is_blank(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return not data.get("account") and not data.get("amount")

    def clean(self):
        data = super().clean()
        if self.is_blank:
            return data
        if not data.get("account"):
            self.add_error("account", _("Choose an account."))
        if not data.get("side"):
            self.add_error("side", _("Debit or credit?"))
        if not data.get("amount") and "amount" not in self.errors:
            self.add_error("amount", _("Write the amount."))
        return data


class BaseManualLineFormSet(forms.BaseFormSet):
    def __init__(self, *args, accounts, units, **kwargs):
        self.accounts = accounts
        self.units = units
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {"accounts": self.accounts, "units": self.units}

    def lines(self) -> list[ProposedLine]:
        return [
            ProposedLine(
                account=form.cleaned_data["account"],
                side=form.cleaned_data["side"],
                amount=form.cleaned_data["amount"],
                unit=form.cleaned_data.get("unit"),
            )
            for form in self.forms
            if form.is_valid() and not form.is_blank
        ]


ManualLineFormSet = forms.formset_factory(
    ManualLineForm, formset=BaseManualLineFormSet, extra=0, max_num=30, absolute_max=30
)


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        help_text=_("The person who proposed the entry reads it here."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )


# Payments ---------------------------------------------------------------------------------------


class PayForm(PostingDateMixin, forms.Form):
    amount = RupiahField(label=_("Amount (Rp)"))
    method = forms.ChoiceField(
        label=_("Paid from"),
        choices=[(m, PAYMENT_LABELS[m]) for m in PAYMENT_METHODS],
        initial="cash",
        widget=forms.RadioSelect,
    )
    date = forms.DateField(label=_("Date paid"), **DATE_WIDGET)
    key = forms.CharField(widget=forms.HiddenInput, max_length=40)

    def __init__(self, *args, owed: int, enterprise, **kwargs):
        super().__init__(*args, **kwargs)
        self.owed = owed
        self.set_enterprise(enterprise)

    def clean_amount(self):
        amount = self.cleaned_data["amount"]
        if amount is not None and amount > self.owed:
            raise forms.ValidationError(
                _("That is more than what is owed (%(owed)s).") % {"owed": rupiah(self.owed)}
            )
        return amount

    def clean_date(self):
        return self.check_date(self.cleaned_data["date"])


# Periods ----------------------------------------------------------------------------------------


class LockForm(forms.Form):
    month = forms.ChoiceField(label=_("Lock the books up to the end of"))

    def __init__(self, *args, months: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["month"].choices = months

    @property
    def lock_date(self) -> dt.date:
        return dt.date.fromisoformat(self.cleaned_data["month"])


class ReopenForm(LockForm):
    reason = forms.CharField(
        label=_("Reason for reopening"),
        max_length=200,
        help_text=_("Kept in the history below, for the supervisor and the village meeting."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["month"].label = _("Move the lock date back to the end of")


class YearForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int)

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(y, str(y)) for y in years]


class DistributeForm(PostingDateMixin, forms.Form):
    year = forms.IntegerField(widget=forms.HiddenInput)
    decision_number = forms.CharField(
        label=_("Number of the village meeting's decision"),
        max_length=80,
        help_text=_("As written on the minutes of the Musyawarah Desa, e.g. 05/MUSDES/2027."),
    )
    decision_date = forms.DateField(label=_("Date of the decision"), **DATE_WIDGET)

    def __init__(self, *args, enterprise, **kwargs):
        super().__init__(*args, **kwargs)
        self.set_enterprise(enterprise)

    def clean_decision_number(self):
        value = self.cleaned_data["decision_number"].strip()
        if not value:
            raise forms.ValidationError(_("The decision number is required."))
        return value

    def clean_decision_date(self):
        return self.check_date(self.cleaned_data["decision_date"])


# Ledger and reports -----------------------------------------------------------------------------


class PeriodForm(forms.Form):
    """From/to and business unit, for the account ledger and the reports (GET)."""

    date_from = forms.DateField(label=_("From"), required=False, **DATE_WIDGET)
    date_to = forms.DateField(label=_("To"), required=False, **DATE_WIDGET)
    unit = forms.ChoiceField(label=_("Business unit"), required=False)

    def __init__(self, *args, enterprise: Enterprise, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [
            ("", _("All business units")),
            *((u.slug, u.name) for u in enterprise.units.order_by("name")),
            ("-", _("Without a business unit (general)")),
        ]

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError(_("“From” must be on or before “To”."))
        return data


class LedgerForm(PeriodForm):
    account = forms.ChoiceField(label=_("Account"), required=False)

    def __init__(self, *args, accounts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["account"].choices = [("", _("Choose an account"))] + [
            (a.code, f"{a.code} {a.name}") for a in accounts
        ]
        # The account first: it is what the treasurer is looking for.
        self.order_fields(["account", "date_from", "date_to", "unit"])


# Community members ------------------------------------------------------------------------------


class CommunityMemberForm(WagtailAdminModelForm):
    """Name, role, phone and the impact flags. The BUMDes is the user's own; only superusers
    choose one, and only when adding."""

    returned_migrant_worker = forms.NullBooleanField(
        label=_("Returned migrant worker (or family)"),
        required=False,
        help_text=_("For the impact report of the programme. Leave “Unknown” if not asked."),
        widget=forms.NullBooleanSelect,
    )

    class Meta:
        model = Counterparty
        fields = ["enterprise", "name", "role", "phone", "returned_migrant_worker", "gender"]
        fields += ["is_active"]
        widgets = {
            "phone": forms.TextInput(attrs={"type": "tel", "inputmode": "tel"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is None or not user.is_superuser or self.instance.pk:
            del self.fields["enterprise"]
        else:
            self.fields["enterprise"].queryset = Enterprise.objects.order_by("name")
