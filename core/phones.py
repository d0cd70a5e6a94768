"""Phone numbers: what a person typed, parsed into E.164, and back out for links and display.

E.164 is the one stored form: "+", the country code and the number without its trunk 0, e.g.
"+6281234567890". Parsing uses libphonenumber's metadata (the `phonenumbers` package), so the
ways Indonesians write a number all give the same one: "0812 3456 7890", "+62 812-3456-7890",
"6281234567890", "(0274) 123456", and the booking form's pre-filled +62 followed by a national
number with its trunk 0 ("+62 0812 3456 7890"). A number without a country code is read as
Indonesian unless a country is given; a guest's own country is tried first, then Indonesia, so a
visitor from abroad with an Indonesian SIM card is understood too.
"""

import phonenumbers
from django.utils.translation import gettext_lazy as _
from phonenumbers import NumberParseException, PhoneNumberFormat, ValidationResult

DEFAULT_REGION = "ID"

MISSING = _("Please give a phone number, e.g. 0812 3456 7890.")
NOT_A_NUMBER = _(
    "This is not a phone number. Use digits only, e.g. 0812 3456 7890 or +62 812 3456 7890."
)
UNKNOWN_COUNTRY_CODE = _(
    "We do not know this country code. Start with + and the country code, e.g. +62 for Indonesia."
)
TOO_SHORT = _("This number is too short. Please check the digits and the area code.")
TOO_LONG = _("This number is too long. Please check the digits.")
NOT_IN_USE = _(
    "This is not a valid number in its country. Please check the digits and the country code."
)

_PARSE_ERRORS = {
    NumberParseException.INVALID_COUNTRY_CODE: UNKNOWN_COUNTRY_CODE,
    NumberParseException.TOO_SHORT_AFTER_IDD: TOO_SHORT,
    NumberParseException.TOO_SHORT_NSN: TOO_SHORT,
    NumberParseException.TOO_LONG: TOO_LONG,
}
_LENGTH_ERRORS = {
    ValidationResult.TOO_SHORT: TOO_SHORT,
    ValidationResult.IS_POSSIBLE_LOCAL_ONLY: TOO_SHORT,  # a local number without its area code
    ValidationResult.TOO_LONG: TOO_LONG,
    ValidationResult.INVALID_COUNTRY_CODE: UNKNOWN_COUNTRY_CODE,
}
# What people put between digits; anything else (letters above all: libphonenumber reads
# "0812-ABCD-123" as a keypad word, and "ext." as an extension E.164 cannot keep) is refused.
_SEPARATORS = frozenset(" -.()/+\u00a0")


class InvalidPhoneNumber(ValueError):
    """What was typed is not a phone number that can be called; `message` says why."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def phone_e164(typed: str, region: str | None = None) -> str:
    """The E.164 form ("+6281234567890") of a number as a person typed it.

    `region` is an ISO 3166 country code used for a number written without its country code
    (the guest's country); Indonesia is tried after it. Raises `InvalidPhoneNumber`.
    """
    text = (typed or "").strip()
    if any(not ch.isdigit() and ch not in _SEPARATORS for ch in text):
        raise InvalidPhoneNumber(NOT_A_NUMBER)
    digits = sum(ch.isdigit() for ch in text)
    if not digits or (text.startswith("+") and digits <= 3):
        raise InvalidPhoneNumber(MISSING)  # nothing, or only the pre-filled "+62"
    hint = (region or "").upper()
    regions = [hint] if hint in phonenumbers.SUPPORTED_REGIONS else []
    regions += [DEFAULT_REGION] if DEFAULT_REGION not in regions else []
    first_error = None
    for code in regions:
        try:
            number = phonenumbers.parse(text, code)
        except NumberParseException as error:
            first_error = first_error or _PARSE_ERRORS.get(error.error_type, NOT_A_NUMBER)
            continue
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, PhoneNumberFormat.E164)
        reason = phonenumbers.is_possible_number_with_reason(number)
        first_error = first_error or _LENGTH_ERRORS.get(reason, NOT_IN_USE)
    raise InvalidPhoneNumber(first_error)


def whatsapp_digits(number: str) -> str:
    """The digits a `wa.me` link wants ("6281234567890") for a stored number; "" if it is not
    one. Numbers stored before E.164 (digits with the country code, no "+") work too."""
    try:
        return phone_e164(number).removeprefix("+")
    except InvalidPhoneNumber:
        return ""


def phone_display(number: str) -> str:
    """A stored number written for people, in international format ("+62 812-3456-7890");
    anything that does not parse is shown as it was stored."""
    try:
        parsed = phonenumbers.parse(phone_e164(number))
    except InvalidPhoneNumber:
        return number or ""
    return phonenumbers.format_number(parsed, PhoneNumberFormat.INTERNATIONAL)
