"""Database roles: the app runs as a role that does not own the tables of the books.

PostgreSQL lets the owner of a table do anything to it, `ALTER TABLE ... DISABLE TRIGGER` and
`TRUNCATE` included, which would switch off every guard of the books. So there are two roles:

- the **owner** owns the database, its `public` schema and every table, sequence and function in
  it, and is the role that runs `manage.py migrate`;
- the **app** role, the one the web servers and the task worker connect as, may only read and
  write rows (SELECT, INSERT, UPDATE, DELETE) and draw from sequences: no TRUNCATE, no DDL, no
  trigger switched off. Default privileges give it the same on every table and sequence the
  owner's later migrations create.

`database_roles_setup` runs on a superuser's connection and may run again: it creates the roles
that are missing, takes from them any power they should not have, hands every object over to
the owner and sets the app role's privileges afresh. Passwords are sent as SCRAM verifiers, never
in clear.
"""

import re

from django.db.backends.base.base import BaseDatabaseWrapper
from psycopg2 import sql
from psycopg2.extensions import encrypt_password

ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
# pg_class kinds and the statement that changes each one's owner.
RELATION_KINDS = {
    "r": "TABLE",
    "p": "TABLE",
    "f": "FOREIGN TABLE",
    "v": "VIEW",
    "m": "MATERIALIZED VIEW",
    "S": "SEQUENCE",
}
ROW_PRIVILEGES = "SELECT, INSERT, UPDATE, DELETE"


class RoleSetupError(Exception):
    """The roles cannot be set up on this connection."""


def _execute(cursor, statement: sql.Composable, params=None) -> None:
    cursor.execute(statement.as_string(cursor.connection), params)


def _role_ensure(cursor, name: str, password: str | None) -> None:
    """Create the login role if missing; either way it gets no special power."""
    role = sql.Identifier(name)
    cursor.execute("SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = %s", [name])
    if cursor.fetchone() is None:
        _execute(cursor, sql.SQL("CREATE ROLE {} LOGIN").format(role))
    _execute(
        cursor,
        sql.SQL(
            "ALTER ROLE {} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS"
        ).format(role),
    )
    if password:
        verifier = encrypt_password(password, name, cursor.connection, "scram-sha-256")
        _execute(cursor, sql.SQL("ALTER ROLE {} PASSWORD %s").format(role), [verifier])


def _memberships_revoke(cursor, app: str, owner: str) -> None:
    """The app role must not be able to `SET ROLE` to the owner (or to anyone)."""
    cursor.execute(
        "SELECT g.rolname FROM pg_catalog.pg_auth_members m"
        " JOIN pg_catalog.pg_roles g ON g.oid = m.roleid"
        " JOIN pg_catalog.pg_roles u ON u.oid = m.member WHERE u.rolname = %s",
        [app],
    )
    for (group,) in cursor.fetchall():
        _execute(cursor, sql.SQL("REVOKE {} FROM {}").format(*map(sql.Identifier, (group, app))))
    cursor.execute(
        "SELECT 1 FROM pg_catalog.pg_auth_members m"
        " JOIN pg_catalog.pg_roles g ON g.oid = m.roleid"
        " JOIN pg_catalog.pg_roles u ON u.oid = m.member"
        " WHERE g.rolname = %s AND u.rolname = %s",
        [app, owner],
    )
    if cursor.fetchone() is not None:
        raise RoleSetupError(f"The owner role {owner} is a member of the app role {app}.")


def _relations_hand_over(cursor, owner: str) -> None:
    """Give every relation of the schema to the owner. Tables first: a table's identity and
    serial sequences follow it, and only sequences of their own are left to move."""
    for kinds in (("r", "p", "f", "v", "m"), ("S",)):
        cursor.execute(
            "SELECT c.relkind, c.relname FROM pg_catalog.pg_class c"
            " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname = 'public' AND c.relkind = ANY(%s)"
            " AND pg_catalog.pg_get_userbyid(c.relowner) <> %s ORDER BY c.relname",
            [list(kinds), owner],
        )
        for kind, name in cursor.fetchall():
            statement = sql.SQL("ALTER {} {} OWNER TO {}").format(
                sql.SQL(RELATION_KINDS[kind]), sql.Identifier("public", name), sql.Identifier(owner)
            )
            _execute(cursor, statement)


def _routines_hand_over(cursor, owner: str) -> None:
    cursor.execute(
        "SELECT p.oid::pg_catalog.regprocedure::text FROM pg_catalog.pg_proc p"
        " JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
        " WHERE n.nspname = 'public' AND pg_catalog.pg_get_userbyid(p.proowner) <> %s",
        [owner],
    )
    for (signature,) in cursor.fetchall():
        # regprocedure's text is already quoted where it must be.
        _execute(
            cursor,
            sql.SQL("ALTER ROUTINE {} OWNER TO {}").format(
                sql.SQL(signature), sql.Identifier(owner)
            ),
        )


def _app_privileges_set(cursor, database: str, owner: str, app: str) -> None:
    names = {
        "database": sql.Identifier(database),
        "owner": sql.Identifier(owner),
        "app": sql.Identifier(app),
        "rows": sql.SQL(ROW_PRIVILEGES),
    }
    for statement in (
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        "GRANT CONNECT ON DATABASE {database} TO {app}",
        "GRANT USAGE ON SCHEMA public TO {app}",
        "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {app}",
        "REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {app}",
        "GRANT {rows} ON ALL TABLES IN SCHEMA public TO {app}",
        "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {app}",
        "ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public"
        " GRANT {rows} ON TABLES TO {app}",
        "ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public"
        " GRANT USAGE, SELECT ON SEQUENCES TO {app}",
    ):
        _execute(cursor, sql.SQL(statement).format(**names))


def database_roles_setup(
    *,
    connection: BaseDatabaseWrapper,
    owner: str,
    app: str,
    owner_password: str | None = None,
    app_password: str | None = None,
) -> None:
    """Create or fix the owner and the app role on this (superuser's) connection's database."""
    if connection.vendor != "postgresql":
        raise RoleSetupError("Database roles exist only on PostgreSQL.")
    for name in (owner, app):
        if not ROLE_NAME.match(name):
            raise RoleSetupError(f"{name!r} is not a plain role name (a-z, 0-9 and _).")
    if owner == app:
        raise RoleSetupError("The owner and the app role must be two roles.")
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user")
        if not cursor.fetchone()[0]:
            raise RoleSetupError("Connect as a superuser to set up the roles.")
        cursor.execute("SELECT current_database()")
        database = cursor.fetchone()[0]
        _role_ensure(cursor, owner, owner_password)
        _role_ensure(cursor, app, app_password)
        _memberships_revoke(cursor, app, owner)
        _execute(
            cursor,
            sql.SQL("ALTER DATABASE {} OWNER TO {}").format(
                sql.Identifier(database), sql.Identifier(owner)
            ),
        )
        _execute(cursor, sql.SQL("ALTER SCHEMA public OWNER TO {}").format(sql.Identifier(owner)))
        _relations_hand_over(cursor, owner)
        _routines_hand_over(cursor, owner)
        _app_privileges_set(cursor, database, owner, app)
