"""Is the admin all in Indonesian? Two ways of asking, used by the admin tests and the browser
tests.

- `untranslated_lookups`: every message the code and the templates looked up while Indonesian
  was active and that no catalogue translates (ours, Wagtail's, Django's).
- `english_words`: words of a text that are English and not Indonesian. English words are
  those of the admin's messages (ours and Wagtail's); a word that our Indonesian texts use as
  well ("Status", "Total", "Debit", "Stripe", "Payment Gateway") is not counted, nor are the
  Indonesian names of days and months.
"""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import polib
import wagtail
import wagtail_localize
from django.utils import translation
from django.utils.dates import MONTHS, MONTHS_3, WEEKDAYS, WEEKDAYS_ABBR
from django.utils.translation.trans_real import DjangoTranslation

from bumdes import chart

ROOT = Path(__file__).resolve().parent.parent
# A word on its own: the letters of a reference (LPS-ME4Y9) or of a hyphenated term
# (check-in) are no English words.
WORD = re.compile(r"(?<![\w-])[A-Za-z]{2,}(?![\w-])")
LETTERS = re.compile(r"[A-Za-z]{2}")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{[^}]*\}|<[^>]+>")
# Names, not words of either language: the admin's software, a language named in its own
# language ("English" in a list of languages), the keys of a keyboard.
NAMES = {"wagtail", "english", "ctrl", "alt", "shift", "cmd", "esc", "enter"}


def _words(text: str) -> set[str]:
    return {word.lower() for word in WORD.findall(PLACEHOLDER.sub(" ", text))}


@cache
def _english_only() -> frozenset[str]:
    english: set[str] = set()
    catalogues = [ROOT / "locale" / "id" / "LC_MESSAGES" / "django.po"]
    for package in (wagtail, wagtail_localize):
        catalogues += Path(package.__path__[0]).glob("**/locale/en/LC_MESSAGES/*.po")
    for path in catalogues:
        for entry in polib.pofile(str(path)):
            english |= _words(entry.msgid) | _words(entry.msgid_plural)
    indonesian: set[str] = set()
    for path in (ROOT / "locale").glob("**/id/LC_MESSAGES/*.po"):
        for entry in polib.pofile(str(path)):
            indonesian |= _words(entry.msgstr)
            for text in entry.msgstr_plural.values():
                indonesian |= _words(text)
    with translation.override("id"):
        for names in (WEEKDAYS, WEEKDAYS_ABBR, MONTHS, MONTHS_3):
            for name in names.values():
                indonesian |= _words(str(name))
    for _code, name, _name_en, _kind in chart.DEFAULT_CHART:
        indonesian |= _words(name)  # the chart of accounts is written in Indonesian
    return frozenset(english - indonesian - NAMES)


def english_words(text: str) -> set[str]:
    """The English words in `text`."""
    return {word for word in WORD.findall(text) if word.lower() in _english_only()}


class _ReadText(HTMLParser):
    """The text a person reads or hears on a page: its text, and the labels given in
    attributes (screen readers read those); not what is hidden (the `hidden` attribute)."""

    NEVER_SHOWN = {"script", "style", "svg"}
    SPOKEN = {"aria-label", "title", "placeholder", "alt"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}

    def __init__(self):
        super().__init__()
        self.open: list[tuple[str, bool]] = []  # (tag, hides its content)
        self.parts: list[str] = []

    @property
    def hidden(self) -> bool:
        return any(hides for _tag, hides in self.open)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        hides = tag in self.NEVER_SHOWN or "hidden" in attrs
        if not self.hidden and not hides:
            self.parts += [value for name, value in attrs.items() if name in self.SPOKEN and value]
            if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
                self.parts.append(attrs["value"])
        if tag not in self.VOID:
            self.open.append((tag, hides))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID:
            self.open.pop()

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                break

    def handle_data(self, data):
        if not self.hidden and data.strip():
            self.parts.append(data.strip())


def english_on_page(html: str) -> dict[str, str]:
    """English words a page shows or reads out, each with the text it was found in."""
    reader = _ReadText()
    reader.feed(html)
    found = {}
    for part in reader.parts:
        for word in english_words(part):
            found.setdefault(word, part[:120])
    return found


# Looked up but never shown: django-filter translates the name of its "exact" lookup before
# finding that it shows nothing for it.
NEVER_SHOWN = {"exact"}


@contextmanager
def untranslated_lookups() -> Iterator[set[str]]:
    """Collect the messages looked up in Indonesian that no catalogue translates."""
    missing: set[str] = set()
    gettext, ngettext = DjangoTranslation.gettext, DjangoTranslation.ngettext

    def traced_gettext(self, message):
        if (
            self.language() == "id"
            and message not in self._catalog
            and message not in NEVER_SHOWN
            and LETTERS.search(message)
        ):
            missing.add(message)
        return gettext(self, message)

    def traced_ngettext(self, singular, plural, number):
        if self.language() == "id" and (singular, 0) not in self._catalog:
            missing.add(singular)
        return ngettext(self, singular, plural, number)

    DjangoTranslation.gettext = traced_gettext
    DjangoTranslation.ngettext = traced_ngettext
    try:
        yield missing
    finally:
        DjangoTranslation.gettext = gettext
        DjangoTranslation.ngettext = ngettext
