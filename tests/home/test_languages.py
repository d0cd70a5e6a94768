"""The language switcher leads to the same page in the other language, on every page."""

import re

import pytest

from tours.models import TourPage

pytestmark = pytest.mark.django_db


def _switch_links(html: str) -> dict[str, str]:
    block = re.search(r'<nav class="lang-switch".*?</nav>', html, re.S).group(0)
    return {code: href for href, code in re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', block)}


def test_switcher_on_a_tour_points_to_its_translation(client):
    tour = TourPage.objects.get(locale__language_code="id", slug="kelas-membatik")
    english = tour.get_translations().get()
    links = _switch_links(client.get(tour.url).content.decode())
    assert links["en"].endswith(english.url)
    back = _switch_links(client.get(english.url).content.decode())
    assert back["id"].endswith(tour.url)


def test_switcher_on_search_keeps_the_query(client):
    links = _switch_links(client.get("/search/?q=batik").content.decode())
    assert links["en"] == "/en/search/?q=batik"


def test_template_strings_are_translated(client):
    indonesian = client.get("/").content.decode()
    english = client.get("/en/").content.decode()
    assert "Lewati ke konten" in indonesian
    assert "Skip to content" in english
