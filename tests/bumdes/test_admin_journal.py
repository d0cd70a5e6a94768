"""The journal screen: each BUMDes's own entries with their lines, filters on its own accounts
and units, an entry's page, and reversing with a reason, dated after the lock date. Another
BUMDes's entries are absent and their URLs 404; operators and editors do not see the books."""

import datetime as dt
import re

import pytest

from bumdes import chart
from bumdes.ledger import balances
from bumdes.models import Enterprise, JournalEntry
from bumdes.periods import period_lock
from core.formats import short_date
from tests.admin_screens import english, field_errors, refused
from tests.bumdes.books_screens import (
    JOURNAL,
    LEDGER,
    PAYMENTS,
    PERIODS,
    entry_ids,
    entry_of,
    rp,
    today,
)

pytestmark = pytest.mark.django_db


def test_journal_lists_own_entries_with_their_lines(client, login):
    login("lipursari-treasurer")
    response = client.get(JOURNAL)
    html = response.content.decode()
    assert response.status_code == 200
    ids = entry_ids(html)
    assert ids
    assert set(
        JournalEntry.objects.filter(pk__in=ids).values_list("enterprise__slug", flat=True)
    ) == {"lipursari"}
    assert "1.1.01.01" in html or "2.1.06.01" in html  # the lines are shown with their accounts


def test_journal_names_the_columns_of_the_lines_and_keeps_dates_on_one_line(client, login):
    login("lipursari-treasurer")
    html = client.get(JOURNAL).content.decode()
    head = re.search(r"<thead>(.*?)</thead>", html, re.S)[1]
    headings = [
        " ".join(re.sub(r"<[^>]+>", " ", cell).split())
        for cell in re.findall(r"<th\b.*?</th>", head, re.S)
    ]
    assert "Akun Debit Kredit" in headings
    entry = JournalEntry.objects.filter(enterprise__slug="lipursari").order_by("-date", "-pk")[0]
    date_cell = re.search(
        rf'<td class="desa-nowrap title">.*?/inspect/{entry.pk}/.*?</td>', html, re.S
    )
    assert date_cell and short_date(entry.date) in date_cell[0]


def test_journal_filters_by_date_account_unit_and_booking(client, login):
    lipursari = Enterprise.objects.get(slug="lipursari")
    delivery = entry_of("lipursari", source_type="delivery")
    line = delivery.lines.exclude(booking_ref="").first()
    login("lipursari-treasurer")
    day = delivery.date.isoformat()
    html = client.get(JOURNAL, {"date_from": day, "date_to": day}).content.decode()
    assert delivery.pk in entry_ids(html)
    assert all(e.date == delivery.date for e in JournalEntry.objects.filter(pk__in=entry_ids(html)))

    html = client.get(JOURNAL, {"booking": line.booking_ref.lower()}).content.decode()
    found = JournalEntry.objects.filter(pk__in=entry_ids(html))
    assert delivery.pk in entry_ids(html)
    assert all(e.lines.filter(booking_ref=line.booking_ref).exists() for e in found)

    account = lipursari.accounts.get(code=chart.COMMUNITY_PAYABLE)
    html = client.get(JOURNAL, {"account": account.pk}).content.decode()
    found = JournalEntry.objects.filter(pk__in=entry_ids(html))
    assert found and all(e.lines.filter(account=account).exists() for e in found)

    html = client.get(
        JOURNAL, {"unit": line.unit_id, "date_from": day, "date_to": day}
    ).content.decode()
    found = JournalEntry.objects.filter(pk__in=entry_ids(html))
    assert delivery.pk in entry_ids(html)
    assert all(e.lines.filter(unit_id=line.unit_id).exists() for e in found)


def test_journal_filters_offer_own_accounts_and_units_only(client, login):
    login("lipursari-treasurer")
    other_account = Enterprise.objects.get(slug="plobangan").accounts.get(code=chart.CASH)
    html = client.get(JOURNAL).content.decode()
    assert f'value="{other_account.pk}"' not in html
    html = client.get(JOURNAL, {"account": other_account.pk}).content.decode()
    assert not (
        entry_ids(html)
        - set(
            JournalEntry.objects.filter(enterprise__slug="lipursari").values_list("pk", flat=True)
        )
    )


def test_journal_entry_page_shows_lines_source_and_poster(client, login):
    entry = entry_of("lipursari", source_type="payment")
    english("lipursari-treasurer")
    login("lipursari-treasurer")
    response = client.get(f"{JOURNAL}inspect/{entry.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert entry.memo in html and entry.source_ref in html
    assert "Payment received" in html
    for line in entry.lines.select_related("account"):
        assert line.account.name in html
    assert rp(sum(x.amount for x in entry.lines.all() if x.side == "debit")) in html
    assert f"{JOURNAL}reverse/{entry.pk}/" in html


def test_another_bumdes_entry_is_not_found(client, login):
    other = entry_of("plobangan")
    login("lipursari-treasurer")
    assert client.get(f"{JOURNAL}inspect/{other.pk}/").status_code == 404
    assert client.get(f"{JOURNAL}reverse/{other.pk}/").status_code == 404
    response = client.post(
        f"{JOURNAL}reverse/{other.pk}/", {"date": today().isoformat(), "reason": "x"}
    )
    assert response.status_code == 404
    assert not JournalEntry.objects.filter(reverses=other).exists()


def test_operators_and_editors_do_not_see_the_books(client, login):
    entry = entry_of("lipursari")
    for username in ("lipursari-operator", "lipursari-editor"):
        login(username)
        for url in (
            JOURNAL,
            f"{JOURNAL}inspect/{entry.pk}/",
            f"{JOURNAL}reverse/{entry.pk}/",
            LEDGER,
            PAYMENTS,
            PERIODS,
            "/admin/books/reports/",
            "/admin/books/manual/",
        ):
            assert refused(client.get(url)), (username, url)


def test_superuser_sees_every_bumdes_and_filters_by_one(client, login):
    login("admin")
    plobangan = Enterprise.objects.get(slug="plobangan")
    html = client.get(JOURNAL).content.decode()
    assert "BUMDes" in html
    html = client.get(JOURNAL, {"enterprise": plobangan.pk}).content.decode()
    ids = entry_ids(html)
    assert ids and set(
        JournalEntry.objects.filter(pk__in=ids).values_list("enterprise_id", flat=True)
    ) == {plobangan.pk}


def test_reversing_needs_a_reason_and_posts_the_mirror(client, fresh):
    capital = JournalEntry.objects.get(enterprise=fresh["enterprise"], source_type="capital")
    client.force_login(fresh["ana"])
    url = f"{JOURNAL}reverse/{capital.pk}/"
    html = client.get(url).content.decode()
    assert f"<title>Reverse entry: No. {capital.pk} - Wagtail</title>" in html
    assert rp(5_000_000) in html  # the entry to mirror, shown before anything is posted
    response = client.post(url, {"date": today().isoformat(), "reason": ""})
    assert field_errors(response) == {"reason": "This field is required."}
    assert not JournalEntry.objects.filter(reverses=capital).exists()

    response = client.post(url, {"date": today().isoformat(), "reason": "Salah catat"})
    reversal = JournalEntry.objects.get(reverses=capital)
    assert response.status_code == 302
    assert response["Location"] == f"{JOURNAL}inspect/{reversal.pk}/"
    assert reversal.date == today() and "Salah catat" in reversal.memo
    assert reversal.created_by == fresh["ana"]
    assert balances(fresh["enterprise"]).get(chart.CAPITAL, 0) == 0
    # Both pages link to each other; the reversed entry offers no second reversal.
    html = client.get(f"{JOURNAL}inspect/{capital.pk}/").content.decode()
    assert f"{JOURNAL}inspect/{reversal.pk}/" in html and url not in html
    client.post(url, {"date": today().isoformat(), "reason": "Lagi"})
    assert (
        JournalEntry.objects.filter(source_type="reversal", enterprise=fresh["enterprise"]).count()
        == 1
    )


def test_a_reversal_is_dated_after_the_lock_date(client, fresh):
    capital = JournalEntry.objects.get(enterprise=fresh["enterprise"], source_type="capital")
    period_lock(enterprise=fresh["enterprise"], lock_date=dt.date(fresh["last_year"], 12, 31))
    client.force_login(fresh["ana"])
    response = client.post(
        f"{JOURNAL}reverse/{capital.pk}/",
        {"date": dt.date(fresh["last_year"], 12, 31).isoformat(), "reason": "Salah"},
    )
    assert response.status_code == 200
    assert "locked up to" in response.content.decode()
    assert not JournalEntry.objects.filter(reverses=capital).exists()
