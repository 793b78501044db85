"""Importing the same plan twice changes nothing; a later revision updates in place and keeps history;
a Spanish plan gives the same structure, and a second language fills that language of the same mandates.
"""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models.signals import post_save

from rial.conference.importer import uploads
from rial.conference.importer.tests.samples import ENGLISH_PLAN, SPANISH_PLAN
from rial.conference.models import Conference, ConferenceDocument, Mandate, WorkingGroup
from rial.conference.plan_import import plan_import

pytestmark = pytest.mark.django_db

FIRST_REVISION = ENGLISH_PLAN.replace("rev.2", "rev.1").replace(
    "Hold an exchange on mediation services.", "Hold a workshop on mediation services.")


def save(text, user):
    return plan_import(parsed=uploads.parse_plan_text(text), user=user)


def counts():
    return (ConferenceDocument.objects.count(), Mandate.objects.count(), Mandate.history.count(),
            ConferenceDocument.history.count(), WorkingGroup.history.count(), Conference.history.count())


def test_a_new_conference_is_recorded_from_its_plan(secretariat):
    plan = save(ENGLISH_PLAN, secretariat).document
    assert (plan.conference.number, plan.conference.year, plan.conference.city) == (30, 2040, "Bridgetown")
    assert plan.conference.chair.name == "Barbados"
    assert (plan.code, plan.cidi_code, plan.revision) == ("OEA/Ser.K/XII.30.1", "CIDI/TRABAJO/doc.9/40", 2)
    assert plan.full_code == "OEA/Ser.K/XII.30.1 rev.2"


def test_importing_the_same_document_twice_changes_nothing(secretariat):
    first = save(ENGLISH_PLAN, secretariat)
    before = counts()
    second = save(ENGLISH_PLAN, secretariat)
    assert second.unchanged and second.document.pk == first.document.pk
    assert counts() == before


def test_same_content_with_new_fingerprint_writes_no_history(secretariat):
    save(ENGLISH_PLAN, secretariat)
    ConferenceDocument.objects.update(source_sha256="")  # force the slow path: compare field by field
    mandate_history = Mandate.history.count()
    outcome = save(ENGLISH_PLAN, secretariat)
    assert (outcome.created, outcome.updated, outcome.archived) == (0, 0, 0)
    assert Mandate.history.count() == mandate_history


def test_a_later_revision_updates_in_place_and_keeps_history(secretariat):
    first = save(FIRST_REVISION, secretariat)
    mandate = Mandate.objects.get(plan=first.document, text_en__startswith="Hold a workshop")
    ids = set(Mandate.objects.values_list("pk", flat=True))

    second = save(ENGLISH_PLAN, secretariat)

    assert second.document.pk == first.document.pk and second.document.revision == 2
    assert (second.created, second.updated, second.archived) == (0, 1, 0)
    assert set(Mandate.objects.values_list("pk", flat=True)) == ids
    mandate.refresh_from_db()
    assert mandate.text == "Hold an exchange on mediation services."
    earlier = [row.text_en for row in mandate.history.order_by("history_date")]
    assert earlier == ["Hold a workshop on mediation services.", "Hold an exchange on mediation services."]
    assert first.document.history.count() == 2


def test_a_revision_without_an_activity_archives_its_mandate(secretariat):
    save(ENGLISH_PLAN, secretariat)
    shorter = ENGLISH_PLAN.replace("b) Hold an exchange on mediation services.\n", "")
    assert shorter != ENGLISH_PLAN
    outcome = save(shorter, secretariat)
    assert outcome.archived == 1
    assert Mandate.objects.filter(text_en__startswith="Hold an exchange", archived_at__isnull=False).exists()


def test_spanish_plan_alone_has_the_same_structure(secretariat):
    plan = save(SPANISH_PLAN, secretariat).document
    assert plan.language == "es"
    english = uploads.parse_plan_text(ENGLISH_PLAN)
    expected = sum(1 + len(activity.items) for group in english.working_groups
                   for activity in group.activities) + len(english.network_actions)
    assert Mandate.objects.filter(plan=plan).count() == expected
    group = WorkingGroup.objects.get(conference__number=30, number=2)
    assert group.chair.name == "Trinidad and Tobago"


def test_spanish_version_fills_the_same_mandates_in_spanish(secretariat):
    english = save(ENGLISH_PLAN, secretariat).document
    mandates = Mandate.objects.count()
    spanish = save(SPANISH_PLAN, secretariat).document
    assert spanish.pk != english.pk and spanish.original_id == english.pk and spanish.language == "es"
    assert Mandate.objects.count() == mandates
    first = Mandate.objects.filter(plan=english).order_by("position").first()
    assert first.text_en and first.text_es and first.text_en != first.text_es


def test_a_plan_without_conference_number_is_refused_and_nothing_saved(secretariat):
    parsed = uploads.parse_plan_text(ENGLISH_PLAN)
    parsed.conference.number = None
    before = counts()
    with pytest.raises(ValidationError, match="conference"):
        plan_import(parsed=parsed, user=secretariat)
    assert counts() == before


def test_only_the_secretariat_imports(focal_cl):
    with pytest.raises(PermissionDenied):
        save(ENGLISH_PLAN, focal_cl)
    assert not ConferenceDocument.objects.exists()


def test_every_new_mandate_is_announced_to_other_apps(secretariat):
    """The search app indexes mandates on post_save: an import must not bypass it with a bulk insert."""
    created = []

    def receiver(sender, instance, **kwargs):
        if kwargs.get("created"):
            created.append(instance.pk)

    post_save.connect(receiver, sender=Mandate, dispatch_uid="test-import-announces")
    try:
        outcome = save(ENGLISH_PLAN, secretariat)
    finally:
        post_save.disconnect(sender=Mandate, dispatch_uid="test-import-announces")
    assert len(created) == outcome.created == Mandate.objects.count()
