"""Forms of the staff screens. They only collect input: every decision is a service's."""

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from core.countries import country_choices
from core.formats import rupiah
from core.localtime import local_datetime
from tours.booking.cancellation import RefundQuote
from tours.booking.errors import BookingInvalid
from tours.models import Departure, PriceTier

LANGUAGE_CHOICES = [("id", "Bahasa Indonesia"), ("en", "English")]


def add_service_errors(form: forms.Form, error: BookingInvalid, fields: dict[str, str]) -> None:
    """Show a service's field errors next to the form's fields (the rest above the form).

    `fields` maps a service key ("customer.email", "capacity") to a form field name.
    """
    for key, message in error.errors.items():
        field = fields.get(key)
        if field is None and key.startswith("lines."):
            field = fields.get("lines")
        form.add_error(field if field in form.fields else None, message)


class CheckInForm(forms.Form):
    code = forms.CharField(
        label=_("Booking reference"),
        max_length=500,
        help_text=_("Type the code on the ticket, e.g. LPS-7K3Q9, or scan its QR code."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
                "placeholder": "LPS-7K3Q9",
                "class": "checkin-code",
            }
        ),
    )


class BookingCancelForm(forms.Form):
    POLICY = "policy"
    FULL = "full"

    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        help_text=_("Written in the booking's history and in the e-mail to the guest."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    refund = forms.ChoiceField(label=_("Refund"), widget=forms.RadioSelect)

    def __init__(self, *args, policy: RefundQuote | None, full: RefundQuote, **kwargs):
        """`policy`: what the tour's policy gives back now (None once the departure started);
        `full`: everything paid back, when the village cancels. Both from `refund_quote`."""
        super().__init__(*args, **kwargs)
        if full.paid == 0:
            # Nothing was paid (cash on arrival): nothing goes back, whoever cancels.
            self.fields["refund"].help_text = _("Nothing was paid, so nothing goes back.")
        choices = [
            (
                self.FULL,
                _("100%% (%(amount)s): the village cancels") % {"amount": rupiah(full.amount)},
            )
        ]
        if policy is not None:
            # After the start a guest who did not come is a no-show; only the village cancels.
            choices.insert(
                0,
                (
                    self.POLICY,
                    _("%(percent)d%% (%(amount)s): as the cancellation policy says")
                    % {"percent": policy.percent, "amount": rupiah(policy.amount)},
                ),
            )
        self.fields["refund"].choices = choices
        self.fields["refund"].initial = choices[0][0]

    @property
    def refund_percent(self) -> int | None:
        """None lets the service apply the tour's policy."""
        return 100 if self.cleaned_data["refund"] == self.FULL else None


class DayForm(forms.Form):
    """Choose a day (and an experience) to see its departures."""

    date = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    tour = forms.ModelChoiceField(
        label=_("Experience"), queryset=None, required=False, empty_label=_("All experiences")
    )

    def __init__(self, *args, tours, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tour"].queryset = tours


class StaffBookingForm(forms.Form):
    """A walk-in or a phone call: people per price tier and who the booking is for."""

    name = forms.CharField(label=_("Guest's name"), max_length=120)
    phone = forms.CharField(
        label=_("Phone or WhatsApp"),
        max_length=30,
        initial="+62",
        help_text=_("As the guest says it, e.g. 0812 3456 7890 or +31 6 1234 5678."),
        widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel", "autocomplete": "off"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        help_text=_("Optional. The confirmation with the ticket goes here."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    country = forms.CharField(label=_("Country"), max_length=2, initial="ID", widget=forms.Select)
    language = forms.ChoiceField(
        label=_("Language of the e-mail"), choices=LANGUAGE_CHOICES, initial="id"
    )

    def __init__(self, *args, departure: Departure, tiers: list[PriceTier], **kwargs):
        super().__init__(*args, **kwargs)
        self.departure = departure
        self.tiers = tiers
        tier_fields = {}
        for tier in tiers:
            label = f"{tier.label} ({rupiah(tier.price)})"
            tier_fields[f"tier_{tier.pk}"] = forms.IntegerField(
                label=label,
                min_value=0,
                max_value=500,
                initial=0,
                required=False,
                help_text=_("Show ID at check-in") if tier.requires_id else "",
                widget=forms.NumberInput(
                    attrs={"inputmode": "numeric", "min": 0, "data-price": tier.price}
                ),
            )
        # People first, then who they are.
        self.fields = {**tier_fields, **self.fields}
        self.fields["country"].widget.choices = country_choices()
        # A list to choose from: the text field's length limit has no meaning on it.
        self.fields["country"].widget.attrs.pop("maxlength", None)

    def tier_fields(self):
        return [self[f"tier_{tier.pk}"] for tier in self.tiers]

    def guest_fields(self):
        return [self[name] for name in ("name", "phone", "email", "country", "language")]

    def clean_country(self):
        return self.cleaned_data["country"].strip().upper()

    def lines(self) -> list[tuple[int, int]]:
        lines = []
        for tier in self.tiers:
            quantity = self.cleaned_data.get(f"tier_{tier.pk}") or 0
            if quantity:
                lines.append((tier.pk, quantity))
        return lines

    def total(self) -> int:
        """What the people typed so far come to, at the tiers' prices (a field with an error
        counts as nobody). The booking's own total is made by the booking service."""
        if not hasattr(self, "cleaned_data"):
            return 0
        prices = {tier.pk: tier.price for tier in self.tiers}
        return sum(prices[tier_id] * quantity for tier_id, quantity in self.lines())

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not self.lines():
            raise forms.ValidationError(_("Choose how many people come."))
        return cleaned


class CapacityForm(forms.Form):
    capacity = forms.IntegerField(
        label=_("Places"), min_value=1, max_value=10000, widget=forms.NumberInput()
    )


class DepartureCancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, for the guests"),
        max_length=200,
        help_text=_(
            "Every guest of this departure gets an e-mail with this reason and a full refund."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ExtraDepartureForm(forms.Form):
    tour = forms.ModelChoiceField(label=_("Experience"), queryset=None)
    date = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    time = forms.TimeField(
        label=_("Start time (village time)"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    capacity = forms.IntegerField(label=_("Places"), min_value=1, max_value=10000)

    def __init__(self, *args, tours, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tour"].queryset = tours

    @property
    def starts_at(self) -> dt.datetime:
        # On the village's clock: 16.45 in a WITA village is 16.45 WITA.
        zone = self.cleaned_data["tour"].zone
        return local_datetime(self.cleaned_data["date"], self.cleaned_data["time"], zone)
