import pytest
from django.urls import reverse

from conftest import login
from rial.agreements.models import Agreement

pytestmark = pytest.mark.django_db


def test_the_secretariat_edits_agreements_in_the_admin(client, secretariat):
    login(client, secretariat)
    agreement = Agreement.objects.get(slug="caricom")
    assert client.get(reverse("admin:agreements_agreement_changelist")).status_code == 200
    assert client.get(reverse("admin:agreements_agreement_change", args=[agreement.pk])).status_code == 200


def test_a_focal_point_cannot_reach_the_admin_nor_change_agreements(client, focal_cl):
    login(client, focal_cl)
    response = client.get(reverse("admin:agreements_agreement_changelist"))
    assert response.status_code == 302
    agreement = Agreement.objects.get(slug="us-cl")
    assert not focal_cl.has_perm("agreements.change_agreement", agreement)
    assert not focal_cl.has_perm("agreements.import_agreements")


def test_the_public_reads_without_logging_in(client):
    assert client.get(reverse("agreements:home")).status_code == 200
    assert client.get(reverse("agreements:export")).status_code == 200
    assert client.get("/api/v1/agreements").status_code == 200
