"""The field's vocabulary (``data/vocabulary.csv``) as reference data: concepts with their labels in English,
Spanish, Portuguese and French, and their sources (see ``data/README.md``)."""

from pathlib import Path

from django.db import transaction

from rial.core.actions import REFERENCE_UPDATED
from rial.core.languages import LANGUAGE_CODES
from rial.core.reference import data_rows, sync
from rial.search import index
from rial.search.models import Concept
from rial.search.signals import loading_vocabulary
from rial.search.tasks import entries_naming
from rial.topics.models import Topic

DATA = Path(__file__).resolve().parent / "data" / "vocabulary.csv"


def labels(cell: str) -> str:
    """"child labor|child labour" → one label per line, as the admin shows them."""
    return "\n".join(label.strip() for label in cell.split("|") if label.strip())


@transaction.atomic
def load_reference() -> str:
    """Load the concepts (the Secretariat's edited ones are kept), then index again, in this process, the
    records whose terms the new or changed concepts touch: records indexed before the vocabulary existed (the
    reference data of the apps loaded before this one, a first ``make run``) get their concepts at once."""
    with loading_vocabulary():
        changed = _load_concepts()
    if changed:
        index.refresh_entries(entries_naming(changed))
    return f"{Concept.objects.count()} vocabulary concepts"


def _load_concepts() -> list[str]:
    rows = data_rows(DATA)
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    edited = set(Concept.objects.filter(edited=True).values_list("slug", flat=True))
    loaded, changed = {}, []
    for row in rows:
        if row["id"] in edited:  # the Secretariat's version wins over the shipped one
            continue
        loaded[row["id"]], written = sync(Concept, {"slug": row["id"]}, {
            "facet": row["facet"], "topic": topics.get(row["topic"]), "source": row["source"],
            "verified": row["verified"] == "1",
            **{f"labels_{language}": labels(row[language]) for language in LANGUAGE_CODES},
        })
        if written:
            changed.append(row["id"])
    # Broader concepts once every concept exists (a row may name one further down the file).
    by_slug = {concept.slug: concept for concept in Concept.objects.all()}
    for row in rows:
        concept, broader = loaded.get(row["id"]), by_slug.get(row["broader"])
        if concept is not None and concept.broader_id != (broader.pk if broader else None):
            concept.broader = broader
            concept._change_reason = REFERENCE_UPDATED
            concept.save(update_fields=["broader"])
    return changed
