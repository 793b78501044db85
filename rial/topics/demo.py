"""The topic taxonomy of the brief (§3.3), as reference data."""

import csv
from pathlib import Path

from django.db import transaction

from rial.core.reference import sync
from rial.topics.models import Topic

DATA = Path(__file__).resolve().parent / "data" / "topics.csv"


@transaction.atomic
def load_reference() -> str:
    with open(DATA, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for position, row in enumerate(rows):
        parent = Topic.objects.get(slug=row["parent"]) if row["parent"] else None
        sync(Topic, {"slug": row["slug"]}, {
            "parent": parent, "position": position,
            **{f"name_{lang}": row[f"name_{lang}"] for lang in ("en", "es", "pt", "fr")},
        })
    return f"{len(rows)} topics"
