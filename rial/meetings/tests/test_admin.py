import pytest

from conftest import login
from rial.meetings.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def test_the_secretariat_uses_the_back_office(secretariat_client):
    meeting = MeetingFactory()
    for url in ("/admin/meetings/meeting/", f"/admin/meetings/meeting/{meeting.pk}/change/",
                "/admin/meetings/consultation/", "/admin/meetings/workplanrevision/", "/admin/meetings/draftforum/",
                "/admin/meetings/workinggroupreport/"):
        assert secretariat_client.get(url).status_code == 200, url


def test_a_focal_point_has_no_back_office(client, focal_cl):
    login(client, focal_cl)
    response = client.get("/admin/meetings/meeting/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
