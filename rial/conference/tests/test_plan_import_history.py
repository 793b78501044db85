"""A plan import records the links it suggests in history: each new mandate has one version holding its
topics and responsible institutions (so the history page shows them and a restore brings them back), and
writing the links costs the same few queries however many mandates the plan has."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from rial.conference import actions
from rial.conference.importer import uploads
from rial.conference.importer.tests.samples import ENGLISH_PLAN
from rial.conference.models import Mandate
from rial.conference.plan_import import plan_import
from rial.conference.tests import factories
from rial.core.audit import create_logged, m2m_state
from rial.directory.models import Institution
from rial.topics.models import Topic

pytestmark = pytest.mark.django_db


def test_every_imported_mandate_has_one_version_with_its_suggested_links(secretariat):
    plan_import(parsed=uploads.parse_plan_text(ENGLISH_PLAN), user=secretariat)
    mandates = list(Mandate.objects.prefetch_related("topics", "responsible_institutions"))
    assert sum(len(mandate.topics.all()) + len(mandate.responsible_institutions.all()) for mandate in mandates) > 0
    for mandate in mandates:
        (version,) = mandate.history.all()
        assert version.history_change_reason == actions.MANDATE_IMPORTED and version.history_user == secretariat
        assert m2m_state(version) == {
            "topics": sorted(topic.pk for topic in mandate.topics.all()),
            "responsible_institutions": sorted(institution.pk for institution in mandate.responsible_institutions.all()),
        }


def _queries_to_create(plan, count: int, *, links: bool, user) -> int:
    topics = list(Topic.objects.order_by("pk")[:3])
    institutions = list(Institution.objects.order_by("pk")[:2])
    start = plan.mandates.count()
    records = [(Mandate(plan=plan, text=f"Mandate {start + number}", position=start + number + 1),
                {"topics": topics if links else [], "responsible_institutions": institutions if links else []})
               for number in range(count)]
    with CaptureQueriesContext(connection) as queries:
        create_logged(records, user=user, action=actions.MANDATE_IMPORTED)
    return len(queries)


def test_the_links_of_many_new_records_cost_what_the_links_of_a_few_cost(secretariat):
    plan = factories.plan()
    few = (_queries_to_create(plan, 3, links=True, user=secretariat)
           - _queries_to_create(plan, 3, links=False, user=secretariat))
    many = (_queries_to_create(plan, 12, links=True, user=secretariat)
            - _queries_to_create(plan, 12, links=False, user=secretariat))
    assert many == few
    newest = Mandate.objects.order_by("-pk").first()
    assert m2m_state(newest.history.get()) == {"topics": sorted(newest.topics.values_list("pk", flat=True)),
                                               "responsible_institutions": []}
