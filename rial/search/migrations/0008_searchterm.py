"""The index terms known to the index (``SearchTerm``), filled from the index as it is: on PostgreSQL the lexemes of
the ``vector`` column (``ts_stat``), on SQLite those of ``search_fts`` (an ``fts5vocab`` table), both without the
filter tokens. From then on every write of the index adds its terms (``index.py``)."""

from django.db import migrations, models

TERM_PREFIXES = ("en_", "es_", "pt_", "fr_", "concept_")


def _fill(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT word FROM ts_stat('SELECT vector FROM search_searchentry WHERE vector IS NOT NULL')")
        elif connection.vendor == "sqlite":
            cursor.execute("CREATE VIRTUAL TABLE temp.search_fts_terms USING fts5vocab(main, search_fts, row)")
            cursor.execute("SELECT term FROM temp.search_fts_terms")
        else:
            return
        found = [term for (term,) in cursor.fetchall() if term.startswith(TERM_PREFIXES) and len(term) <= 100]
        if connection.vendor == "sqlite":
            cursor.execute("DROP TABLE temp.search_fts_terms")
    SearchTerm = apps.get_model("search", "SearchTerm")
    SearchTerm.objects.bulk_create([SearchTerm(term=term) for term in found], ignore_conflicts=True, batch_size=5000)


class Migration(migrations.Migration):
    dependencies = [("search", "0007_sqlite_head_table")]

    operations = [
        migrations.CreateModel(
            name="SearchTerm",
            fields=[("term", models.CharField(max_length=100, primary_key=True, serialize=False, verbose_name="term"))],
            options={"verbose_name": "index term", "verbose_name_plural": "index terms"},
        ),
        migrations.RunPython(_fill, migrations.RunPython.noop),
    ]
