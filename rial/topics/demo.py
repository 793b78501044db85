"""The topic taxonomy, as reference data (loaded on every start; see ``data/topics.csv``)."""

from pathlib import Path

from django.db import transaction

from rial.core.languages import LANGUAGE_CODES
from rial.core.reference import data_rows, sync
from rial.topics.models import Topic

DATA = Path(__file__).resolve().parent / "data" / "topics.csv"


@transaction.atomic
def load_reference() -> str:
    rows = data_rows(DATA)
    loaded = {}  # parents come before their children in the file: no query per row to find them
    for position, row in enumerate(rows):
        loaded[row["slug"]], _written = sync(Topic, {"slug": row["slug"]}, {
            "parent": loaded[row["parent"]] if row["parent"] else None, "position": position,
            **{f"name_{lang}": row[f"name_{lang}"] for lang in LANGUAGE_CODES},
        })
    return f"{len(rows)} topics"
