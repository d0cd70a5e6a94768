"""Manual entries in the admin: propose through the form, a second person approves (the proposer
cannot), reject with a reason, and invariant 6 on every URL (another BUMDes's proposals are 404).
"""

import datetime as dt

import pytest
from django.utils import timezone

from bumdes import chart
from bumdes.models import JournalEntry, ManualEntry
from core.localtime import zone_info
from tests.admin_screens import in_english, refused
from tests.bumdes.enterprises import make_enterprise, make_user

JAKARTA = zone_info("Asia/Jakarta")

pytestmark = pytest.mark.django_db

LIST = "/admin/books/manual/"
NEW = "/admin/books/manual/new/"


def today() -> dt.date:
    return timezone.localtime(timezone.now(), JAKARTA).date()


@pytest.fixture
def people():
    enterprise = make_enterprise("tegalsari", "TGS")
    return {
        "enterprise": enterprise,
        "ana": in_english(make_user("tgs-ana", enterprise, "treasurer")),
        "bayu": in_english(make_user("tgs-bayu", enterprise, "treasurer")),
        "manager": in_english(make_user("tgs-manager", enterprise, "manager")),
        "operator": in_english(make_user("tgs-operator", enterprise, "operator")),
    }


def form_data(*lines, memo="Biaya administrasi bank", date=None):
    data = {
        "date": (date or today()).isoformat(),
        "memo": memo,
        "lines-TOTAL_FORMS": "4",
        "lines-INITIAL_FORMS": "4",
        "lines-MIN_NUM_FORMS": "0",
        "lines-MAX_NUM_FORMS": "30",
    }
    for index in range(4):
        account, side, amount = lines[index] if index < len(lines) else ("", "", "")
        data.update(
            {
                f"lines-{index}-account": account,
                f"lines-{index}-side": side,
                f"lines-{index}-amount": amount,
                f"lines-{index}-unit": "",
            }
        )
    return data


BALANCED = (("6.3.99.92", "debit", "25.000"), (chart.BANK, "credit", "Rp 25.000"))


def propose(client, people, *lines):
    client.force_login(people["ana"])
    response = client.post(NEW, form_data(*(lines or BALANCED)))
    assert response.status_code == 302, response.content.decode()[:2000]
    return ManualEntry.objects.filter(enterprise=people["enterprise"]).latest("pk")


def test_the_form_offers_own_detail_accounts(client, people):
    client.force_login(people["ana"])
    response = client.get(NEW)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'value="{chart.BANK}"' in html and f'value="{chart.PAYMENT_FEES}"' in html
    assert 'value="1.1.01"' not in html  # a header account
    assert f'value="{chart.INCOME_SUMMARY}"' not in html  # closing only


def test_proposing_keeps_the_entry_until_approved(client, people):
    manual = propose(client, people)
    assert manual.status == "pending" and manual.proposed_by == people["ana"]
    assert manual.lines[0] == {
        "account": "6.3.99.92",
        "side": "debit",
        "amount": 25_000,
        "unit": None,
    }
    assert not JournalEntry.objects.filter(enterprise=people["enterprise"]).exists()
    html = client.get(LIST).content.decode()
    assert f"{LIST}inspect/{manual.pk}/" in html and "Waiting for approval" in html


def test_an_unbalanced_or_one_line_proposal_is_refused(client, people):
    client.force_login(people["ana"])
    response = client.post(
        NEW, form_data(("6.3.99.92", "debit", "25000"), (chart.BANK, "credit", "20000"))
    )
    assert response.status_code == 200
    assert "must be equal" in response.content.decode()
    response = client.post(NEW, form_data(("6.3.99.92", "debit", "25000")))
    assert "at least two lines" in response.content.decode()
    response = client.post(
        NEW, form_data(("6.3.99.92", "debit", "25,5"), (chart.BANK, "credit", "abc"))
    )
    assert "whole number of rupiah" in response.content.decode()
    future = today() + dt.timedelta(days=2)
    response = client.post(NEW, form_data(*BALANCED, date=future))
    assert "cannot be in the future" in response.content.decode()
    assert not ManualEntry.objects.filter(enterprise=people["enterprise"]).exists()


def test_the_proposer_cannot_approve_a_second_person_can(client, people):
    manual = propose(client, people)
    url = f"{LIST}inspect/{manual.pk}/"
    html = client.get(url).content.decode()
    assert f"{LIST}approve/{manual.pk}/" not in html
    assert "another treasurer or the manager approves it" in html
    response = client.post(f"{LIST}approve/{manual.pk}/", follow=True)
    assert "A second person approves" in response.content.decode()
    manual.refresh_from_db()
    assert manual.status == "pending"

    client.force_login(people["bayu"])
    html = client.get(url).content.decode()
    assert f"{LIST}approve/{manual.pk}/" in html
    client.post(f"{LIST}approve/{manual.pk}/")
    client.post(f"{LIST}approve/{manual.pk}/")  # a double tap posts nothing more
    manual.refresh_from_db()
    assert manual.status == "posted" and manual.decided_by == people["bayu"]
    entry = JournalEntry.objects.get(enterprise=people["enterprise"])
    assert (entry.source_type, entry.source_ref) == ("manual", f"manual-{manual.pk}")
    html = client.get(f"/admin/books/journal/inspect/{entry.pk}/").content.decode()
    assert "Approved by" in html and "tgs-bayu" in html


def test_reject_with_a_reason(client, people):
    manual = propose(client, people)
    client.force_login(people["manager"])
    client.post(f"{LIST}reject/{manual.pk}/", {"reason": ""})
    manual.refresh_from_db()
    assert manual.status == "pending"
    client.post(f"{LIST}reject/{manual.pk}/", {"reason": "Tidak ada bukti"})
    manual.refresh_from_db()
    assert manual.status == "rejected" and manual.decided_by == people["manager"]
    html = client.get(f"{LIST}inspect/{manual.pk}/").content.decode()
    assert "Tidak ada bukti" in html
    assert not JournalEntry.objects.filter(enterprise=people["enterprise"]).exists()


def test_another_bumdes_proposal_is_not_found(client, login, people):
    manual = propose(client, people)
    login("lipursari-treasurer")
    assert f"{LIST}inspect/{manual.pk}/" not in client.get(LIST).content.decode()
    assert client.get(f"{LIST}inspect/{manual.pk}/").status_code == 404
    assert client.post(f"{LIST}approve/{manual.pk}/").status_code == 404
    assert client.post(f"{LIST}reject/{manual.pk}/", {"reason": "x"}).status_code == 404
    manual.refresh_from_db()
    assert manual.status == "pending"


def test_operators_cannot_propose_or_decide(client, people):
    manual = propose(client, people)
    client.force_login(people["operator"])
    assert refused(client.get(LIST))
    assert refused(client.get(NEW))
    assert refused(client.post(f"{LIST}approve/{manual.pk}/"))
    manual.refresh_from_db()
    assert manual.status == "pending"


def test_superuser_sees_every_proposal_but_does_not_approve(client, login, people):
    manual = propose(client, people)
    login("admin")
    html = client.get(LIST).content.decode()
    assert f"{LIST}inspect/{manual.pk}/" in html
    html = client.get(f"{LIST}inspect/{manual.pk}/").content.decode()
    assert f"{LIST}approve/{manual.pk}/" not in html
    client.post(f"{LIST}approve/{manual.pk}/")
    manual.refresh_from_db()
    assert manual.status == "pending"
