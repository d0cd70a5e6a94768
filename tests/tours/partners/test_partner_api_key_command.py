"""`manage.py partner_api_key PARTNER_SLUG --name NAME`: a new key, printed once as the last
word of the last line, that works in the API."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.tours.api_calls import BOOKINGS
from tests.tours.partners.factories import hotel
from tours.models import PartnerApiKey

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_rate_limit")]


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("partner_api_key", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_prints_a_working_key_as_the_last_word(client):
    partner = hotel()
    out, err = run(partner.slug, "--name", "booking engine")
    last_line = out.strip().splitlines()[-1]
    assert last_line.startswith(f"Key for {partner.name} (booking engine): ")
    raw = last_line.split()[-1]
    record = PartnerApiKey.objects.get(partner=partner)
    assert record.name == "booking engine" and raw.startswith(f"dw_{record.prefix}_")
    assert raw not in record.digest  # stored hashed only
    assert err == ""
    response = client.get(BOOKINGS, headers={"authorization": f"Bearer {raw}"})
    assert response.status_code == 200 and response.json()["count"] == 0


def test_an_unknown_partner_is_refused():
    hotel()
    with pytest.raises(CommandError, match="No partner “nobody”. Known: .*uji-hotel"):
        run("nobody", "--name", "x")
    assert not PartnerApiKey.objects.exists()


def test_a_blank_name_is_refused():
    partner = hotel()
    with pytest.raises(CommandError, match="--name"):
        run(partner.slug, "--name", "  ")
    assert not PartnerApiKey.objects.exists()


def test_warns_when_the_key_cannot_work_yet(client):
    partner = hotel("menunggu", active=False)
    out, err = run(partner.slug, "--name", "site")
    assert "no active agreement" in err
    raw = out.split()[-1]
    response = client.get(BOOKINGS, headers={"authorization": f"Bearer {raw}"})
    assert response.status_code == 401
