"""What search engines and screen readers read on every guest page, in both languages: one meta
description, headings that never skip a level, no label on an element that cannot carry one;
pictures beside a caption leave the words to it, and card pictures come in sizes for their slot."""

import re
from html.parser import HTMLParser

import pytest
from django.template import Context, Template
from django.utils import translation

from tests.public_pages import LANGUAGES, guest_pages
from tours.models import VillagePage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_rate_limit")]


@pytest.fixture
def no_rate_limit(settings):
    settings.BOOKING_RATE_LIMIT = "0"


class Outline(HTMLParser):
    """The heading levels of a page in order, and its meta descriptions."""

    def __init__(self):
        super().__init__()
        self.levels: list[int] = []
        self.descriptions: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if re.fullmatch(r"h[1-6]", tag):
            self.levels.append(int(tag[1]))
        elif tag == "meta" and attrs.get("name") == "description":
            self.descriptions.append(attrs.get("content") or "")


def outline(html: str) -> Outline:
    parser = Outline()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_guest_page_is_described_and_outlined(client, language):
    before = translation.get_language()
    pages = guest_pages(client, language)
    assert translation.get_language() == before  # later tests reverse URLs in their own language
    for name, html in pages.items():
        page = outline(html)
        assert len(page.descriptions) == 1 and len(page.descriptions[0]) >= 20, name
        assert page.levels[0] == 1, (name, page.levels)
        for before, after in zip(page.levels, page.levels[1:], strict=False):
            assert after <= before + 1, (name, page.levels)
        # A label needs a role: `<div aria-label>` is invalid HTML and screen readers skip it.
        assert not re.search(r"<div(?![^>]*\brole=)[^>]*\baria-label=", html), name


def test_the_description_is_the_page_summary(client):
    village = VillagePage.objects.get(locale__language_code="en", slug="lipursari")
    html = client.get(village.url).content.decode()
    assert f'<meta name="description" content="{village.tagline}">' in html
    assert f'<meta property="og:description" content="{village.tagline}">' in html


def test_gallery_pictures_leave_the_words_to_their_captions(client):
    village = VillagePage.objects.get(locale__language_code="id", slug="lipursari")
    html = client.get(village.url).content.decode()
    gallery = html.split('id="gallery-title"')[1]
    figures = re.findall(r"<figure>.*?</figure>", gallery, re.S)
    assert len(figures) == village.gallery.count() == 3
    for figure in figures:
        assert re.search(r'<img[^>]* alt=""', figure) and "<figcaption>" in figure


def render(source: str, **context) -> str:
    return Template("{% load desa %}" + source).render(Context(context))


def test_a_picture_keeps_its_alt_unless_the_caption_says_the_same():
    class Picture:
        default_alt_text = "Hands drawing wax on cloth"

    tag = "{% image_alt image alt caption %}"
    assert render(tag, image=Picture(), alt="", caption="") == Picture.default_alt_text
    assert render(tag, image=Picture(), alt="Batik", caption="") == "Batik"
    assert render(tag, image=Picture(), alt="", caption="Learning batik") == ""
    assert render(tag, image=Picture(), alt="Learning batik.", caption="learning Batik") == ""
    assert render(tag, image=Picture(), alt="A canting", caption="Learning batik") == "A canting"


def test_card_pictures_come_in_sizes_for_their_slot(client):
    village = VillagePage.objects.get(locale__language_code="id", slug="lipursari")
    html = client.get(village.url).content.decode()
    card = html.split('class="card-media"')[1].split("</picture>")[0]
    widths = {int(w) for w in re.findall(r" (\d+)w", card.split("srcset=")[1].split('"')[1])}
    assert widths == {360, 540, 720, 960}
    # A 390 px phone (cards 358 px wide) at twice the density picks the 720 px one.
    assert 'sizes="(min-width: 1120px) 352px,' in card and "calc(100vw - 2rem)" in card
