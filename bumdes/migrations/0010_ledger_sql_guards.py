"""More guards of the books in PostgreSQL, against whoever holds the app's own database role:

- **Sealed entries.** Lines are added to an entry only in the transaction that posts it. Each
  entry carries a column of the database's own, `sealed` (Django does not know it): a trigger
  sets it false when the entry is inserted, whatever the INSERT says, and a deferred constraint
  trigger sets it true when that transaction commits. A line for a sealed entry is refused, so a
  balanced pair of lines slipped into a posted entry (which passes the balance check) is refused
  too. Why not compare transaction ids: a row's `xmin` is the id of the *subtransaction* (Django's
  savepoints) and is 32 bits that PostgreSQL reuses after wraparound, and a stored
  `txid_current()` would be reached again by a fresh server after a restore. The flag is set by
  PostgreSQL at every commit and restored as it was. Sealing is the one UPDATE an entry accepts.
  (Whoever sets `SET CONSTRAINTS ALL IMMEDIATE` seals their own new entries early; nothing else.)
- **TRUNCATE** skips row triggers, so statement triggers refuse it on the journal and on the
  history of the lock date. A superuser may (the test suite empties its throwaway database so);
  a superuser can switch every trigger off anyway, which is why the app must not run as one.
- **The lock date** changes only through `bumdes.periods.period_lock`, which writes the change
  with its reason to the history *before* it moves the date: a trigger refuses any change of
  `bumdes_enterprise.lock_date` that the enterprise's latest history row does not describe
  exactly (old and new date), and a reopening whose reason is blank. A forged change therefore has
  to write its own history row, and the history is append-only (no UPDATE, DELETE or TRUNCATE).
  A setting such as `SET LOCAL desa.reopen` would prove nothing: any session can set it.

None of this stops the owner of the tables, who may disable triggers: run the app as a role that
does not own them (`manage.py setup_db_roles`, `bumdes.database_roles`). SQLite has none of it.
"""

from django.db import migrations

FORWARD = r"""
ALTER TABLE bumdes_journalentry ADD COLUMN sealed boolean NOT NULL DEFAULT true;

CREATE OR REPLACE FUNCTION bumdes_entry_unsealed() RETURNS trigger AS $$
BEGIN
    NEW.sealed := false;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER bumdes_journalentry_unsealed
    BEFORE INSERT ON bumdes_journalentry
    FOR EACH ROW EXECUTE FUNCTION bumdes_entry_unsealed();

CREATE OR REPLACE FUNCTION bumdes_entry_seal() RETURNS trigger AS $$
BEGIN
    UPDATE bumdes_journalentry SET sealed = true WHERE id = NEW.id AND NOT sealed;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER bumdes_journalentry_seal
    AFTER INSERT ON bumdes_journalentry
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bumdes_entry_seal();

CREATE OR REPLACE FUNCTION bumdes_entry_refuse_change() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NOT OLD.sealed AND NEW.sealed
       AND (to_jsonb(NEW) - 'sealed') = (to_jsonb(OLD) - 'sealed') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'posted journal data cannot be changed or deleted (%); post a reversing entry',
        TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER bumdes_journalentry_immutable ON bumdes_journalentry;
CREATE TRIGGER bumdes_journalentry_immutable
    BEFORE UPDATE OR DELETE ON bumdes_journalentry
    FOR EACH ROW EXECUTE FUNCTION bumdes_entry_refuse_change();

CREATE OR REPLACE FUNCTION bumdes_line_entry_open() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM bumdes_journalentry WHERE id = NEW.entry_id AND sealed) THEN
        RAISE EXCEPTION 'journal entry % is sealed: lines join an entry only as it is posted',
            NEW.entry_id USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER bumdes_journalline_entry_open
    BEFORE INSERT ON bumdes_journalline
    FOR EACH ROW EXECUTE FUNCTION bumdes_line_entry_open();

CREATE OR REPLACE FUNCTION bumdes_refuse_truncate() RETURNS trigger AS $$
BEGIN
    IF (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'the books cannot be truncated (%)', TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER bumdes_journalline_no_truncate
    BEFORE TRUNCATE ON bumdes_journalline
    FOR EACH STATEMENT EXECUTE FUNCTION bumdes_refuse_truncate();
CREATE TRIGGER bumdes_journalentry_no_truncate
    BEFORE TRUNCATE ON bumdes_journalentry
    FOR EACH STATEMENT EXECUTE FUNCTION bumdes_refuse_truncate();
CREATE TRIGGER bumdes_lockdatechange_no_truncate
    BEFORE TRUNCATE ON bumdes_lockdatechange
    FOR EACH STATEMENT EXECUTE FUNCTION bumdes_refuse_truncate();

CREATE OR REPLACE FUNCTION bumdes_lock_history_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the history of the lock date is kept as written'
        USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER bumdes_lockdatechange_immutable
    BEFORE UPDATE OR DELETE ON bumdes_lockdatechange
    FOR EACH ROW EXECUTE FUNCTION bumdes_lock_history_refuse_change();

CREATE OR REPLACE FUNCTION bumdes_lock_date_logged() RETURNS trigger AS $$
DECLARE
    latest record;
BEGIN
    SELECT old_date, new_date, reason INTO latest FROM bumdes_lockdatechange
     WHERE enterprise_id = NEW.id ORDER BY id DESC LIMIT 1;
    IF NOT FOUND OR latest.old_date IS DISTINCT FROM OLD.lock_date
       OR latest.new_date IS DISTINCT FROM NEW.lock_date THEN
        RAISE EXCEPTION 'the lock date of enterprise % changes only through period_lock', NEW.id
            USING ERRCODE = 'restrict_violation';
    END IF;
    IF (NEW.lock_date IS NULL OR NEW.lock_date < OLD.lock_date) AND btrim(latest.reason) = '' THEN
        RAISE EXCEPTION 'reopening the books of enterprise % needs a reason', NEW.id
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER bumdes_enterprise_lock_date_logged
    BEFORE UPDATE OF lock_date ON bumdes_enterprise
    FOR EACH ROW WHEN (OLD.lock_date IS DISTINCT FROM NEW.lock_date)
    EXECUTE FUNCTION bumdes_lock_date_logged();
"""

BACKWARD = r"""
DROP TRIGGER IF EXISTS bumdes_enterprise_lock_date_logged ON bumdes_enterprise;
DROP TRIGGER IF EXISTS bumdes_lockdatechange_immutable ON bumdes_lockdatechange;
DROP TRIGGER IF EXISTS bumdes_lockdatechange_no_truncate ON bumdes_lockdatechange;
DROP TRIGGER IF EXISTS bumdes_journalentry_no_truncate ON bumdes_journalentry;
DROP TRIGGER IF EXISTS bumdes_journalline_no_truncate ON bumdes_journalline;
DROP TRIGGER IF EXISTS bumdes_journalline_entry_open ON bumdes_journalline;
DROP TRIGGER IF EXISTS bumdes_journalentry_seal ON bumdes_journalentry;
DROP TRIGGER IF EXISTS bumdes_journalentry_unsealed ON bumdes_journalentry;
DROP TRIGGER IF EXISTS bumdes_journalentry_immutable ON bumdes_journalentry;
CREATE TRIGGER bumdes_journalentry_immutable
    BEFORE UPDATE OR DELETE ON bumdes_journalentry
    FOR EACH ROW EXECUTE FUNCTION bumdes_refuse_change();
DROP FUNCTION IF EXISTS bumdes_lock_date_logged();
DROP FUNCTION IF EXISTS bumdes_lock_history_refuse_change();
DROP FUNCTION IF EXISTS bumdes_refuse_truncate();
DROP FUNCTION IF EXISTS bumdes_line_entry_open();
DROP FUNCTION IF EXISTS bumdes_entry_refuse_change();
DROP FUNCTION IF EXISTS bumdes_entry_seal();
DROP FUNCTION IF EXISTS bumdes_entry_unsealed();
ALTER TABLE bumdes_journalentry DROP COLUMN IF EXISTS sealed;
"""


def _run(schema_editor, sql):
    # A plain cursor without parameters: the "%" in RAISE messages must not be interpolated.
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(sql)


def forward(apps, schema_editor):
    _run(schema_editor, FORWARD)


def backward(apps, schema_editor):
    _run(schema_editor, BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("bumdes", "0009_enterprise_province_logo")]

    operations = [migrations.RunPython(forward, backward)]
