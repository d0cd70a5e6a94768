"""Concurrency tests: real threads, each with its own PostgreSQL connection.

The threads must see committed data, so such tests run with `transaction=True`, and
pytest-django flushes the whole database when each one ends. A module of them uses
`demo_restored` (module-scoped, autouse where imported): before its first test the test database
is copied (PostgreSQL's `CREATE DATABASE ... TEMPLATE`, about a second), and after its last one
the copy is put back and checked, row counts and all. Loading the demo again would take far
longer, and `serialized_rollback` restores only the database as it was right after the
migrations. Each test builds the little it needs itself (`village_tour_create`), which works
whether the demo is still there or was flushed.
"""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, connections
from wagtail.models import Page, Revision

from bumdes.models import Enterprise, JournalLine
from tours.models import Booking, BookingEvent, Departure, PriceTier, ScheduleRule


def _demo_counts() -> dict:
    return {
        "enterprises": sorted(Enterprise.objects.values_list("slug", flat=True)),
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "tiers": PriceTier.objects.count(),
        "rules": ScheduleRule.objects.count(),
        "departures": Departure.objects.count(),
        "bookings": Booking.objects.count(),
        "booking events": BookingEvent.objects.count(),
        "journal lines": JournalLine.objects.count(),
        "users": get_user_model().objects.count(),
    }


def _copy_database(source: str, target: str) -> None:
    """Copy a database on the same server. Nobody may be connected to the source meanwhile
    (PostgreSQL waits a few seconds for closing connections to go)."""
    connections.close_all()
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{target}"')
        cursor.execute(f'CREATE DATABASE "{target}" TEMPLATE "{source}"')


@pytest.fixture(scope="module")
def demo_restored(django_db_setup, django_db_blocker):
    """Put the database back as it was before this module's flushes, and prove it. Modules use
    it with `pytestmark = pytest.mark.usefixtures("demo_restored")` (it is registered as a
    plugin in `tests/conftest.py`)."""
    with django_db_blocker.unblock():
        before = _demo_counts()
        name = connection.settings_dict["NAME"]
        snapshot = f"{name}_snapshot"
        _copy_database(name, snapshot)
    yield
    with django_db_blocker.unblock():
        _copy_database(snapshot, name)
        with connection._nodb_cursor() as cursor:
            cursor.execute(f'DROP DATABASE "{snapshot}"')
        assert _demo_counts() == before
        assert Departure.objects.filter(tour__slug="kelas-membatik").exists()


def run_together(calls) -> list:
    """Run each call in its own thread, released at the same instant by a barrier.

    Returns, in order, what each call returned or the exception it raised. Every thread closes
    its database connection, or the test database could not be flushed afterwards.
    """
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def worker(index, call):
        try:
            barrier.wait(timeout=30)
            results[index] = call()
        except Exception as error:  # the test inspects what each call raised
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a booking thread hung"
    return results
