"""Development: the embedded default of `make run` (SQLite, console e-mail, no keys)."""

from website.settings.base import *  # noqa: F403
from website.settings.base import env

DEBUG = True
SECRET_KEY = env("DJANGO_SECRET_KEY", "dev-only-insecure-key-change-me-in-production")
ALLOWED_HOSTS = ["*"]
STATIC_ROOT = None  # runserver and the test client serve static files from the finders
WHITENOISE_USE_FINDERS = True
