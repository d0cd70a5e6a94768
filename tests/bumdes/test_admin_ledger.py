"""The account ledger screen: opening balance, lines with a running balance and closing balance,
in the user's own books only (a superuser chooses whose)."""

import datetime as dt

import pytest

from bumdes import chart
from bumdes.models import JournalEntry
from tests.bumdes.books_screens import LEDGER, entry_ids, rp

pytestmark = pytest.mark.django_db


def test_account_ledger_shows_opening_lines_and_closing(client, fresh):
    client.force_login(fresh["ana"])
    year = fresh["last_year"]
    response = client.get(
        LEDGER,
        {
            "account": chart.COMMUNITY_PAYABLE,
            "date_from": dt.date(year, 6, 1).isoformat(),
            "date_to": dt.date(year, 12, 31).isoformat(),
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Utang kepada Mitra Komunitas" in html and "Bu Warsini" in html
    assert "Opening balance" in html and "Closing balance" in html
    assert html.count(rp(200_000)) >= 2  # the line and the closing balance
    delivery = JournalEntry.objects.get(enterprise=fresh["enterprise"], source_type="delivery")
    assert entry_ids(html) == {delivery.pk}


def test_account_ledger_stays_in_own_books(client, login):
    login("lipursari-treasurer")
    # A staff member cannot point the screen at another BUMDes's books.
    html = client.get(
        LEDGER,
        {"account": chart.COMMUNITY_PAYABLE, "enterprise": "plobangan", "date_from": "2000-01-01"},
    ).content.decode()
    ids = entry_ids(html)
    assert ids
    assert set(
        JournalEntry.objects.filter(pk__in=ids).values_list("enterprise__slug", flat=True)
    ) == {"lipursari"}


def test_superuser_chooses_whose_ledger(client, login):
    login("admin")
    html = client.get(LEDGER).content.decode()
    assert "?enterprise=plobangan" in html and "?enterprise=lipursari" in html
    html = client.get(
        LEDGER, {"enterprise": "plobangan", "account": chart.CASH, "date_from": "2000-01-01"}
    ).content.decode()
    ids = entry_ids(html)
    assert ids and set(
        JournalEntry.objects.filter(pk__in=ids).values_list("enterprise__slug", flat=True)
    ) == {"plobangan"}
