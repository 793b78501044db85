"""The database-specific full-text part of the index (see rial/search/engines)."""

from django.db import migrations

SQLITE_FORWARD = [
    # Terms are computed in Python (rial/search/text.py): the tokenizer only splits on spaces and
    # keeps "es_inspeccion" whole. rowid is the SearchEntry id.
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        title, topics, body, filters, tokenize = "unicode61 remove_diacritics 0 tokenchars '_'")""",
]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS search_fts"]

POSTGRES_FORWARD = [
    "ALTER TABLE search_searchentry ADD COLUMN vector tsvector",
    "CREATE INDEX search_entry_vector ON search_searchentry USING gin (vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_entry_vector",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS vector",
]


def _run(statements):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for sql in statements.get(vendor, []):
            schema_editor.execute(sql)
    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
    ]
