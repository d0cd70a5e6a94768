"""Search engines and sharing: sitemap, robots.txt, JSON-LD, OpenGraph, canonical and hreflang."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.utils.html import escape
from wagtail.models import Page, Site

from tours.models import TourPage, VillagePage

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def _json_ld(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def test_sitemap_lists_every_live_page_in_both_languages_with_alternates(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    locations = [loc.text for loc in root.findall("s:url/s:loc", NS)]
    live = Page.objects.live().filter(depth__gte=2).count()
    assert len(locations) == live
    assert any("/en/" in loc for loc in locations)
    alternates = root.findall("s:url/x:link", NS)
    assert {a.get("hreflang") for a in alternates} == {"id", "en"}


def test_every_sitemap_page_is_that_page_in_its_language(client):
    pages = {page.full_url: page.specific for page in Page.objects.live().filter(depth__gte=2)}
    root = ET.fromstring(client.get("/sitemap.xml").content)
    locations = [loc.text for loc in root.findall("s:url/s:loc", NS)]
    assert set(locations) == set(pages)
    for location in locations:
        page = pages[location]
        response = client.get(re.sub(r"^https?://[^/]+", "", location))
        assert response.status_code == 200, location
        html = response.content.decode()
        language = page.locale.language_code
        assert f'<html lang="{language}">' in html, location
        assert f"<title>{escape(page.seo_title or page.title)} · " in html, location
        assert f'<link rel="canonical" href="{location}">' in html, location


def test_robots_txt_points_to_the_sitemap(client):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text
    assert f"Sitemap: {Site.objects.get(is_default_site=True).root_url}/sitemap.xml" in text


def test_tour_json_ld_is_a_tourist_trip_with_offers_in_idr(client):
    tour = TourPage.objects.get(locale__language_code="id", slug="kelas-membatik")
    data = _json_ld(client.get(tour.url).content.decode())
    trip = next(d for d in data if "TouristTrip" in d["@type"])
    assert trip["offers"] and all(o["priceCurrency"] == "IDR" for o in trip["offers"])
    assert {o["price"] for o in trip["offers"]} == {t.price for t in tour.price_tiers.all()}
    assert trip["provider"]["@type"] == "Organization"


def test_village_json_ld_is_a_place_and_its_bumdes(client):
    village = VillagePage.objects.get(locale__language_code="en", slug="gunturmadu")
    data = _json_ld(client.get(village.url).content.decode())
    types = {d["@type"] for d in data}
    assert types == {"Place", "Organization"}
    place = next(d for d in data if d["@type"] == "Place")
    assert "geo" in place


def test_pages_carry_canonical_hreflang_and_opengraph(client):
    village = VillagePage.objects.get(locale__language_code="id", slug="plobangan")
    html = client.get(village.url).content.decode()
    assert f'<link rel="canonical" href="{village.full_url}">' in html
    assert 'hreflang="en"' in html and 'hreflang="id"' in html
    assert 'property="og:title"' in html
    assert 'property="og:image"' in html
