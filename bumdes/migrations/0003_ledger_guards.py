"""Guards of the books in PostgreSQL itself, so no code path (raw SQL, update(), bulk_create) can
break them:

- an entry must balance (debits = credits, at least two lines) when its transaction commits
  (a deferred constraint trigger);
- posted entries and lines are never updated or deleted (corrections are reversing entries);
- a line must agree with its entry (enterprise, date), post to a detail account of that same
  enterprise, use a business unit of that enterprise, and be dated after the lock date.

SQLite (the embedded default of `make run`) has none of these; the services check the same rules.
"""

from django.db import migrations

FORWARD = r"""
CREATE OR REPLACE FUNCTION bumdes_entry_balanced() RETURNS trigger AS $$
DECLARE
    target_entry bigint;
    debits numeric;
    credits numeric;
    line_count integer;
BEGIN
    IF TG_TABLE_NAME = 'bumdes_journalentry' THEN
        target_entry := NEW.id;
    ELSE
        target_entry := COALESCE(NEW.entry_id, OLD.entry_id);
    END IF;
    SELECT COALESCE(SUM(amount) FILTER (WHERE side = 'debit'), 0),
           COALESCE(SUM(amount) FILTER (WHERE side = 'credit'), 0),
           COUNT(*)
      INTO debits, credits, line_count
      FROM bumdes_journalline WHERE bumdes_journalline.entry_id = target_entry;
    IF line_count < 2 THEN
        RAISE EXCEPTION 'journal entry % has % line(s); at least two are needed', target_entry, line_count
            USING ERRCODE = 'check_violation';
    END IF;
    IF debits <> credits THEN
        RAISE EXCEPTION 'journal entry % is unbalanced: debits % <> credits %', target_entry, debits, credits
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER bumdes_journalline_balanced
    AFTER INSERT OR UPDATE OR DELETE ON bumdes_journalline
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bumdes_entry_balanced();

CREATE CONSTRAINT TRIGGER bumdes_journalentry_balanced
    AFTER INSERT ON bumdes_journalentry
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bumdes_entry_balanced();

CREATE OR REPLACE FUNCTION bumdes_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'posted journal data cannot be changed or deleted (%); post a reversing entry',
        TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER bumdes_journalline_immutable
    BEFORE UPDATE OR DELETE ON bumdes_journalline
    FOR EACH ROW EXECUTE FUNCTION bumdes_refuse_change();

CREATE TRIGGER bumdes_journalentry_immutable
    BEFORE UPDATE OR DELETE ON bumdes_journalentry
    FOR EACH ROW EXECUTE FUNCTION bumdes_refuse_change();

CREATE OR REPLACE FUNCTION bumdes_line_valid() RETURNS trigger AS $$
DECLARE
    e record;
    a record;
    lock date;
BEGIN
    SELECT enterprise_id, date INTO e FROM bumdes_journalentry WHERE id = NEW.entry_id;
    IF e.enterprise_id <> NEW.enterprise_id OR e.date <> NEW.date THEN
        RAISE EXCEPTION 'journal line does not match its entry (enterprise or date)'
            USING ERRCODE = 'check_violation';
    END IF;
    SELECT enterprise_id, is_header INTO a FROM bumdes_account WHERE id = NEW.account_id;
    IF a.enterprise_id <> NEW.enterprise_id THEN
        RAISE EXCEPTION 'account % belongs to another enterprise', NEW.account_id
            USING ERRCODE = 'check_violation';
    END IF;
    IF a.is_header THEN
        RAISE EXCEPTION 'account % is a header account; post to a detail account', NEW.account_id
            USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.unit_id IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM bumdes_businessunit WHERE id = NEW.unit_id AND enterprise_id = NEW.enterprise_id
    ) THEN
        RAISE EXCEPTION 'business unit % belongs to another enterprise', NEW.unit_id
            USING ERRCODE = 'check_violation';
    END IF;
    SELECT lock_date INTO lock FROM bumdes_enterprise WHERE id = NEW.enterprise_id;
    IF lock IS NOT NULL AND NEW.date <= lock THEN
        RAISE EXCEPTION 'the books are locked up to %; nothing can be posted on %', lock, NEW.date
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER bumdes_journalline_valid
    BEFORE INSERT ON bumdes_journalline
    FOR EACH ROW EXECUTE FUNCTION bumdes_line_valid();
"""

BACKWARD = r"""
DROP TRIGGER IF EXISTS bumdes_journalline_valid ON bumdes_journalline;
DROP TRIGGER IF EXISTS bumdes_journalentry_immutable ON bumdes_journalentry;
DROP TRIGGER IF EXISTS bumdes_journalline_immutable ON bumdes_journalline;
DROP TRIGGER IF EXISTS bumdes_journalentry_balanced ON bumdes_journalentry;
DROP TRIGGER IF EXISTS bumdes_journalline_balanced ON bumdes_journalline;
DROP FUNCTION IF EXISTS bumdes_line_valid();
DROP FUNCTION IF EXISTS bumdes_refuse_change();
DROP FUNCTION IF EXISTS bumdes_entry_balanced();
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
    dependencies = [("bumdes", "0002_books")]

    operations = [migrations.RunPython(forward, backward)]
