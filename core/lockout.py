"""The page a locked-out login gets (django-axes' `AXES_LOCKOUT_CALLABLE`): 429, with how long
to wait, on the admin's login and the partner portal's alike."""

from django.conf import settings
from django.shortcuts import render


def locked_out(request, original_response=None, credentials=None):
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    response = render(request, "locked_out.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response
