"""PostgreSQL: a second tsvector, ``head``, holding only the title and topic terms, with its own GIN index, so that
the records with every query word in their title or topics are found without reading every match's vector.
(SQLite's FTS5 filters by column within the same index: nothing to add.) The index must be rebuilt to fill it:
``rebuild_search_index --if-stale`` (its term rules changed in this version too)."""

from django.db import migrations

POSTGRES_FORWARD = [
    "ALTER TABLE search_searchentry ADD COLUMN head tsvector",
    "CREATE INDEX search_entry_head ON search_searchentry USING gin (head)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_entry_head",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS head",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)
    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0004_vocabulary")]

    operations = [migrations.RunPython(_run(POSTGRES_FORWARD), _run(POSTGRES_BACKWARD))]
