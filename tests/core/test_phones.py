"""Phone numbers as people type them become E.164; wrong ones are refused with a reason."""

import pytest
from django.utils import translation

from core import phones
from core.phones import InvalidPhoneNumber, phone_display, phone_e164, whatsapp_digits

TYPED = {
    "national, with spaces": ("0812 3456 7890", "+6281234567890"),
    "international, with dashes": ("+62 812-3456-7890", "+6281234567890"),
    "the pre-filled +62, then the trunk 0": ("+62 0812 3456 7890", "+6281234567890"),
    "the pre-filled +62, then the trunk 0, no space": ("+620812 3456 7890", "+6281234567890"),
    "country code without +": ("6281234567890", "+6281234567890"),
    "landline with the area code in brackets": ("(0274) 123456", "+62274123456"),
    "landline after +62 with its trunk 0": ("+62 (0274) 123456", "+62274123456"),
    "already E.164": ("+6281234567890", "+6281234567890"),
    "a number from abroad": ("+44 20 7946 0000", "+442079460000"),
    "around spaces and a no-break space": (" 0812\u00a03456 7890 ", "+6281234567890"),
}


@pytest.mark.parametrize("case", list(TYPED), ids=list(TYPED))
def test_what_people_type_becomes_e164(case):
    typed, stored = TYPED[case]
    assert phone_e164(typed) == stored


def test_indonesia_is_the_default_region():
    assert phones.DEFAULT_REGION == "ID"
    assert phone_e164("0812 3456 7890", None) == phone_e164("0812 3456 7890", "ID")


def test_the_guests_country_reads_a_national_number_first():
    assert phone_e164("06 12345678", "NL") == "+31612345678"
    assert phone_e164("020 7946 0000", "GB") == "+442079460000"
    # Without the hint the same digits are a landline in Medan.
    assert phone_e164("06 12345678") == "+62612345678"


def test_a_visitor_with_an_indonesian_sim_card_is_understood():
    assert phone_e164("0812 3456 7890", "NL") == "+6281234567890"


@pytest.mark.parametrize("region", ["", "Indonesia", "XX", "zz", "AQ", None])
def test_a_hint_that_is_no_phone_region_falls_back_to_indonesia(region):
    assert phone_e164("0812 3456 7890", region) == "+6281234567890"


def test_a_hint_in_small_letters_is_used():
    assert phone_e164("06 12345678", "nl") == "+31612345678"


REFUSED = {
    "nothing": ("", phones.MISSING),
    "spaces": ("   ", phones.MISSING),
    "only the pre-filled +62": ("+62", phones.MISSING),
    "only the pre-filled +62 and a space": ("+62 ", phones.MISSING),
    "words": ("call me", phones.NOT_A_NUMBER),
    "letters between digits": ("0812-ABCD-123", phones.NOT_A_NUMBER),
    "an extension": ("0812 3456 7890 ext 5", phones.NOT_A_NUMBER),
    "two numbers": ("+62 +62 812 3456 7890", phones.NOT_A_NUMBER),
    "too few digits": ("12", phones.TOO_SHORT),
    "a local number without its area code": ("123456", phones.TOO_SHORT),
    "too many digits": ("0812 3456 7890 1234 5678 9", phones.TOO_LONG),
    "an unknown country code": ("+999 123456", phones.UNKNOWN_COUNTRY_CODE),
    "not in the numbering plan": ("+62 0000 000", phones.NOT_IN_USE),
    "the country code twice": ("+62 6281234567890", phones.NOT_IN_USE),
}


@pytest.mark.parametrize("case", list(REFUSED), ids=list(REFUSED))
def test_invalid_numbers_are_refused_with_a_reason(case):
    typed, reason = REFUSED[case]
    with pytest.raises(InvalidPhoneNumber) as refused:
        phone_e164(typed)
    assert refused.value.message == reason
    assert isinstance(refused.value, ValueError)


def test_possible_but_invalid_numbers_are_refused():
    """Right length, but no such number in Indonesia's plan: `is_valid_number` decides."""
    with pytest.raises(InvalidPhoneNumber) as refused:
        phone_e164("0800 0000 0000")
    assert refused.value.message == phones.NOT_IN_USE


def test_the_reasons_are_in_both_languages():
    with translation.override("en"):
        assert str(phones.TOO_SHORT).startswith("This number is too short.")
    with translation.override("id"):
        assert str(phones.TOO_SHORT).startswith("Nomor ini terlalu pendek.")
        assert str(phones.MISSING) != "Please give a phone number, e.g. 0812 3456 7890."


def test_whatsapp_digits_of_a_stored_number():
    assert whatsapp_digits("+6281234567890") == "6281234567890"
    assert whatsapp_digits("+442079460000") == "442079460000"
    # Stored before E.164: digits with the country code, or with spaces.
    assert whatsapp_digits("6281200000102") == "6281200000102"
    assert whatsapp_digits("+62 812-0000-0102") == "6281200000102"
    assert whatsapp_digits("") == ""
    assert whatsapp_digits("not a number") == ""


def test_display_in_international_format():
    assert phone_display("+6281234567890") == "+62 812-3456-7890"
    assert phone_display("+62274123456") == "+62 274 123456"
    assert phone_display("+442079460000") == "+44 20 7946 0000"
    assert phone_display("6281200000102") == "+62 812-0000-0102"
    assert phone_display("ask at the desk") == "ask at the desk"
    assert phone_display("") == ""
