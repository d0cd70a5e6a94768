"""Countries: the ISO 3166-1 list that django-countries keeps up to date, Indonesia first.

Names follow the active language. django-countries ships no Indonesian translations, so the
Indonesian names are in the project's own catalogue under `locale/countries/`, keyed by the
English names django-countries uses (`test_countries` checks that every country has one).
"""

from django_countries import Countries


class GuestCountries(Countries):
    """Indonesia first (most guests are Indonesian), then every country by name."""

    first = ["ID"]
    first_repeat = False
    first_break = ""
    first_by_language: dict = {}
    first_auto_detect = False
    first_sort = False


countries = GuestCountries()


def country_choices() -> list[tuple[str, str]]:
    """(code, name) pairs in the active language, for a select."""
    return [(country.code, country.name) for country in countries]


def is_country(code: str) -> bool:
    """An ISO 3166-1 alpha-2 code, in capitals ("ID", "NL"); names and "IDN" are not."""
    return isinstance(code, str) and code in countries.countries


def country_name(code: str) -> str:
    """The country's name in the active language ("Belanda" for NL in Indonesian); what was
    stored, as it is, when it names no country."""
    return str(countries.name(code)) if is_country(code) else code
