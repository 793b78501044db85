import pytest
from django.contrib.auth import get_user_model

from rial.directory import demo as directory_demo
from rial.meetings import demo
from rial.meetings.models import Consultation, DraftForum, Meeting, PlannedActivity, WorkingGroupReport

pytestmark = pytest.mark.django_db


def test_the_demo_set_loads_twice_without_duplicates_and_says_demo():
    directory_demo.load_demo()  # the demo accounts: the Secretariat's opens the consultation
    demo.load_demo()
    demo.load_demo()
    meetings = Meeting.objects.filter(is_demo=True)
    assert meetings.count() == 1 and "DEMO" in meetings.get().title
    assert meetings.get().participants.count() == 5
    assert PlannedActivity.objects.current().filter(revision__plan__is_demo=True).count() == 2
    assert Consultation.objects.get(is_demo=True).consulted.count() == 6
    assert DraftForum.objects.get(is_demo=True).paragraphs.count() == 3
    report = WorkingGroupReport.objects.get(is_demo=True)
    assert report.title.startswith("DEMO") and "DEMO: share remote inspection tools" in report.recommendations


def test_the_demo_consultation_asks_the_advisory_bodies_and_a_partner_too_and_tells_them():
    """COSATE, CEATAL and the ILO answer consultations as ministries do: the demo puts one to them, opened as the
    Secretariat opens one, so each finds it on its desk and in its notifications, and may answer it."""
    directory_demo.load_demo()
    demo.load_demo()
    consultation = Consultation.objects.get(is_demo=True)
    assert {"cosate", "ceatal", "ilo", "ministry-cl"} <= set(consultation.consulted.values_list("slug", flat=True))
    for username in ("demo-cosate", "demo-ceatal", "demo-ilo", "demo-focal-cl"):
        user = get_user_model().objects.get(username=username)
        assert user.notifications.filter(kind="meetings.consultation.opened").count() == 1
        assert user.has_perm("meetings.answer_consultation", consultation)
