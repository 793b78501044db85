"""A conference document's status moves only through its transition table, never in the admin."""

import pytest

from conftest import login
from rial.conference.models import ConferenceDocument
from rial.conference.tests import factories

pytestmark = pytest.mark.django_db


def test_the_document_status_is_read_only_in_the_admin(client, secretariat):
    plan = factories.plan(status=ConferenceDocument.Status.DRAFT)
    secretariat.is_staff = secretariat.is_superuser = True
    secretariat.save()
    login(client, secretariat)
    url = f"/admin/conference/conferencedocument/{plan.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="status"' not in page.content.decode()
    client.post(url, {"conference": plan.conference_id, "kind": plan.kind, "language": plan.language,
                      "title": plan.title, "code": "", "cidi_code": "", "revision": 0, "status": "final",
                      "is_public": "on"})
    plan.refresh_from_db()
    assert plan.status == ConferenceDocument.Status.DRAFT
