import pytest

from rial.meetings import demo
from rial.meetings.models import Consultation, DraftForum, Meeting, PlannedActivity, WorkingGroupReport

pytestmark = pytest.mark.django_db


def test_the_demo_set_loads_twice_without_duplicates_and_says_demo():
    demo.load_demo()
    demo.load_demo()
    meetings = Meeting.objects.filter(is_demo=True)
    assert meetings.count() == 1 and "DEMO" in meetings.get().title
    assert meetings.get().participants.count() == 5
    assert PlannedActivity.objects.current().filter(revision__plan__is_demo=True).count() == 2
    assert Consultation.objects.get(is_demo=True).consulted.count() == 3
    assert DraftForum.objects.get(is_demo=True).paragraphs.count() == 3
    report = WorkingGroupReport.objects.get(is_demo=True)
    assert report.title.startswith("DEMO") and "DEMO: share remote inspection tools" in report.recommendations
