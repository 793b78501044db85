"""The cooperation back office is the common admin (object permissions from the rules, history): scores
change only through the evaluation service, so proposals' scores and ranks never go stale."""

from decimal import Decimal

import pytest
from django.contrib import admin

from conftest import login
from rial.cooperation import services
from rial.cooperation.models import Activity, Call, Evaluation, Proposal
from rial.cooperation.tests.factories import close, make_proposal, ministry, open_call
from rial.core.admin import RialModelAdmin

pytestmark = pytest.mark.django_db


@pytest.fixture
def scored(focal_cl, focal_br, secretariat):
    call = open_call(budget="5000.00")
    proposal = make_proposal(call, focal_cl, confirm_by=focal_br, title="First")
    close(call)
    evaluation = services.evaluation_record(proposal=proposal, user=secretariat, relevance=10, opportunity=10,
                                            clarity=10, commitment=10)
    return proposal, evaluation


def test_every_cooperation_model_uses_the_common_admin():
    for model in (Call, Proposal, Activity, Evaluation):
        assert isinstance(admin.site._registry[model], RialModelAdmin), model


def test_scores_cannot_be_changed_in_the_admin(client, secretariat, scored):
    proposal, evaluation = scored
    secretariat.is_staff = secretariat.is_superuser = True
    secretariat.save()
    login(client, secretariat)
    url = f"/admin/cooperation/evaluation/{evaluation.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200 and 'name="relevance"' not in page.content.decode()
    client.post(url, {"proposal": proposal.pk, "evaluator": secretariat.pk, "relevance": 0, "opportunity": 0,
                      "clarity": 0, "commitment": 0, "weighted": "0", "comments": ""})
    evaluation.refresh_from_db()
    proposal.refresh_from_db()
    assert evaluation.relevance == 10 and proposal.score == Decimal("100.00") and proposal.rank == 1
    assert client.get("/admin/cooperation/evaluation/add/").status_code == 403
    assert client.post(f"/admin/cooperation/evaluation/{evaluation.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Evaluation.objects.filter(pk=evaluation.pk).exists()


def test_the_admin_follows_the_object_rules(client, focal_cl):
    model_admin = admin.site._registry[Call]
    request = type("Request", (), {"user": focal_cl})()
    assert not model_admin.has_change_permission(request, open_call()) and not model_admin.has_module_permission(request)
    assert ministry("CL")  # the reference ministries exist for the rules to check against
