"""Without the seed documents (a fresh clone), the demo still brings a Plan of Action of its own, marked DEMO,
imported through the importer, with mandates at every status and progress; loading it again changes nothing."""

import pytest
from django.utils import timezone

from rial.conference import demo
from rial.conference.models import ConferenceDocument, Mandate, ProgressReport, WorkingGroup
from rial.conference.services import mandate_follow_up

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_seeds(settings, tmp_path):
    settings.RIAL_DEMO_SEEDS = str(tmp_path)  # an empty folder: no real plan at hand


def test_the_demo_brings_a_plan_with_mandates_at_every_status(no_seeds, secretariat):
    demo.load_demo()
    plan = ConferenceDocument.objects.get(kind=ConferenceDocument.Kind.PLAN_OF_ACTION, language="en")
    spanish = ConferenceDocument.objects.get(kind=ConferenceDocument.Kind.PLAN_OF_ACTION, language="es")
    assert spanish.original == plan and "DEMO" in spanish.title
    assert "DEMO" in plan.title and plan.conference.source.startswith("DEMO")
    assert plan.import_warnings, "the importer read it (its placeholder vice-chair is reported)"
    mandates = Mandate.objects.filter(plan=plan)
    assert mandates.count() == 11  # six activities, two items, three actions of the network
    # The Spanish version fills the same mandates.
    assert all(text.startswith(("Publicar", "Realizar", "Preparar", "Comparar", "Mantener", "Organizar", "un "))
               for text in mandates.values_list("text_es", flat=True))
    # So do the Portuguese and French versions: the demo's plan, groups and topics read in the four languages.
    assert ConferenceDocument.objects.filter(original=plan).count() == 3
    assert all(text_pt and text_fr and text_pt != text_en != text_fr
               for text_en, text_pt, text_fr in mandates.values_list("text_en", "text_pt", "text_fr"))
    group = WorkingGroup.objects.get(conference=plan.conference, number=1)
    assert (group.title_pt, group.title_fr) == ("DEMO competências, emprego e transição verde",
                                                "DEMO compétences, emploi et transition verte")
    assert group.priority_topics_es[1] == "Empleo juvenil" and group.priority_topics_fr[1] == "L'emploi des jeunes"
    assert set(mandates.values_list("status", flat=True)) == set(Mandate.Status.values)
    assert set(mandates.values_list("progress", flat=True)) >= {0, 20, 40, 60, 100}
    assert mandates.get(import_key="wg1.02").progress == 70  # its items' average
    assert mandates.exclude(due_text="").count() == 4  # "before the next conference": no date until it is recorded
    assert mandates.exclude(due_date=None).count() == 3
    assert all(report.text.startswith("DEMO") for report in ProgressReport.objects.all())


def test_loading_twice_and_after_edits_changes_nothing(no_seeds, secretariat):
    demo.load_demo()
    guide = Mandate.objects.get(import_key="wg1.03")
    mandate_follow_up(mandate=guide, user=secretariat, status=Mandate.Status.DONE, progress=100)
    counts = (Mandate.objects.count(), ProgressReport.objects.count(), ConferenceDocument.objects.count())
    demo.load_demo()
    demo.load_demo()
    assert (Mandate.objects.count(), ProgressReport.objects.count(), ConferenceDocument.objects.count()) == counts
    guide.refresh_from_db()
    assert guide.status == Mandate.Status.DONE


def test_an_archived_demo_plan_stays_archived(no_seeds, secretariat):
    demo.load_demo()
    ConferenceDocument.objects.update(archived_at=timezone.now())
    demo.load_demo()
    assert not ConferenceDocument.objects.filter(archived_at=None).exists()
