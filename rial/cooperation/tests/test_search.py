import pytest

from rial.cooperation import search
from rial.cooperation.models import Activity, Call

pytestmark = pytest.mark.django_db


def test_published_activities_are_indexed_with_countries_topics_and_text(planned_activity):
    documents = {doc.key: doc for doc in search.ActivitySource().documents()}
    doc = documents[str(planned_activity.pk)]
    assert doc.kind == "cooperation_activity" and doc.countries == ("BR", "CL")
    assert doc.topics == ("labor-inspection",) and "Learn how inspections are planned." in doc.body
    assert len(documents) == Activity.objects.count()


def test_an_activity_of_an_unpublished_call_is_not_indexed(planned_activity):
    Call.objects.filter(pk=planned_activity.call_id).update(state=Call.State.EVALUATED)
    assert search.ActivitySource().document(Activity.objects.get(pk=planned_activity.pk)) is None
