"""Log out a signed-in user after SESSION_IDLE_MINUTES without a request.

The session cookie itself lives on (guests keep their booking in progress); only the login
ends. The time of the last request is kept in the session, rewritten at most once a minute.
"""

import time

from django.conf import settings
from django.contrib.auth import logout

LAST_SEEN = "last_seen"


class IdleLogoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get(LAST_SEEN)
            if last_seen is not None and now - last_seen > settings.SESSION_IDLE_MINUTES * 60:
                logout(request)
            elif last_seen is None or now - last_seen >= 60:
                request.session[LAST_SEEN] = now
        return self.get_response(request)
