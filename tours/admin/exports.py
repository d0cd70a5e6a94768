"""Spreadsheet downloads: text typed by guests must never run as a formula when staff open it."""

import re

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PHONE = re.compile(r"^\+?[0-9]+$")


def spreadsheet_safe(value):
    """Prefix text that a spreadsheet would read as a formula with an apostrophe (OWASP)."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not PHONE.match(value):
        return "'" + value
    return value
