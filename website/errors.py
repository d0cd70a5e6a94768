"""The site's error handlers: the API's answers are JSON (`tours.api.failures`), the pages' HTML."""

from django.views import defaults

from core.null_characters import MESSAGE, NullCharacterInRequest
from tours.api.failures import error_response, is_api


def bad_request(request, exception):
    """400: under /api/ the `invalid` shape naming the refused field where it is known (a NUL
    character refused by `core.null_characters`); elsewhere Django's own 400 page."""
    if is_api(request) and isinstance(exception, NullCharacterInRequest):
        return error_response(request, 400, field=exception.field, text=MESSAGE)
    if is_api(request):
        return error_response(request, 400)
    return defaults.bad_request(request, exception)
