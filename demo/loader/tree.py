"""One demo load's state, and the page-tree steps every part of the loader uses.

A load keeps what it made in a `DemoSummary` (printed by `load_demo`). Pages are created in
Indonesian, published, then copied for translation into English and published again, so both
languages share a translation key as an editor's translation would.
"""

from dataclasses import dataclass, field

from wagtail.models import Collection, Locale, Page

LANGUAGES = ("id", "en")


@dataclass
class DemoSummary:
    created: list[str] = field(default_factory=list)
    logins: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class DemoRun:
    """What every step needs: the demo password, the locales, the root collection, the summary."""

    password: str
    locales: dict[str, Locale]
    collection: Collection
    summary: DemoSummary = field(default_factory=DemoSummary)

    @classmethod
    def start(cls, password: str) -> "DemoRun":
        locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
        # A flushed database (as in browser tests) lacks even Wagtail's root page and collection.
        collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
        if Page.get_first_root_node() is None:
            Page.add_root(instance=Page(title="Root", slug="root", locale=locales["id"]))
        return cls(password=password, locales=locales, collection=collection)


def rich(text: str) -> str:
    """Rich text from a data file: HTML as it is, plain text as one paragraph."""
    return text if text.lstrip().startswith("<") else f"<p>{text}</p>"


def publish(page: Page) -> Page:
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def english_slug(page: Page, source: Page, slug: str | None) -> bool:
    """Give an English page its own slug (`slug_en` in the data) while it still has its source's,
    as a copy for translation starts; a slug an editor chose is kept. Says if it changed."""
    if not slug or page.slug != source.slug or page.slug == slug:
        return False
    page.slug = slug
    return True


def translation(page: Page, locale: Locale) -> tuple[Page, bool]:
    """The page's translation into locale, and whether it was created just now."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific, False
    # Copy from a fresh instance: an in-memory page may still hold unsaved child objects.
    fresh = Page.objects.get(pk=page.pk).specific
    return fresh.copy_for_translation(locale, copy_parents=True).specific, True
