"""Status of Declarations and Plans (draft → adopted → final), and what other apps ask of mandates."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from conftest import login
from rial.conference.models import ConferenceDocument
from rial.conference.services import document_set_status, evidence_add, mandates_answered_by
from rial.conference.tests import factories
from rial.directory.models import Institution

pytestmark = pytest.mark.django_db


def test_draft_adopted_final(secretariat):
    plan = factories.plan(status=ConferenceDocument.Status.DRAFT)
    document_set_status(document=plan, user=secretariat, status="adopted")
    document_set_status(document=plan, user=secretariat, status="final")
    with pytest.raises(ValidationError, match="Possible now: “return to adopted”"):
        document_set_status(document=plan, user=secretariat, status="draft")
    plan.refresh_from_db()
    assert plan.status == "final" and plan.history.count() == 3


def test_only_the_secretariat_changes_a_document_status(focal_cl):
    plan = factories.plan(status=ConferenceDocument.Status.DRAFT)
    with pytest.raises(PermissionDenied):
        document_set_status(document=plan, user=focal_cl, status="adopted")


def test_status_button_on_the_plan_page(client, secretariat, focal_cl):
    plan = factories.plan(status=ConferenceDocument.Status.DRAFT)
    url = reverse("conference:plan_status", kwargs={"pk": plan.pk})
    login(client, focal_cl)
    assert "Mark as" not in client.get(plan.get_absolute_url()).text
    assert client.post(url, {"status": "adopted"}).status_code == 403
    login(client, secretariat)
    assert "Mark as Adopted" in client.get(plan.get_absolute_url()).text
    client.post(url, {"status": "final"})  # not allowed from draft: nothing saved
    plan.refresh_from_db()
    assert plan.status == "draft"
    client.post(url, {"status": "adopted"})
    plan.refresh_from_db()
    assert plan.status == "adopted"


def test_mandates_answered_by_a_record(secretariat):
    plan = factories.plan()
    first, second, _other = (factories.mandate(plan, None, text=text) for text in ("one", "two", "three"))
    record = Institution.objects.get(slug="ilo")
    evidence_add(mandates=[first, second], user=secretariat, record=record, description="ILO study")
    assert mandates_answered_by(record) == [first, second]


def test_conference_list_queries_are_constant(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        assert client.get(reverse("conference:home")).status_code == 200
