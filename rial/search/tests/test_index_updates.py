"""The index follows the records: saved → written on commit, removed when gone; the rebuild command."""

from django.core.management import call_command
from django.db import transaction

from rial.search.index import index_documents
from rial.search.models import SearchEntry, SearchText
from rial.search.query import Filters, search
from rial.search.tests.factories import document
from rial.topics.models import Topic


def topic_titles(q: str) -> list[str]:
    return [str(hit.title) for hit in search(q=q, filters=Filters(kind=["topic"])).complete_hits]


def test_topics_are_indexed_in_four_languages(db):
    entry = SearchEntry.objects.get(kind="topic", key=str(Topic.objects.get(slug="child-labor").pk))
    assert set(SearchText.objects.filter(entry=entry).values_list("language", flat=True)) == {"en", "es", "pt", "fr"}
    assert any("infantil" in title for title in topic_titles("trabajo infantil"))
    assert any("infantil" in title for title in topic_titles("trabalho infantil"))


def test_a_saved_record_is_indexed_when_the_transaction_commits(db, django_capture_on_commit_callbacks):
    topic = Topic.objects.get(slug="telework") if Topic.objects.filter(slug="telework").exists() else None
    topic = topic or Topic.objects.filter(parent__isnull=False).first()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        topic.name_es = "Teletrabajo y desconexión digital"
        topic.save()
    assert topic_titles("desconexión") == []  # not before the commit
    for callback in callbacks:
        callback()
    # The topic by its new name, and its area, whose text names its subtopics (SEARCH_RELATED of topics).
    assert topic_titles("desconexión") == ["Teletrabajo y <mark>desconexión</mark> digital", topic.parent.name_es]


def test_a_rolled_back_change_never_reaches_the_index(db, django_capture_on_commit_callbacks):
    topic = Topic.objects.filter(parent__isnull=False).first()
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                topic.name_es = "Palabraquenoexiste"
                topic.save()
                raise RuntimeError("the workflow failed half-way")
        except RuntimeError:
            pass
    assert topic_titles("palabraquenoexiste") == []


def test_a_deleted_record_is_removed(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        topic = Topic.objects.create(slug="search-test-topic", name_en="Quokka work", name_es="Trabajo de quokkas",
                                     parent=Topic.objects.get(slug="labor"))
    assert SearchEntry.objects.filter(kind="topic", key=str(topic.pk)).exists()
    pk = topic.pk
    with django_capture_on_commit_callbacks(execute=True):
        topic.delete()
    assert not SearchEntry.objects.filter(kind="topic", key=str(pk)).exists()
    assert topic_titles("quokkas") == []


def test_reindexing_a_document_replaces_its_entry(source):
    index_documents([document("a", "Old title", "old words", translations={"es": ("Título viejo", "")})])
    index_documents([document("a", "New title", "new words")])
    entry = SearchEntry.objects.get(kind="study", key="a")
    assert entry.title == "New title"
    assert list(entry.texts.values_list("language", flat=True)) == ["en"]
    assert search(q="old", filters=Filters(kind=["study"])).hits == []
    assert len(search(q="new", filters=Filters(kind=["study"])).hits) == 1


def test_rebuild_command_indexes_every_source_and_drops_stale_entries(source, capsys):
    index_documents([document("stale", "Stale entry", kind="program")])
    source.shelf = [document("fresh", "Fresh study")]
    call_command("rebuild_search_index")
    assert search(q="fresh", filters=Filters()).total == 1
    assert not SearchEntry.objects.filter(key="stale").exists()
    assert all("stale" not in hit.url for hit in search(q="stale", filters=Filters()).hits)
    assert SearchEntry.objects.filter(kind="topic").count() == Topic.objects.count()
    assert "indexed" in capsys.readouterr().out
