"""The treasurer's screens (journal, reversal, account ledger, payments, periods, community
members, the menu), each rendered for its own BUMDes, and invariant 6 on every one of them:
another BUMDes's rows are absent and its URLs are 404 (or 403 without the permission).

Screens that change the books (reversals, payments, locks, year close, distribution) work on a
BUMDes made for the test, so the demo's books stay as the other tests expect them.
"""

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.users.models import UserProfile

from bumdes import chart, postings
from bumdes.admin.base import month_end
from bumdes.ledger import balances
from bumdes.manual import counterparty_owed
from bumdes.models import Counterparty, Enterprise, JournalEntry, LockDateChange
from bumdes.periods import period_lock, year_close, year_profit
from core.formats import rupiah
from core.localtime import zone_info
from tests.bumdes.test_manual import make_enterprise, make_user
from tests.tours.test_admin_bookings import english, refused

JAKARTA = zone_info("Asia/Jakarta")

pytestmark = pytest.mark.django_db

JOURNAL = "/admin/books/journal/"
LEDGER = "/admin/books/ledger/"
PAYMENTS = "/admin/books/payments/"
PERIODS = "/admin/books/periods/"
COMMUNITY = "/admin/community/"


def rp(amount: int) -> str:
    """Rupiah as an English-speaking user sees them ("Rp 200,000")."""
    return rupiah(amount, "en")


def today() -> dt.date:
    return timezone.localtime(timezone.now(), JAKARTA).date()


def in_english(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def entry_ids(html: str) -> set[int]:
    return {int(n) for n in re.findall(r"/admin/books/journal/inspect/(\d+)/", html)}


def entry_of(slug: str, **filters) -> JournalEntry:
    return JournalEntry.objects.filter(enterprise__slug=slug, **filters).order_by("pk").first()


@pytest.fixture
def fresh():
    """A BUMDes of the test's own: capital, a sale last year, and a guide owed her share."""
    enterprise = make_enterprise("karangsari", "KRS")
    enterprise.share_village_percent = 40
    enterprise.share_reserve_percent = 20
    enterprise.share_investors_percent = 10
    enterprise.save()
    last_year = today().year - 1
    unit = enterprise.units.get()
    guide = Counterparty.objects.create(
        enterprise=enterprise, kind="community", name="Bu Warsini", role="pemandu"
    )
    postings.post_capital(
        enterprise=enterprise, amount=5_000_000, date=dt.date(last_year, 1, 5), source_ref="m"
    )
    sale = postings.Sale(enterprise=enterprise, booking_ref="KRS-AAAAA", unit=unit, tour="Tur")
    postings.post_payment_received(
        sale=sale,
        amount=1_000_000,
        method="cash",
        date=dt.date(last_year, 6, 1),
        delivered=False,
        source_ref="p",
    )
    postings.post_delivery(
        sale=sale, date=dt.date(last_year, 6, 15), shares=[(guide, 200_000)], source_ref="d"
    )
    return {
        "enterprise": enterprise,
        "guide": guide,
        "unit": unit,
        "last_year": last_year,
        "ana": in_english(make_user("krs-ana", enterprise, "treasurer")),
        "bayu": in_english(make_user("krs-bayu", enterprise, "manager")),
        "operator": in_english(make_user("krs-operator", enterprise, "operator")),
    }


# Journal ----------------------------------------------------------------------------------------


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
    assert client.get(url).status_code == 200
    response = client.post(url, {"date": today().isoformat(), "reason": ""})
    assert response.status_code == 200
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


# Account ledger ---------------------------------------------------------------------------------


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


# Payments ---------------------------------------------------------------------------------------


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


# Periods ----------------------------------------------------------------------------------------


def last_month_end() -> dt.date:
    return today().replace(day=1) - dt.timedelta(days=1)


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
    assert response.status_code == 200
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
    response = client.post(PERIODS, {"action": "lock", "month": month_end(today()).isoformat()})
    assert response.status_code == 200
    fresh["enterprise"].refresh_from_db()
    assert fresh["enterprise"].lock_date is None


def test_periods_show_own_lock_history_only(client, login, fresh):
    period_lock(enterprise=fresh["enterprise"], lock_date=dt.date(2020, 1, 31), reason="x")
    LockDateChange.objects.filter(enterprise=fresh["enterprise"]).update(
        reason="Rahasia Karangsari"
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
    assert response.status_code == 200
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
    assert client.get(url).status_code == 200  # nothing left to distribute


def test_operators_cannot_lock_or_close(client, fresh):
    client.force_login(fresh["operator"])
    for url in (PERIODS, f"{PERIODS}close/", f"{PERIODS}distribute/"):
        assert refused(client.get(url)), url
    assert refused(client.post(PERIODS, {"action": "lock", "month": last_month_end().isoformat()}))
    fresh["enterprise"].refresh_from_db()
    assert fresh["enterprise"].lock_date is None


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
    assert client.get(url).status_code == 200
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
    assert response.status_code == 200  # the BUMDes is required
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


# The menu ---------------------------------------------------------------------------------------


def test_books_menu_for_treasurers_and_managers_community_for_operators(client, login):
    books = (JOURNAL, LEDGER, PAYMENTS, PERIODS, "/admin/books/reports/", "/admin/books/manual/")
    for username in ("lipursari-treasurer", "lipursari-manager", "admin"):
        login(username)
        html = client.get("/admin/").content.decode()
        for url in books:
            assert url in html, (username, url)
        assert COMMUNITY in html
    login("lipursari-operator")
    html = client.get("/admin/").content.decode()
    assert COMMUNITY in html
    assert not any(url in html for url in books)
    login("lipursari-editor")
    html = client.get("/admin/").content.decode()
    assert COMMUNITY not in html and JOURNAL not in html


def test_model_permissions_come_from_the_roles():
    user = get_user_model().objects.get(username="lipursari-treasurer")
    assert user.has_perm("bumdes.add_journalentry") and user.has_perm("bumdes.change_manualentry")
    assert not user.has_perm("bumdes.add_counterparty")
    operator = get_user_model().objects.get(username="lipursari-operator")
    assert operator.has_perm("bumdes.change_counterparty")
    assert not operator.has_perm("bumdes.view_journalentry")
    manager = get_user_model().objects.get(username="lipursari-manager")
    assert manager.has_perm("bumdes.add_lockdatechange") and manager.has_perm(
        "bumdes.add_counterparty"
    )
