"""Whichever way a mandate's responsible institutions are set or changed — the edit page, the admin, the
Plan import's suggestions, adopting a draft plan — the newly responsible institutions are told, once, by
``services.tell_newly_responsible``; a draft plan's proposals tell nobody until the plan is adopted."""

import pytest
from django.urls import reverse

from conftest import login
from rial.conference.importer import uploads
from rial.conference.importer.tests.samples import ENGLISH_PLAN
from rial.conference.models import ConferenceDocument, Mandate
from rial.conference.plan_import import plan_import
from rial.conference.services import document_set_status, mandate_edit
from rial.conference.tests import factories
from rial.directory.demo import ministry_slug
from rial.directory.models import Institution
from rial.notifications.models import Notification

pytestmark = pytest.mark.django_db

# An activity that names the ILO, so the import suggests it as responsible.
PLAN = ENGLISH_PLAN.replace("- b) Hold an exchange on mediation services.",
                            "- b) Hold an exchange on mediation services with the ILO.")
DRAFT_PLAN = PLAN.replace("PLAN OF ACTION OF BRIDGETOWN", "DRAFT PLAN OF ACTION OF BRIDGETOWN")


def assigned(user) -> list[int]:
    return sorted(int(key.split(":")[1]) for key in Notification.objects.filter(
        kind="conference.mandate.assigned", user=user).values_list("key", flat=True))


def naming_the_ilo(plan) -> list[int]:
    return sorted(Mandate.objects.filter(plan=plan, responsible_institutions__slug="ilo").values_list("pk", flat=True))


def test_an_adopted_plans_import_tells_the_institutions_it_suggests(secretariat, ilo_rep, cosate_rep):
    plan = plan_import(parsed=uploads.parse_plan_text(PLAN), user=secretariat).document
    assert plan.status == ConferenceDocument.Status.ADOPTED
    assert len(naming_the_ilo(plan)) == 1
    assert assigned(ilo_rep) == naming_the_ilo(plan)
    assert not Notification.objects.filter(user=cosate_rep).exists()
    plan_import(parsed=uploads.parse_plan_text(PLAN), user=secretariat)  # the same import again
    assert assigned(ilo_rep) == naming_the_ilo(plan)


def test_a_draft_plans_proposals_tell_nobody_until_it_is_adopted(secretariat, ilo_rep):
    plan = plan_import(parsed=uploads.parse_plan_text(DRAFT_PLAN), user=secretariat).document
    assert plan.status == ConferenceDocument.Status.DRAFT and naming_the_ilo(plan)
    assert not Notification.objects.filter(kind="conference.mandate.assigned").exists()
    document_set_status(document=plan, user=secretariat, status=ConferenceDocument.Status.ADOPTED)
    assert assigned(ilo_rep) == naming_the_ilo(plan)
    document_set_status(document=plan, user=secretariat, status=ConferenceDocument.Status.FINAL)
    assert assigned(ilo_rep) == naming_the_ilo(plan)  # told once


def test_the_service_tells_only_the_newly_responsible(secretariat, focal_cl, focal_br):
    plan = factories.plan()
    mandate = factories.mandate(plan)
    chile, brazil = (Institution.objects.get(slug=ministry_slug(iso2)) for iso2 in ("CL", "BR"))
    mandate_edit(mandate=mandate, user=secretariat, data={}, responsible_institutions=[chile])
    mandate_edit(mandate=mandate, user=secretariat, data={"due_text": "2041"}, responsible_institutions=[chile, brazil])
    assert (assigned(focal_cl), assigned(focal_br)) == ([mandate.pk], [mandate.pk])
    with pytest.raises(Exception) as refused:
        mandate_edit(mandate=mandate, user=focal_cl, data={}, responsible_institutions=[])
    assert type(refused.value).__name__ == "PermissionDenied"
    assert mandate.responsible_institutions.count() == 2


def test_changing_them_in_the_admin_tells_the_new_institution(client, secretariat, ilo_rep, focal_cl):
    plan = factories.plan()
    mandate = factories.mandate(plan)
    mandate.responsible_institutions.set([Institution.objects.get(slug=ministry_slug("CL"))])
    login(client, secretariat)
    url = reverse("admin:conference_mandate_change", args=[mandate.pk])
    page = client.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and not isinstance(value, list)}
    data.update({"plan": plan.pk, "section": mandate.section, "position": mandate.position, "text_en": mandate.text_en,
                 "responsible_institutions": [Institution.objects.get(slug="ilo").pk,
                                              Institution.objects.get(slug=ministry_slug("CL")).pk],
                 "topics": [], "reports-TOTAL_FORMS": 0, "reports-INITIAL_FORMS": 0,
                 "reports-MIN_NUM_FORMS": 0, "reports-MAX_NUM_FORMS": 1000})
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    assert assigned(ilo_rep) == [mandate.pk]
    assert assigned(focal_cl) == []  # Chile was responsible already (set outside any path that tells)


def _restore(client, mandate, version):
    return client.post(reverse("core:restore", kwargs={"app_label": "conference", "model_name": "mandate",
                                                       "pk": mandate.pk, "history_id": version.history_id}))


def test_restoring_a_version_tells_the_institution_it_makes_responsible_again(
        client, secretariat, focal_cl, focal_br, django_capture_on_commit_callbacks):
    """While the plan was a draft, Chile was proposed, then Brazil: only Brazil heard, at adoption. Restoring
    the version naming Chile makes Chile responsible: its focal point hears once, in Spanish."""
    focal_cl.preferred_language = "es"
    focal_cl.save()
    chile, brazil = (Institution.objects.get(slug=ministry_slug(iso2)) for iso2 in ("CL", "BR"))
    plan = factories.plan(status=ConferenceDocument.Status.DRAFT)
    mandate = factories.mandate(plan)
    mandate_edit(mandate=mandate, user=secretariat, data={}, responsible_institutions=[chile])
    naming_chile = mandate.history.latest("history_id")
    mandate_edit(mandate=mandate, user=secretariat, data={}, responsible_institutions=[brazil])
    document_set_status(document=plan, user=secretariat, status=ConferenceDocument.Status.ADOPTED)
    assert (assigned(focal_cl), assigned(focal_br)) == ([], [mandate.pk])
    login(client, secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        assert _restore(client, mandate, naming_chile).status_code == 302
    assert list(mandate.responsible_institutions.all()) == [chile]
    [told] = Notification.objects.filter(kind="conference.mandate.assigned", user=focal_cl)
    assert told.language == "es" and told.subject == "Se le asignó un mandato del Plan de Acción"
    assert assigned(focal_br) == [mandate.pk]  # Brazil, no longer responsible, hears nothing new
    _restore(client, mandate, naming_chile)  # restoring it again changes nothing and tells no one
    assert assigned(focal_cl) == [mandate.pk]


def test_restoring_a_version_with_the_same_institutions_tells_no_one(client, secretariat, focal_cl):
    chile = Institution.objects.get(slug=ministry_slug("CL"))
    mandate = factories.mandate(factories.plan())
    mandate_edit(mandate=mandate, user=secretariat, data={}, responsible_institutions=[chile])
    Notification.objects.all().delete()
    same_institutions = mandate.history.latest("history_id")
    mandate_edit(mandate=mandate, user=secretariat, data={"due_text": "before 2041"}, responsible_institutions=[chile])
    login(client, secretariat)
    assert _restore(client, mandate, same_institutions).status_code == 302
    mandate.refresh_from_db()
    assert mandate.due_text == ""
    assert not Notification.objects.exists()
