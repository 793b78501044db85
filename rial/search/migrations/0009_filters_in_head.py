"""PostgreSQL: the ``head`` vector (title and topic terms) gains the record's filter tokens (kind, country, topic,
year, language), so that the title-and-topics tier with filters is decided on the small in-row vector alone;
matching a filter in ``vector`` read each candidate's vector (a few kilobytes, out of line) again: 110 ms for
one filtered query at 100,000 records. The tokens are copied from ``vector``, which has always held them, so
no rebuild is needed. (SQLite's head table has had a filters column from the start.)"""

from django.db import migrations

FILTER_TOKEN = r"^(kind|country|topic|year|lang)_"

FORWARD = f"""
UPDATE search_searchentry
   SET head = coalesce(head, ''::tsvector) || array_to_tsvector(ARRAY(
       SELECT lexeme FROM unnest(vector) WHERE lexeme ~ '{FILTER_TOKEN}'))
 WHERE vector IS NOT NULL
"""
BACKWARD = f"""
UPDATE search_searchentry
   SET head = ts_delete(head, ARRAY(SELECT lexeme FROM unnest(head) WHERE lexeme ~ '{FILTER_TOKEN}'))
 WHERE head IS NOT NULL
"""


def _run(statement):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(statement)
    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0008_searchterm")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
