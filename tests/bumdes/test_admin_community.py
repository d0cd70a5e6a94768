"""Community members (guides, teachers, hosts) kept by operators and managers of their own
BUMDes, and paying them what they are owed: posted once, never more than owed."""

import re

import pytest

from bumdes import chart
from bumdes.manual import counterparty_owed
from bumdes.models import Counterparty, Enterprise, JournalEntry
from tests.admin_screens import field_errors, refused
from tests.bumdes.books_screens import COMMUNITY, PAYMENTS, rp, today

pytestmark = pytest.mark.django_db


# Community members ------------------------------------------------------------------------------


@pytest.fixture
def members():
    return {
        "own": Counterparty.objects.create(
            enterprise=Enterprise.objects.get(slug="lipursari"),
            kind="community",
            name="Mbak Lestari Lipur",
            role="pemandu",
        ),
        "other": Counterparty.objects.create(
            enterprise=Enterprise.objects.get(slug="plobangan"),
            kind="community",
            name="Mas Joko Plobang",
            role="pemandu",
        ),
    }


def test_community_members_list_is_scoped(client, login, members):
    login("lipursari-operator")
    response = client.get(COMMUNITY)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Mbak Lestari Lipur" in html and "Mas Joko Plobang" not in html
    assert f"{COMMUNITY}edit/{members['own'].pk}/" in html
    assert client.get(f"{COMMUNITY}edit/{members['other'].pk}/").status_code == 404
    response = client.post(f"{COMMUNITY}edit/{members['other'].pk}/", {"name": "Diganti"})
    assert response.status_code == 404
    members["other"].refresh_from_db()
    assert members["other"].name == "Mas Joko Plobang"


def test_an_operator_adds_a_member_to_their_own_bumdes(client, login):
    login("lipursari-operator")
    plobangan = Enterprise.objects.get(slug="plobangan")
    response = client.post(
        f"{COMMUNITY}new/",
        {
            "name": "Pak Slamet Baru",
            "role": "tuan rumah",
            "phone": "+6281300001111",
            "returned_migrant_worker": "true",
            "gender": "male",
            "is_active": "on",
            "enterprise": plobangan.pk,  # ignored: the BUMDes is the user's own
        },
    )
    assert response.status_code == 302
    member = Counterparty.objects.get(name="Pak Slamet Baru")
    assert member.enterprise.slug == "lipursari" and member.kind == "community"
    assert member.returned_migrant_worker is True and member.gender == "male"


def test_an_operator_edits_a_member_and_marks_them_inactive(client, login, members):
    login("lipursari-operator")
    url = f"{COMMUNITY}edit/{members['own'].pk}/"
    html = client.get(url).content.decode()
    assert 'name="name" value="Mbak Lestari Lipur"' in html
    response = client.post(
        url,
        {
            "name": "Mbak Lestari Lipur",
            "role": "pengajar",
            "phone": "",
            "returned_migrant_worker": "unknown",
            "gender": "female",
        },
    )
    assert response.status_code == 302
    members["own"].refresh_from_db()
    assert members["own"].role == "pengajar" and not members["own"].is_active
    assert members["own"].returned_migrant_worker is None


def test_treasurers_read_the_members_and_editors_do_not(client, login, members):
    login("lipursari-treasurer")
    assert "Mbak Lestari Lipur" in client.get(COMMUNITY).content.decode()
    assert refused(client.get(f"{COMMUNITY}new/"))
    assert refused(client.get(f"{COMMUNITY}edit/{members['own'].pk}/"))
    login("lipursari-editor")
    assert refused(client.get(COMMUNITY))


def test_superuser_chooses_the_bumdes_of_a_new_member(client, login, members):
    login("admin")
    html = client.get(COMMUNITY).content.decode()
    assert "Mbak Lestari Lipur" in html and "Mas Joko Plobang" in html
    plobangan = Enterprise.objects.get(slug="plobangan")
    response = client.post(
        f"{COMMUNITY}new/",
        {"name": "Bu Admin Baru", "gender": "", "returned_migrant_worker": "unknown"},
    )
    assert list(field_errors(response)) == ["enterprise"]  # the BUMDes is required
    client.post(
        f"{COMMUNITY}new/",
        {
            "name": "Bu Admin Baru",
            "gender": "",
            "returned_migrant_worker": "unknown",
            "enterprise": plobangan.pk,
            "is_active": "on",
        },
    )
    assert Counterparty.objects.get(name="Bu Admin Baru").enterprise == plobangan


# Paying them -----------------------------------------------------------------------------------


def test_payments_list_what_is_owed_per_person(client, fresh, login):
    client.force_login(fresh["ana"])
    html = client.get(PAYMENTS).content.decode()
    assert "Bu Warsini" in html and rp(200_000) in html
    assert f"{PAYMENTS}pay/{fresh['guide'].pk}/" in html
    login("lipursari-treasurer")
    html = client.get(PAYMENTS).content.decode()
    assert "Bu Warsini" not in html
    assert client.get(f"{PAYMENTS}pay/{fresh['guide'].pk}/").status_code == 404


def test_paying_a_community_member_brings_the_debt_to_zero_once(client, fresh):
    guide = fresh["guide"]
    client.force_login(fresh["ana"])
    url = f"{PAYMENTS}pay/{guide.pk}/"
    html = client.get(url).content.decode()
    key = re.search(r'name="key" value="([0-9a-f]{8})"', html).group(1)
    form = {"amount": "200.000", "method": "bank_transfer", "date": today().isoformat(), "key": key}
    response = client.post(url, form)
    assert response.status_code == 302
    assert counterparty_owed(guide) == 0
    entry = JournalEntry.objects.get(
        source_type="counterparty_payment", source_ref=f"pay-{guide.pk}-{key}"
    )
    assert entry.created_by == fresh["ana"]
    assert {(line.account.code, line.side) for line in entry.lines.all()} == {
        (chart.COMMUNITY_PAYABLE, "debit"),
        (chart.BANK, "credit"),
    }
    # A double tap sends the same form again: nothing more is posted.
    response = client.post(url, form, follow=True)
    assert "recorded already" in response.content.decode()
    assert (
        JournalEntry.objects.filter(source_type="counterparty_payment")
        .filter(enterprise=fresh["enterprise"])
        .count()
        == 1
    )
    html = client.get(PAYMENTS).content.decode()
    assert "Bu Warsini" not in html  # nobody owed any more


def test_paying_more_than_owed_is_refused(client, fresh):
    guide = fresh["guide"]
    client.force_login(fresh["ana"])
    response = client.post(
        f"{PAYMENTS}pay/{guide.pk}/",
        {"amount": "250000", "method": "cash", "date": today().isoformat(), "key": "abcdef12"},
    )
    assert response.status_code == 200
    assert "more than what is owed" in response.content.decode()
    assert counterparty_owed(guide) == 200_000


def test_operators_cannot_pay(client, fresh):
    client.force_login(fresh["operator"])
    assert refused(client.get(f"{PAYMENTS}pay/{fresh['guide'].pk}/"))
    response = client.post(
        f"{PAYMENTS}pay/{fresh['guide'].pk}/",
        {"amount": "1", "method": "cash", "date": today().isoformat(), "key": "k"},
    )
    assert refused(response)
    assert counterparty_owed(fresh["guide"]) == 200_000
