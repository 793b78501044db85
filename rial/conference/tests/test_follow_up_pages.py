"""Follow-up through the pages: POST only, permission on every path, bad input saves nothing."""

import pytest
from django.urls import reverse

from conftest import login
from rial.conference.models import Evidence, Mandate
from rial.conference.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def mandate():
    plan = factories.plan()
    group = factories.group(plan.conference, 1, chair="Chile")
    return factories.mandate(plan, group)


def url(name, mandate):
    return reverse(f"conference:{name}", kwargs={"pk": mandate.pk})


def test_an_authority_sees_the_forms_and_saves_progress(client, mandate, focal_cl):
    login(client, focal_cl)
    assert "Save status and progress" in client.get(mandate.get_absolute_url()).text
    response = client.post(url("mandate_follow_up", mandate), {"status": "in_progress", "progress": "30", "notes": ""})
    assert response.status_code == 302
    mandate.refresh_from_db()
    assert (mandate.status, mandate.progress) == ("in_progress", 30)


def test_others_are_refused(client, mandate, member_co):
    login(client, member_co)
    response = client.post(url("mandate_follow_up", mandate), {"status": "in_progress", "progress": "30"})
    assert response.status_code == 403
    assert client.post(url("mandate_evidence_add", mandate), {}).status_code == 403
    mandate.refresh_from_db()
    assert mandate.progress == 0


def test_anonymous_users_are_sent_to_log_in(client, mandate):
    response = client.post(url("mandate_report_add", mandate), {"date": "2024-01-01", "text": "x"})
    assert response.status_code == 302 and "login" in response["Location"]
    assert not mandate.reports.exists()


def test_get_changes_nothing(client, mandate, secretariat):
    login(client, secretariat)
    assert client.get(url("mandate_follow_up", mandate)).status_code == 405


def test_nonsense_is_refused_with_a_message(client, mandate, secretariat):
    login(client, secretariat)
    response = client.post(url("mandate_follow_up", mandate), {"status": "done", "progress": "20"}, follow=True)
    assert "Nothing was saved" in response.text
    response = client.post(url("mandate_follow_up", mandate), {"status": "flying", "progress": "500"}, follow=True)
    assert "Nothing was saved" in response.text
    mandate.refresh_from_db()
    assert (mandate.status, mandate.progress) == ("not_started", 0)


def test_report_and_evidence_through_the_page(client, mandate, focal_cl):
    login(client, focal_cl)
    client.post(url("mandate_report_add", mandate), {"date": "2024-03-01", "text": "Workshop held", "progress": "40"})
    client.post(url("mandate_evidence_add", mandate), {"description": "Workshop report", "url": "https://example.org/r",
                                                       "visibility": "internal"})
    mandate.refresh_from_db()
    assert mandate.progress == 40 and mandate.reports.get().text == "Workshop held"
    assert Evidence.objects.get(mandate=mandate).visibility == "internal"
    assert Mandate.history.filter(id=mandate.pk).first().history_user == focal_cl
