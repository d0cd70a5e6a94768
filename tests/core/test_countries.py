"""Countries come from django-countries' list, Indonesia first, named in the page's language."""

import gettext

import pytest
from django.conf import settings
from django.utils import translation
from django_countries.data import COUNTRIES

from core.countries import countries, country_choices, is_country


@pytest.mark.parametrize("language", ["id", "en"])
def test_indonesia_comes_first_then_every_country_once(language):
    with translation.override(language):
        choices = country_choices()
    codes = [code for code, _name in choices]
    assert codes[0] == "ID"
    assert sorted(codes) == sorted(COUNTRIES) and len(codes) == len(set(codes))


def test_names_follow_the_page_language_and_sort_by_it():
    with translation.override("id"):
        indonesian = dict(country_choices())
        order = [code for code, _name in country_choices()]
    with translation.override("en"):
        english = dict(country_choices())
    assert (indonesian["NL"], english["NL"]) == ("Belanda", "Netherlands")
    assert (indonesian["CN"], english["CN"]) == ("Tiongkok", "China")
    assert (indonesian["TL"], english["TL"]) == ("Timor Leste", "Timor-Leste")
    # Sorted by the Indonesian name: Jerman (DE) comes before Kanada (CA).
    assert order.index("DE") < order.index("CA")


def test_every_country_has_an_indonesian_name_in_the_catalogue():
    """django-countries ships no Indonesian names; a country it adds must be added here too."""
    path = settings.BASE_DIR / "locale" / "countries" / "id" / "LC_MESSAGES" / "django.mo"
    with open(path, "rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)._catalog
    with translation.override("en"):
        names = {str(name) for name in countries.countries.values()}
    missing = sorted(name for name in names if not catalogue.get(name))
    assert not missing


@pytest.mark.parametrize("code", ["ID", "NL", "MX", "BR", "KE", "TR"])
def test_iso_codes_are_countries(code):
    assert is_country(code)


@pytest.mark.parametrize("code", ["XX", "ZZ", "id", "IDN", "Indonesia", "", None, 62])
def test_anything_else_is_not(code):
    assert not is_country(code)
