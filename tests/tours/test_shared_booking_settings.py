"""One set of booking settings per experience, shared by every translation of its page.

The price tiers, group size and policy live on the default-language (Indonesian) page; the
English page translates only words. So a price changed on the Indonesian page is the price the
English page, its cards, its schema.org data and the API show — even while the English page still
carries an older copy of the tiers (as a translation synchronised before the change does) — and
the price the English booking charges.
"""

import importlib
import json
import re

import pytest
from bs4 import BeautifulSoup
from django.apps import apps as django_apps

from tests.tours.factories import tour
from tours.models import PriceTier, TourPage

order_tiers = importlib.import_module("tours.migrations.0008_pricetier_order")

pytestmark = pytest.mark.django_db


@pytest.fixture
def batik():
    """Kelas Membatik in both languages; the Indonesian price of a person goes up to Rp 120.000
    while the English page keeps its stale copy of Rp 100.000."""
    indonesian, english = tour(language="id"), tour(language="en")
    person = indonesian.price_tiers.get(price=100_000)
    PriceTier.objects.filter(pk=person.pk).update(price=120_000)
    assert english.price_tiers.filter(price=100_000).exists()  # the stale translation
    return indonesian, english


def _json_ld(html: str) -> list[dict]:
    soup = BeautifulSoup(html, "html.parser")
    return [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]


def test_the_english_page_shows_the_one_price_list(client, batik):
    indonesian, english = batik
    html = client.get(english.url).content.decode()
    table = BeautifulSoup(html, "html.parser").select_one(".price-table").get_text(" ", strip=True)
    assert "Rp 120,000" in table and "Rp 100,000" not in table
    assert "Per person" in table  # the English label of the shared tier
    offers = [o for block in _json_ld(html) for o in block.get("offers", [])]
    assert {o["price"] for o in offers} >= {120_000}
    assert 100_000 not in {o["price"] for o in offers}


def test_cards_and_the_api_show_the_one_price_list(client, batik):
    indonesian, english = batik
    listing = TourPage.objects.listed(english.locale).get(pk=english.pk)
    assert listing.min_price == 75_000  # the student tier, unchanged, is still the lowest
    assert english.from_price == 75_000
    answer = client.get("/api/v1/tours/", {"lang": "en"}).json()
    tiers = next(t for t in answer if t["id"] == indonesian.pk)["price_tiers"]
    assert {tier["label"]: tier["price"] for tier in tiers}["Per person"] == 120_000


def test_group_size_is_the_booking_pages(client, batik):
    indonesian, english = batik
    TourPage.objects.filter(pk=indonesian.pk).update(max_participants=33)
    html = client.get(english.url).content.decode()
    assert re.search(r"1\D+33 people per booking", html)


def test_every_tier_has_its_place_in_the_order():
    """A tier without a `sort_order` sorts after the others (NULLS LAST) as soon as an editor
    saves one tier: the student tier jumped to the top when a price was edited."""
    assert not PriceTier.objects.filter(sort_order__isnull=True).exists()
    page = tour(language="id")
    assert [t.price for t in page.price_tiers.all()] == [100_000, 75_000]


def test_the_migration_gives_unordered_tiers_their_order():
    page = tour(language="id")
    tiers = list(page.price_tiers.all())
    PriceTier.objects.filter(page=page).update(sort_order=None)

    order_tiers.order_tiers(django_apps, None)

    assert list(page.price_tiers.values_list("pk", flat=True)) == [t.pk for t in tiers]
    assert list(page.price_tiers.values_list("sort_order", flat=True)) == [0, 1]
