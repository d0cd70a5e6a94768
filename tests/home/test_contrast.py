"""The stylesheet's colours keep WCAG AA contrast: 4.5:1 for text (the main buttons, the WhatsApp
button, greyed calendar days, quiet text on paper), 3:1 for the edges of form fields. Colours are
read from static/css/site.css, so a new shade that fails is caught here before a browser test."""

import re
from pathlib import Path

import pytest
from django.conf import settings

CSS = (Path(settings.BASE_DIR) / "static" / "css" / "site.css").read_text()
WHITE = "#ffffff"


def variables() -> dict[str, str]:
    return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})\b", CSS))


def rule(selector: str) -> str:
    """The declarations of the first rule whose selector list is exactly `selector`."""
    match = re.search(r"(?:^|\})\s*" + re.escape(selector) + r"\s*\{([^}]*)\}", CSS, re.M)
    assert match, selector
    return match.group(1)


def luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(one: str, other: str) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_formula_matches_wcag():
    assert round(contrast("#000000", WHITE), 1) == 21.0
    assert round(contrast("#c2571a", WHITE), 2) == 4.49  # the old accent: just short


PAIRS = [
    # (text, background, minimum, where)
    (WHITE, "accent", 4.5, "Pesan sekarang, Lanjut: every main button"),
    (WHITE, "accent-dark", 4.5, "a main button under the pointer"),
    (WHITE, "wa", 4.5, "Chat on WhatsApp"),
    ("day-off", WHITE, 4.5, "calendar days without places"),
    ("muted", "paper", 4.5, "quiet text"),
    ("sogan", "paper", 4.5, "eyebrows"),
    ("accent-dark", "sogan-soft", 4.5, "days with few places"),
    ("green", "green-soft", 4.5, "open calendar days"),
    ("error", WHITE, 4.5, "error messages"),
    ("field-line", WHITE, 3.0, "the edge of a form field"),
]


@pytest.mark.parametrize("text, background, minimum, where", PAIRS)
def test_colour_pairs_keep_aa_contrast(text, background, minimum, where):
    colours = variables()
    ratio = contrast(colours.get(text, text), colours.get(background, background))
    assert ratio >= minimum, f"{where}: {ratio:.2f}:1"


def test_the_rules_use_those_colours():
    assert "background: var(--accent)" in rule(".button")
    assert "background: var(--wa)" in rule(".button-whatsapp")
    assert "color: var(--day-off)" in rule(".cal-day")
    assert "var(--field-line)" in rule("input, select, textarea")
