"""The Secretariat corrects an imported mandate's group, topics, institutions and due date."""

import pytest
from django.urls import reverse

from conftest import login
from rial.conference.tests import factories
from rial.directory.models import Institution
from rial.topics.models import Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def mandate():
    plan = factories.plan()
    factories.group(plan.conference, 1)
    return factories.mandate(plan, None)


def test_secretariat_corrects_topics_and_institutions(client, mandate, secretariat):
    login(client, secretariat)
    url = reverse("conference:mandate_edit", kwargs={"pk": mandate.pk})
    group = mandate.plan.conference.working_groups.get()
    topic = Topic.objects.get(slug="labor-inspection")
    ilo = Institution.objects.get(slug="ilo")
    response = client.post(url, {"group": group.pk, "topics": [topic.pk], "responsible_institutions": [ilo.pk],
                                 "due_date": "2030-03-31", "due_text": "no later than March 2030"})
    assert response.status_code == 302
    mandate.refresh_from_db()
    assert mandate.group == group and list(mandate.topics.all()) == [topic]
    assert list(mandate.responsible_institutions.all()) == [ilo]
    assert mandate.history.first().history_change_reason == "conference.mandate.edited"


def test_a_group_of_another_conference_is_refused(client, mandate, secretariat):
    other = factories.group(factories.conference(93), 1)
    login(client, secretariat)
    url = reverse("conference:mandate_edit", kwargs={"pk": mandate.pk})
    response = client.post(url, {"group": other.pk, "due_date": "not a date"})
    assert response.status_code == 200 and "Nothing was saved" in response.text
    mandate.refresh_from_db()
    assert mandate.group is None


def test_authorities_may_not_reclassify(client, mandate, focal_cl):
    login(client, focal_cl)
    assert client.get(reverse("conference:mandate_edit", kwargs={"pk": mandate.pk})).status_code == 403
