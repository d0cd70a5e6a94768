"""Links follow the server: every absolute address a page or an e-mail gives (canonical,
hreflang, OpenGraph, JSON-LD, sitemap, robots.txt, the manage and balance links) is on the
Wagtail site's own address, whatever host the request came in on, so a page never mixes two
origins; the demo's site follows `SITE_BASE_URL`, which `make run PORT=…` sets."""

import io
import json
import re
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Site

from tests.conftest import DEMO_PASSWORD
from tests.tours.factories import DepartureFactory, hold
from tests.tours.group_deposits import deposits_asked, with_deposit_paid
from tours.booking.notifications import booking_email
from tours.models import TourPage, VillagePage

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8123"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def site_on_8123():
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "127.0.0.1", 8123
    site.save()
    return site


def _absolute_links(html: str) -> list[str]:
    found = re.findall(r'<(?:link|meta)[^>]+(?:href|content)="(https?://[^"]+)"', html)
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        found += re.findall(r'"(https?://[^"]+)"', json.dumps(json.loads(block)))
    return [url for url in found if "schema.org" not in url]


@pytest.mark.parametrize("language", ["id", "en"])
def test_a_page_gives_one_origin_whatever_host_was_asked(client, site_on_8123, language):
    pages = [
        TourPage.objects.get(slug="kelas-membatik", locale__language_code="id"),
        VillagePage.objects.get(slug="lipursari", locale__language_code="id"),
    ]
    for page in pages:
        shown = page.get_translation(Locale.objects.get(language_code=language))
        html = client.get(shown.url, HTTP_HOST="127.0.0.1:8000").content.decode()
        links = _absolute_links(html)
        kinds = ('rel="canonical"', 'hreflang="id"', 'property="og:url"', 'property="og:image"')
        assert all(kind in html for kind in kinds)
        assert links and all(url.startswith(f"{SITE}/") for url in links), links


def test_sitemap_and_robots_are_on_the_site(client, site_on_8123):
    sitemap = client.get("/sitemap.xml", HTTP_HOST="127.0.0.1:8000").content.decode()
    locations = re.findall(r"(?:<loc>|href=\")(https?://[^<\"]+)", sitemap)
    assert locations and all(url.startswith(f"{SITE}/") for url in locations)
    robots = client.get("/robots.txt", HTTP_HOST="127.0.0.1:8000").content.decode()
    assert f"Sitemap: {SITE}/sitemap.xml" in robots


def test_e_mail_links_are_on_the_site(settings, site_on_8123):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"  # the admin's, not the site's
    deposits_asked()
    booking = with_deposit_paid(hold(DepartureFactory(capacity=40), 12))
    message = booking_email(booking, "confirmation")
    links = [url for url in re.findall(r"https?://\S+", message.body) if "maps" not in url]
    assert any("/booking/" in url and "/balance/" not in url for url in links)
    assert any("/balance/" in url for url in links)
    assert all(url.startswith(f"{SITE}/") for url in links if "wa.me" not in url), links


def test_the_demo_site_follows_site_base_url(settings):
    site = Site.objects.get(is_default_site=True)
    settings.WAGTAILADMIN_BASE_URL = SITE
    call_command("load_demo", "--password", DEMO_PASSWORD, stdout=io.StringIO())
    site.refresh_from_db()
    assert site.root_url == SITE
    assert TourPage.objects.live().first().full_url.startswith(f"{SITE}/")

    # A site given its real host name in Settings → Sites keeps it.
    site.hostname, site.port = "desawisata.example", 443
    site.save()
    call_command("load_demo", "--password", DEMO_PASSWORD, stdout=io.StringIO())
    site.refresh_from_db()
    assert site.root_url == "https://desawisata.example"


def test_make_run_passes_its_port_into_site_base_url():
    def site_base_url(*args: str, **env: str) -> str:
        command = ["make", "-s", "--eval", 'site-url: ; @echo "$$SITE_BASE_URL"', "site-url"]
        environment = {"PATH": "/usr/bin:/bin", **env}
        result = subprocess.run(
            [*command, *args], cwd=ROOT, env=environment, capture_output=True, text=True
        )
        return result.stdout.strip()

    assert site_base_url("PORT=8123") == SITE
    assert site_base_url() == "http://127.0.0.1:8000"
    assert site_base_url("PORT=8123", SITE_BASE_URL="https://x.example") == "https://x.example"
