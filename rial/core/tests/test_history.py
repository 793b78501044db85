"""The audit trail: every create, update and delete says who, when and what; the Secretariat restores."""

import pytest
from django.urls import reverse

from conftest import login
from rial.accounts.roles import roles_for
from rial.core.audit import history_models
from rial.directory.demo import ministry_slug
from rial.directory.models import Institution, Person, Position
from rial.directory.tests.factories import PersonFactory, PositionFactory

pytestmark = pytest.mark.django_db

CL = ministry_slug("CL")
EDIT_CL = reverse("directory:institution_edit", kwargs={"slug": CL})
CONTACT = {"website": "", "email": "first@example.cl", "phone": "", "address": ""}


def _ministry() -> Institution:
    return Institution.objects.get(slug=CL)


def _history_url(obj, app="directory", model="institution") -> str:
    return reverse("core:history", kwargs={"app_label": app, "model_name": model, "pk": obj.pk})


def _edit_twice(client, focal_cl):
    login(client, focal_cl)
    client.post(EDIT_CL, CONTACT)
    client.post(EDIT_CL, {**CONTACT, "email": "second@example.cl"})
    client.logout()


def test_an_update_records_who_when_what_and_why(client, focal_cl):
    _edit_twice(client, focal_cl)
    latest, previous = _ministry().history.order_by("-history_id")[:2]
    assert latest.history_user == focal_cl
    assert latest.history_type == "~"
    assert latest.history_change_reason == "directory.institution.contact_changed"
    assert latest.history_date is not None
    changes = {change.field: (change.old, change.new) for change in latest.diff_against(previous).changes}
    assert changes == {"email": ("first@example.cl", "second@example.cl")}


def test_a_create_and_a_delete_are_recorded_with_the_acting_user(client, secretariat):
    person = PersonFactory(full_name="Temporary Person", user=None)
    assert person.history.get().history_type == "+"
    login(client, secretariat)
    response = client.post(f"/admin/directory/person/{person.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Person.objects.filter(pk=person.pk).exists()
    deleted = Person.history.filter(id=person.pk).latest("history_id")
    assert deleted.history_type == "-"
    assert deleted.history_user == secretariat


def test_the_secretariat_sees_the_history_and_restores_an_earlier_version(client, focal_cl, secretariat):
    _edit_twice(client, focal_cl)
    login(client, secretariat)
    page = client.get(_history_url(_ministry()))
    text = page.content.decode()
    assert page.status_code == 200
    assert "focal-cl" in text
    assert "second@example.cl" in text and "first@example.cl" in text
    assert "<strong>contact email</strong>" in text
    first = _ministry().history.get(email="first@example.cl")
    response = client.post(reverse("core:restore", kwargs={
        "app_label": "directory", "model_name": "institution", "pk": _ministry().pk, "history_id": first.history_id}),
        follow=True)
    assert "was restored" in response.content.decode()
    assert _ministry().email == "first@example.cl"
    restored = _ministry().history.latest("history_id")
    assert restored.history_user == secretariat
    assert restored.history_change_reason == f"core.restored.{first.history_id}"
    # nothing is lost: the replaced version is still in the history
    assert _ministry().history.filter(email="second@example.cl").exists()
    # field labels and kinds of change follow the reader's language
    assert "<td>Cambiado" in client.get("/es" + _history_url(_ministry())[3:]).content.decode()
    assert "<strong>correo electrónico de contacto</strong>" in client.get("/es" + _history_url(_ministry())[3:]).content.decode()


def test_the_secretariat_brings_back_a_deleted_record(client, secretariat):
    person = PersonFactory(full_name="Deleted By Mistake", user=None)
    version = person.history.get()
    pk = person.pk
    person.delete()
    login(client, secretariat)
    assert client.get(reverse("core:history", args=["directory", "person", pk])).status_code == 200
    client.post(reverse("core:restore", kwargs={
        "app_label": "directory", "model_name": "person", "pk": pk, "history_id": version.history_id}))
    assert Person.objects.get(pk=pk).full_name == "Deleted By Mistake"


@pytest.mark.parametrize("persona", ["focal_cl", "member_co", "cosate_rep", "ilo_rep"])
def test_other_roles_cannot_see_or_restore_history(client, request, focal_cl, persona):
    _edit_twice(client, focal_cl)
    first = _ministry().history.get(email="first@example.cl")
    login(client, request.getfixturevalue(persona))
    assert client.get(_history_url(_ministry())).status_code == 403
    restore = reverse("core:restore", kwargs={"app_label": "directory", "model_name": "institution",
                                              "pk": _ministry().pk, "history_id": first.history_id})
    assert client.post(restore).status_code == 403
    assert _ministry().email == "second@example.cl"


def test_the_public_is_sent_to_log_in(client):
    response = client.get(_history_url(_ministry()))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_restore_needs_a_post(secretariat_client):
    version = _ministry().history.latest("history_id")
    url = reverse("core:restore", kwargs={"app_label": "directory", "model_name": "institution",
                                          "pk": _ministry().pk, "history_id": version.history_id})
    assert secretariat_client.get(url).status_code == 405


@pytest.mark.parametrize(("app", "model"), [("accounts", "user"), ("directory", "nothing"), ("nope", "nope")])
def test_models_without_a_public_history_are_a_404(secretariat_client, app, model):
    assert secretariat_client.get(reverse("core:history", args=[app, model, 1])).status_code == 404


def test_the_history_page_runs_a_bounded_number_of_queries(client, focal_cl, secretariat,
                                                              django_assert_max_num_queries):
    login(client, focal_cl)
    for number in range(15):
        client.post(EDIT_CL, {**CONTACT, "email": f"v{number}@example.cl"})
    login(client, secretariat)
    with django_assert_max_num_queries(12):
        assert client.get(_history_url(_ministry())).status_code == 200


FOUNDATION_APPS = ("directory", "topics")


def test_every_foundation_model_keeps_history():
    labels = {model._meta.label for model in history_models()}
    assert {"directory.Country", "directory.Institution", "directory.InstitutionName", "directory.Person",
            "directory.Position", "directory.FocalPointDesignation", "topics.Topic"} <= labels


@pytest.mark.parametrize("persona", ["focal_cl", "member_co", "cosate_rep", "ilo_rep"])
def test_normal_users_never_hard_delete(request, persona):
    user = request.getfixturevalue(persona)
    assert not roles_for(user).is_secretariat
    for model in history_models():
        if model._meta.app_label in FOUNDATION_APPS:
            obj = model._default_manager.first()
            assert not user.has_perm(f"{model._meta.app_label}.delete_{model._meta.model_name}", obj), model


def test_a_version_pointing_at_a_deleted_record_is_not_restored(client, secretariat):
    position = PositionFactory(person=PersonFactory(full_name="Gone", user=None), institution=_ministry())
    version, pk = position.history.get(), position.pk
    position.person.delete()  # deletes the position with it
    login(client, secretariat)
    response = client.post(reverse("core:restore", kwargs={
        "app_label": "directory", "model_name": "position", "pk": pk, "history_id": version.history_id}), follow=True)
    assert "Nothing was restored: this version refers to records that no longer exist (person)" in \
        response.content.decode()
    assert not Position.objects.filter(pk=pk).exists()
