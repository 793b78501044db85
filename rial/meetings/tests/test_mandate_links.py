import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from rial.conference.models import Evidence
from rial.meetings.models import Conclusion
from rial.meetings.services.evidence import meeting_link_mandate
from rial.meetings.tests.factories import (
    ConclusionFactory,
    MeetingFactory,
    conference_with_group,
    plan_with_mandates,
)

pytestmark = pytest.mark.django_db


def test_a_recommendation_answers_a_mandate_through_evidence(secretariat_client, secretariat):
    conference, _group = conference_with_group()
    _plan, (mandate, _other) = plan_with_mandates(conference)
    meeting = MeetingFactory(conference=conference)
    recommendation = ConclusionFactory(meeting=meeting, kind=Conclusion.Kind.RECOMMENDATION, text="Share tools.")
    response = secretariat_client.post(reverse("meetings:link_mandate", args=[meeting.pk]),
                                       {"mandate": mandate.pk, "conclusion": recommendation.pk})
    assert response.status_code == 302
    evidence = Evidence.objects.get(mandate=mandate)
    assert evidence.record == recommendation
    assert evidence.content_type == ContentType.objects.get_for_model(Conclusion)
    assert "Test mandate 0" in secretariat_client.get(meeting.get_absolute_url()).content.decode()


def test_the_same_link_twice_is_refused(secretariat):
    conference, _group = conference_with_group()
    _plan, (mandate, _other) = plan_with_mandates(conference)
    meeting = MeetingFactory(conference=conference)
    meeting_link_mandate(meeting=meeting, mandate=mandate, user=secretariat)
    with pytest.raises(ValidationError):
        meeting_link_mandate(meeting=meeting, mandate=mandate, user=secretariat)
    assert Evidence.objects.filter(mandate=mandate).count() == 1


def test_a_conclusion_of_another_meeting_is_refused(secretariat):
    conference, _group = conference_with_group()
    _plan, (mandate, _other) = plan_with_mandates(conference)
    meeting = MeetingFactory(conference=conference)
    with pytest.raises(ValidationError):
        meeting_link_mandate(meeting=meeting, mandate=mandate, user=secretariat, conclusion=ConclusionFactory())
    assert not Evidence.objects.exists()


def test_a_member_cannot_link_mandates(member_co):
    conference, _group = conference_with_group()
    _plan, (mandate, _other) = plan_with_mandates(conference)
    with pytest.raises(PermissionDenied):
        meeting_link_mandate(meeting=MeetingFactory(conference=conference), mandate=mandate, user=member_co)
