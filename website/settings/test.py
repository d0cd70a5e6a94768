"""Tests: PostgreSQL started by the test harness (or DATABASE_URL), fast hashing, local cache."""

import tempfile
from pathlib import Path

import dj_database_url

from website.settings.base import *  # noqa: F403
from website.settings.base import env

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["*"]
# The harness in tests/conftest.py fills in the server it starts; DATABASE_URL wins when set.
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "desawisata",
        "USER": "postgres",
        "HOST": "127.0.0.1",
        "PORT": "5432",
    }
}
if env("DATABASE_URL"):
    DATABASES["default"] = dj_database_url.parse(env("DATABASE_URL"))
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.gettempdir()) / "desawisata-test-media"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
# The shared test data book many times for one guest from one address: the abuse limits are
# out of the way here; their own tests (tests/tours/test_hold_limits.py) set the real values.
BOOKING_MAX_SEATS = 10_000
BOOKING_HOLDS_PER_DEPARTURE = 10_000
BOOKING_HOLDS_PER_DAY = 10_000
BOOKING_LARGE_HOLD_SEATS = 10_000
