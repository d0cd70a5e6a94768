"""The admin speaks one language: an operator's and a treasurer's screens, an editor's pages and
media, and a manager's money screens are all in Indonesian, their menus and Wagtail's own words
included, whatever the browser asks for. (The words of English pages are the editors' own.)"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from bumdes import chart
from bumdes.models import Counterparty, JournalEntry
from tests.admin_language import english_on_page, untranslated_lookups
from tests.tours.staff_screens import book, departure_ahead, departure_today, tour_of
from tours.models import Booking, TourPage, VillagePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def bookings():
    """Lipursari: a group for later today, and one for next week."""
    today = book(departure_today(tour_of("lipursari")), people=3, name="Dewi Lestari")
    ahead = book(departure_ahead(tour_of("lipursari"), days=7), name="Rina Wulandari")
    return today, ahead


def operator_screens(today: Booking, ahead: Booking) -> list[tuple[str, str, dict | None]]:
    """(method, URL, data) of everything an operator works with."""
    departure = today.departure
    return [
        ("get", "/admin/", None),
        ("get", reverse("bookings:index"), None),
        ("get", reverse("bookings:index"), {"q": today.reference}),
        ("get", reverse("bookings:index"), {"q": "tidak ada"}),
        ("get", reverse("bookings:index"), {"status": "confirmed", "nameless": "shown"}),
        ("get", reverse("bookings:inspect", args=[today.pk]), None),
        ("get", reverse("bookings:cancel", args=[ahead.pk]), None),
        ("post", reverse("bookings:cancel", args=[ahead.pk]), {"reason": ""}),
        ("get", reverse("bookings:add"), None),
        ("get", reverse("bookings:add_for", args=[ahead.departure_id]), None),
        ("post", reverse("bookings:add_for", args=[ahead.departure_id]), {"name": ""}),
        ("get", reverse("departures:index"), None),
        ("get", reverse("departures:index"), {"q": "Batik"}),
        ("get", reverse("departures:edit", args=[departure.pk]), None),
        ("get", reverse("departures:cancel", args=[departure.pk]), None),
        ("get", reverse("departures:add"), None),
        ("post", reverse("departures:add"), {"capacity": "0"}),
        ("get", reverse("departures:manifest", args=[departure.pk]), None),
        ("get", reverse("departures:day_manifest"), None),
        ("get", reverse("check-in:index"), None),
        ("post", reverse("check-in:index"), {"code": "LPS-22222"}),
        ("post", reverse("check-in:index"), {"code": today.reference.lower()}),
        ("post", reverse("check-in:index"), {"code": today.reference}),
        ("get", reverse("community:index"), None),
        ("get", reverse("community:add"), None),
        ("post", reverse("community:add"), {"name": ""}),
        ("get", reverse("wagtailadmin_account"), None),
    ]


# A manual entry sent back: no memo, and a debit without its credit.
UNBALANCED_ENTRY = {
    "memo": "",
    "lines-TOTAL_FORMS": "2",
    "lines-INITIAL_FORMS": "0",
    "lines-MIN_NUM_FORMS": "0",
    "lines-MAX_NUM_FORMS": "30",
    "lines-0-account": chart.CASH,
    "lines-0-side": "debit",
    "lines-0-amount": "15.000",
}


def treasurer_screens(today: Booking) -> list[tuple[str, str, dict | None]]:
    entry = JournalEntry.objects.filter(enterprise__slug="lipursari").order_by("-pk").first()
    member = Counterparty.objects.filter(enterprise__slug="lipursari").first()
    reports = [
        "balance-sheet",
        "income-statement",
        "equity",
        "cash-flow",
        "trial-balance",
        "general-ledger",
        "journal",
        "subledgers",
        "revenue",
        "impact",
    ]
    return [
        ("get", "/admin/", None),
        ("get", reverse("books_reports:index"), None),
        *[("get", reverse("books_reports:report", args=[slug]), None) for slug in reports],
        ("get", reverse("books_journal:index"), None),
        ("get", reverse("books_journal:index"), {"q": "LPS"}),
        ("get", reverse("books_journal:inspect", args=[entry.pk]), None),
        ("get", reverse("books_journal:reverse", args=[entry.pk]), None),
        ("get", reverse("books_manual:index"), None),
        ("get", reverse("books_manual:add"), None),
        ("post", reverse("books_manual:add"), UNBALANCED_ENTRY),
        ("get", reverse("books_ledger:index"), None),
        ("get", reverse("books_ledger:index"), {"account": chart.CASH}),
        ("get", reverse("books_payments:index"), None),
        ("get", reverse("books_payments:pay", args=[member.pk]), None),
        ("get", reverse("books_periods:index"), None),
        ("get", reverse("books_periods:close"), None),
        ("get", reverse("books_periods:distribute"), None),
        ("get", reverse("bank_transfers:index"), None),
        ("get", reverse("bookings:index"), None),
        ("get", reverse("bookings:inspect", args=[today.pk]), None),
        ("get", reverse("booking_refunds:add", args=[today.pk]), None),
        ("get", reverse("departures:index"), None),
        ("get", reverse("community:index"), None),
    ]


def editor_screens() -> list[tuple[str, str, dict | None]]:
    village = VillagePage.objects.get(slug="lipursari", locale__language_code="id")
    tour = TourPage.objects.child_of(village).first()
    return [
        ("get", "/admin/", None),
        ("get", reverse("wagtailadmin_explore", args=[village.pk]), None),
        ("get", reverse("wagtailadmin_pages:edit", args=[village.pk]), None),
        ("get", reverse("wagtailadmin_pages:edit", args=[tour.pk]), None),
        ("get", reverse("wagtailadmin_pages:add", args=["tours", "tourpage", village.pk]), None),
        ("get", reverse("wagtailimages:index"), None),
        ("get", reverse("wagtaildocs:index"), None),
        ("get", reverse("wagtail_localize:translations_report"), None),
    ]


def manager_screens() -> list[tuple[str, str, dict | None]]:
    return [
        ("get", reverse("payment_methods:index"), None),
        ("get", reverse("stripe_connect:index"), None),
    ]


def visit(client, screens) -> tuple[set[str], dict[str, dict[str, str]]]:
    """Untranslated messages, and English words by screen, over all the screens."""
    english = {}
    with untranslated_lookups() as missing:
        for method, url, data in screens:
            response = getattr(client, method)(url, data or {})
            assert response.status_code in (200, 302), (url, response.status_code)
            if response.status_code == 200:
                found = english_on_page(response.content.decode())
                if found:
                    english[f"{method} {url} {data or ''}"] = found
    return missing, english


def report(missing: set[str], english: dict[str, dict[str, str]]) -> str:
    lines = ["Not translated:", *sorted(missing), "English on the screens:"]
    for screen, words in english.items():
        lines += [screen, *(f"    {word}: {text}" for word, text in sorted(words.items()))]
    return "\n".join(lines)


def staff_client(client, username: str):
    # The browser asks for English: the staff member's own admin language wins.
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    client.force_login(get_user_model().objects.get(username=username))
    return client


def test_an_operators_screens_are_all_in_indonesian(client, bookings):
    missing, english = visit(
        staff_client(client, "lipursari-operator"), operator_screens(*bookings)
    )
    assert not missing, report(missing, english)
    assert not english, report(missing, english)


def test_a_treasurers_screens_are_all_in_indonesian(client, bookings):
    missing, english = visit(
        staff_client(client, "lipursari-treasurer"), treasurer_screens(bookings[0])
    )
    assert not missing, report(missing, english)
    assert not english, report(missing, english)


# wagtail-localize's translations report pages an unordered list; not ours to order.
@pytest.mark.filterwarnings("ignore::django.core.paginator.UnorderedObjectListWarning")
def test_an_editors_own_pages_and_media_are_in_indonesian(client):
    missing, english = visit(staff_client(client, "lipursari-editor"), editor_screens())
    assert not missing, report(missing, english)
    assert not english, report(missing, english)


def test_a_managers_money_screens_are_all_in_indonesian(client):
    missing, english = visit(staff_client(client, "lipursari-manager"), manager_screens())
    assert not missing, report(missing, english)
    assert not english, report(missing, english)
