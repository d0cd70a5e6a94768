"""Requests that carry a NUL character (U+0000) are refused with 400 before any view runs.

PostgreSQL cannot keep NUL in text (psycopg raises on it), so a NUL in a name, a search, a
reference in a URL or a string of a JSON body ended in a 500 wherever it reached a query. No one
types one: the request is refused as a whole as a `SuspiciousOperation`, which Django logs (under
`django.security.NullCharacterInRequest`) and answers with the 400 handler. Looked at: the
path, the query string, cookies, the fields of a posted form, and every key and string of a JSON
body (Django already drops unprintable characters from uploaded files' names).
"""

import json

from django.core.exceptions import SuspiciousOperation
from django.utils.translation import gettext_lazy as _

NUL = "\x00"
MESSAGE = _("This must not contain a NUL character (U+0000).")
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class NullCharacterInRequest(SuspiciousOperation):
    """`field` names where the NUL was: "path", a parameter's name, or a JSON path."""

    def __init__(self, field: str):
        self.field = field
        super().__init__(f"a NUL character in {field}")


def _in_pairs(pairs) -> str | None:
    for name, values in pairs:
        if NUL in name or any(NUL in value for value in values):
            return name.replace(NUL, "")
    return None


def _in_json(data) -> str | None:
    """The path ("customer.name", "lines.0") of the first key or string holding a NUL."""
    stack = [("", data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str) and NUL in value:
            return path or "body"
        if isinstance(value, dict):
            for key, item in value.items():
                if NUL in key:
                    return path or "body"
                stack.append((f"{path}.{key}" if path else key, item))
        elif isinstance(value, list):
            stack.extend((f"{path}.{i}" if path else str(i), item) for i, item in enumerate(value))
    return None


def _in_body(request) -> str | None:
    content_type = request.content_type or ""
    if request.method == "POST" and content_type in FORM_TYPES:
        return _in_pairs(request.POST.lists())
    if content_type == "application/json" or content_type.endswith("+json"):
        try:
            data = json.loads(request.body)
        except (ValueError, RecursionError):
            return None  # not JSON: the view refuses it
        return _in_json(data)
    return None


def field_with_null(request) -> str | None:
    """Where the request carries a NUL character, or None."""
    if NUL in request.path:
        return "path"
    cookies = ((name, [value]) for name, value in request.COOKIES.items())
    return _in_pairs(request.GET.lists()) or _in_pairs(cookies) or _in_body(request)


class NullCharacterMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        field = field_with_null(request)
        if field is not None:
            raise NullCharacterInRequest(field)
        return self.get_response(request)
