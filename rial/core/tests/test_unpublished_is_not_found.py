"""A record that is not published does not exist for whoever may not see it: every detail and download path
answers 404 (not 403, which would confirm to anyone guessing an address that it exists), as programs do.
Those who may see it are served; a reader of a published record who may not change it is refused (403).
A draft Plan of Action is seen by the network's participants and by nobody else (visitors, accounts with no role)."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from conftest import login
from rial.conference.models import ConferenceDocument
from rial.conference.tests.factories import conference, mandate, plan
from rial.directory.tests.factories import UserFactory
from rial.events.tests.factories import make_event
from rial.library.models import Document
from rial.library.tests.factories import DocumentFactory
from rial.meetings.models import MeetingDocument
from rial.meetings.services.report import report_draft
from rial.meetings.tests.factories import MeetingFactory, QuestionFactory, conference_with_group
from rial.newsletter.tests.factories import draft_issue

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4 minutes"


def _meeting_document(meeting, *, is_public=True) -> MeetingDocument:
    document = MeetingDocument(meeting=meeting, title="Minutes", kind=MeetingDocument.Kind.AGENDA,
                               is_public=is_public)
    document.file.save("minutes.pdf", ContentFile(PDF))
    return document


@pytest.fixture
def unpublished(secretariat) -> dict[str, str]:
    """Addresses of records nobody but the Secretariat may see, by what they are."""
    meeting = MeetingFactory(is_published=False)
    published_meeting = MeetingFactory()
    _conference, group = conference_with_group(chair_iso2="CL", vice_chairs=("BR",))
    report = report_draft(group=group, period_start=datetime.date(2090, 1, 1), period_end=datetime.date(2090, 12, 31),
                          language="en", user=secretariat)
    declaration = ConferenceDocument.objects.create(conference=conference(90), title="Declaration of Test City",
                                                    kind=ConferenceDocument.Kind.DECLARATION,
                                                    status=ConferenceDocument.Status.DRAFT)
    library_draft = DocumentFactory(status=Document.Status.DRAFT)
    issue = draft_issue(secretariat)
    return {
        "meeting": meeting.get_absolute_url(),
        "meeting edit": reverse("meetings:edit", args=[meeting.pk]),
        "meeting document": reverse("meetings:document", args=[_meeting_document(meeting).pk]),
        "restricted document of a published meeting": reverse(
            "meetings:document", args=[_meeting_document(published_meeting, is_public=False).pk]),
        "guiding question": reverse("meetings:answer", args=[QuestionFactory(meeting=meeting).pk]),
        "draft working group report": reverse("meetings:report", args=[report.pk]),
        "event": make_event(is_published=False).get_absolute_url(),
        "event registration (POST)": reverse("events:register", args=[make_event(is_published=False).pk]),
        "draft declaration": declaration.get_absolute_url(),
        "draft declaration edit": reverse("conference:declaration_edit", kwargs={"pk": declaration.pk}),
        "library draft": library_draft.get_absolute_url(),
        "library draft edit": reverse("library:edit", args=[library_draft.pk]),
        "unsent newsletter": issue.get_absolute_url(),
    }


def _answers(client, addresses: dict[str, str]) -> dict[str, int]:
    return {what: (client.post(url) if what.endswith("(POST)") else client.get(url)).status_code
            for what, url in addresses.items()}


@pytest.mark.parametrize("persona", [None, "member_co", "cosate_rep"])
def test_unpublished_records_do_not_exist_for_those_who_may_not_see_them(client, request, unpublished, persona):
    if persona:
        login(client, request.getfixturevalue(persona))
    expected = dict.fromkeys(unpublished, 404)
    if persona is None:  # pages that need an account send a visitor to log in first
        expected.update(dict.fromkeys(("meeting edit", "guiding question", "draft declaration edit",
                                       "library draft edit", "event registration (POST)"), 302))
    assert _answers(client, unpublished) == expected


def test_the_secretariat_sees_them(client, secretariat, unpublished):
    login(client, secretariat)
    # Registering for an unpublished event is refused with a sentence and a redirect: it is not hidden.
    assert _answers(client, unpublished) == dict.fromkeys(unpublished, 200) | {"event registration (POST)": 302}


def test_a_published_record_is_still_refused_to_who_may_not_change_it(client, member_co):
    meeting = MeetingFactory()
    login(client, member_co)
    assert client.get(meeting.get_absolute_url()).status_code == 200
    assert client.get(reverse("meetings:edit", args=[meeting.pk])).status_code == 403
    document = DocumentFactory()
    assert client.get(reverse("library:edit", args=[document.pk])).status_code == 403


@pytest.fixture
def draft_plan() -> dict[str, str]:
    """A draft Plan of Action under negotiation: its page, a mandate's page, its file."""
    draft = plan(91, status=ConferenceDocument.Status.DRAFT)
    draft.file.save("plan.pdf", ContentFile(PDF))
    proposed = mandate(draft, text="A proposed mandate.")
    return {"draft plan": draft.get_absolute_url(), "draft plan's mandate": proposed.get_absolute_url(),
            "draft plan file": reverse("conference:document_file", kwargs={"pk": draft.pk})}


@pytest.mark.parametrize("persona", [None, "registered"])
def test_a_draft_plan_does_not_exist_for_visitors_and_accounts_with_no_role(client, draft_plan, persona):
    if persona:
        login(client, UserFactory(username="no-role"))
    assert _answers(client, draft_plan) == dict.fromkeys(draft_plan, 404)


@pytest.mark.parametrize("persona", ["member_co", "cosate_rep", "ilo_rep", "secretariat"])
def test_the_networks_participants_read_a_draft_plan(client, request, draft_plan, persona):
    login(client, request.getfixturevalue(persona))
    assert _answers(client, draft_plan) == dict.fromkeys(draft_plan, 200)
