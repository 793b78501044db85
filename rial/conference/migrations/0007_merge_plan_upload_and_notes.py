"""Joins two migrations written side by side from 0005: the plan uploads read in the background and the
conference notes in four languages. A new database reaches both through the squashed migration; one that
applied 0001–0005 one by one applies them separately, and this keeps its graph to one leaf."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("conference", "0006_conference_notes_in_four_languages"),
        ("conference", "0006_plan_upload"),
    ]

    operations = []
