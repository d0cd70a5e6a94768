"""Reading the Wagtail admin's answers in tests: a refusal, a form sent back with its errors, and
the admin shown in English so that tests read the English message ids."""

import re

from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

_FIELD_ERROR = re.compile(
    r'data-contentpath="(?P<field>[\w-]+)">\s*<div class="w-field__errors"[^>]*>'
    r'(?:(?!</div>).)*?<p class="error-message">\s*(?P<message>.*?)\s*</p>',
    re.S,
)


def refused(response) -> bool:
    """Wagtail answers a missing permission with a redirect to the dashboard (or a 403); an admin
    URL naming another BUMDes's page, image or document answers 404."""
    if response.status_code == 302:
        return response["Location"].startswith("/admin/login/") or response["Location"] == "/admin/"
    return response.status_code in (403, 404)


def field_errors(response) -> dict[str, str]:
    """The messages an admin form sent back shows under its fields, by field name."""
    assert response.status_code == 200, response.status_code
    return {
        match["field"]: match["message"]
        for match in _FIELD_ERROR.finditer(response.content.decode())
    }


def in_english(user):
    """Show the admin in English to this user."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def english(username: str) -> None:
    """Show the admin in English to the user of this name."""
    in_english(get_user_model().objects.get(username=username))
