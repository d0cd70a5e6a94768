"""Test harness: a real PostgreSQL (started here unless DATABASE_URL is set), shared fixtures."""

import io
import os

import pytest

from tests.postgres import TempPostgres

# Fixtures for the threaded tests (`demo_restored`).
pytest_plugins = ["tests.concurrency"]


@pytest.fixture(scope="session")
def django_db_modify_db_settings():
    """Start a throwaway PostgreSQL before pytest-django creates the test database."""
    if os.environ.get("DATABASE_URL"):
        yield
        return
    from django.conf import settings

    server = TempPostgres.start()
    for alias in settings.DATABASES:
        settings.DATABASES[alias].update(server.settings)
    try:
        yield
    finally:
        from django.db import connections

        connections.close_all()
        server.stop()


def pytest_collection_modifyitems(items):
    """Browser tests flush the database when they end, so they run after everything else."""
    items.sort(key=lambda item: "/e2e/" in str(item.fspath))


DEMO_PASSWORD = "demo-pass-123"


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language: a request to /en/ activates English for the
    thread, which must not leak into the next test's `reverse()` and e-mails."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo once into the test database; each test runs in a transaction on top of it."""
    from django.core.management import call_command

    with django_db_blocker.unblock():
        call_command("load_demo", "--password", DEMO_PASSWORD, stdout=io.StringIO())


@pytest.fixture
def login(client):
    """Log the test client in as a demo user: `login("lipursari-editor")`."""

    def _login(username: str):
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.get(username=username)
        client.force_login(user)
        return user

    return _login
