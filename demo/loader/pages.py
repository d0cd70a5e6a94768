"""The home page, the site it roots, the experience listing and the standard pages.

Each is created in Indonesian only when missing, then translated into English only when that
translation is missing, so an editor's changes survive a second load. What an earlier load left
untranslated (English pages with the Indonesian slug, the home page's steps in Indonesian) is
put into English.
"""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Page, Site

from demo.loader.pictures import HERO_SIZE, picture
from demo.loader.tree import DemoRun, english_slug, publish, rich, translation
from home.models import HomeFeaturedTour, HomePage, HomeStep, SiteContact, StandardPage
from tours.models import TourIndexPage, TourPage

# A site on the developer's own machine: every load moves it to `SITE_BASE_URL`'s host and port
# (`make run PORT=8123`), so that its links agree with the server. Any other host is a real
# site's, set in Settings → Sites, and is kept.
LOCAL_HOSTS = ("localhost", "127.0.0.1")


def home_load(run: DemoRun, home: dict, site_data: dict) -> dict[str, HomePage]:
    """The home page in both languages (keyed by language), made the default site's root."""
    site = Site.objects.filter(is_default_site=True).first()
    page = HomePage.objects.filter(locale=run.locales["id"]).first()
    if page is None:
        page = _home_create(run, home)
        site = _site_root(site, page, site_data["name"])
    _site_on_base_url(site)
    homes = {"id": page}
    en_page, created = translation(page, run.locales["en"])
    if created:
        _home_fill(en_page, home, "en")
        publish(en_page)
    elif _steps_untranslated(en_page, page):
        _steps_fill(en_page, home, "en")
        publish(en_page)
    homes["en"] = en_page
    site_contact_load(site, site_data)
    return homes


def _home_create(run: DemoRun, home: dict) -> HomePage:
    locale = run.locales["id"]
    page = Page.get_first_root_node().add_child(
        instance=HomePage(
            title=home["title"]["id"],
            slug="beranda",
            locale=locale,
            hero_title=home["hero_title"]["id"],
            hero_text=home["hero_text"]["id"],
            intro=rich(home["intro"]["id"]),
            partners_text=home["partners_text"]["id"],
            hero_image=picture("home-hero", home["hero_title"]["id"], run.collection, HERO_SIZE),
            steps=[
                HomeStep(title=step["title"]["id"], text=step["text"]["id"], locale=locale)
                for step in home["steps"]
            ],
        )
    )
    publish(page)
    run.summary.created.append("home page")
    return page


def _site_root(site: Site | None, home: HomePage, name: str) -> Site:
    """Point the default site at the new home page."""
    if site is None:
        site = Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True
        )
    old_root = site.root_page
    site.root_page = home
    site.site_name = name
    site.save()
    # Wagtail's own welcome page is removed once the demo's home page replaces it.
    if old_root.pk != home.pk and old_root.specific_class not in (HomePage,):
        if old_root.depth == 2 and not old_root.get_children().exists():
            old_root.delete()
    return site


def _site_on_base_url(site: Site) -> None:
    """A site on this machine takes the host and port of `SITE_BASE_URL`."""
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    if site.hostname not in LOCAL_HOSTS or not base.hostname:
        return
    port = base.port or (443 if base.scheme == "https" else 80)
    if (site.hostname, site.port) != (base.hostname, port):
        site.hostname, site.port = base.hostname, port
        site.save(update_fields=["hostname", "port"])


def _home_fill(page: HomePage, home: dict, lang: str) -> None:
    page.title = home["title"][lang]
    page.hero_title = home["hero_title"][lang]
    page.hero_text = home["hero_text"][lang]
    page.intro = rich(home["intro"][lang])
    page.partners_text = home["partners_text"][lang]
    _steps_fill(page, home, lang)


def _steps_fill(page: HomePage, home: dict, lang: str) -> None:
    """The "How booking works" steps in lang (set on one list of them: each `.all()` of an
    unsaved page's children is a fresh query, so changes to another one would be lost)."""
    steps = list(page.steps.all())
    for step, text in zip(steps, home["steps"], strict=False):
        step.title, step.text = text["title"][lang], text["text"][lang]
    page.steps = steps


def _steps_untranslated(page: HomePage, source: HomePage) -> bool:
    """Are the translation's steps still the source's words (as an earlier load left them)?"""

    def words(home: HomePage) -> list[tuple[str, str]]:
        return [(step.title, step.text) for step in home.steps.all()]

    return bool(words(page)) and words(page) == words(source)


def site_contact_load(site: Site, site_data: dict) -> None:
    contact = SiteContact.for_site(site)
    if contact.email:
        return
    for name in ("email", "phone", "whatsapp", "instagram", "facebook", "youtube"):
        setattr(contact, name, site_data.get(name, ""))
    contact.address = site_data["address"]["id"]
    contact.save()


def tour_index_load(run: DemoRun, homes: dict[str, HomePage], index: dict) -> None:
    page = TourIndexPage.objects.child_of(homes["id"]).first()
    if page is None:
        page = homes["id"].add_child(
            instance=TourIndexPage(
                title=index["title"]["id"],
                slug=index["slug"],
                intro=index["intro"]["id"],
                show_in_menus=True,
                locale=run.locales["id"],
            )
        )
        publish(page)
    en_page, created = translation(page, run.locales["en"])
    renamed = english_slug(en_page, page, index.get("slug_en"))
    if created:
        en_page.title, en_page.intro = index["title"]["en"], index["intro"]["en"]
    if created or renamed:
        publish(en_page)


def standard_pages_load(run: DemoRun, homes: dict[str, HomePage], pages: list[dict]) -> None:
    for data in pages:
        page = StandardPage.objects.child_of(homes["id"]).filter(slug=data["slug"]).first()
        if page is None:
            image = None
            if data.get("image"):
                image = picture(data["image"], data["title"]["id"], run.collection, HERO_SIZE)
            page = homes["id"].add_child(
                instance=StandardPage(
                    slug=data["slug"],
                    locale=run.locales["id"],
                    image=image,
                    show_in_menus=data["slug"] == "tentang",
                    **_standard_text(data, "id"),
                )
            )
            publish(page)
        en_page, created = translation(page, run.locales["en"])
        renamed = english_slug(en_page, page, data.get("slug_en"))
        if created:
            for attr, value in _standard_text(data, "en").items():
                setattr(en_page, attr, value)
        if created or renamed:
            publish(en_page)


def _standard_text(data: dict, lang: str) -> dict:
    return {
        "title": data["title"][lang],
        "intro": data["intro"][lang],
        "body": [("paragraph", rich(data["body"][lang]))],
    }


def featured_load(run: DemoRun, homes: dict[str, HomePage], villages: list[dict]) -> None:
    """Feature each village's first experience on the home page, once per language."""
    for lang, stale in homes.items():
        # A fresh instance: the in-memory one may carry an old child count from the tree.
        home = HomePage.objects.get(pk=stale.pk)
        if home.featured_tours.exists():
            continue
        tours = []
        for village in villages:
            slug = village["tours"][0]["slug"]
            source = TourPage.objects.filter(locale=run.locales["id"], slug=slug).first()
            tour = source and source.get_translation_or_none(run.locales[lang])
            if tour is not None:
                tours.append(tour)
        home.featured_tours = [HomeFeaturedTour(tour=t, locale=run.locales[lang]) for t in tours]
        publish(home)
