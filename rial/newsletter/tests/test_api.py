"""GET /api/v1/newsletters (+ detail) for everyone; drafts and sending only for the Secretariat's token."""

import pytest

from rial.accounts.models import ApiToken
from rial.newsletter import services
from rial.newsletter.models import Issue
from rial.newsletter.tests.factories import draft_issue, subscriber

pytestmark = pytest.mark.django_db


def _bearer(user) -> dict:
    _row, raw = ApiToken.issue(user=user, label="test", second_factor_verified=True)
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def _sent(secretariat, callbacks) -> Issue:
    subscriber("reader@example.org")
    issue = draft_issue(secretariat)
    with callbacks(execute=True):
        services.issue_send(issue=issue, user=secretariat, audience="all")
    return Issue.objects.get(pk=issue.pk)


def test_the_list_and_the_detail_show_sent_issues_with_their_editions(client, secretariat,
                                                                     django_capture_on_commit_callbacks):
    issue = _sent(secretariat, django_capture_on_commit_callbacks)
    draft_issue(secretariat)
    listing = client.get("/api/v1/newsletters").json()
    assert listing["count"] == 1
    [row] = listing["items"]
    assert row["number"] == issue.number and row["state"] == "sent" and row["url"] == f"/newsletter/{issue.number}/"
    assert row["titles"] == {"en": "Labor news", "es": "Noticias laborales"}
    detail = client.get(f"/api/v1/newsletters/{issue.number}").json()
    assert [edition["language"] for edition in detail["editions"]] == ["en", "es"]
    spanish = detail["editions"][1]
    assert spanish["sections"][0]["label"] == "Noticias de los ministerios"
    assert spanish["sections"][0]["items"][0]["title"] == "Un ministerio abre una oficina"


def test_drafts_are_hidden_from_the_public_and_from_a_focal_point(client, secretariat, focal_cl):
    draft = draft_issue(secretariat)
    assert client.get(f"/api/v1/newsletters/{draft.number}").status_code == 404
    assert client.get(f"/api/v1/newsletters/{draft.number}", **_bearer(focal_cl)).status_code == 404
    assert client.get("/api/v1/newsletters", **_bearer(focal_cl)).json()["count"] == 0
    assert client.get("/api/v1/newsletters", **_bearer(secretariat)).json()["count"] == 1


def test_only_the_secretariat_starts_sending(client, secretariat, focal_cl, mailoutbox,
                                            django_capture_on_commit_callbacks):
    subscriber("reader@example.org")
    draft = draft_issue(secretariat)
    url = f"/api/v1/newsletters/{draft.number}/send"
    assert client.post(url, {"audience": "all"}, content_type="application/json").status_code == 401
    response = client.post(url, {"audience": "all"}, content_type="application/json", **_bearer(focal_cl))
    assert response.status_code == 403
    assert Issue.objects.get(pk=draft.pk).state == Issue.State.DRAFT
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"audience": "all", "expected": 1}, content_type="application/json",
                               **_bearer(secretariat))
    assert response.status_code == 202 and response.json()["recipients"] == 1
    assert len(mailoutbox) == 1
    again = client.post(url, {"audience": "all"}, content_type="application/json", **_bearer(secretariat))
    assert again.status_code == 422  # sending an issue twice
    assert "“send” is not possible when the status is “Sent”" in again.json()["errors"]["__all__"][0]
    assert len(mailoutbox) == 1
