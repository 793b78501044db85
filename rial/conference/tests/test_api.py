"""The conference API: public reads with filters, and the follow-up written with a token."""

import pytest

from rial.accounts.models import ApiToken
from rial.conference.tests import factories
from rial.topics.models import Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def mandates():
    plan = factories.plan(91)
    group = factories.group(plan.conference, 2, chair="Chile")
    first = factories.mandate(plan, group, text="Child labor survey", label="a")
    first.topics.set(Topic.objects.filter(slug="child-labor"))
    second = factories.mandate(plan, None, text="Portfolio of programs", status="in_progress", progress=20)
    archived = factories.mandate(plan, group, text="Dropped by a revision")
    archived.archive()
    archived.save()
    return plan, first, second


def bearer(user):
    # As if created on the profile page after the login's second factor (2FA accounts need that).
    _token, raw = ApiToken.issue(user=user, label="test", second_factor_verified=True)
    return {"Authorization": f"Bearer {raw}"}


def test_conferences(client):
    data = client.get("/api/v1/conferences").json()
    xv = next(row for row in data if row["number"] == 15)
    assert (xv["roman"], xv["city"], xv["chair"]) == ("XV", "Port of Spain", "Trinidad and Tobago")


def test_plans_and_their_mandates(client, mandates):
    plan, first, second = mandates
    plans = client.get("/api/v1/plans").json()["items"]
    assert [row["id"] for row in plans] == [plan.pk]
    rows = client.get(f"/api/v1/plans/{plan.pk}/mandates").json()["items"]
    assert [row["text"] for row in rows] == ["Child labor survey", "Portfolio of programs"]
    assert rows[0]["topics"] == ["child-labor"] and rows[0]["group"] == 2 and rows[0]["conference"] == 91


@pytest.mark.parametrize(("query", "expected"), [
    ("topic=child-labor", ["Child labor survey"]),
    ("status=in_progress", ["Portfolio of programs"]),
    ("group=2", ["Child labor survey"]),
    ("conference=91", ["Child labor survey", "Portfolio of programs"]),
    ("conference=14", []),
])
def test_mandate_filters(client, mandates, query, expected):
    rows = client.get(f"/api/v1/mandates?{query}").json()["items"]
    assert [row["text"] for row in rows] == expected


def test_an_unknown_filter_value_is_refused(client):
    assert client.get("/api/v1/mandates?status=flying").status_code == 422


def test_mandate_list_queries_do_not_grow(client, mandates, django_assert_max_num_queries):
    plan = mandates[0]
    for index in range(30):
        factories.mandate(plan, None, text=f"more {index}").topics.set(Topic.objects.filter(slug="wages"))
    with django_assert_max_num_queries(4):
        assert client.get("/api/v1/mandates?limit=100").json()["count"] == 32


def test_an_authority_patches_progress_with_a_token(client, mandates, focal_cl):
    first = mandates[1]
    response = client.patch(f"/api/v1/mandates/{first.pk}", {"status": "in_progress", "progress": 35},
                            content_type="application/json", headers=bearer(focal_cl))
    assert response.status_code == 200 and response.json()["progress"] == 35


def test_writes_need_a_token_and_the_right(client, mandates, member_co):
    first = mandates[1]
    url = f"/api/v1/mandates/{first.pk}"
    assert client.patch(url, {"progress": 35}, content_type="application/json").status_code == 401
    assert client.patch(url, {"progress": 35}, content_type="application/json",
                        headers=bearer(member_co)).status_code == 403
    first.refresh_from_db()
    assert first.progress == 0


def test_invalid_follow_up_is_refused_and_nothing_saved(client, mandates, secretariat):
    first = mandates[1]
    url = f"/api/v1/mandates/{first.pk}"
    assert client.patch(url, {"progress": 140}, content_type="application/json",
                        headers=bearer(secretariat)).status_code == 422
    response = client.patch(url, {"status": "done", "progress": 10}, content_type="application/json",
                            headers=bearer(secretariat))
    assert response.status_code == 422 and "complete" in str(response.json())
    first.refresh_from_db()
    assert (first.status, first.progress) == ("not_started", 0)
