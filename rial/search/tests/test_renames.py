"""A topic or a country renamed: the records that name it are indexed again by one background task, enqueued
on commit (the test settings run tasks at once), and only when a name really changed."""

import pytest
from django_tasks import default_task_backend

from rial.agreements.tests.factories import AgreementFactory, party
from rial.core.searchable import SearchDocument
from rial.directory.demo import ministry_slug
from rial.directory.models import Country, Institution
from rial.meetings.tests.factories import MeetingFactory
from rial.portfolio.tests.factories import ProgramFactory
from rial.search.query import Filters, search
from rial.search.sources import sources
from rial.topics.models import Topic

pytestmark = pytest.mark.django_db


def titles(q: str, kind: str) -> list[str]:
    return [hit.plain_title for hit in search(q=q, filters=Filters(kind=[kind])).complete_hits]


def rename(obj, capture, **names) -> None:
    for name, value in names.items():
        setattr(obj, name, value)
    with capture(execute=True):
        obj.save()


@pytest.fixture
def program(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return ProgramFactory(name_en="Numbat program", topics=["labor-inspection"])


def test_a_topic_renamed_in_spanish_is_found_by_its_new_name_only(program, django_capture_on_commit_callbacks):
    topic = Topic.objects.get(slug="labor-inspection")
    # A word no other label of the topic has (its other labels share "inspección"'s stem in Portuguese now).
    rename(topic, django_capture_on_commit_callbacks, name_es="Vigilancia de numbats")
    assert titles("vigilancia", "program") == ["Numbat program"]
    assert titles("fiscalización", "program") == []
    rename(topic, django_capture_on_commit_callbacks, name_es="Fiscalización laboral")
    assert titles("fiscalización", "program") == ["Numbat program"]
    assert titles("vigilancia", "program") == []


def test_an_area_renamed_reaches_the_records_of_its_subtopics(program, django_capture_on_commit_callbacks):
    area = Topic.objects.get(slug="labor")
    rename(area, django_capture_on_commit_callbacks, name_es="Faena")
    assert titles("faena", "program") == ["Numbat program"]


def test_a_meeting_follows_its_topic_renamed(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        meeting = MeetingFactory(title_en="Quoll workshop")
        meeting.topics.set([Topic.objects.get(slug="child-labor")])
    rename(Topic.objects.get(slug="child-labor"), django_capture_on_commit_callbacks, name_fr="Labeur des petits")
    assert titles("labeur", "meeting") == ["Quoll workshop"]


def test_a_country_renamed_is_found_in_agreements_and_institutions(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        agreement = AgreementFactory(title_en="Dugong agreement on social security")
        party(agreement, "CL")
    assert titles("quokkaland", "agreement") == []
    chile = Country.objects.get(iso2="CL")
    rename(chile, django_capture_on_commit_callbacks, name_en="Quokkaland", name_es="Quokkalandia")
    assert "Dugong agreement on social security" in titles("quokkaland", "agreement")
    ministry = Institution.objects.get(slug=ministry_slug("CL"))
    assert ministry.name_es in titles("quokkalandia", "institution")
    assert titles("dugong chile", "agreement") == []


def test_a_rename_is_one_task_on_commit_and_the_request_does_not_wait(settings, django_capture_on_commit_callbacks):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    topic = Topic.objects.get(slug="telework")
    rename(topic, django_capture_on_commit_callbacks, name_es="Teletrabajo remoto")
    queued = default_task_backend.results
    assert [(result.task.name, result.kwargs) for result in queued] == [
        ("reindex_mentioning", {"topic_id": topic.pk})]


def test_saving_a_topic_or_country_without_renaming_it_enqueues_nothing(settings,
                                                                       django_capture_on_commit_callbacks):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    topic = Topic.objects.get(slug="telework")
    rename(topic, django_capture_on_commit_callbacks, position=topic.position + 1)
    rename(topic, django_capture_on_commit_callbacks, name_es=topic.name_es)
    rename(Country.objects.get(iso2="CL"), django_capture_on_commit_callbacks, verified=True)
    assert default_task_backend.results == []


@pytest.mark.parametrize("source", sources(), ids=lambda source: source.name)
def test_every_source_answers_for_a_topic_and_a_country(source):
    for kwargs in ({"topic": Topic.objects.get(slug="social-security")}, {"country": Country.objects.get(iso2="CL")}):
        assert all(isinstance(document, SearchDocument) for document in source.documents_mentioning(**kwargs))
