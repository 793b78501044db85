"""SQLite: the title and topic terms (and the filter tokens) in an FTS5 table of their own, so that the records with
every query word in their title or topics are found from short lists. A column filter on the main table
(``{title topics} : …``) reads every posting of a common word to check its column: at 100,000 records, tens of
thousands of rows for "trabajo". Filled by the index's writes; an index from before is stale and is rebuilt
(``rebuild_search_index --if-stale``)."""

from django.db import migrations

FORWARD = [
    """CREATE VIRTUAL TABLE search_fts_head USING fts5(
        title, topics, filters, tokenize = "unicode61 remove_diacritics 0 tokenchars '_'")""",
]
BACKWARD = ["DROP TABLE IF EXISTS search_fts_head"]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for sql in statements:
                schema_editor.execute(sql)
    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0006_unrecorded_rules")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
