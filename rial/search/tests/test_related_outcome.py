"""An outcome recorded after a cooperation activity took place (the activity itself is not saved again)
makes the activity findable by the outcome's words; deleting the outcome takes them away."""

import pytest

from rial.cooperation import services
from rial.cooperation.models import Activity, Outcome
from rial.cooperation.tests.factories import ministry
from rial.search.query import Filters, search

pytestmark = pytest.mark.django_db


def activity_titles(q: str) -> list[str]:
    return [hit.plain_title for hit in search(q=q, filters=Filters(kind=["cooperation_activity"])).complete_hits]


@pytest.fixture
def activity(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        # A historic activity (no proposal) is public once completed.
        return Activity.objects.create(first_party=ministry("CL"), second_party=ministry("BR"), year=2024,
                                       title="Exchange on labor inspection", state=Activity.State.COMPLETED)


def test_an_outcome_recorded_later_is_found(activity, secretariat, django_capture_on_commit_callbacks):
    assert activity_titles("sawmill") == []
    with django_capture_on_commit_callbacks(execute=True):
        services.outcome_record(activity=activity, user=secretariat, institution=ministry("CL"),
                                category=Outcome.Category.PROCESS, description="Sawmill inspections now use a checklist",
                                evidence="Resolution 12/2025")
    assert activity_titles("sawmill inspections") == ["Exchange on labor inspection"]


def test_a_deleted_outcome_is_no_longer_found(activity, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        outcome = Outcome.objects.create(activity=activity, institution=ministry("BR"),
                                         category=Outcome.Category.TRAINING, description="Quarry safety course",
                                         evidence="Course page")
    assert activity_titles("quarry safety") == ["Exchange on labor inspection"]
    with django_capture_on_commit_callbacks(execute=True):
        outcome.delete()
    assert activity_titles("quarry safety") == []
    assert activity_titles("exchange labor inspection") == ["Exchange on labor inspection"]
