"""Rows written before invisible characters were stripped on save are cleaned once (rial/core/text.py).

It runs after the latest migration of every app that was there when it was written; it reads the
fields from the migration state, so later changes of the models do not change what it does. It lives in
the portal app (the top layer, no models of its own) because it depends on every other app.
"""

from django.db import migrations


def strip_invisible(apps, schema_editor):
    from rial.core.text import clean_stored, rial_models

    clean_stored(rial_models(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_apitoken_expires_at"),
        ("agreements", "0002_proposals"),
        ("conference", "0006_plan_upload"),
        ("cooperation", "0003_history_of_many_to_many"),
        ("directory", "0004_country_language"),
        ("events", "0001_initial"),
        ("forums", "0001_initial"),
        ("fund", "0006_ledger_summary"),
        ("library", "0003_submitted_documents"),
        ("meetings", "0005_history_of_many_to_many"),
        ("newsletter", "0001_initial"),
        ("notifications", "0001_initial"),
        ("portfolio", "0002_history_of_many_to_many"),
        ("search", "0007_sqlite_head_table"),
        ("topics", "0001_initial"),
    ]

    operations = [migrations.RunPython(strip_invisible, migrations.RunPython.noop, elidable=True)]
