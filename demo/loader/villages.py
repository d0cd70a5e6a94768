"""Village pages and their experiences, in both languages, with departures to book.

A village page belongs to its BUMDes (whose editors get page permissions on it); each experience
belongs to one business unit of that BUMDes and gets its departures from its schedules at once.
"""

import datetime as dt
from decimal import Decimal

from bumdes.models import BusinessUnit, Enterprise
from demo.loader.pictures import HERO_SIZE, picture
from demo.loader.staff import enterprise_load
from demo.loader.tree import DemoRun, english_slug, publish, rich, translation
from home.models import HomePage
from tours.booking.departures import departures_generate
from tours.booking.pages import village_permissions_sync
from tours.models import (
    PriceTier,
    ScheduleRule,
    TourGalleryImage,
    TourPage,
    VillageGalleryImage,
    VillagePage,
)


def village_load(run: DemoRun, data: dict, homes: dict[str, HomePage]) -> None:
    enterprise = enterprise_load(run, data)
    page = VillagePage.objects.child_of(homes["id"]).filter(slug=data["slug"]).first()
    if page is None:
        page = _village_create(run, data, homes["id"], enterprise)
    village_permissions_sync(page=page)
    en_page, created = translation(page, run.locales["en"])
    if created:
        for attr, value in _village_text(data, "en").items():
            setattr(en_page, attr, value)
        en_page.gallery = _captions(en_page.gallery.all(), data["gallery"], "en")
        publish(en_page)
    village_permissions_sync(page=en_page)
    for tour in data["tours"]:
        tour_load(run, tour, page, enterprise)


def _village_create(
    run: DemoRun, data: dict, home: HomePage, enterprise: Enterprise
) -> VillagePage:
    collection = enterprise.collection
    page = home.add_child(
        instance=VillagePage(
            slug=data["slug"],
            locale=run.locales["id"],
            enterprise=enterprise,
            latitude=round(Decimal(str(data["latitude"])), 6),
            longitude=round(Decimal(str(data["longitude"])), 6),
            hero_image=picture(data["image"], data["image_alt"]["id"], collection, HERO_SIZE),
            show_in_menus=False,
            **_village_text(data, "id"),
        )
    )
    page.gallery = [
        VillageGalleryImage(
            image=picture(g["image"], g["caption"]["id"], collection),
            caption=g["caption"]["id"],
            locale=run.locales["id"],
        )
        for g in data["gallery"]
    ]
    publish(page)
    run.summary.created.append(f"village {page.title}")
    return page


def _village_text(data: dict, lang: str) -> dict:
    return {
        "title": data["title"][lang],
        "tagline": data["tagline"][lang],
        "story": rich(data["story"][lang]),
        "getting_there": rich(data["getting_there"][lang]),
        "highlights": [
            ("highlight", {"icon": h["icon"], "title": h["title"][lang], "text": h["text"][lang]})
            for h in data["highlights"]
        ],
    }


def _captions(items, gallery: list[dict], lang: str) -> list:
    """A translated page's gallery items with their captions in lang."""
    items = list(items)
    for item, g in zip(items, gallery, strict=False):
        item.caption = g["caption"][lang]
    return items


def tour_load(run: DemoRun, data: dict, village: VillagePage, enterprise: Enterprise) -> TourPage:
    page = TourPage.objects.child_of(village).filter(slug=data["slug"]).first()
    if page is None:
        page = _tour_create(run, data, village, enterprise)
    departures_generate(tour=TourPage.objects.get(pk=page.pk))
    en_page, created = translation(page, run.locales["en"])
    renamed = english_slug(en_page, page, data.get("slug_en"))
    if created:
        for attr, value in _tour_text(data, "en").items():
            setattr(en_page, attr, value)
        tiers = list(en_page.price_tiers.all())
        for tier, t in zip(tiers, data["price_tiers"], strict=False):
            tier.label = t["label"]["en"]
        en_page.price_tiers = tiers
        en_page.gallery = _captions(en_page.gallery.all(), data["gallery"], "en")
    if created or renamed:
        publish(en_page)
    return page


def _tour_create(
    run: DemoRun, data: dict, village: VillagePage, enterprise: Enterprise
) -> TourPage:
    collection = enterprise.collection
    unit = BusinessUnit.objects.get(enterprise=enterprise, slug=data["unit"])
    page = village.add_child(
        instance=TourPage(
            slug=data["slug"],
            locale=run.locales["id"],
            business_unit=unit,
            category=data["category"],
            hero_image=picture(data["image"], data["image_alt"]["id"], collection, HERO_SIZE),
            duration_minutes=data["duration_minutes"],
            min_participants=data["min_participants"],
            max_participants=data["max_participants"],
            **_tour_text(data, "id"),
        )
    )
    page.price_tiers = [
        PriceTier(
            sort_order=index,
            label=t["label"]["id"],
            price=t["price"],
            requires_id=t.get("requires_id", False),
            min_quantity=t.get("min"),
            max_quantity=t.get("max"),
            locale=run.locales["id"],
        )
        for index, t in enumerate(data["price_tiers"])
    ]
    _tour_booking_terms(page, data)
    page.gallery = [
        TourGalleryImage(
            image=picture(g["image"], g["caption"]["id"], collection),
            caption=g["caption"]["id"],
            locale=run.locales["id"],
        )
        for g in data["gallery"]
    ]
    publish(page)
    run.summary.created.append(f"experience {page.title}")
    return page


def _tour_booking_terms(page: TourPage, data: dict) -> None:
    """Cancellation policy, group deposit and schedules (48 h, 24 h and no deposit by default)."""
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


def _tour_text(data: dict, lang: str) -> dict:
    return {
        "title": data["title"][lang],
        "intro": data["intro"][lang],
        "body": [("paragraph", rich(data["story"][lang]))],
        "meeting_point": data["meeting_point"][lang],
        "included": rich(data["included"][lang]),
        "what_to_bring": rich(data["what_to_bring"][lang]),
        "accessibility": data["accessibility"][lang],
    }
