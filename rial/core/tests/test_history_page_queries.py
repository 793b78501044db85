"""The history page costs the same number of queries however many versions it compares, also when each
version changed many-to-many links (topics, responsible institutions)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import login
from rial.conference import actions
from rial.conference.tests import factories as conference_factories
from rial.core.audit import save_logged
from rial.directory.models import Institution
from rial.topics.models import Topic

pytestmark = pytest.mark.django_db


def _mandate_with_versions(plan, count: int, user):
    """A mandate whose every version changes its topics and responsible institutions."""
    mandate = conference_factories.mandate(plan)
    topics = list(Topic.objects.order_by("pk")[:4])
    institutions = list(Institution.objects.order_by("pk")[:3])
    for number in range(count):
        mandate.text_en = f"Version {number}"
        save_logged(mandate, user=user, action=actions.MANDATE_EDITED, related={
            "topics": topics[number % len(topics):][:2], "responsible_institutions": [institutions[number % 3]]})
    return mandate


def _queries(client, mandate) -> tuple[int, str]:
    url = reverse("core:history", kwargs={"app_label": "conference", "model_name": "mandate", "pk": mandate.pk})
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_history_page_does_not_read_more_as_versions_grow(client, secretariat):
    login(client, secretariat)
    plan = conference_factories.plan()
    few, page = _queries(client, _mandate_with_versions(plan, 2, secretariat))
    assert "<strong>topics</strong>" in page and "<strong>responsible institutions</strong>" in page
    many, page = _queries(client, _mandate_with_versions(plan, 20, secretariat))
    assert page.count("<strong>responsible institutions</strong>") >= 19
    assert many == few
