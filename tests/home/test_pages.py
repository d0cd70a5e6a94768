"""Every page type renders in both languages, and the tree only allows the right parents."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.utils.html import escape
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from bumdes.models import BusinessUnit
from home.models import HomePage, StandardPage
from tours.models import TourIndexPage, TourPage, VillagePage


@pytest.mark.django_db
@pytest.mark.parametrize("model", [HomePage, VillagePage, TourPage, TourIndexPage, StandardPage])
@pytest.mark.parametrize("language", ["id", "en"])
def test_every_page_type_renders(client, model, language):
    page = model.objects.live().filter(locale__language_code=language).first()
    assert page is not None, f"the demo has a live {model.__name__} in {language}"
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert page.title in html


@pytest.mark.django_db
def test_indonesian_at_root_and_english_under_en(client):
    for path, language in (("/", "id"), ("/en/", "en")):
        response = client.get(path)
        assert response.status_code == 200
        home = HomePage.objects.live().get(locale__language_code=language)
        html = response.content.decode()
        assert f'<html lang="{language}">' in html
        assert f"<title>{escape(home.seo_title or home.title)} · " in html
    village = VillagePage.objects.get(locale__language_code="en", slug="plobangan")
    assert village.url.startswith("/en/")
    indonesian = VillagePage.objects.get(locale__language_code="id", slug="plobangan")
    assert not indonesian.url.startswith("/en/")


@pytest.mark.django_db
def test_tour_page_shows_prices_in_rupiah(client):
    tour = TourPage.objects.get(locale__language_code="id", slug="kelas-membatik")
    html = client.get(tour.url).content.decode()
    assert "Rp 100.000" in html
    english = tour.get_translation(tour.get_translations().first().locale)
    assert "Rp 100,000" in client.get(english.url).content.decode()


@pytest.mark.django_db
def test_tour_index_filters_by_village_and_category(client):
    index = TourIndexPage.objects.get(locale__language_code="id")
    everything = client.get(index.url).context["tours"]
    lipursari = client.get(index.url, {"village": "lipursari"}).context["tours"]
    culinary = client.get(index.url, {"category": "culinary"}).context["tours"]
    assert len(lipursari) < len(everything)
    assert all(t.village_page.slug == "lipursari" for t in lipursari)
    assert culinary and all(t.category == "culinary" for t in culinary)
    # Unknown filter values are ignored rather than failing.
    assert len(client.get(index.url, {"category": "nope"}).context["tours"]) == len(everything)


@pytest.mark.django_db
def test_search_finds_experiences_in_the_current_language(client):
    response = client.get("/search/", {"q": "batik"})
    assert response.status_code == 200
    titles = [r.title for r in response.context["results"]]
    assert any("atik" in t for t in titles)
    assert all(r.locale.language_code == "id" for r in response.context["results"])
    # An overlong query is cut to the field's 100 characters, not refused.
    response = client.get("/search/", {"q": "x" * 5000})
    assert response.status_code == 200
    assert response.context["query"] == "x" * 100
    assert not response.context["results"]
    html = response.content.decode()
    assert f'<input id="q" type="search" name="q" value="{"x" * 100}" ' in html


@pytest.mark.django_db
def test_friendly_404(client):
    response = client.get("/tidak-ada-halaman-ini/")
    assert response.status_code == 404
    assert "search" in response.content.decode()


@pytest.mark.django_db
class TestPageTree(WagtailPageTestCase):
    def test_allowed_parents(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedParentPageTypes(VillagePage, {HomePage})
        self.assertAllowedParentPageTypes(TourPage, {VillagePage})
        self.assertAllowedParentPageTypes(TourIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})

    def test_allowed_children(self):
        self.assertAllowedSubpageTypes(VillagePage, {TourPage})
        self.assertAllowedSubpageTypes(TourPage, set())
        self.assertCanNotCreateAt(HomePage, TourPage)
        self.assertCanNotCreateAt(VillagePage, VillagePage)

    def test_editor_can_create_a_tour_in_their_own_village(self):
        self.client.force_login(get_user_model().objects.get(username="lipursari-editor"))
        village = VillagePage.objects.get(locale__language_code="id", slug="lipursari")
        unit = BusinessUnit.objects.filter(enterprise__slug="lipursari").first()
        self.assertCanCreate(
            village,
            TourPage,
            nested_form_data(
                {
                    "title": "Kelas Anyaman Bambu",
                    "slug": "kelas-anyaman-bambu",
                    "business_unit": unit.pk,
                    "category": "education",
                    "intro": "Belajar menganyam bambu.",
                    "body": streamfield([]),
                    "duration_minutes": 120,
                    "min_participants": 1,
                    "max_participants": 10,
                    "included": rich_text(""),
                    "what_to_bring": rich_text(""),
                    "gallery": inline_formset([]),
                    "price_tiers": inline_formset(
                        [{"label": "Dewasa", "price": 60000, "requires_id": False}]
                    ),
                    "schedule_rules": inline_formset(
                        [{"weekdays": "5", "start_time": "09:00", "capacity": 12}]
                    ),
                    "shares": inline_formset([{"role": "pemandu", "percent": "20"}]),
                    "min_to_run": 2,
                    "booking_cutoff_hours": 12,
                    "hold_minutes": 20,
                    "full_refund_hours": 48,
                    "partial_refund_hours": 24,
                    "partial_refund_percent": 50,
                    "deposit_percent": 0,
                    "deposit_min_people": 10,
                    "balance_due_days": 7,
                    "unpaid_balance": "collect",
                    "comments": inline_formset([]),
                }
            ),
        )


@pytest.mark.django_db
@pytest.mark.parametrize("home", ["/", "/en/"])
def test_every_link_on_the_home_page_leads_somewhere_real(client, home):
    pages = {page.url: page.specific for page in Page.objects.live().filter(depth__gte=2)}
    html = client.get(home).content.decode()
    links = set(re.findall(r'href="(/[^"#]*)"', html))
    assert len(links) > 10
    for link in sorted(links):
        link = link.replace("&amp;", "&")
        response = client.get(link)
        assert response.status_code == 200, link
        if link.startswith("/static/"):  # the stylesheet and the icon
            assert b"".join(response.streaming_content), link
            continue
        html = response.content.decode()
        language = "en" if link.startswith("/en/") else "id"
        assert f'<html lang="{language}">' in html, link
        title = re.search(r"<title>(.+) · Desa Wisata Wonosobo</title>", html)
        assert title, link
        page = pages.get(link)
        if page is not None:
            assert title.group(1) == escape(page.seo_title or page.title), link
