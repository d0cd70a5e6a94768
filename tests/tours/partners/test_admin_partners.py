"""The staff's "Partners" screens: for managers and treasurers of the partner's BUMDes only, the
balance owed either way, approve and suspend for managers, terms, and a settlement recorded once
by the treasurer."""

import pytest

from bumdes.admin.base import today
from bumdes.models import JournalEntry
from tests.tours.factories import GUEST, per_person
from tests.tours.partners.factories import agent, hotel
from tours.booking.books import departure_deliver
from tours.models import PartnerStatus, PaymentMethod, TourPage
from tours.partners.books import agreement_balance
from tours.payments.paying import booking_create

pytestmark = pytest.mark.django_db
INDEX = "/admin/partners/"


def refused(response) -> bool:
    """Wagtail's answer to a permission refused: back to the dashboard with a message."""
    return response.status_code == 302 and response["Location"] == "/admin/"


@pytest.fixture
def owing(departure):
    """An agent of Lipursari whose 2 × Rp 100.000 on account were delivered: owes 170.000."""
    partner = agent()
    booking_create(
        departure_id=departure.pk,
        lines=[(per_person(departure.tour).pk, 2)],
        customer=GUEST,
        payment_method=PaymentMethod.PARTNER_ACCOUNT,
        partner=partner,
    )
    departure_deliver(departure=departure)
    return partner.agreements.get()


def test_the_menu_and_list_are_for_treasurers_and_managers(client, login, owing):
    for username in ("lipursari-treasurer", "lipursari-manager"):
        login(username)
        assert INDEX in client.get("/admin/").content.decode()
        html = client.get(INDEX).content.decode()
        assert owing.partner.name in html and "170.000" in html
    for username in ("lipursari-operator", "lipursari-editor"):
        login(username)
        assert INDEX not in client.get("/admin/").content.decode()
        assert refused(client.get(INDEX))


def test_another_bumdes_gets_404(client, login, owing):
    elsewhere = hotel("hotel-plobangan", enterprise="plobangan").agreements.get()
    login("lipursari-treasurer")
    assert client.get(f"{INDEX}{owing.pk}/").status_code == 200
    for suffix in ("", "settle/", "terms/"):
        assert client.get(f"{INDEX}{elsewhere.pk}/{suffix}").status_code == 404
    assert client.post(f"{INDEX}{elsewhere.pk}/status/", {"action": "suspend"}).status_code == 404
    login("plobangan-treasurer")
    html = client.get(INDEX).content.decode()
    assert "Hotel Plobangan" in html and owing.partner.name not in html


def test_the_detail_shows_the_statement_and_bookings(client, login, owing):
    login("lipursari-treasurer")
    day = owing.partner.bookings.get().departure.starts_at
    html = client.get(f"{INDEX}{owing.pk}/?month={day.year}-{day.month:02d}").content.decode()
    assert owing.partner.bookings.get().reference in html
    assert "30.000" in html and "170.000" in html  # commission 15% and the balance


def test_only_managers_approve_and_suspend(client, login, owing):
    login("lipursari-treasurer")
    assert refused(client.post(f"{INDEX}{owing.pk}/status/", {"action": "suspend"}))
    assert refused(client.get(f"{INDEX}{owing.pk}/terms/"))
    owing.refresh_from_db()
    assert owing.status == PartnerStatus.ACTIVE
    login("lipursari-manager")
    client.post(f"{INDEX}{owing.pk}/status/", {"action": "suspend"})
    owing.refresh_from_db()
    assert owing.status == PartnerStatus.SUSPENDED
    client.post(f"{INDEX}{owing.pk}/status/", {"action": "approve"})
    owing.refresh_from_db()
    assert owing.status == PartnerStatus.ACTIVE


def test_a_manager_edits_the_terms(client, login, owing):
    login("lipursari-manager")
    form = {
        "terms": "commission",
        "commission_percent": "12.5",
        "settlement": "on_account",
        "credit_limit": "2000000",
    }
    assert client.post(f"{INDEX}{owing.pk}/terms/", form).status_code == 302
    owing.refresh_from_db()
    assert (str(owing.commission_percent), owing.credit_limit) == ("12.50", 2_000_000)


def test_the_treasurer_records_a_settlement_once(client, login, owing):
    login("lipursari-treasurer")
    form = {
        "direction": "from_partner",
        "amount": "100.000",
        "date": "2030-12-31",
        "method": "bank_transfer",
        "note": "Transfer",
        "key": "abc123",
    }
    assert client.post(f"{INDEX}{owing.pk}/settle/", form).status_code == 302
    assert client.post(f"{INDEX}{owing.pk}/settle/", form).status_code == 302
    assert agreement_balance(owing).receivable == 70_000
    assert JournalEntry.objects.filter(source_type="partner_settlement").count() == 1
    too_much = {**form, "amount": "70.001", "key": "def456"}
    response = client.post(f"{INDEX}{owing.pk}/settle/", too_much)
    assert response.status_code == 200 and "70.000" in response.content.decode()
    assert agreement_balance(owing).receivable == 70_000


def test_the_settlement_form_starts_on_today_as_a_browser_reads_it(client, login, owing):
    login("lipursari-treasurer")
    html = client.get(f"{INDEX}{owing.pk}/settle/").content.decode()
    assert 'type="date"' in html
    assert f'value="{today(owing.enterprise).isoformat()}"' in html
    assert 'value="from_partner"' in html and "170.000" in html


def test_a_manager_sets_a_commission_per_experience_and_net_rates(client, login, owing):
    login("lipursari-manager")
    tour = TourPage.objects.get(locale__language_code="id", slug="kelas-membatik")
    tier = tour.price_tiers.order_by("sort_order").first()
    page = client.get(f"{INDEX}{owing.pk}/terms/").content.decode()
    assert f'name="tour_commission_{tour.pk}"' in page and f'name="tier_net_{tier.pk}"' in page
    form = {
        "terms": "net_rates",
        "commission_percent": "0",
        "settlement": "on_account",
        "credit_limit": "2000000",
        f"tour_commission_{tour.pk}": "12",
        f"tier_net_{tier.pk}": "80000",
    }
    assert client.post(f"{INDEX}{owing.pk}/terms/", form).status_code == 302
    assert owing.tour_terms.get(tour=tour).commission_percent == 12
    assert owing.net_rates.get(tier=tier).net_price == 80_000
    form.pop(f"tier_net_{tier.pk}")
    form[f"tour_commission_{tour.pk}"] = ""
    assert client.post(f"{INDEX}{owing.pk}/terms/", form).status_code == 302
    assert not owing.tour_terms.exists() and not owing.net_rates.exists()
