"""The language of API messages: the request's Accept-Language (Indonesian unless English is asked).

The API's URLs carry no language prefix, so LocaleMiddleware would always pick the default
language for them; each operation runs in the language the client asked for instead.
"""

import functools

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation.trans_real import parse_accept_lang_header


def request_language(request) -> str:
    for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        if code == "*":
            break
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


def in_request_language(run):
    """Ninja view decorator: validation, the operation and its errors all run in one language."""

    @functools.wraps(run)
    def wrapper(request, *args, **kwargs):
        language = request_language(request)
        with translation.override(language):
            response = run(request, *args, **kwargs)
        response.headers["Content-Language"] = language
        patch_vary_headers(response, ("Accept-Language",))
        return response

    return wrapper
