"""The attacks on the books from SQL that the security review found, each refused by PostgreSQL.

They run as the roles production uses (`bumdes.database_roles`): the app role, which may only
read and write rows, and the owner. The roles are created inside each test's transaction and
vanish with it, like everything else the test writes. The demo's entries were posted (and so
sealed) when the demo was loaded, in a transaction of its own.
"""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from bumdes import chart
from bumdes.database_roles import RoleSetupError, database_roles_setup
from bumdes.ledger import EntryBuilder
from bumdes.models import Account, Enterprise, JournalEntry, JournalLine, LockDateChange
from bumdes.periods import period_lock
from bumdes.reports import trial_balance
from tests.tours.factories import DepartureFactory, confirmed, hold

pytestmark = pytest.mark.django_db

OWNER = "desawisata_owner_test"
APP = "desawisata_app_test"
DAY = dt.date(2026, 3, 14)
LOCKED = dt.date(2026, 1, 31)


@pytest.fixture
def roles(monkeypatch):
    """`make db-roles`, in the test's transaction."""
    monkeypatch.setenv("DB_APP_PASSWORD", "rahasia-app")
    call_command("setup_db_roles", "--owner", OWNER, "--app", APP, stdout=io.StringIO())


def _as(role: str) -> None:
    """Be logged in as the role, as a server that connects as it is, until the test's
    transaction ends (SET ROLE alone would leave the superuser as the session's user)."""
    _sql(f'SET LOCAL SESSION AUTHORIZATION "{role}"')


def _sql(statement: str, params=None):
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.fetchall() if cursor.description else None


def _refused(statement: str, params=None, match: str = "") -> None:
    with pytest.raises(DatabaseError, match=match), transaction.atomic():
        _sql(statement, params)


def _commit_checks():
    """Run the deferred constraint triggers now, as a commit would."""
    _sql("SET CONSTRAINTS ALL IMMEDIATE")


@pytest.fixture
def lipursari():
    return Enterprise.objects.get(slug="lipursari")


@pytest.fixture
def posted(lipursari):
    """An entry of the demo's, posted and committed before the test began."""
    return JournalEntry.objects.filter(enterprise=lipursari).order_by("pk").first()


PAIR = """
INSERT INTO bumdes_journalline (entry_id, enterprise_id, date, account_id, side, amount,
                                booking_ref, tour, channel)
SELECT e.id, e.enterprise_id, e.date, a.id, s.side, 5000000, '', '', ''
  FROM bumdes_journalentry e
  JOIN bumdes_account a ON a.enterprise_id = e.enterprise_id AND a.code = %s
 CROSS JOIN (VALUES ('debit'), ('credit')) AS s(side)
 WHERE e.id = %s
"""


def test_a_balanced_pair_of_lines_cannot_join_a_posted_entry(roles, posted):
    _as(APP)
    _refused(PAIR, [chart.CASH, posted.pk], match="sealed")
    # Nor one line at a time, nor inside a savepoint of a longer transaction.
    with transaction.atomic():
        _refused(PAIR + " AND s.side = 'debit'", [chart.CASH, posted.pk], match="sealed")


def test_an_entry_takes_lines_until_its_transaction_commits(lipursari):
    entry = (
        EntryBuilder(enterprise=lipursari, date=DAY, memo="t", source_type="t", source_ref="open")
        .debit(chart.CASH, 10)
        .credit(chart.UNEARNED, 10)
        .post()
    )
    _sql(PAIR, [chart.CASH, entry.pk])
    assert entry.lines.count() == 4
    _commit_checks()
    _refused(PAIR, [chart.CASH, entry.pk], match="sealed")


def test_an_entry_cannot_be_unsealed(roles, posted):
    _as(APP)
    _refused(
        "UPDATE bumdes_journalentry SET sealed = false WHERE id = %s",
        [posted.pk],
        match="cannot be changed",
    )


def test_a_new_entry_starts_unsealed_whatever_the_insert_says(lipursari):
    cash = Account.objects.get(enterprise=lipursari, code=chart.CASH)
    (entry_id,) = _sql(
        "INSERT INTO bumdes_journalentry (enterprise_id, date, memo, source_type, source_ref,"
        " created_at, sealed) VALUES (%s, %s, 'x', 't', 'forged', now(), true) RETURNING id",
        [lipursari.pk, DAY],
    )[0]
    JournalLine.objects.bulk_create(
        JournalLine(
            entry_id=entry_id, enterprise=lipursari, date=DAY, account=cash, side=side, amount=7
        )
        for side in ("debit", "credit")
    )
    assert JournalLine.objects.filter(entry_id=entry_id).count() == 2


@pytest.mark.parametrize(
    "table", ["bumdes_journalline", "bumdes_journalentry", "bumdes_lockdatechange"]
)
def test_the_owner_cannot_truncate_the_books(roles, table):
    _as(OWNER)
    _refused(f"TRUNCATE {table} CASCADE", match="cannot be truncated")


def test_the_books_cannot_be_truncated_through_the_enterprises(roles):
    _as(OWNER)
    _refused("TRUNCATE bumdes_enterprise CASCADE", match="cannot be truncated")


@pytest.mark.parametrize(
    "statement",
    [
        "TRUNCATE bumdes_journalline",
        "ALTER TABLE bumdes_journalline DISABLE TRIGGER bumdes_journalline_entry_open",
        "ALTER TABLE bumdes_journalline DISABLE TRIGGER ALL",
        "ALTER TABLE bumdes_enterprise DISABLE TRIGGER USER",
        "DROP TRIGGER bumdes_journalline_immutable ON bumdes_journalline",
        "CREATE OR REPLACE FUNCTION bumdes_refuse_change() RETURNS trigger"
        " AS 'BEGIN RETURN NEW; END' LANGUAGE plpgsql",
        "SET session_replication_role = replica",
        "ALTER TABLE bumdes_journalentry OWNER TO " + APP,
        "CREATE TABLE public.bumdes_shadow (id int)",
        f"SET ROLE {OWNER}",
    ],
)
def test_the_app_role_cannot_switch_the_guards_off(roles, statement):
    _as(APP)
    _refused(statement, match="denied|must be owner|permission")


def test_the_app_works_as_the_app_role(roles, lipursari):
    _as(APP)
    departure = DepartureFactory()
    held = hold(departure, 2)
    paid = confirmed(departure, 1)
    entry = (
        EntryBuilder(enterprise=lipursari, date=DAY, memo="t", source_type="t", source_ref="app")
        .debit(chart.CASH, 25_000)
        .credit(chart.UNEARNED, 25_000)
        .post()
    )
    period_lock(enterprise=lipursari, lock_date=LOCKED)
    _commit_checks()
    assert _sql("SELECT current_user")[0][0] == APP
    assert held.pk and paid.pk and entry.lines.count() == 2
    assert trial_balance(lipursari, end=DAY).balanced


def test_the_roles_log_in_with_their_passwords_and_no_special_power(roles):
    rows = _sql(
        "SELECT rolname, rolsuper, rolcreaterole, rolcreatedb, rolpassword LIKE 'SCRAM-SHA-256$%%'"
        " FROM pg_authid WHERE rolname IN (%s, %s) ORDER BY rolname",
        [APP, OWNER],
    )
    assert rows == [(APP, False, False, False, True), (OWNER, False, False, False, None)]


def test_tables_the_owner_creates_later_are_the_app_roles_to_use_too(roles):
    _as(OWNER)
    _sql("CREATE TABLE bumdes_later (id bigint GENERATED BY DEFAULT AS IDENTITY, note text)")
    _as(APP)
    _sql("INSERT INTO bumdes_later (note) VALUES ('ok')")
    assert _sql("SELECT note FROM bumdes_later") == [("ok",)]
    _refused("TRUNCATE bumdes_later", match="denied")


def test_the_roles_are_two_and_plain():
    with pytest.raises(RoleSetupError):
        database_roles_setup(connection=connection, owner=APP, app=APP)
    with pytest.raises(RoleSetupError):
        database_roles_setup(connection=connection, owner='x"; DROP TABLE y; --', app=APP)


# The lock date -------------------------------------------------------------------------------


def _lock_date_set(enterprise: Enterprise, value) -> None:
    _sql("UPDATE bumdes_enterprise SET lock_date = %s WHERE id = %s", [value, enterprise.pk])


def test_the_lock_date_cannot_be_reopened_by_update(roles, lipursari):
    period_lock(enterprise=lipursari, lock_date=LOCKED)
    _as(APP)
    for value in (LOCKED - dt.timedelta(days=31), None, LOCKED + dt.timedelta(days=1)):
        with pytest.raises(DatabaseError, match="only through period_lock"), transaction.atomic():
            _lock_date_set(lipursari, value)


def test_an_old_history_row_does_not_allow_reopening_again(roles, lipursari):
    earlier = LOCKED - dt.timedelta(days=31)
    period_lock(enterprise=lipursari, lock_date=LOCKED)
    period_lock(enterprise=lipursari, lock_date=earlier, reason="koreksi kas")
    period_lock(enterprise=lipursari, lock_date=LOCKED)
    _as(APP)
    with pytest.raises(DatabaseError, match="only through period_lock"), transaction.atomic():
        _lock_date_set(lipursari, earlier)


def test_a_reopening_needs_a_reason_in_the_database_too(lipursari):
    period_lock(enterprise=lipursari, lock_date=LOCKED)
    earlier = LOCKED - dt.timedelta(days=31)
    with pytest.raises(DatabaseError, match="needs a reason"), transaction.atomic():
        LockDateChange.objects.create(
            enterprise=lipursari, old_date=LOCKED, new_date=earlier, reason="  "
        )
        _lock_date_set(lipursari, earlier)


def test_the_lock_history_is_append_only(roles, lipursari):
    period_lock(enterprise=lipursari, lock_date=LOCKED)
    change = lipursari.lock_changes.get()
    _as(APP)
    for statement in (
        "UPDATE bumdes_lockdatechange SET reason = 'x' WHERE id = %s",
        "DELETE FROM bumdes_lockdatechange WHERE id = %s",
    ):
        _refused(statement, [change.pk], match="kept as written")


def test_the_service_still_moves_the_date_both_ways(roles, lipursari):
    _as(APP)
    period_lock(enterprise=lipursari, lock_date=LOCKED)
    period_lock(enterprise=lipursari, lock_date=DAY)
    period_lock(enterprise=lipursari, lock_date=LOCKED, reason="audit")
    lipursari.refresh_from_db()
    assert lipursari.lock_date == LOCKED
    history = lipursari.lock_changes.order_by("pk").values_list("new_date", flat=True)
    assert list(history) == [LOCKED, DAY, LOCKED]
