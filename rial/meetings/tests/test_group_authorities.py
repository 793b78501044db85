import pytest
from django.urls import reverse

from conftest import login
from rial.meetings.tests.factories import MeetingFactory, conference_with_group

pytestmark = pytest.mark.django_db


def test_the_chair_ministry_runs_its_groups_meetings(client, focal_cl):
    _conference, group = conference_with_group(chair_iso2="CL", vice_chairs=())
    meeting = MeetingFactory(is_published=False)
    meeting.working_groups.add(group)
    login(client, focal_cl)
    assert client.get(reverse("meetings:edit", args=[meeting.pk])).status_code == 200
    assert client.get(meeting.get_absolute_url()).status_code == 200


def test_a_ministry_outside_the_groups_authorities_cannot(client, focal_br):
    _conference, group = conference_with_group(chair_iso2="CL", vice_chairs=())
    meeting = MeetingFactory()
    meeting.working_groups.add(group)
    login(client, focal_br)
    assert client.get(reverse("meetings:edit", args=[meeting.pk])).status_code == 403


def test_a_vice_chair_ministry_may_edit(client, focal_br):
    _conference, group = conference_with_group(chair_iso2="CL", vice_chairs=("BR",))
    meeting = MeetingFactory()
    meeting.working_groups.add(group)
    login(client, focal_br)
    assert client.get(reverse("meetings:edit", args=[meeting.pk])).status_code == 200


def test_an_authority_cannot_add_meetings(client, focal_cl):
    conference_with_group(chair_iso2="CL")
    login(client, focal_cl)
    assert client.get(reverse("meetings:add")).status_code == 403
