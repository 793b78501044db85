"""An index written before the term rules were recorded is stale (its terms came from Snowball alone): mark it
so, and ``rebuild_search_index --if-stale`` (run by ``make run``) rebuilds it."""

from django.db import migrations


def mark(apps, schema_editor):
    IndexState = apps.get_model("search", "IndexState")
    SearchEntry = apps.get_model("search", "SearchEntry")
    if SearchEntry.objects.exists() and not IndexState.objects.exists():
        IndexState.objects.create(rules="unrecorded (before 2026-12-06)")


class Migration(migrations.Migration):
    dependencies = [("search", "0005_head_vector")]

    operations = [migrations.RunPython(mark, migrations.RunPython.noop)]
