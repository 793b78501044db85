"""History keeps the links of a record (topics, institutions, evaluators…) and a restore brings them back."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import login
from rial.conference.tests import factories as conference_factories
from rial.cooperation import services as cooperation_services
from rial.cooperation.tests.factories import open_call
from rial.directory.models import Institution
from rial.meetings.models import Consultation
from rial.meetings.services.consultation import consultation_open
from rial.portfolio import services as portfolio_services
from rial.portfolio.models import TargetPopulation
from rial.portfolio.tests.factories import ProgramFactory
from rial.topics.models import Topic

pytestmark = pytest.mark.django_db


def _history(record, app: str, model: str) -> str:
    return reverse("core:history", kwargs={"app_label": app, "model_name": model, "pk": record.pk})


def _restore(client, record, app: str, model: str, version):
    return client.post(reverse("core:restore", kwargs={"app_label": app, "model_name": model, "pk": record.pk,
                                                       "history_id": version.history_id}), follow=True)


def test_a_mandates_topics_and_institutions_are_in_its_history_and_come_back_on_restore(client, secretariat):
    mandate = conference_factories.mandate(conference_factories.plan())
    inspection, youth = Topic.objects.get(slug="labor-inspection"), Topic.objects.get(slug="youth-employment")
    ilo = Institution.objects.get(slug="ilo")
    login(client, secretariat)
    edit = reverse("conference:mandate_edit", kwargs={"pk": mandate.pk})
    client.post(edit, {"topics": [inspection.pk], "responsible_institutions": [ilo.pk]})
    first = mandate.history.latest("history_id")
    client.post(edit, {"topics": [youth.pk], "responsible_institutions": []})

    page = client.get(_history(mandate, "conference", "mandate")).content.decode()
    assert "<strong>topics</strong>" in page and "<strong>responsible institutions</strong>" in page
    assert f"<del>{inspection}</del> → <ins>{youth}</ins>" in page
    assert str(ilo) in page

    assert "was restored" in _restore(client, mandate, "conference", "mandate", first).content.decode()
    assert list(mandate.topics.all()) == [inspection]
    assert list(mandate.responsible_institutions.all()) == [ilo]
    latest = mandate.history.latest("history_id")
    assert latest.history_change_reason == f"core.restored.{first.history_id}"
    assert latest.history_user == secretariat


def test_one_edit_of_a_mandates_links_is_one_version(client, secretariat):
    mandate = conference_factories.mandate(conference_factories.plan())
    login(client, secretariat)
    before = mandate.history.count()
    client.post(reverse("conference:mandate_edit", kwargs={"pk": mandate.pk}),
                {"topics": [Topic.objects.get(slug="labor-inspection").pk]})
    assert mandate.history.count() == before + 1
    assert [row.topic.slug for row in mandate.history.latest("history_id").topics.all()] == ["labor-inspection"]


def test_a_programs_topics_and_populations_are_restored(client, secretariat):
    program = ProgramFactory(status="draft", topics=["youth-employment"], populations=["youth"])
    before = program.history.latest("history_id")
    portfolio_services.program_update(program=program, user=secretariat, data={},
                                      topics=Topic.objects.filter(slug="labor-inspection"),
                                      populations=TargetPopulation.objects.none())
    assert program.history.latest("history_id").history_change_reason == "portfolio.program.changed"
    login(client, secretariat)
    _restore(client, program, "portfolio", "program", before)
    assert [t.slug for t in program.topics.all()] == ["youth-employment"]
    assert [p.slug for p in program.populations.all()] == ["youth"]


def test_a_consultations_invited_authorities_are_recorded(secretariat):
    chile, brazil = Institution.objects.get(slug="ministry-cl"), Institution.objects.get(slug="ministry-br")
    consultation = consultation_open(
        consultation=Consultation(title="DEMO consultation", description="Do you agree?",
                                  deadline=timezone.now() + datetime.timedelta(days=10)),
        consulted=[chile, brazil], user=secretariat)
    version = consultation.history.latest("history_id")
    assert sorted(row.institution_id for row in version.consulted.all()) == sorted([chile.pk, brazil.pk])


def test_a_calls_evaluators_are_restored(client, secretariat, focal_cl, focal_br):
    call = open_call()
    cooperation_services.call_save(call=call, user=secretariat, rates=[], authority_evaluators=[focal_cl, focal_br])
    with_both = call.history.latest("history_id")
    cooperation_services.call_save(call=call, user=secretariat, rates=[], authority_evaluators=[focal_cl])
    page = client.get(_history(call, "cooperation", "call"))
    assert page.status_code == 302  # login first
    login(client, secretariat)
    assert "evaluators for the authorities" in client.get(_history(call, "cooperation", "call")).content.decode()
    _restore(client, call, "cooperation", "call", with_both)
    assert set(call.authority_evaluators.all()) == {focal_cl, focal_br}


def test_a_version_linking_a_deleted_record_is_not_restored(client, secretariat):
    mandate = conference_factories.mandate(conference_factories.plan())
    topic = Topic.objects.create(slug="temporary-topic", name_en="Temporary topic")
    mandate.topics.set([topic])
    linked = mandate.history.latest("history_id")
    mandate.topics.clear()
    topic.delete()
    login(client, secretariat)
    text = _restore(client, mandate, "conference", "mandate", linked).content.decode()
    assert "Nothing was restored" in text
    assert not mandate.topics.exists()
