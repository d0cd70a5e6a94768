"""Forms of the public booking flow: they parse what the guest typed; the services decide.

The forms only turn text into values (a quantity per price tier, the contact details, the
payment method) and keep what was typed for re-rendering. Whether the booking can be made is
the booking services' decision: their `BookingInvalid` errors are put back next to the fields
with `add_service_errors`.
"""

import re
import secrets

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.countries import country_choices
from tours.booking.booking_input import MAX_QUANTITY, Customer
from tours.models import PaymentMethod

TIER_PREFIX = "tier_"
NONCE_RE = re.compile(r"^[A-Za-z0-9_-]{8,40}$")

PAYMENT_LABELS = {
    PaymentMethod.CASH: _("Pay cash on arrival"),
    PaymentMethod.BANK_TRANSFER: _("Bank transfer"),
    PaymentMethod.STRIPE: _("Pay now by card"),
}


class PeopleForm(forms.Form):
    """Step 2: how many people in each price tier (one input per tier)."""

    nonce = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, tiers, **kwargs):
        super().__init__(*args, **kwargs)
        self.tiers = tiers
        for tier in tiers:
            self.fields[f"{TIER_PREFIX}{tier.pk}"] = forms.IntegerField(
                label=tier.display_label,
                required=False,
                min_value=0,
                max_value=MAX_QUANTITY,
                widget=forms.TextInput(
                    attrs={
                        "inputmode": "numeric",
                        "pattern": "[0-9]*",
                        "autocomplete": "off",
                        "size": 3,
                        "class": "qty-input",
                        "data-price": tier.price,
                    }
                ),
                error_messages={
                    "invalid": _("Please type a whole number, e.g. 2."),
                    "min_value": _("The number of people cannot be below 0."),
                    "max_value": _("That is more people than we can take."),
                },
            )
        if not self.is_bound:
            self.initial.setdefault("nonce", secrets.token_urlsafe(12))

    def tier_fields(self):
        """(bound field, tier) pairs, in the page's order."""
        return [(self[f"{TIER_PREFIX}{tier.pk}"], tier) for tier in self.tiers]

    def clean(self):
        cleaned = super().clean()
        known = set(self.fields)
        unknown = [k for k in self.data if k.startswith(TIER_PREFIX) and k not in known]
        if unknown:
            raise forms.ValidationError(_("Unknown price tier for this experience."))
        return cleaned

    def lines(self) -> list[tuple[int, int]]:
        """(tier id, quantity) for each tier with people, for `booking_hold`."""
        return [
            (tier.pk, self.cleaned_data.get(f"{TIER_PREFIX}{tier.pk}") or 0)
            for tier in self.tiers
            if self.cleaned_data.get(f"{TIER_PREFIX}{tier.pk}")
        ]

    def service_fields(self) -> dict[str, str]:
        """Map the service's error keys ("lines.0.quantity") to this form's fields."""
        mapping = {}
        for index, (tier_id, _quantity) in enumerate(self.lines()):
            for suffix in ("", ".tier", ".quantity"):
                mapping[f"lines.{index}{suffix}"] = f"{TIER_PREFIX}{tier_id}"
        return mapping

    def idempotency_key(self, departure_id: int) -> str | None:
        """The same submission sent twice (a double tap on a slow network) holds places once."""
        nonce = self.cleaned_data.get("nonce") or ""
        if not NONCE_RE.match(nonce):
            return None
        lines = ",".join(f"{tier}x{quantity}" for tier, quantity in self.lines())
        return f"web:{nonce}:{departure_id}:{lines}"[:255]

    def total(self) -> int:
        """The running total of what is typed now (invalid entries count as 0)."""
        total = 0
        for tier in self.tiers:
            name = f"{TIER_PREFIX}{tier.pk}"
            if self.is_bound:
                value = (
                    self.cleaned_data.get(name)
                    if hasattr(self, "cleaned_data") and name in self.cleaned_data
                    else None
                )
            else:
                value = self.initial.get(name)
            if isinstance(value, int) and value > 0:
                total += value * tier.price
        return total


class DetailsForm(forms.Form):
    """Step 3: who the booking is for.

    Every field accepts any text, so the service checks all of them at once and the guest sees
    every problem in one go; the widgets give phones the right keyboard.
    """

    name = forms.CharField(
        label=_("Full name"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name", "required": True, "maxlength": 120}),
    )
    email = forms.CharField(
        label=_("E-mail"),
        required=False,
        help_text=_("We send your ticket here."),
        widget=forms.EmailInput(
            attrs={"autocomplete": "email", "required": True, "spellcheck": "false"}
        ),
    )
    phone = forms.CharField(
        label=_("Phone (WhatsApp)"),
        required=False,
        help_text=_(
            "E.g. 0812 3456 7890. A number from another country starts with its code, "
            "e.g. +31 6 1234 5678."
        ),
        widget=forms.TextInput(
            attrs={"type": "tel", "autocomplete": "tel", "required": True, "maxlength": 30}
        ),
    )
    country = forms.CharField(
        label=_("Country"), required=False, widget=forms.Select(attrs={"autocomplete": "country"})
    )
    language = forms.CharField(
        label=_("Language for e-mails"),
        required=False,
        widget=forms.Select(choices=settings.LANGUAGES),
    )

    SERVICE_FIELDS = {
        "customer.name": "name",
        "customer.email": "email",
        "customer.phone": "phone",
        "customer.country": "country",
        "customer.language": "language",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].widget.choices = country_choices()

    def customer(self) -> Customer:
        data = self.cleaned_data
        return Customer(
            name=data.get("name", ""),
            email=data.get("email", ""),
            phone=data.get("phone", ""),
            country=data.get("country", ""),
            language=data.get("language") or get_language(),
        )


class ReviewForm(forms.Form):
    """Step 4: how the guest pays (only the methods this BUMDes offers)."""

    payment_method = forms.ChoiceField(
        label=_("Payment"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose how you pay.")},
    )

    def __init__(self, *args, methods, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["payment_method"].choices = [
            (method, PAYMENT_LABELS.get(method, PaymentMethod(method).label)) for method in methods
        ]
        if methods:
            self.initial.setdefault("payment_method", methods[0])
