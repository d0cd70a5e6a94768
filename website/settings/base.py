"""Settings shared by every environment, driven by environment variables.

Every variable read here is listed in `.env.example` with a safe development default. The thin
`dev`, `test` and `production` modules only change what differs between those environments.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, SELF, UNSAFE_INLINE

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    return env(name, "1" if default else "0").strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


SECRET_KEY = env("DJANGO_SECRET_KEY")
DEBUG = env_bool("DJANGO_DEBUG")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "tours",
    "bumdes",
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "ninja",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After WhiteNoise (static files come compressed ahead of time), before everything that
    # writes the page: HTML, JSON and other text go out gzipped (core/compression.py).
    "core.compression.TextGZipMiddleware",
    # Inside the compression, before anything reads the request: error answers under /api/ are
    # JSON (503 when the database is down), and requests carrying a NUL character are refused.
    "tours.api.failures.ApiErrorsMiddleware",
    "core.null_characters.NullCharacterMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A signed-in user idle for longer than SESSION_IDLE_MINUTES is logged out.
    "core.idle.IdleLogoutMiddleware",
    # Two-step sign-in (django-otp): `user.is_verified()`; then staff with it on, and treasurers
    # and managers when it is required, enter this session's code before the admin opens.
    "django_otp.middleware.OTPMiddleware",
    "bumdes.admin.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Admin URLs naming another BUMDes's page, image or document answer 404.
    "bumdes.admin.tenancy.TenancyMiddleware",
    # `?ref=<code>` on a public page remembers the partner that sent the guest (30 days).
    "tours.web.referral.ReferralMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.content_policy.ContentPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "website.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "website.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Indonesian is the default (served at /), English at /en/. LANGUAGE_CODE must be
# "id" before the first migrate: Wagtail takes the root page's locale from it.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Country names (django-countries' list) in Indonesian: that package ships no Indonesian
# catalogue, and makemessages leaves this second one alone. django_countries itself is not an
# installed app: only its list is used, and its catalogues have nothing for id or en.
# The third holds the Indonesian of Wagtail's own admin words that Wagtail's catalogue lacks
# ("Reports", "Search all pages…"); makemessages leaves it alone too.
LOCALE_PATHS = [
    BASE_DIR / "locale",
    BASE_DIR / "locale" / "countries",
    BASE_DIR / "locale" / "wagtail",
]
USE_I18N = True
TIME_ZONE = "Asia/Jakarta"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
# Where `manage.py backup` (`make backup`) writes a folder per backup: database dump and media.
BACKUP_DIR = Path(env("BACKUP_DIR") or BASE_DIR / "backups")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": env("REDIS_URL")}
        if env("REDIS_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# Background tasks (e-mail, reminders, hold expiry, departure generation). The embedded default
# runs them at once in the request; production uses the database-backed worker (`db_worker`).
TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
    }
}

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Desa Wisata <halo@desawisata.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Uploads: refuse oversized requests early (invariant 8). Images and documents have their own caps.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

WAGTAIL_SITE_NAME = "Desa Wisata"
WAGTAILADMIN_BASE_URL = env("SITE_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Documents go through Wagtail's serve view, which checks who may download them
# (`bumdes.admin.tenancy.document_serve_check`); they are never served from MEDIA_URL.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Uploads whose pictures Pillow cannot decode are a form error (core/image_uploads.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.image_uploads.ImageForm"
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"png": "webp", "jpeg": "webp", "gif": "webp", "bmp": "webp"}
WAGTAILIMAGES_WEBP_QUALITY = 72
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Village editors publish their own pages; there is no separate moderator to approve them.
WAGTAIL_WORKFLOW_ENABLED = False
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
# The admin's languages; each staff member's is Indonesian until they choose otherwise
# (`bumdes.services.staff_language_set`). Wagtail's own Indonesian catalogue lacks many of
# the words staff see: `locale/wagtail` has them.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
WAGTAILADMIN_USER_LOGIN_FORM = "bumdes.admin.login.StaffLoginForm"
# Time zones a staff member may choose for the admin: Indonesia's three (WIB, WITA, WIT).
WAGTAIL_USER_TIME_ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]

# Content Security Policy (django-csp 4), two of them (core.content_policy). The public site runs
# only our own script files; any inline script we write carries the request's nonce.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
    }
}
# The admin (/admin/): Wagtail starts its widgets with inline scripts that carry no nonce, so
# inline scripts are allowed there, and only there. No nonce in this list: beside a nonce,
# browsers ignore 'unsafe-inline'. Everything else stays as strict as the public site: no
# third-party origin at all.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
    }
}
# No Gravatar: the admin would send an MD5 of each staff member's e-mail address to a third party
# on every page (and the admin's policy would have to allow its origin). Staff see Wagtail's
# default avatar, or upload their own picture in their account settings.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# No upgrade check either: it would call releases.wagtail.org from superusers' dashboards (blocked
# by the admin's `connect-src`); upgrades are the maintainers' job, not the villages'.
WAGTAIL_ENABLE_UPDATE_CHECK = False

LOGIN_URL = "wagtailadmin_login"

# Brute force (django-axes): after LOGIN_FAILURE_LIMIT wrong passwords for one user name, or from
# one client address, logins from there are refused for LOGIN_LOCKOUT_MINUTES, on the admin's
# login and the partner portal's alike. Failures are counted in the database, shared by every
# worker; a successful login clears the user's count.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(env("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(env("LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.ratelimit.client_address"
AXES_LOCKOUT_CALLABLE = "core.lockout.locked_out"
AXES_VERBOSE = False
# Password reset e-mails: per e-mail address and per client address ("N/h"; "0" turns it off).
# Over the limit, the form answers as usual and sends nothing, so it reveals no account.
PASSWORD_RESET_RATE_PER_EMAIL = env("PASSWORD_RESET_RATE_PER_EMAIL", "3/h")
PASSWORD_RESET_RATE_PER_ADDRESS = env("PASSWORD_RESET_RATE_PER_ADDRESS", "10/h")
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "bumdes.admin.login.StaffPasswordResetForm"
# Two-step sign-in (TOTP) for treasurers and managers: off by default (the demo under `make run`
# logs in with a password alone), on by default in production.
STAFF_TWO_FACTOR_REQUIRED = env_bool("STAFF_TWO_FACTOR_REQUIRED")
OTP_TOTP_ISSUER = "Desa Wisata"
# A signed-in user (staff or partner) who sends no request for this long is logged out. Guests'
# sessions (their booking in progress, the partner that sent them) are not touched.
SESSION_IDLE_MINUTES = int(env("SESSION_IDLE_MINUTES", "30"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
}
LOGGING["loggers"] = {"django_tasks": {"level": "WARNING"}, "wagtail": {"level": "WARNING"}}

# Bookings: POSTs per client address ("30/m"; "0" turns the limit off, as load tests need).
BOOKING_RATE_LIMIT = env("BOOKING_RATE_LIMIT", "30/m")
RATE_LIMIT_TRUST_PROXY = env_bool("RATE_LIMIT_TRUST_PROXY")
# Partners' API requests per key, whatever the address ("120/m"; "0" turns it off).
PARTNER_API_RATE_LIMIT = env("PARTNER_API_RATE_LIMIT", "120/m")
# Limits on public (anonymous) bookings; partners' and staff bookings are exempt. Places one
# booking may hold (bigger groups contact the village), active unpaid holds per e-mail, phone or
# client address on one departure, and bookings per e-mail, phone or address per day.
BOOKING_MAX_SEATS = int(env("BOOKING_MAX_SEATS", "15"))
BOOKING_HOLDS_PER_DEPARTURE = int(env("BOOKING_HOLDS_PER_DEPARTURE", "2"))
BOOKING_HOLDS_PER_DAY = int(env("BOOKING_HOLDS_PER_DAY", "6"))
# Unpaid bookings (transfer, cash on arrival) of more places than this keep them only
# BOOKING_UNCONFIRMED_HOLD_MINUTES until the guest confirms the e-mail through the link sent.
BOOKING_LARGE_HOLD_SEATS = int(env("BOOKING_LARGE_HOLD_SEATS", "6"))
BOOKING_UNCONFIRMED_HOLD_MINUTES = int(env("BOOKING_UNCONFIRMED_HOLD_MINUTES", "60"))

# Payments (issue 5). With no STRIPE_SECRET_KEY the site offers only the offline methods.
# Stripe Connect: the platform holds one secret key and one webhook secret; each BUMDes connects
# its own account and charges are direct charges on it. STRIPE_API_BASE lets tests and local work
# point the SDK at a fake server.
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY")
STRIPE_PUBLISHABLE_KEY = env("STRIPE_PUBLISHABLE_KEY")
STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET")
STRIPE_API_BASE = env("STRIPE_API_BASE", "https://api.stripe.com")
STRIPE_PLATFORM_FEE_PERCENT = int(env("STRIPE_PLATFORM_FEE_PERCENT", "0") or 0)
STRIPE_PAYMENT_METHOD_TYPES = env_list("STRIPE_PAYMENT_METHOD_TYPES", "card")

# Payment providers, in the order guests see them (each keeps the contract of
# `tours.booking.providers.PaymentProvider`).
PAYMENT_PROVIDERS = [
    "tours.payments.providers.StripeProvider",
    "tours.payments.providers.BankTransferProvider",
    "tours.payments.providers.CashProvider",
    "tours.payments.providers.PartnerAccountProvider",
]
# Pages whose form sends the guest on to Checkout allow this origin in CSP `form-action`.
STRIPE_CHECKOUT_ORIGIN = env("STRIPE_CHECKOUT_ORIGIN", "https://checkout.stripe.com")
# The manager's "Connect Stripe" form leads to Stripe's onboarding (Account Links) there.
STRIPE_CONNECT_ORIGIN = env("STRIPE_CONNECT_ORIGIN", "https://connect.stripe.com")
