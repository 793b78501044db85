"""Evidence: any record of the platform answers one or several mandates, public or internal."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError

from rial.conference.models import Evidence
from rial.conference.services import evidence_add
from rial.conference.tests import factories
from rial.directory.models import Institution

pytestmark = pytest.mark.django_db


@pytest.fixture
def mandates():
    plan = factories.plan()
    group = factories.group(plan.conference, 1, chair="Chile")
    return [factories.mandate(plan, group, text="first"), factories.mandate(plan, group, text="second")]


def test_one_record_answers_several_mandates_once_each(mandates, secretariat):
    record = Institution.objects.get(slug="ilo")  # any model of the platform will do
    created = evidence_add(mandates=mandates, user=secretariat, record=record, description="Joint study")
    assert len(created) == 2 and {evidence.record for evidence in created} == {record}
    again = evidence_add(mandates=mandates, user=secretariat, record=record, description="Joint study")
    assert again == [] and Evidence.objects.count() == 2


def test_evidence_needs_a_record_or_a_link(mandates, secretariat):
    with pytest.raises(ValidationError):
        evidence_add(mandates=mandates, user=secretariat, description="Nothing to show")
    assert not Evidence.objects.exists()


def test_a_link_with_internal_visibility(mandates, focal_cl):
    evidence_add(mandates=mandates[:1], user=focal_cl, url="https://example.org/report.pdf",
                 description="Internal report", visibility=Evidence.Visibility.INTERNAL)
    assert Evidence.objects.get().visibility == "internal"


def test_internal_evidence_is_for_network_members(focal_cl, cosate_rep, django_user_model):
    assert focal_cl.has_perm("conference.view_internal_evidence")
    assert cosate_rep.has_perm("conference.view_internal_evidence")
    assert not AnonymousUser().has_perm("conference.view_internal_evidence")
    outsider = django_user_model.objects.create_user("outsider", password="x-long-password-1")
    assert not outsider.has_perm("conference.view_internal_evidence")
