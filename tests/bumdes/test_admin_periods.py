"""The periods screens: lock a month and reopen with a reason (every change kept), close a year
after seeing its result, and the village meeting's profit distribution; treasurers and managers
of the BUMDes only."""

import datetime as dt

import pytest

from bumdes import chart
from bumdes.admin.base import month_end
from bumdes.ledger import balances
from bumdes.models import JournalEntry, LockDateChange
from bumdes.periods import period_lock, year_close, year_profit
from tests.admin_screens import field_errors, refused
from tests.bumdes.books_screens import JOURNAL, PERIODS, last_month_end, rp, today

pytestmark = pytest.mark.django_db


def test_lock_a_month_then_reopen_with_a_reason(client, fresh):
    enterprise = fresh["enterprise"]
    client.force_login(fresh["ana"])
    html = client.get(PERIODS).content.decode()
    end = last_month_end()
    assert f'value="{end.isoformat()}"' in html
    response = client.post(PERIODS, {"action": "lock", "month": end.isoformat()})
    assert response.status_code == 302
    enterprise.refresh_from_db()
    assert enterprise.lock_date == end

    earlier = end.replace(day=1) - dt.timedelta(days=1)
    response = client.post(
        PERIODS, {"action": "reopen", "month": earlier.isoformat(), "reason": ""}
    )
    assert field_errors(response) == {"reason": "This field is required."}
    enterprise.refresh_from_db()
    assert enterprise.lock_date == end

    client.post(
        PERIODS, {"action": "reopen", "month": earlier.isoformat(), "reason": "Kuitansi terlambat"}
    )
    enterprise.refresh_from_db()
    assert enterprise.lock_date == earlier
    change = LockDateChange.objects.filter(enterprise=enterprise).first()
    assert (change.old_date, change.new_date) == (end, earlier)
    assert change.reason == "Kuitansi terlambat" and change.user == fresh["ana"]
    html = client.get(PERIODS).content.decode()
    assert "Kuitansi terlambat" in html


def test_the_current_month_cannot_be_locked(client, fresh):
    client.force_login(fresh["ana"])
    this_month = month_end(today()).isoformat()
    response = client.post(PERIODS, {"action": "lock", "month": this_month})
    assert field_errors(response) == {
        "month": f"Select a valid choice. {this_month} is not one of the available choices."
    }
    fresh["enterprise"].refresh_from_db()
    assert fresh["enterprise"].lock_date is None


def test_periods_show_own_lock_history_only(client, login, fresh):
    period_lock(
        enterprise=fresh["enterprise"], lock_date=dt.date(2020, 1, 31), reason="Rahasia Karangsari"
    )
    login("lipursari-treasurer")
    html = client.get(PERIODS, {"enterprise": "karangsari"}).content.decode()
    assert "Rahasia Karangsari" not in html
    assert client.post(
        PERIODS,
        {"action": "lock", "month": last_month_end().isoformat(), "enterprise": "karangsari"},
    ).status_code in (200, 302)
    client.post(
        f"{PERIODS}close/",
        {"year": fresh["last_year"], "confirm": "yes", "enterprise": "karangsari"},
    )
    fresh["enterprise"].refresh_from_db()
    assert fresh["enterprise"].lock_date == dt.date(2020, 1, 31)
    assert not JournalEntry.objects.filter(
        enterprise=fresh["enterprise"], source_type="year_close"
    ).exists()


def test_close_a_year_shows_the_result_first_then_locks_it(client, fresh):
    enterprise = fresh["enterprise"]
    year = fresh["last_year"]
    client.force_login(fresh["ana"])
    response = client.get(f"{PERIODS}close/", {"year": year})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Profit of the year" in html and rp(800_000) in html  # 1.000.000 − 200.000
    assert not JournalEntry.objects.filter(enterprise=enterprise, source_type="year_close").exists()

    response = client.post(f"{PERIODS}close/", {"year": year, "confirm": "yes"})
    assert response.status_code == 302
    enterprise.refresh_from_db()
    assert enterprise.lock_date == dt.date(year, 12, 31)
    assert year_profit(enterprise, year) == 800_000
    assert sum(balances(enterprise).values()) == 0


def test_distribution_needs_the_decision_number(client, fresh):
    enterprise = fresh["enterprise"]
    year = fresh["last_year"]
    year_close(enterprise=enterprise, year=year)
    client.force_login(fresh["ana"])
    url = f"{PERIODS}distribute/"
    html = client.get(url, {"year": year}).content.decode()
    # The percentages and amounts are shown before anything is posted.
    assert rp(320_000) in html and rp(160_000) in html and rp(80_000) in html
    response = client.post(
        url, {"year": year, "decision_number": " ", "decision_date": today().isoformat()}
    )
    assert field_errors(response) == {"decision_number": "This field is required."}
    assert not JournalEntry.objects.filter(
        enterprise=enterprise, source_type="profit_distribution"
    ).exists()
    response = client.post(
        url,
        {"year": year, "decision_number": "03/MUSDES/2027", "decision_date": today().isoformat()},
    )
    entry = JournalEntry.objects.get(enterprise=enterprise, source_type="profit_distribution")
    assert response.status_code == 302 and "03/MUSDES/2027" in entry.memo
    assert {(line.account.code, line.amount) for line in entry.lines.filter(side="credit")} == {
        (chart.PADES_PAYABLE, 320_000),
        (chart.RESERVES, 160_000),
        (chart.INVESTORS_PAYABLE, 80_000),
    }
    html = client.get(url).content.decode()
    assert "There is no closed year with a profit left to distribute." in html
    assert f"{year}" in html and f"{JOURNAL}inspect/{entry.pk}/" in html


def test_operators_cannot_lock_or_close(client, fresh):
    client.force_login(fresh["operator"])
    for url in (PERIODS, f"{PERIODS}close/", f"{PERIODS}distribute/"):
        assert refused(client.get(url)), url
    assert refused(client.post(PERIODS, {"action": "lock", "month": last_month_end().isoformat()}))
    fresh["enterprise"].refresh_from_db()
    assert fresh["enterprise"].lock_date is None
