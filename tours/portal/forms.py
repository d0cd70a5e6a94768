"""The portal's forms: they parse what the front desk typed; the booking services decide.

The guest's details are the booking flow's own (`tours.booking.booking_input.Customer`, checked
by the booking service, every problem at once); the forms only give phones the right keyboard
and put the services' errors back next to the fields.
"""

import hashlib
import re
import secrets

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.countries import country_choices
from tours.booking.booking_input import MAX_QUANTITY, Customer

TIER_PREFIX = "tier_"
NONCE_RE = re.compile(r"^[A-Za-z0-9_-]{8,40}$")

# The booking service's error keys for the guest, and the field that shows each.
GUEST_FIELDS = {
    "customer.name": "name",
    "customer.email": "email",
    "customer.phone": "phone",
    "customer.country": "country",
    "customer.language": "language",
}


class GuestBookingForm(forms.Form):
    """People per price tier (at the prices the partner sells at) and who the guest is."""

    nonce = forms.CharField(widget=forms.HiddenInput, required=False)
    name = forms.CharField(
        label=_("Guest's full name"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "required": True, "maxlength": 120}),
    )
    phone = forms.CharField(
        label=_("Guest's phone (WhatsApp)"),
        required=False,
        help_text=_("E.g. 0812 3456 7890, or +31 6 1234 5678 from another country."),
        widget=forms.TextInput(
            attrs={"type": "tel", "autocomplete": "off", "required": True, "maxlength": 30}
        ),
    )
    email = forms.CharField(
        label=_("Guest's e-mail"),
        required=False,
        help_text=_("The guest's ticket, or the link to pay, goes here."),
        widget=forms.EmailInput(
            attrs={"autocomplete": "off", "required": True, "spellcheck": "false"}
        ),
    )
    country = forms.CharField(label=_("Country"), required=False, widget=forms.Select)
    language = forms.CharField(
        label=_("Language for the guest's e-mails"),
        required=False,
        widget=forms.Select(choices=settings.LANGUAGES),
    )

    def __init__(self, *args, tiers, **kwargs):
        super().__init__(*args, **kwargs)
        self.tiers = tiers
        self.fields["country"].widget.choices = country_choices()
        for tier in tiers:
            self.fields[f"{TIER_PREFIX}{tier.pk}"] = forms.IntegerField(
                label=tier.display_label,
                required=False,
                min_value=0,
                max_value=MAX_QUANTITY,
                widget=forms.NumberInput(
                    attrs={"inputmode": "numeric", "class": "qty-input", "min": 0}
                ),
                error_messages={"invalid": _("Please type a whole number, e.g. 2.")},
            )
        if not self.is_bound:
            self.initial.setdefault("nonce", secrets.token_urlsafe(12))
            self.initial.setdefault("phone", "+62")
            self.initial.setdefault("country", "ID")
            self.initial.setdefault("language", get_language())

    def tier_fields(self):
        """(bound field, tier) pairs, in the tour's order."""
        return [(self[f"{TIER_PREFIX}{tier.pk}"], tier) for tier in self.tiers]

    def guest_fields(self):
        return [self[name] for name in ("name", "phone", "email", "country", "language")]

    def lines(self) -> list[tuple[int, int]]:
        """(tier id, quantity) for each tier with people."""
        quantities = ((t.pk, self.cleaned_data.get(f"{TIER_PREFIX}{t.pk}")) for t in self.tiers)
        return [(tier_id, quantity) for tier_id, quantity in quantities if quantity]

    def customer(self) -> Customer:
        data = self.cleaned_data
        return Customer(
            name=data.get("name", ""),
            email=data.get("email", ""),
            phone=data.get("phone", ""),
            country=data.get("country", ""),
            language=data.get("language") or get_language(),
        )

    def service_fields(self) -> dict[str, str]:
        """The service's error keys ("lines.0.quantity", "customer.email") to this form's."""
        mapping = dict(GUEST_FIELDS)
        for index, (tier_id, _quantity) in enumerate(self.lines()):
            for suffix in ("", ".tier", ".quantity"):
                mapping[f"lines.{index}{suffix}"] = f"{TIER_PREFIX}{tier_id}"
        return mapping

    def idempotency_key(self, partner_id: int, departure_id: int) -> str | None:
        """The same form sent twice (a double tap on a slow network) books once; the form
        changed and sent again (another guest, after the back button) is another booking."""
        nonce = self.cleaned_data.get("nonce") or ""
        if not NONCE_RE.match(nonce):
            return None
        typed = repr((self.lines(), self.customer()))
        digest = hashlib.sha256(typed.encode()).hexdigest()[:32]
        return f"portal:{partner_id}:{nonce}:{departure_id}:{digest}"


class BookingSearchForm(forms.Form):
    SHOW = [
        ("upcoming", _("Upcoming")),
        ("past", _("Past")),
        ("cancelled", _("Cancelled")),
        ("all", _("All")),
    ]
    q = forms.CharField(
        label=_("Reference or guest's name"),
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    show = forms.ChoiceField(label=_("Show"), choices=SHOW, required=False)


class ApiKeyForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=80,
        help_text=_('Where the key is used, e.g. "Hotel website".'),
        error_messages={"required": _("Please give the key a name.")},
    )
