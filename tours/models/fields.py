"""Small custom fields."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

WEEKDAYS = [
    ("0", _("Monday")),
    ("1", _("Tuesday")),
    ("2", _("Wednesday")),
    ("3", _("Thursday")),
    ("4", _("Friday")),
    ("5", _("Saturday")),
    ("6", _("Sunday")),
]


class WeekdaysFormField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, *args, **kwargs):
        kwargs.pop("max_length", None)
        kwargs.pop("empty_value", None)
        super().__init__(*args, choices=WEEKDAYS, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, str):
            return list(value)
        return value

    def clean(self, value):
        return "".join(sorted(set(super().clean(value))))


class WeekdaysField(models.CharField):
    """A set of weekdays stored as digits, Monday = 0: "56" is Saturday and Sunday."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 7)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": WeekdaysFormField, **kwargs})
