"""Production refuses to start without PostgreSQL and a shared cache, and `check --deploy` is clean
with a sensible environment. Each case imports the settings in a fresh interpreter, as a server
start would."""

import os
import subprocess
import sys
from pathlib import Path

from django.core.cache.backends.redis import RedisCache

ROOT = Path(__file__).resolve().parent.parent.parent
SENSIBLE = {
    "DJANGO_SETTINGS_MODULE": "website.settings.production",
    "DJANGO_SECRET_KEY": "a-long-random-production-key-0123456789-abcdefghijklmnopqrstuvwxyz",
    "DJANGO_ALLOWED_HOSTS": "desawisata.example",
    "DATABASE_URL": "postgres://desawisata_app:secret@db.invalid:5432/desawisata",
    "REDIS_URL": "redis://cache.invalid:6379/0",
    "SITE_BASE_URL": "https://desawisata.example",
}


def _run(*args: str, **env: str) -> subprocess.CompletedProcess:
    keep = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS"))
    }
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**keep, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def _import_settings(**env: str) -> subprocess.CompletedProcess:
    return _run("-c", "import website.settings.production", **env)


def test_production_starts_with_postgresql_and_redis():
    assert _import_settings(**SENSIBLE).returncode == 0


def test_production_refuses_sqlite():
    result = _import_settings(**{**SENSIBLE, "DATABASE_URL": "sqlite:////tmp/desawisata.sqlite3"})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "PostgreSQL" in result.stderr


def test_production_refuses_no_database_url():
    env = {k: v for k, v in SENSIBLE.items() if k != "DATABASE_URL"}
    result = _import_settings(**env)
    assert result.returncode != 0
    assert "PostgreSQL" in result.stderr


def test_production_refuses_no_shared_cache():
    env = {k: v for k, v in SENSIBLE.items() if k != "REDIS_URL"}
    result = _import_settings(**env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "REDIS_URL" in result.stderr


def test_check_deploy_is_clean():
    result = _run("manage.py", "check", "--deploy", "--fail-level", "WARNING", **SENSIBLE)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_django_redis_cache_uses_the_pinned_client():
    """Django's own RedisCache builds its client from the `redis` package pinned in requirements."""
    redis_cache = RedisCache("redis://cache.invalid:6379/0", {})
    client = redis_cache._cache
    assert client._lib.__name__ == "redis"
    pool = client._get_connection_pool(write=True)
    assert pool.connection_kwargs["host"] == "cache.invalid"
