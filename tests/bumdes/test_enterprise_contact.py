"""A BUMDes's phone and WhatsApp numbers are validated and stored in E.164 when staff save them,
and the migration rewrites the numbers stored before."""

import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.forms import modelform_factory

from bumdes.models import Enterprise

pytestmark = pytest.mark.django_db

migration = importlib.import_module("bumdes.migrations.0007_enterprise_phones_e164")


@pytest.fixture
def enterprise():
    return Enterprise.objects.get(slug="lipursari")


def test_numbers_are_stored_in_e164_however_they_are_typed(enterprise):
    enterprise.phone = "(0286) 321456"
    enterprise.whatsapp = "+62 0812-0000-0102"  # 18 characters: too long for the old field
    enterprise.full_clean()
    enterprise.save()
    enterprise.refresh_from_db()
    assert (enterprise.phone, enterprise.whatsapp) == ("+62286321456", "+6281200000102")


def test_the_old_digits_only_form_is_still_read(enterprise):
    enterprise.whatsapp = "6281200000102"
    enterprise.full_clean()
    assert enterprise.whatsapp == "+6281200000102"


def test_invalid_numbers_are_refused_with_a_message_per_field(enterprise):
    enterprise.phone = "12"
    enterprise.whatsapp = "wa.me/62812"
    with pytest.raises(ValidationError) as refused:
        enterprise.full_clean()
    errors = refused.value.message_dict  # in Indonesian, the admin's default language
    assert errors["phone"] == ["Nomor ini terlalu pendek. Mohon periksa angka dan kode areanya."]
    assert errors["whatsapp"][0].startswith("Ini bukan nomor telepon.")


def test_a_number_over_the_field_length_keeps_the_length_message(enterprise):
    """One message per problem: the field's own length check speaks first."""
    enterprise.phone = "0812 3456 7890 (WhatsApp only, evenings)"
    with pytest.raises(ValidationError) as refused:
        enterprise.full_clean()
    [message] = refused.value.message_dict["phone"]
    assert message.startswith("Pastikan nilai ini mengandung paling banyak 30 karakter")


def test_empty_numbers_are_allowed(enterprise):
    enterprise.phone = enterprise.whatsapp = ""
    enterprise.full_clean()
    assert (enterprise.phone, enterprise.whatsapp) == ("", "")


def test_a_form_without_the_numbers_leaves_them_alone(enterprise):
    """The payment methods form edits other fields: a number it cannot see is not checked."""
    Enterprise.objects.filter(pk=enterprise.pk).update(whatsapp="not a number")
    enterprise.refresh_from_db()
    form_class = modelform_factory(Enterprise, fields=["offer_cash", "bank_transfer_days"])
    form = form_class({"offer_cash": "on", "bank_transfer_days": 3}, instance=enterprise)
    assert form.is_valid(), form.errors
    form.save()
    enterprise.refresh_from_db()
    assert enterprise.whatsapp == "not a number" and enterprise.bank_transfer_days == 3


def test_the_admin_form_stores_e164(client, login, enterprise):
    login("admin")
    url = f"/admin/snippets/bumdes/enterprise/edit/{enterprise.pk}/"
    response = client.get(url)
    assert response.status_code == 200
    form = response.context["form"]
    data = {
        name: value
        for name, value in form.initial.items()
        if name in form.fields and value is not None
    }
    data.update(_inline_management(response))
    data.update(phone="0286 321456", whatsapp="0812 0000 0102")
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    enterprise.refresh_from_db()
    assert (enterprise.phone, enterprise.whatsapp) == ("+62286321456", "+6281200000102")


def _inline_management(response) -> dict:
    """The business units' inline formset as the page renders it."""
    formset = response.context["form"].formsets["units"]
    data = {
        f"{formset.prefix}-{key}": value for key, value in formset.management_form.initial.items()
    }
    for index, unit_form in enumerate(formset.forms):
        for name in unit_form.fields:
            value = unit_form.initial.get(name)
            if value is not None:
                data[f"{formset.prefix}-{index}-{name}"] = value
        data[f"{formset.prefix}-{index}-id"] = unit_form.instance.pk
        data[f"{formset.prefix}-{index}-ORDER"] = index + 1
    return data


def test_the_migration_rewrites_numbers_that_parse(enterprise):
    Enterprise.objects.filter(pk=enterprise.pk).update(
        phone="+62 286 000 0000", whatsapp="6281200000102"
    )
    other = Enterprise.objects.get(slug="plobangan")
    Enterprise.objects.filter(pk=other.pk).update(phone="ask the village head", whatsapp="")
    migration.normalise_phones(apps, None)
    enterprise.refresh_from_db()
    other.refresh_from_db()
    assert (enterprise.phone, enterprise.whatsapp) == ("+622860000000", "+6281200000102")
    assert (other.phone, other.whatsapp) == ("ask the village head", "")
