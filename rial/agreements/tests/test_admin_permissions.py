import datetime

import pytest
from django.urls import reverse

from conftest import login
from rial.agreements.models import Agreement, AgreementParty

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


def test_the_admin_refuses_a_party_date_outside_the_agreement_life_and_saves_nothing(client, secretariat):
    login(client, secretariat)
    agreement = Agreement.objects.get(slug="caricom")
    url = reverse("admin:agreements_agreement_change", args=[agreement.pk])
    form = client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data = {key: ("1" if value is True else "" if value is False else value) for key, value in data.items()}
    data = {key: value for key, value in data.items() if value != ""}
    parties = list(agreement.parties.order_by("country__name"))
    prefix = "parties"
    data.update({f"{prefix}-TOTAL_FORMS": str(len(parties)), f"{prefix}-INITIAL_FORMS": str(len(parties)),
                 f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"})
    for index, party in enumerate(parties):
        data.update({f"{prefix}-{index}-id": str(party.pk), f"{prefix}-{index}-agreement": str(agreement.pk),
                     f"{prefix}-{index}-country": str(party.country_id), f"{prefix}-{index}-status": party.status,
                     f"{prefix}-{index}-status_certain": "on", f"{prefix}-{index}-dates_certain": "on",
                     f"{prefix}-{index}-source": party.source})
        if party.ratified:
            data[f"{prefix}-{index}-ratified"] = party.ratified.isoformat()
    data[f"{prefix}-0-ratified"] = "1990-01-01"  # before the signature (1996)
    response = client.post(url, data)
    assert response.status_code == 200
    assert "before the agreement was signed" in response.content.decode()
    assert AgreementParty.objects.get(pk=parties[0].pk).ratified != datetime.date(1990, 1, 1)
