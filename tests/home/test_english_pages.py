"""English is English: the home page's "How booking works" block in English on /en/, saying the
ways to pay the villages really offer, and English pages with their own slugs, which editors
can change (in the page editor, or as a translated field with wagtail-localize)."""

import re

import pytest
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from bumdes.models import Enterprise
from tests.tours.factories import tour

pytestmark = pytest.mark.django_db


def _steps_block(html: str) -> str:
    return html.split('id="steps-title"')[1].split("</section>")[0]


def test_how_booking_works_is_english_on_the_english_home_page(client):
    english = _steps_block(client.get("/en/").content.decode())
    assert "Pick an experience and a date" in english
    assert "Pilih" not in english and "tunai" not in english
    assert "Pilih pengalaman dan tanggal" in _steps_block(client.get("/").content.decode())


def test_the_ways_to_pay_are_the_ones_offered(client):
    block = _steps_block(client.get("/en/").content.decode())
    assert "Ways to pay now: Bank transfer · Cash on arrival." in block
    Enterprise.objects.update(offer_bank_transfer=False)
    block = _steps_block(client.get("/en/").content.decode())
    assert "Ways to pay now: Cash on arrival." in block
    assert "Cara bayar saat ini: Tunai saat datang." in _steps_block(
        client.get("/").content.decode()
    )


def test_an_editor_can_change_the_english_slug(client, login):
    login("lipursari-editor")
    english = tour(language="en")
    html = client.get(f"/admin/pages/{english.pk}/edit/").content.decode()
    field = re.search(r'<input[^>]*name="slug"[^>]*>', html).group(0)
    assert 'value="batik-class"' in field
    assert "readonly" not in field and "disabled" not in field


def test_a_wagtail_localize_translation_keeps_its_own_slug():
    """With *Translate*, the slug is one of the page's texts to translate; synchronising from
    the Indonesian page again keeps the translated slug."""
    indonesian = tour("sehari-jadi-petani")
    english = tour("sehari-jadi-petani", "en")
    source, _created = TranslationSource.get_or_create_from_instance(indonesian)
    segment = StringSegment.objects.get(source=source, context__path="slug")
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=english.locale,
        context=segment.context,
        data="a-day-as-a-farmer",
    )
    source.create_or_update_translation(english.locale, fallback=True)
    assert tour("sehari-jadi-petani", "en").slug == "a-day-as-a-farmer"

    indonesian.title = "Sehari Menjadi Petani"
    indonesian.save_revision().publish()
    source.update_from_db()
    source.create_or_update_translation(Locale.objects.get(language_code="en"), fallback=True)
    assert tour("sehari-jadi-petani", "en").slug == "a-day-as-a-farmer"
