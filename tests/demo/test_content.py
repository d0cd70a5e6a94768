"""The demo's data files: each loads, every text has both languages, a broken file says which."""

import shutil

import pytest

from demo import content
from demo.content import ContentError
from demo.images import SCENES

# The texts the loader puts on pages, by where they sit in the data.
VILLAGE_TEXTS = ("title", "tagline", "story", "getting_there", "image_alt")
TOUR_TEXTS = (
    "title",
    "intro",
    "story",
    "image_alt",
    "meeting_point",
    "included",
    "what_to_bring",
    "accessibility",
)
HOME_TEXTS = ("title", "hero_title", "hero_text", "intro", "partners_text")
PAGE_TEXTS = ("title", "intro")


def _assert_text(value, where):
    assert isinstance(value, dict) and set(value) == {"id", "en"}, f"{where}: {value!r}"
    for language in ("id", "en"):
        assert isinstance(value[language], str) and value[language].strip(), f"{where}.{language}"


def _assert_texts(data, keys, where):
    for key in keys:
        _assert_text(data[key], f"{where}.{key}")


def test_every_data_file_loads_and_every_text_has_both_languages():
    names = content.files()
    assert {"home.toml", "site.toml", "pages.toml", "partners.toml", "season.toml"} <= set(names)
    for name in names:
        assert content.text_problem(content.read(name)) is None, name
    assert {f"villages/{slug}.toml" for slug in content.home()["villages"]} == {
        name for name in names if name.startswith("villages/")
    }


def test_the_texts_the_pages_show_have_indonesian_and_english():
    home = content.home()
    _assert_texts(home, HOME_TEXTS, "home")
    for index, step in enumerate(home["steps"]):
        _assert_texts(step, ("title", "text"), f"home.steps[{index}]")
    _assert_text(content.site()["address"], "site.address")
    _assert_texts(content.tour_index(), PAGE_TEXTS, "tour_index")
    for page in content.standard_pages():
        _assert_texts(page, (*PAGE_TEXTS, "body"), page["slug"])
    for village in content.villages():
        slug = village["slug"]
        _assert_texts(village, VILLAGE_TEXTS, slug)
        for unit in village["units"]:
            _assert_text(unit["name"], f"{slug}.units.{unit['slug']}")
        for item in (*village["highlights"], *village["gallery"]):
            _assert_texts(item, [k for k in ("title", "text", "caption") if k in item], slug)
        for tour in village["tours"]:
            where = f"{slug}.{tour['slug']}"
            _assert_texts(tour, TOUR_TEXTS, where)
            for tier in tour["price_tiers"]:
                _assert_text(tier["label"], f"{where}.price_tiers")
            for item in tour["gallery"]:
                _assert_text(item["caption"], f"{where}.gallery")


def test_every_picture_the_data_names_is_drawn_by_its_own_scene():
    named = {page["image"] for page in content.standard_pages() if page.get("image")}
    for village in content.villages():
        named |= {village["image"], *(g["image"] for g in village["gallery"])}
        for tour in village["tours"]:
            named |= {tour["image"], *(g["image"] for g in tour["gallery"])}
    assert named - set(SCENES) == set()


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """A copy of the data files that a test may break."""
    copy = tmp_path / "content"
    shutil.copytree(content.CONTENT_DIR, copy, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    monkeypatch.setattr(content, "CONTENT_DIR", copy)
    return copy


def test_a_file_that_is_not_toml_names_itself(data_dir):
    path = data_dir / "villages" / "lipursari.toml"
    path.write_text('slug = "twice"\n' + path.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(ContentError, match=r"villages/lipursari\.toml: not valid TOML"):
        content.villages()


def test_a_text_without_english_names_the_file_and_the_text(data_dir):
    path = data_dir / "pages.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('title.en = "About Us"\n', ""), encoding="utf-8")
    with pytest.raises(ContentError, match=r"pages\.toml: standard\[0\]\.title must have exactly"):
        content.standard_pages()


def test_an_empty_text_is_refused(data_dir):
    path = data_dir / "home.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"Desa Wisata Wonosobo"', '" "', 1), encoding="utf-8")
    with pytest.raises(ContentError, match=r"home\.toml: title\.id must be a non-empty text"):
        content.home()


def test_a_missing_key_or_file_names_the_file(data_dir):
    path = data_dir / "villages" / "gunturmadu.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("duration_minutes", "lama", 1), encoding="utf-8")
    with pytest.raises(ContentError, match=r"gunturmadu\.toml: missing duration_minutes in tours"):
        content.villages()
    (data_dir / "season.toml").unlink()
    with pytest.raises(ContentError, match=r"season\.toml: cannot be read"):
        content.season()
