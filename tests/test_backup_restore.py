"""`make backup` then `make restore` into a throwaway database: the books come back the same.

The backup is taken by pg_dump, another connection, so the test's bookings and entries must be
committed: the test is transactional, and `demo_restored` puts the demo back afterwards.
"""

import datetime as dt
import io
from contextlib import contextmanager

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection

from bumdes import chart
from bumdes.ledger import EntryBuilder
from bumdes.models import Enterprise
from bumdes.reports import trial_balance
from tests.tours.factories import DepartureFactory, confirmed, hold
from tours.models import Booking

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("demo_restored")]

DAY = dt.date(2030, 3, 16)
# Both lines of an entry posted earlier, once more: it balances, and it is refused.
SEALED_PAIR = """
INSERT INTO bumdes_journalline (entry_id, enterprise_id, date, account_id, side, amount,
                                booking_ref, tour, channel)
SELECT entry_id, enterprise_id, date, account_id, side, amount, '', '', ''
  FROM bumdes_journalline WHERE entry_id = (SELECT min(id) FROM bumdes_journalentry)
"""


def _books() -> dict:
    """Every BUMDes's trial balance up to DAY, and the bookings."""
    books = {}
    for enterprise in Enterprise.objects.order_by("slug"):
        balance = trial_balance(enterprise, end=DAY)
        books[enterprise.slug] = [(row.code, row.debit, row.credit) for row in balance.rows]
    books["bookings"] = sorted(Booking.objects.values_list("reference", "status"))
    return books


@contextmanager
def _throwaway_database():
    name = f"{connection.settings_dict['NAME']}_restored"
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        with connection._nodb_cursor() as cursor:
            cursor.execute(f'DROP DATABASE "{name}"')


@contextmanager
def _connected_to(name: str):
    """Point the default connection at another database of the same server for a while."""
    original = connection.settings_dict["NAME"]
    connection.close()
    connection.settings_dict["NAME"] = name
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["NAME"] = original


def _url(name: str) -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{name}"


def test_a_backup_restores_into_an_empty_database_with_the_same_books(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "documents").mkdir(parents=True)
    (settings.MEDIA_ROOT / "documents" / "notulen.txt").write_text("Musyawarah Desa 2029")
    departure = DepartureFactory()
    hold(departure, 2)
    confirmed(departure, 3)
    lipursari = Enterprise.objects.get(slug="lipursari")
    EntryBuilder(
        enterprise=lipursari, date=DAY, memo="modal", source_type="t", source_ref="b"
    ).debit(chart.CASH, 1_250_000).credit(chart.UNEARNED, 1_250_000).post()
    before = _books()

    call_command("backup", "--dir", str(tmp_path / "backups"), stdout=io.StringIO())
    (folder,) = (tmp_path / "backups").iterdir()
    assert sorted(path.name for path in folder.iterdir()) == ["database.dump", "media.tar"]
    assert folder.stat().st_mode & 0o077 == 0

    restored_media = tmp_path / "restored-media"
    with _throwaway_database() as name:
        call_command(
            "restore",
            str(folder),
            "--database-url",
            _url(name),
            "--media-root",
            str(restored_media),
        )
        with _connected_to(name):
            assert _books() == before
            # The guards of the books came back with the data, and the old entries sealed.
            for statement, refusal in (
                ("UPDATE bumdes_journalline SET amount = amount + 1", "cannot be changed"),
                (SEALED_PAIR, "sealed"),
            ):
                with pytest.raises(DatabaseError, match=refusal), connection.cursor() as cursor:
                    cursor.execute(statement)
        # A second restore would land on the restored site: refused.
        with pytest.raises(CommandError, match="restore into a new one"):
            call_command("restore", str(folder), "--database-url", _url(name), "--no-media")
    assert (restored_media / "documents" / "notulen.txt").read_text() == "Musyawarah Desa 2029"
    assert "lipursari" in before and len(before["lipursari"]) > 2

    # SQLite has no pg_dump format: refused, nothing read.
    with pytest.raises(CommandError, match="PostgreSQL"):
        call_command("restore", str(folder), "--database-url", "sqlite:///x.db", "--no-media")
