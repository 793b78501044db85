"""On PostgreSQL the database itself refuses to change or delete a ledger entry, whoever connects.

SQLite (development and tests) relies on the model's refusal alone: Django's test flush deletes rows there
with DELETE, which a trigger would block. On PostgreSQL the flush uses TRUNCATE, which row triggers do not see.
"""

from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION fund_entry_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'fund_entry rows are immutable: record a reversing entry instead (% refused)', TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER fund_entry_immutable BEFORE UPDATE OR DELETE ON fund_entry
    FOR EACH ROW EXECUTE FUNCTION fund_entry_refuse_change();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS fund_entry_immutable ON fund_entry;
DROP FUNCTION IF EXISTS fund_entry_refuse_change();
"""


class PostgresOnlySQL(migrations.RunSQL):
    """RunSQL that does nothing on other databases."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [
        ("fund", "0001_initial"),
    ]

    operations = [
        PostgresOnlySQL(FORWARD, BACKWARD),
    ]
