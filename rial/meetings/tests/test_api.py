import datetime

import pytest

from rial.meetings.models import Conclusion, Meeting
from rial.meetings.tests.factories import ConclusionFactory, MeetingFactory, conference_with_group

pytestmark = pytest.mark.django_db


def test_the_list_answers_the_reference_meetings_in_a_fixed_shape(client):
    response = client.get("/api/v1/meetings", {"kind": "workshop", "year": 2017})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    meeting = Meeting.objects.get(start_date=datetime.date(2017, 7, 13))
    assert body["items"][0] == {
        "id": meeting.pk, "title": "RIAL workshop on labor migration", "kind": "workshop",
        "start_date": "2017-07-13", "end_date": "2017-07-14", "start_time": None, "end_time": None,
        "time_zone": "America/Costa_Rica", "is_virtual": False, "venue": "", "city": "San José", "country": "CR",
        "conference": 19, "working_groups": [meeting.working_groups.get().pk], "ministries_attending": 17,
        "url": f"/en/meetings/{meeting.pk}/", "source": "Final report of Working Group 2 2016-2017 (seed 003)",
        "verified": True, "is_demo": False,
    }


def test_it_filters_by_group(client):
    _conference, group = conference_with_group()
    mine = MeetingFactory(title_en="Group meeting")
    mine.working_groups.add(group)
    MeetingFactory(title_en="Other meeting")
    body = client.get("/api/v1/meetings", {"group": group.pk}).json()
    assert [item["title"] for item in body["items"]] == ["Group meeting"]


def test_unpublished_meetings_are_not_served(client):
    hidden = MeetingFactory(title_en="Hidden", is_published=False)
    assert "Hidden" not in client.get("/api/v1/meetings", {"limit": 500}).content.decode()
    assert client.get(f"/api/v1/meetings/{hidden.pk}").status_code == 404


def test_a_bad_filter_is_refused_with_a_422(client):
    assert client.get("/api/v1/meetings", {"kind": "party"}).status_code == 422
    assert client.get("/api/v1/meetings", {"year": "soon"}).status_code == 422


def test_the_detail_has_agenda_and_conclusions(client):
    meeting = MeetingFactory(agenda="Opening\nPanel")
    ConclusionFactory(meeting=meeting, kind=Conclusion.Kind.RECOMMENDATION, number=1, text="Share tools.")
    body = client.get(f"/api/v1/meetings/{meeting.pk}").json()
    assert body["agenda"] == ["Opening", "Panel"]
    assert body["conclusions"] == [{"kind": "recommendation", "number": 1, "text": "Share tools."}]


def test_the_list_runs_a_constant_number_of_queries(client, django_assert_max_num_queries):
    for number in range(30):
        MeetingFactory(title_en=f"Grown {number}")
    with django_assert_max_num_queries(4):
        assert client.get("/api/v1/meetings", {"limit": 100}).status_code == 200
