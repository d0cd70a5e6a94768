"""The demo's words, read from the TOML files beside this module.

Why TOML: the words are mostly prose, Indonesian and English side by side. TOML is read by the
standard library (`tomllib`, Python 3.11+, so nothing to install), keeps long HTML paragraphs as
multi-line strings wrapped at a readable width, and allows comments for whoever edits the words;
JSON would put each paragraph on one long line with escaped quotes and no room for a comment.

The files:

- `home.toml`: the home page, and the order of the villages (`villages`);
- `site.toml`: the site's name, contact and social links;
- `villages/<slug>.toml`: a village page, its BUMDes and business units, and its experiences;
- `pages.toml`: the experience listing and the standard pages (about, FAQ, terms, privacy);
- `partners.toml`: the partners' index page and the partner hotels and travel agents, with
  their agreements, users and pages;
- `season.toml`: the people of the past season (`demo.season`).

Every translatable text is a table with exactly `id` (Indonesian, the main language) and `en`
(English), both non-empty strings: `title.id = "…"` and `title.en = "…"`. The keys `id` and `en`
mean that and nothing else. A page's `slug` is its Indonesian address (and how the loader finds
it again); `slug_en`, where given, is the English page's own (`/en/experiences/`, not
`/en/pengalaman/`); village names stay as they are in both. A file that cannot be read, is not
valid TOML, lacks a key the loader needs or has a text without both languages raises
`ContentError`, whose message names the file.
"""

import tomllib
from collections.abc import Iterable
from pathlib import Path

CONTENT_DIR = Path(__file__).resolve().parent
LANGUAGES = ("id", "en")

HOME_KEYS = ("villages", "title", "hero_title", "hero_text", "intro", "partners_text", "steps")
SITE_KEYS = ("name", "email", "address")
VILLAGE_KEYS = (
    "slug",
    "ref_prefix",
    "enterprise",
    "units",
    "title",
    "tagline",
    "story",
    "highlights",
    "getting_there",
    "latitude",
    "longitude",
    "image",
    "image_alt",
    "gallery",
    "tours",
)
TOUR_KEYS = (
    "slug",
    "unit",
    "category",
    "title",
    "intro",
    "story",
    "image",
    "image_alt",
    "gallery",
    "duration_minutes",
    "min_participants",
    "max_participants",
    "meeting_point",
    "included",
    "what_to_bring",
    "accessibility",
    "price_tiers",
)
PAGE_KEYS = ("slug", "title", "intro")
STANDARD_PAGE_KEYS = ("slug", "title", "intro", "body")
PARTNER_KEYS = (
    "slug",
    "name",
    "kind",
    "contact_name",
    "email",
    "phone",
    "commission_percent",
    "settlement",
    "credit_limit",
    "username",
    "logo_text",
    "logo_colour",
    "title",
    "welcome",
)
SEASON_KEYS = ("cancel_reason", "members", "guests", "shares", "roles")


class ContentError(Exception):
    """A data file is missing, is not valid TOML, or breaks the rules above."""


def read(name: str) -> dict:
    """One data file (a path relative to `CONTENT_DIR`), checked: every text has both languages."""
    path = CONTENT_DIR / name
    try:
        with path.open("rb") as file:
            data = tomllib.load(file)
    except OSError as error:
        raise ContentError(f"{path}: cannot be read ({error.strerror or error})") from error
    except tomllib.TOMLDecodeError as error:
        raise ContentError(f"{path}: not valid TOML: {error}") from error
    problem = text_problem(data)
    if problem:
        raise ContentError(f"{path}: {problem}")
    return data


def text_problem(value: object, where: str = "") -> str | None:
    """The first text without both languages in a data tree, described; None if all are good."""
    if isinstance(value, dict):
        if set(value) & set(LANGUAGES):
            if set(value) != set(LANGUAGES):
                return f"{where} must have exactly `id` and `en`, not {sorted(value)}"
            for language in LANGUAGES:
                text = value[language]
                if not isinstance(text, str) or not text.strip():
                    return f"{where}.{language} must be a non-empty text"
            return None
        items: Iterable = (
            (f"{where}.{key}" if where else key, item) for key, item in value.items()
        )
    elif isinstance(value, list):
        items = ((f"{where}[{index}]", item) for index, item in enumerate(value))
    else:
        return None
    for place, item in items:
        problem = text_problem(item, place)
        if problem:
            return problem
    return None


def _require(data: dict, keys: Iterable[str], name: str, where: str = "") -> dict:
    missing = [key for key in keys if key not in data]
    if missing:
        place = f" in {where}" if where else ""
        raise ContentError(f"{CONTENT_DIR / name}: missing {', '.join(missing)}{place}")
    return data


def home() -> dict:
    return _require(read("home.toml"), HOME_KEYS, "home.toml")


def site() -> dict:
    return _require(read("site.toml"), SITE_KEYS, "site.toml")


def villages() -> list[dict]:
    """Each village with its experiences, in the order `home.toml` lists them."""
    found = []
    for slug in home()["villages"]:
        name = f"villages/{slug}.toml"
        village = _require(read(name), VILLAGE_KEYS, name)
        for index, tour in enumerate(village["tours"]):
            _require(tour, TOUR_KEYS, name, f"tours[{index}]")
        found.append(village)
    return found


def tour_index() -> dict:
    return _require(read("pages.toml").get("tour_index", {}), PAGE_KEYS, "pages.toml", "tour_index")


def standard_pages() -> list[dict]:
    pages = read("pages.toml").get("standard", [])
    for index, page in enumerate(pages):
        _require(page, STANDARD_PAGE_KEYS, "pages.toml", f"standard[{index}]")
    return pages


def partners() -> tuple[dict, list[dict]]:
    """The partners' index page, and the partners with their pages."""
    data = read("partners.toml")
    index = _require(data.get("index", {}), PAGE_KEYS, "partners.toml", "index")
    found = data.get("partners", [])
    for number, partner in enumerate(found):
        _require(partner, PARTNER_KEYS, "partners.toml", f"partners[{number}]")
    return index, found


def season() -> dict:
    return _require(read("season.toml"), SEASON_KEYS, "season.toml")


def files() -> list[str]:
    """Every data file, as names relative to the content directory."""
    return sorted(path.relative_to(CONTENT_DIR).as_posix() for path in CONTENT_DIR.rglob("*.toml"))
