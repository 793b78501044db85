"""The newsletter router of the REST API: the issues sent (drafts too for the Secretariat), and sending."""

import datetime

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from rial.core.api_auth import token_auth
from rial.core.languages import LANGUAGE_CODES
from rial.core.searchable import path_of
from rial.newsletter import rendering, services
from rial.newsletter.models import Issue

router = Router(tags=["newsletter"])


class ItemOut(Schema):
    title: str
    summary: str
    url: str
    date: str


class SectionOut(Schema):
    key: str
    label: str
    items: list[ItemOut]


class EditionOut(Schema):
    language: str
    title: str
    introduction: list[str]
    web_url: str
    sections: list[SectionOut]


class IssueOut(Schema):
    number: int
    state: str
    url: str
    languages: list[str]
    titles: dict[str, str]
    sent_at: datetime.datetime | None
    recipients: int | None = Field(None, alias="recipients_count")
    is_demo: bool

    @staticmethod
    def resolve_url(issue) -> str:
        return path_of(issue)

    @staticmethod
    def resolve_titles(issue) -> dict[str, str]:
        return {code: getattr(issue, f"title_{code}") for code in issue.languages if getattr(issue, f"title_{code}")}


class IssueDetailOut(IssueOut):
    editions: list[EditionOut]


class SendIn(Schema):
    audience: str = Field("all", max_length=100, description="all, focal_points, country:<id>, working_group:<id>, "
                                                             "event_participants:<meeting id>")
    expected: int | None = Field(None, ge=0, description="The number of recipients you expect; refused if different")


class SendOut(Schema):
    number: int
    state: str
    recipients: int


def _caller(request: HttpRequest):
    """The token's user when a bearer token is sent, else the session's user (anonymous for the public)."""
    if request.headers.get("Authorization"):
        return token_auth(request) or request.user
    return request.user


def _visible(request: HttpRequest):
    issues = Issue.objects.all()
    if not _caller(request).has_perm("newsletter.compose_issue"):
        issues = issues.published()
    return issues


@router.get("/newsletters", response=list[IssueOut], summary="Newsletter issues sent (drafts too for the Secretariat)")
@paginate
def list_issues(request: HttpRequest):
    return _visible(request).order_by("-number")


@router.get("/newsletters/{number}", response=IssueDetailOut, summary="One issue with its editions")
def issue_detail(request: HttpRequest, number: int):
    issue = get_object_or_404(_visible(request), number=number)
    items = list(issue.items.all())
    issue.editions = [rendering.edition(issue, code, items) for code in LANGUAGE_CODES if code in issue.languages]
    return issue


@router.post("/newsletters/{number}/send", response={202: SendOut}, auth=token_auth,
             summary="Start sending a draft issue to an audience (Secretariat)")
def send_issue(request: HttpRequest, number: int, payload: SendIn):
    issue = get_object_or_404(Issue, number=number)
    count = services.issue_send(issue=issue, user=request.auth, audience=payload.audience, expected=payload.expected)
    issue.refresh_from_db()
    return 202, {"number": issue.number, "state": issue.state, "recipients": count}
