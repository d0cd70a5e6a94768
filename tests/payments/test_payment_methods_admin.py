"""The manager's "Payment methods" screen: what guests are offered, for their own BUMDes only."""

import pytest
from django.urls import reverse

from bumdes.models import Enterprise
from tours.booking.providers import payment_methods_available

pytestmark = pytest.mark.django_db

URL = reverse("payment_methods:index")
SETTINGS = {
    "offer_cash": "on",
    "offer_bank_transfer": "on",
    "bank_name": "Bank Jateng",
    "bank_account_number": "1234567890",
    "bank_account_name": "BUMDes Lipursari Sejahtera",
    "bank_transfer_days": "3",
}


def test_manager_chooses_the_methods_guests_see(client, login):
    login("lipursari-manager")
    before = Enterprise.objects.get(slug="lipursari")
    html = client.get(URL).content.decode()
    assert before.name in html and "BUMDes Plobangan" not in html
    assert f'name="bank_account_number" value="{before.bank_account_number}"' in html
    response = client.post(URL, {**SETTINGS, "offer_cash": ""})
    assert response.status_code == 302
    lipursari = Enterprise.objects.get(slug="lipursari")
    assert (lipursari.offer_cash, lipursari.bank_transfer_days) == (False, 3)
    assert lipursari.bank_account_number == "1234567890"
    assert payment_methods_available(lipursari) == ["bank_transfer"]
    # Nothing else of the BUMDes changed, and no other BUMDes.
    assert Enterprise.objects.get(slug="plobangan").offer_cash


def test_bank_transfer_needs_an_account_and_one_method_is_needed(client, login):
    login("lipursari-manager")
    response = client.post(URL, {**SETTINGS, "bank_account_number": " "})
    assert list(response.context["form"].errors) == ["bank_account_number"]
    response = client.post(URL, {"bank_transfer_days": "2"})
    assert list(response.context["form"].errors) == ["__all__"]
    assert Enterprise.objects.get(slug="lipursari").offer_cash  # nothing saved


@pytest.mark.parametrize(
    "username", ["lipursari-operator", "lipursari-treasurer", "lipursari-editor"]
)
def test_only_managers_change_payment_methods(client, login, username):
    login(username)
    assert client.post(URL, {**SETTINGS, "offer_cash": ""}).status_code == 302
    assert Enterprise.objects.get(slug="lipursari").offer_cash
