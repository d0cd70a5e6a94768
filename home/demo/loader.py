"""Load the demo: three Wonosobo villages, their BUMDes, experiences and staff, in two languages.

Idempotent: what exists is kept (an editor's changes survive a second `make run`), what is
missing is created. Demo photos are drawn locally with Pillow (`home.demo.images`); the words come
from `home.demo.content`.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.images.models import Image
from wagtail.models import Collection, Locale, Page, Site

from bumdes.models import BusinessUnit, Enterprise, Role
from bumdes.services import enterprise_create, enterprise_setup, staff_assign
from home.models import HomeFeaturedTour, HomePage, HomeStep, SiteContact, StandardPage
from tours.models import (
    PriceTier,
    ScheduleRule,
    TourGalleryImage,
    TourIndexPage,
    TourPage,
    VillageGalleryImage,
    VillagePage,
)
from tours.services import village_permissions_sync
from tours.services.departures import departures_generate

from . import content
from .images import make_image
from .season import season_load

LANGUAGES = ("id", "en")
HERO_SIZE = (1600, 1000)
GALLERY_SIZE = (1200, 800)


@dataclass
class DemoSummary:
    created: list[str] = field(default_factory=list)
    logins: list[tuple[str, str]] = field(default_factory=list)


def _rich(text: str) -> str:
    return text if text.lstrip().startswith("<") else f"<p>{text}</p>"


def _image(key: str, alt: str, collection: Collection, size=GALLERY_SIZE) -> Image:
    existing = Image.objects.filter(title=alt, collection=collection).first()
    if existing is not None:
        return existing
    from io import BytesIO

    data = make_image(key, *size)
    image = Image(title=alt, collection=collection)
    image.file = ImageFile(BytesIO(data), name=f"{key}.jpg")
    image.save()
    return image


def _publish(page: Page) -> Page:
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _translation(page: Page, locale: Locale) -> tuple[Page, bool]:
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific, False
    # Copy from a fresh instance: an in-memory page may still hold unsaved child objects.
    fresh = Page.objects.get(pk=page.pk).specific
    return fresh.copy_for_translation(locale, copy_parents=True).specific, True


class Loader:
    def __init__(self, password: str, stdout=None):
        self.password = password
        self.summary = DemoSummary()
        self.locales = {
            code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES
        }
        # A flushed database (as in browser tests) lacks even Wagtail's root page and collection.
        self.collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
        if Page.get_first_root_node() is None:
            Page.add_root(instance=Page(title="Root", slug="root", locale=self.locales["id"]))

    # Home -------------------------------------------------------------------------------------
    def home(self) -> dict[str, HomePage]:
        site = Site.objects.filter(is_default_site=True).first()
        home = HomePage.objects.filter(locale=self.locales["id"]).first()
        if home is None:
            root = Page.get_first_root_node()
            data = content.HOME
            home = root.add_child(
                instance=HomePage(
                    title=data["title"]["id"],
                    slug="beranda",
                    locale=self.locales["id"],
                    hero_title=data["hero_title"]["id"],
                    hero_text=data["hero_text"]["id"],
                    intro=_rich(data["intro"]["id"]),
                    partners_text=data["partners_text"]["id"],
                    hero_image=_image(
                        "home-hero", data["hero_title"]["id"], self.collection, HERO_SIZE
                    ),
                    steps=[
                        HomeStep(
                            title=s["title"]["id"], text=s["text"]["id"], locale=self.locales["id"]
                        )
                        for s in data["steps"]
                    ],
                )
            )
            _publish(home)
            self.summary.created.append("home page")
            if site is None:
                site = Site.objects.create(
                    hostname="localhost", port=80, root_page=home, is_default_site=True
                )
            old_root = site.root_page
            site.root_page = home
            site.site_name = "Desa Wisata Wonosobo"
            if (site.hostname, site.port) == ("localhost", 80):
                base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
                site.hostname = base.hostname or "localhost"
                site.port = base.port or (443 if base.scheme == "https" else 80)
            site.save()
            if old_root.pk != home.pk and old_root.specific_class not in (HomePage,):
                if old_root.depth == 2 and not old_root.get_children().exists():
                    old_root.delete()
        homes = {"id": home}
        en_home, created = _translation(home, self.locales["en"])
        if created:
            self._fill_home(en_home, "en")
            _publish(en_home)
        homes["en"] = en_home
        self.site_contact(site)
        return homes

    def _fill_home(self, page: HomePage, lang: str) -> None:
        data = content.HOME
        page.title = data["title"][lang]
        page.hero_title = data["hero_title"][lang]
        page.hero_text = data["hero_text"][lang]
        page.intro = _rich(data["intro"][lang])
        page.partners_text = data["partners_text"][lang]
        for step, text in zip(page.steps.all(), data["steps"], strict=False):
            step.title, step.text = text["title"][lang], text["text"][lang]
        page.steps = list(page.steps.all())

    def site_contact(self, site: Site) -> None:
        contact = SiteContact.for_site(site)
        if contact.email:
            return
        data = content.SITE
        for name in ("email", "phone", "whatsapp", "instagram", "facebook", "youtube"):
            setattr(contact, name, data.get(name, ""))
        contact.address = data["address"]["id"]
        contact.save()

    # Enterprises and villages ----------------------------------------------------------------
    def enterprise(self, village: dict) -> Enterprise:
        enterprise = Enterprise.objects.filter(slug=village["slug"]).first()
        if enterprise is None:
            data = dict(village["enterprise"])
            enterprise = enterprise_create(
                slug=village["slug"],
                ref_prefix=village["ref_prefix"],
                units=[(u["slug"], u["name"]["id"]) for u in village["units"]],
                **data,
            )
            self.summary.created.append(f"BUMDes {enterprise.name}")
        else:
            enterprise_setup(enterprise=enterprise)
        for unit in village["units"]:
            BusinessUnit.objects.get_or_create(
                enterprise=enterprise, slug=unit["slug"], defaults={"name": unit["name"]["id"]}
            )
        return enterprise

    def village(self, data: dict, homes: dict[str, HomePage]) -> None:
        enterprise = self.enterprise(data)
        collection = enterprise.collection
        page = VillagePage.objects.child_of(homes["id"]).filter(slug=data["slug"]).first()
        if page is None:
            page = homes["id"].add_child(
                instance=VillagePage(
                    slug=data["slug"],
                    locale=self.locales["id"],
                    enterprise=enterprise,
                    latitude=round(Decimal(str(data["latitude"])), 6),
                    longitude=round(Decimal(str(data["longitude"])), 6),
                    hero_image=_image(
                        data["image"], data["image_alt"]["id"], collection, HERO_SIZE
                    ),
                    show_in_menus=False,
                    **self._village_text(data, "id"),
                )
            )
            page.gallery = [
                VillageGalleryImage(
                    image=_image(g["image"], g["caption"]["id"], collection),
                    caption=g["caption"]["id"],
                    locale=self.locales["id"],
                )
                for g in data["gallery"]
            ]
            _publish(page)
            self.summary.created.append(f"village {page.title}")
        village_permissions_sync(page=page)
        en_page, created = _translation(page, self.locales["en"])
        if created:
            for attr, value in self._village_text(data, "en").items():
                setattr(en_page, attr, value)
            gallery = list(en_page.gallery.all())
            for item, g in zip(gallery, data["gallery"], strict=False):
                item.caption = g["caption"]["en"]
            en_page.gallery = gallery
            _publish(en_page)
        village_permissions_sync(page=en_page)
        for tour in data["tours"]:
            self.tour(tour, page, enterprise)

    @staticmethod
    def _village_text(data: dict, lang: str) -> dict:
        return {
            "title": data["title"][lang],
            "tagline": data["tagline"][lang],
            "story": _rich(data["story"][lang]),
            "getting_there": _rich(data["getting_there"][lang]),
            "highlights": [
                (
                    "highlight",
                    {"icon": h["icon"], "title": h["title"][lang], "text": h["text"][lang]},
                )
                for h in data["highlights"]
            ],
        }

    def tour(self, data: dict, village: VillagePage, enterprise: Enterprise) -> TourPage:
        collection = enterprise.collection
        page = TourPage.objects.child_of(village).filter(slug=data["slug"]).first()
        if page is None:
            unit = BusinessUnit.objects.get(enterprise=enterprise, slug=data["unit"])
            page = village.add_child(
                instance=TourPage(
                    slug=data["slug"],
                    locale=self.locales["id"],
                    business_unit=unit,
                    category=data["category"],
                    hero_image=_image(
                        data["image"], data["image_alt"]["id"], collection, HERO_SIZE
                    ),
                    duration_minutes=data["duration_minutes"],
                    min_participants=data["min_participants"],
                    max_participants=data["max_participants"],
                    **self._tour_text(data, "id"),
                )
            )
            page.price_tiers = [
                PriceTier(
                    label=t["label"]["id"],
                    price=t["price"],
                    requires_id=t.get("requires_id", False),
                    min_quantity=t.get("min"),
                    max_quantity=t.get("max"),
                    locale=self.locales["id"],
                )
                for t in data["price_tiers"]
            ]
            policy = data.get("cancellation", {})
            page.full_refund_hours = policy.get("full_refund_hours", 48)
            page.partial_refund_hours = policy.get("half_refund_hours", 24)
            page.partial_refund_percent = 50
            deposit = data.get("deposit", {})
            page.deposit_percent = deposit.get("percent", 0)
            page.deposit_min_people = deposit.get("min_people", 10)
            page.balance_due_days = deposit.get("due_days", 7)
            page.unpaid_balance = deposit.get("unpaid", "collect")
            page.schedule_rules = [
                ScheduleRule(
                    weekdays="".join(str(day) for day in sorted(rule["weekdays"])),
                    start_time=dt.time.fromisoformat(rule["start"]),
                    capacity=rule["capacity"],
                )
                for rule in data.get("schedule", [])
            ]
            page.gallery = [
                TourGalleryImage(
                    image=_image(g["image"], g["caption"]["id"], collection),
                    caption=g["caption"]["id"],
                    locale=self.locales["id"],
                )
                for g in data["gallery"]
            ]
            _publish(page)
            self.summary.created.append(f"experience {page.title}")
        departures_generate(tour=TourPage.objects.get(pk=page.pk))
        en_page, created = _translation(page, self.locales["en"])
        if created:
            for attr, value in self._tour_text(data, "en").items():
                setattr(en_page, attr, value)
            tiers = list(en_page.price_tiers.all())
            for tier, t in zip(tiers, data["price_tiers"], strict=False):
                tier.label = t["label"]["en"]
            en_page.price_tiers = tiers
            gallery = list(en_page.gallery.all())
            for item, g in zip(gallery, data["gallery"], strict=False):
                item.caption = g["caption"]["en"]
            en_page.gallery = gallery
            _publish(en_page)
        return page

    @staticmethod
    def _tour_text(data: dict, lang: str) -> dict:
        return {
            "title": data["title"][lang],
            "intro": data["intro"][lang],
            "body": [("paragraph", _rich(data["story"][lang]))],
            "meeting_point": data["meeting_point"][lang],
            "included": _rich(data["included"][lang]),
            "what_to_bring": _rich(data["what_to_bring"][lang]),
            "accessibility": data["accessibility"][lang],
        }

    # Listing and standard pages ---------------------------------------------------------------
    def tour_index(self, homes: dict[str, HomePage]) -> None:
        titles = {"id": "Pengalaman", "en": "Experiences"}
        intros = {
            "id": "Semua pengalaman di desa-desa wisata Wonosobo. Pilih desa atau jenisnya.",
            "en": "Every experience in Wonosobo's tourism villages. Filter by village or kind.",
        }
        page = TourIndexPage.objects.child_of(homes["id"]).first()
        if page is None:
            page = homes["id"].add_child(
                instance=TourIndexPage(
                    title=titles["id"],
                    slug="pengalaman",
                    intro=intros["id"],
                    show_in_menus=True,
                    locale=self.locales["id"],
                )
            )
            _publish(page)
        en_page, created = _translation(page, self.locales["en"])
        if created:
            en_page.title, en_page.intro = titles["en"], intros["en"]
            _publish(en_page)

    def standard_pages(self, homes: dict[str, HomePage]) -> None:
        for data in content.STANDARD_PAGES:
            page = StandardPage.objects.child_of(homes["id"]).filter(slug=data["slug"]).first()
            if page is None:
                image = None
                if data.get("image"):
                    image = _image(data["image"], data["title"]["id"], self.collection, HERO_SIZE)
                page = homes["id"].add_child(
                    instance=StandardPage(
                        slug=data["slug"],
                        locale=self.locales["id"],
                        image=image,
                        show_in_menus=data["slug"] == "tentang",
                        **self._standard_text(data, "id"),
                    )
                )
                _publish(page)
            en_page, created = _translation(page, self.locales["en"])
            if created:
                for attr, value in self._standard_text(data, "en").items():
                    setattr(en_page, attr, value)
                _publish(en_page)

    @staticmethod
    def _standard_text(data: dict, lang: str) -> dict:
        return {
            "title": data["title"][lang],
            "intro": data["intro"][lang],
            "body": [("paragraph", _rich(data["body"][lang]))],
        }

    def featured(self, homes: dict[str, HomePage]) -> None:
        for lang, stale in homes.items():
            # A fresh instance: the in-memory one may carry an old child count from the tree.
            home = HomePage.objects.get(pk=stale.pk)
            if home.featured_tours.exists():
                continue
            tours = []
            for village in content.VILLAGES:
                slug = village["tours"][0]["slug"]
                tour = TourPage.objects.filter(locale=self.locales[lang], slug=slug).first()
                if tour is not None:
                    tours.append(tour)
            home.featured_tours = [
                HomeFeaturedTour(tour=t, locale=self.locales[lang]) for t in tours
            ]
            _publish(home)

    # Users ------------------------------------------------------------------------------------
    def users(self, set_passwords: bool) -> None:
        User = get_user_model()
        admin, created = User.objects.get_or_create(
            username="admin",
            defaults={"is_superuser": True, "is_staff": True, "email": "admin@desawisata.example"},
        )
        if created or set_passwords:
            admin.set_password(self.password)
            admin.save()
        self.summary.logins.append(("admin", "superuser: every village"))
        for village in content.VILLAGES:
            enterprise = Enterprise.objects.get(slug=village["slug"])
            for role in Role:
                username = f"{village['slug']}-{role.value}"
                user, created = User.objects.get_or_create(
                    username=username,
                    defaults={
                        "first_name": village["enterprise"]["village"],
                        "last_name": str(role.label),
                        "email": f"{username}@desawisata.example",
                    },
                )
                if created or set_passwords:
                    user.set_password(self.password)
                    user.save()
                staff_assign(user=user, enterprise=enterprise, roles=[role.value])
                self.summary.logins.append((username, f"{role.value} of {enterprise.name}"))


@transaction.atomic
def demo_load(*, password: str, set_passwords: bool = False) -> DemoSummary:
    loader = Loader(password)
    homes = loader.home()
    for village in content.VILLAGES:
        loader.village(village, homes)
    loader.tour_index(homes)
    loader.standard_pages(homes)
    loader.featured(homes)
    loader.users(set_passwords)
    return loader.summary


def demo_season_load() -> list[str]:
    """The past season, one transaction per BUMDes (outside `demo_load`, so that nothing of it
    waits for one big commit)."""
    created = []
    for village in content.VILLAGES:
        enterprise = Enterprise.objects.get(slug=village["slug"])
        made = season_load(enterprise=enterprise)
        if made:
            created.append(f"past season of {enterprise.name}: {made} bookings")
    return created
