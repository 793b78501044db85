"""Topics and responsible institutions suggested from a mandate's words when a plan is imported."""

import pytest

from rial.conference.classify import suggested_topics
from rial.conference.importer import uploads
from rial.conference.models import Mandate, WorkingGroup
from rial.conference.plan_import import plan_import
from rial.conference.tests.test_import_seeds import seed_path

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("text", "slug"), [
    ("Eradicate the worst forms of child labor by 2020", "child-labor"),
    ("Erradicar el trabajo infantil", "child-labor"),
    ("Strengthen labor inspection services", "labor-inspection"),
    ("Promote social dialogue and tripartism", "social-dialogue"),
    ("Support MSMEs and the informal economy", "enterprises-msmes"),
])
def test_topics_from_words(text, slug):
    assert slug in suggested_topics(text)


def test_unrelated_text_has_no_topic():
    assert suggested_topics("Approve the minutes of the meeting.") == []


def _import(seeds_dir, prefix, user):
    text = uploads.read_text(seed_path(seeds_dir, prefix))
    return plan_import(parsed=uploads.parse_plan_text(text), user=user).document


def test_seed_mandates_get_topics_and_institutions(seeds_dir, secretariat):
    plan = _import(seeds_dir, "001", secretariat)
    mandates = Mandate.objects.filter(plan=plan)
    # Mexico 2005: child labor is one of WG1's topics; Cancún 2015: an activity names it.
    assert WorkingGroup.objects.filter(conference__number=14, topics__slug="child-labor").exists()
    cancun = _import(seeds_dir, "000", secretariat)
    assert Mandate.objects.filter(plan=cancun, topics__slug="child-labor").exists()
    assert mandates.filter(responsible_institutions__slug="ilo").exists()
    assert mandates.filter(responsible_institutions__slug="oas-technical-secretariat").exists()
