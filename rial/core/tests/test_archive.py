"""Archiving instead of deleting: the Secretariat archives and brings back records from the admin."""

import pytest

from rial.directory.models import Institution, Person
from rial.directory.tests.factories import InstitutionFactory

pytestmark = pytest.mark.django_db


def _action(client, model: str, action: str, pks: list[int]):
    return client.post(f"/admin/directory/{model}/", {"action": action, "_selected_action": pks}, follow=True)


def test_the_secretariat_archives_and_brings_back_an_institution(secretariat_client, secretariat, client):
    institution = InstitutionFactory(slug="old-partner", kind=Institution.Kind.PARTNER, country=None)
    response = _action(secretariat_client, "institution", "archive_selected", [institution.pk])
    assert "1 record was archived." in response.content.decode()
    institution.refresh_from_db()
    assert institution.is_archived
    latest = institution.history.latest("history_id")
    assert (latest.history_user, latest.history_change_reason) == (secretariat, "core.archived")
    assert client.get("/en/institutions/old-partner/").status_code == 404
    assert "old-partner" not in [row["slug"] for row in client.get("/api/v1/institutions?limit=200").json()["items"]]

    _action(secretariat_client, "institution", "unarchive_selected", [institution.pk])
    institution.refresh_from_db()
    assert not institution.is_archived
    assert client.get("/en/institutions/old-partner/").status_code == 200


def test_archive_actions_appear_only_on_archivable_models(secretariat_client):
    assert "archive_selected" in secretariat_client.get("/admin/directory/person/").content.decode()
    assert "archive_selected" not in secretariat_client.get("/admin/directory/country/").content.decode()


def test_an_archived_person_keeps_their_record_and_history(secretariat_client):
    person = Person.objects.create(full_name="Former Official")
    _action(secretariat_client, "person", "archive_selected", [person.pk])
    assert Person.objects.filter(pk=person.pk, archived_at__isnull=False).exists()
    assert person.history.count() == 2
