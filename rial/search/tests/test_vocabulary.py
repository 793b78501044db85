"""The field's vocabulary bridges the four languages: a record is indexed with the concepts its text names, and
a query naming a concept in any language finds it — with no topic set on the record (before, nothing but topic
labels bridged languages: without topics, cross-language matches dropped to zero)."""

import csv

import pytest

from conftest import login
from rial.portfolio.tests.factories import ProgramFactory
from rial.search.demo import DATA, load_reference
from rial.search.index import index_documents
from rial.search.models import Concept
from rial.search.query import Filters, search
from rial.search.tests.factories import document


def keys(q: str) -> set[str]:
    return {hit.url.split("/")[2] for hit in search(q=q, filters=Filters(kind=["study"])).complete_hits}


@pytest.fixture
def programs(source):
    index_documents([  # no topics: only the text names what each is about
        document("cl", "Programa de erradicación del trabajo infantil", "Becas escolares para familias.",
                 language="es"),
        document("jm", "Child Labour Free Zones", "Schools and employers keep children out of packing plants."),
        document("br", "Seguro-desemprego", "Benefício pago ao trabalhador dispensado.", language="pt"),
        document("ht", "Emplois d'urgence après le séisme", "Travaux de reconstruction.", language="fr"),
    ])


@pytest.mark.parametrize(("q", "found"), [
    ("trabajo infantil", {"cl", "jm"}), ("child labor", {"cl", "jm"}), ("trabalho infantil", {"cl", "jm"}),
    ("travail des enfants", {"cl", "jm"}), ("unemployment insurance", {"br"}), ("seguro de desempleo", {"br"}),
    ("assurance chômage", {"br"}),
])
def test_a_concept_named_in_any_language_finds_records_in_the_others(programs, q, found):
    assert keys(q) == found


def program_names(q: str) -> set[str]:
    return {hit.plain_title for hit in search(q=q, filters=Filters(kind=["program"])).complete_hits}


@pytest.fixture
def haiti(db, django_capture_on_commit_callbacks):
    """A published program written in French (an app's record: the vocabulary's changes re-index it)."""
    with django_capture_on_commit_callbacks(execute=True):
        return ProgramFactory(name_en="", summary_en="", objectives_en="", name_fr="Emplois d'urgence après le séisme",
                              summary_fr="Travaux de reconstruction des quartiers.")


def test_a_label_the_secretariat_adds_is_found_once_the_records_are_indexed_again(
        haiti, secretariat_client, django_capture_on_commit_callbacks):
    assert program_names("conservación del empleo") == set()
    concept = Concept.objects.get(slug="job-retention")
    data = {"slug": concept.slug, "facet": concept.facet, "topic": "", "broader": "",
            "labels_en": concept.labels_en, "labels_es": concept.labels_es, "labels_pt": concept.labels_pt,
            "labels_fr": concept.labels_fr + "\nemplois d'urgence", "source": "rial"}
    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat_client.post(f"/admin/search/concept/{concept.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    concept.refresh_from_db()
    assert "emplois d'urgence" in concept.labels("fr") and concept.edited
    # The Haitian program was indexed again with the concept: its Spanish label now finds the French text.
    assert program_names("conservación del empleo") == {"Emplois d'urgence après le séisme"}
    history = concept.history.order_by("history_date")
    assert history.count() >= 2 and "emplois d'urgence" not in history.first().labels_fr


def test_a_deleted_concept_stops_bridging(haiti, django_capture_on_commit_callbacks):
    assert program_names("desastres naturales") == {"Emplois d'urgence après le séisme"}  # "séisme", "reconstruction"
    with django_capture_on_commit_callbacks(execute=True):
        Concept.objects.get(slug="disaster-response").delete()
    assert program_names("desastres naturales") == set()


def test_only_the_secretariat_edits_the_vocabulary(client, focal_cl):
    focal_cl.is_staff = True
    focal_cl.save()
    login(client, focal_cl)
    concept = Concept.objects.get(slug="child-labor")
    client.post(f"/admin/search/concept/{concept.pk}/change/", {"slug": "child-labor", "labels_en": "hijacked",
                                                                 "labels_es": "x", "labels_pt": "x", "labels_fr": "x"})
    assert "hijacked" not in Concept.objects.get(slug="child-labor").labels_en


def test_the_shipped_vocabulary_has_several_hundred_concepts_in_four_languages_with_sources(db):
    with open(DATA, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) >= 300
    for row in rows:
        assert all(row[language].strip() for language in ("en", "es", "pt", "fr")), row["id"]
        assert row["source"] in {"ilo-thesaurus", "eurovoc", "rial"}, row["id"]
    assert Concept.objects.count() == len(rows)
    assert "child labour" in Concept.objects.get(slug="child-labor").labels("en")  # British spellings too


def test_loading_the_vocabulary_again_keeps_the_secretariats_edits(db):
    concept = Concept.objects.get(slug="telework")
    concept.labels_es += "\nteletrabajo híbrido"
    concept.edited = True
    concept.save()
    load_reference()
    assert "teletrabajo híbrido" in Concept.objects.get(slug="telework").labels("es")
