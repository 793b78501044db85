"""Proposals through the API and in the admin follow the same rules as the pages."""

import json

import pytest
from django.urls import reverse

from conftest import login
from rial.accounts.models import ApiToken
from rial.agreements import proposals as services
from rial.agreements.models import Proposal
from rial.directory.models import Country

pytestmark = pytest.mark.django_db
URL = "/api/v1/agreement-proposals"


def _bearer(user) -> dict:
    _token, raw = ApiToken.issue(user=user, label="test", second_factor_verified=True)
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def _post(client, url, user, payload):
    return client.post(url, data=json.dumps(payload), content_type="application/json", **_bearer(user))


PAYLOAD = {"kind": "new", "country": "CL", "partner": "BO", "description": "Pensions.", "source": "Diario Oficial"}


def test_a_focal_point_proposes_and_the_secretariat_accepts_through_the_api(client, focal_cl, secretariat):
    response = _post(client, URL, focal_cl, PAYLOAD)
    assert response.status_code == 201
    data = response.json()
    assert (data["state"], data["country"], data["partner"]) == ("submitted", "CL", "BO")
    response = _post(client, f"{URL}/{data['id']}/accept", secretariat, {"comment": "Checked."})
    assert response.status_code == 200
    assert response.json()["state"] == "accepted"
    assert [t["action"] for t in response.json()["transitions"]] == ["submit", "accept"]
    assert response.json()["agreement"]


def test_the_api_refuses_other_countries_bad_input_and_illegal_moves(client, focal_cl, focal_br, secretariat):
    assert client.post(URL, data=json.dumps(PAYLOAD), content_type="application/json").status_code == 401
    assert _post(client, URL, focal_br, PAYLOAD).status_code == 403
    response = _post(client, URL, focal_cl, {**PAYLOAD, "source": ""})
    assert response.status_code == 422 and "source" in response.json()["errors"]
    assert not Proposal.objects.exists()
    proposal = _post(client, URL, focal_cl, PAYLOAD).json()
    assert _post(client, f"{URL}/{proposal['id']}/accept", focal_cl, {}).status_code == 403
    assert _post(client, f"{URL}/{proposal['id']}/withdraw", focal_br, {}).status_code == 403
    assert _post(client, f"{URL}/{proposal['id']}/return", secretariat, {"comment": ""}).status_code == 422
    assert _post(client, f"{URL}/{proposal['id']}/resubmit", focal_cl,
                 {"description": "x", "source": "y"}).status_code == 422


def test_the_api_list_shows_each_their_own(client, focal_cl, focal_br, secretariat, django_assert_max_num_queries):
    _post(client, URL, focal_cl, PAYLOAD)
    assert client.get(URL, **_bearer(focal_br)).json()["count"] == 0
    assert client.get(URL, **_bearer(focal_cl)).json()["count"] == 1
    headers = _bearer(secretariat)
    with django_assert_max_num_queries(8):
        assert client.get(URL, **headers).json()["count"] == 1
    assert client.get(URL, {"state": "bogus"}, **headers).status_code == 422


def test_the_admin_shows_proposals_to_the_secretariat_only_and_adds_none(client, focal_cl, secretariat):
    proposal = services.proposal_create(user=focal_cl, kind=Proposal.Kind.NEW, country=Country.objects.get(iso2="CL"),
                                        partner=Country.objects.get(iso2="BO"), description="x", source="y")
    login(client, focal_cl)
    assert client.get(reverse("admin:agreements_proposal_changelist")).status_code == 302
    login(client, secretariat)
    assert client.get(reverse("admin:agreements_proposal_changelist")).status_code == 200
    assert client.get(reverse("admin:agreements_proposal_change", args=[proposal.pk])).status_code == 200
    assert client.get(reverse("admin:agreements_proposal_add")).status_code == 403
