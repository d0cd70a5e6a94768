import io

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command
from django.test import RequestFactory
from wagtail.images.models import Image
from wagtail.models import Page, Revision

from bumdes.models import Enterprise, EnterpriseRole
from demo import content
from home.models import HomePage, StandardPage
from tests.conftest import DEMO_PASSWORD
from tours.models import (
    Partner,
    PartnerAgreement,
    PartnerPage,
    PartnerStatus,
    Settlement,
    TourPage,
    VillagePage,
)

pytestmark = pytest.mark.django_db


def _counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": Image.objects.count(),
        "enterprises": Enterprise.objects.count(),
        "roles": EnterpriseRole.objects.count(),
        "users": get_user_model().objects.count(),
        "partners": Partner.objects.count(),
        "agreements": PartnerAgreement.objects.count(),
    }


def test_demo_has_three_villages_in_two_languages_with_two_experiences_each():
    assert set(Enterprise.objects.values_list("slug", flat=True)) == {
        "plobangan",
        "lipursari",
        "gunturmadu",
    }
    for language in ("id", "en"):
        villages = VillagePage.objects.live().filter(locale__language_code=language)
        assert villages.count() == 3
        for village in villages:
            assert TourPage.objects.live().child_of(village).count() >= 2
    english = VillagePage.objects.get(locale__language_code="en", slug="lipursari")
    indonesian = VillagePage.objects.get(locale__language_code="id", slug="lipursari")
    assert english.translation_key == indonesian.translation_key
    assert english.tagline != indonesian.tagline


def _slug(data: dict, language: str) -> str:
    """A page's slug in language: the English page's own where the data gives one."""
    return data.get("slug_en", data["slug"]) if language == "en" else data["slug"]


def test_pages_carry_the_words_prices_and_schedules_of_the_data_files():
    for language in ("id", "en"):
        home = HomePage.objects.get(locale__language_code=language)
        assert home.title == content.home()["title"][language]
        steps = [(step.title, step.text) for step in home.steps.all()]
        assert steps == [
            (s["title"][language], s["text"][language]) for s in content.home()["steps"]
        ]
        for data in content.standard_pages():
            page = StandardPage.objects.get(
                locale__language_code=language, slug=_slug(data, language)
            )
            assert (page.title, page.intro) == (data["title"][language], data["intro"][language])
    for village in content.villages():
        enterprise = Enterprise.objects.get(slug=village["slug"])
        assert enterprise.name == village["enterprise"]["name"]
        for data in village["tours"]:
            for language in ("id", "en"):
                tour = TourPage.objects.get(
                    locale__language_code=language, slug=_slug(data, language)
                )
                assert tour.title == data["title"][language]
                assert tour.business_unit.enterprise == enterprise
                tiers = [(t.label, t.price, t.min_quantity) for t in tour.price_tiers.all()]
                assert tiers == [
                    (t["label"][language], t["price"], t.get("min")) for t in data["price_tiers"]
                ]
            indonesian = TourPage.objects.get(locale__language_code="id", slug=data["slug"])
            rules = {
                (r.weekdays, r.start_time.strftime("%H:%M"), r.capacity)
                for r in indonesian.schedule_rules.all()
            }
            assert rules == {
                ("".join(str(d) for d in sorted(r["weekdays"])), r["start"], r["capacity"])
                for r in data["schedule"]
            }


def test_loading_the_demo_twice_gives_the_same_result():
    before = _counts()
    out = io.StringIO()
    call_command("load_demo", "--password", DEMO_PASSWORD, stdout=out)
    assert _counts() == before
    assert "nothing to create" in out.getvalue()


def test_demo_users_one_per_role_and_village():
    usernames = set(get_user_model().objects.values_list("username", flat=True))
    for village in ("plobangan", "lipursari", "gunturmadu"):
        for role in ("editor", "operator", "treasurer", "manager"):
            assert f"{village}-{role}" in usernames
    assert get_user_model().objects.get(username="admin").is_superuser
    assert (
        authenticate(
            RequestFactory().post("/"), username="lipursari-editor", password=DEMO_PASSWORD
        )
        is not None
    )


def test_password_is_required_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--password"):
        call_command("load_demo", stdout=io.StringIO())


def test_default_password_when_debug_is_on(settings):
    settings.DEBUG = True
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "sindoro-sumbing" in out.getvalue()
    # Existing users keep their password unless one is given explicitly.
    assert (
        authenticate(RequestFactory().post("/"), username="admin", password=DEMO_PASSWORD)
        is not None
    )


def test_english_pages_have_english_addresses(client):
    assert client.get("/en/experiences/").status_code == 200
    assert client.get("/en/about/").status_code == 200
    assert client.get("/en/lipursari/batik-class/").status_code == 200
    # The copy for translation had the Indonesian slug for a moment: Wagtail keeps a redirect.
    assert client.get("/en/pengalaman/")["Location"] == "/en/experiences/"
    assert client.get("/pengalaman/").status_code == 200  # Indonesian keeps its own


def test_a_second_load_translates_what_an_earlier_one_left_in_indonesian():
    """Earlier loads copied the Indonesian slugs and steps into English; a load puts them right,
    and keeps a slug an editor chose."""
    batik = TourPage.objects.get(locale__language_code="en", slug="batik-class")
    farmer = TourPage.objects.get(locale__language_code="en", slug="farmer-for-a-day")
    _set_live(batik, slug="kelas-membatik")
    _set_live(farmer, slug="a-day-on-the-farm")  # an editor's choice
    indonesian = HomePage.objects.get(locale__language_code="id")
    english = HomePage.objects.get(locale__language_code="en")
    for step, source in zip(english.steps.all(), indonesian.steps.all(), strict=True):
        step.title, step.text = source.title, source.text
        step.save()

    call_command("load_demo", "--password", DEMO_PASSWORD, stdout=io.StringIO())

    assert TourPage.objects.get(pk=batik.pk).slug == "batik-class"
    assert TourPage.objects.get(pk=farmer.pk).slug == "a-day-on-the-farm"
    first = HomePage.objects.get(pk=english.pk).steps.first()
    assert first.title == content.home()["steps"][0]["title"]["en"]


def _set_live(page: TourPage, *, slug: str) -> None:
    page.slug = slug
    page.save_revision().publish()


@pytest.mark.parametrize(
    ("slug", "username", "settlement", "percent", "credit"),
    [
        ("demo-hotel", "hotel", Settlement.GUEST_PAYS, 10, 0),
        ("demo-agent", "agen", Settlement.ON_ACCOUNT, 15, 10_000_000),
    ],
)
def test_demo_partners_sell_every_village_with_a_user_and_a_page(
    slug, username, settlement, percent, credit
):
    partner = Partner.objects.get(slug=slug)
    agreements = partner.agreements.all()
    assert {a.enterprise.slug for a in agreements} == {"plobangan", "lipursari", "gunturmadu"}
    for agreement in agreements:
        assert agreement.status == PartnerStatus.ACTIVE
        assert (agreement.settlement, agreement.commission_percent) == (settlement, percent)
        assert agreement.credit_limit == credit
    user = authenticate(RequestFactory().post("/"), username=username, password=DEMO_PASSWORD)
    assert user is not None and list(user.partners.all()) == [partner]
    for language in ("id", "en"):
        page = PartnerPage.objects.get(partner=partner, locale__language_code=language)
        assert page.live and page.welcome and page.logo.width <= 240
        prefix = "" if language == "id" else "/en"
        assert page.url == f"{prefix}/partners/{slug}/"
