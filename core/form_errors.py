"""Showing a service's errors on a form: each next to its field, the rest above the form."""

from django import forms


def add_service_errors(form: forms.Form, errors: dict[str, str], fields: dict[str, str]) -> None:
    """Show a service's field errors next to the form's fields, the rest at the top.

    `fields` maps a service key ("customer.email") to a form field name."""
    for key, message in errors.items():
        name = fields.get(key)
        form.add_error(name if name in form.fields else None, message)
