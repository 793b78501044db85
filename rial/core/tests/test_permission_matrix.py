"""The permission matrix: every role × every write path (page, API, admin, export) × own/other ministry's record.

The expected answer is never written per case: it is what the one permission rule says —
``user.has_perm(perm, record)``, the rules of rial/accounts/rules.py and the apps' rules.py that pages, API,
admin and exports all ask (rial/core/permissions.py ``authorize``). Each write path declares only which
permission guards it and which record it acts on; the test asks the rule for every role and record, sends
the request, and checks the answer agrees. A refused request must change nothing: not one INSERT, UPDATE or
DELETE reaches the database while it is answered (the session and the login-attempt log aside).

The write paths are read from the URL resolver: a new page without an entry here, or an admin model or API
write operation that the generated part does not reach, fails ``test_every_address_is_in_the_matrix``.

Records come from the demo data set (loaded once for the module, rolled back after it); records that belong
to a ministry are taken once from Chile's ministry and once from Brazil's, so each focal point meets its own
ministry's record and the other's. Each request runs in a savepoint that is rolled back, so an allowed write
does not change what the next role meets.
"""

import io
import json
import re
from dataclasses import dataclass

import pytest
from django.contrib import admin
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from conftest import login
from rial.accounts.models import ApiToken
from rial.core.admin import ReadOnlyAdminMixin
from rial.directory.demo import ministry_slug
from rial.directory.models import Institution
from rial.directory.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# Written while answering any request, by design: the session, the login-attempt log.
BOOKKEEPING = re.compile(r'^\s*(INSERT INTO|UPDATE|DELETE FROM)\s+"?(django_session|axes_\w+|accounts_apitoken)"?',
                         re.I)  # the session, the login-attempt log, a token's time of last use
WRITE_SQL = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.I)

PERSONAS = ["anonymous", "registered", "secretariat", "focal_cl", "focal_br", "member_co", "cosate", "ilo"]
DEMO_USERS = {"secretariat": "demo-secretariat", "focal_cl": "demo-focal-cl", "focal_br": "demo-focal-br",
              "member_co": "demo-member-co", "cosate": "demo-cosate", "ilo": "demo-ilo"}
# A record of Chile's ministry and one of another ministry: Chile's focal point meets its own ministry's record
# and another's; Brazil's focal point meets the other ministry's (its own when it is Brazil's).
SIDES = ("CL", "other")


@dataclass(frozen=True)
class Write:
    """A write path: the permission that guards it and the record it acts on (a key of RECORDS, or None)."""

    perm: str | tuple
    record: str | None = None
    method: str = "post"
    data: tuple = ()
    kwargs: tuple = ()  # further arguments of the address, besides the record's
    subject: object = None  # (record, user) -> the object the rule is asked about, when not the record itself
    signed_in: bool = False  # the path asks for an account before anything else (login_required)
    for_ministry: str | None = None  # acts for this country's ministry: only its focal points (and the Secretariat)

    def expected(self, user, record) -> bool:
        """What the rule says for ``user`` on ``record``."""
        subject = self.subject(record, user) if self.subject else record
        from rial.accounts.roles import roles_for

        perms = self.perm if isinstance(self.perm, tuple) else (self.perm,)  # a tuple: any one of them
        allowed = any(user.has_perm(perm, subject) for perm in perms) and (user.is_authenticated or not self.signed_in)
        if self.for_ministry:
            roles = roles_for(user)
            allowed = allowed and (roles.is_secretariat or _ministry(self.for_ministry).pk in roles.focal_point_for)
        return allowed


def Export(perm: str, record: str | None = None, kwargs: tuple = (), subject=None) -> Write:  # noqa: N802
    """A download of private data: a read, but of what only some may see."""
    return Write(perm, record, method="get", kwargs=kwargs, subject=subject)


# ---------------------------------------------------------------------------------------------------------
# Records: how to find, in the demo data, the record a path acts on, and the path's arguments for it.
# An "owned" record is looked up once per ministry in SIDES.
# ---------------------------------------------------------------------------------------------------------

def _ministry(iso2: str) -> Institution:
    return Institution.objects.get(slug=ministry_slug(iso2))


def _owned_by(queryset, side: str):
    chile = _ministry("CL").pk
    ministries = set(Institution.objects.filter(kind=Institution.Kind.MINISTRY).values_list("pk", flat=True))
    for record in queryset.order_by("pk"):
        owner = record.owner_institution_id
        if (owner == chile) if side == "CL" else (owner in ministries and owner != chile):
            return record
    raise AssertionError(f"the demo data hold no {queryset.model.__name__} of {side}'s ministry")


MATRIX_CONFERENCE = 99  # the conference of the matrix's own draft plan


def _first(queryset):
    record = queryset.order_by("pk").first()
    assert record is not None, f"the demo data hold no {queryset.model.__name__} for the matrix"
    return record


@dataclass(frozen=True)
class Record:
    find: object          # (side or None) -> model instance
    args: object          # instance -> reverse() kwargs
    owned: bool = False


def _records():
    from rial.agreements.models import Proposal as AgreementProposal
    from rial.conference.models import ConferenceDocument, Mandate
    from rial.cooperation.models import Activity, Call
    from rial.cooperation.models import Participant as CoopParticipant
    from rial.cooperation.models import Proposal as CoopProposal
    from rial.directory.models import FocalPointDesignation, Person
    from rial.events.models import Event, Registration
    from rial.forums.models import Forum, Post, Thread
    from rial.fund.models import Entry
    from rial.library.models import Document, DocumentFile
    from rial.meetings.models import (
        Consultation,
        DraftForum,
        GuidingQuestion,
        Meeting,
        MeetingDocument,
        PlannedActivity,
        WorkingGroupReport,
        WorkPlan,
    )
    from rial.newsletter.models import Issue, IssueItem
    from rial.portfolio.models import Program

    pk = lambda record: {"pk": record.pk}  # noqa: E731
    number = lambda record: {"number": record.number}  # noqa: E731
    return {
        "institution": Record(lambda side: _ministry("CL" if side == "CL" else "BR"), lambda r: {"slug": r.slug},
                              owned=True),
        "designation": Record(lambda side: _owned_by(FocalPointDesignation.objects.all(), side),
                              lambda r: {"slug": r.institution.slug, "pk": r.pk}, owned=True),
        "program": Record(lambda side: _owned_by(Program.objects.filter(status=Program.Status.PUBLISHED), side),
                          pk, owned=True),
        "program_draft": Record(lambda side: _owned_by(Program.objects.filter(status=Program.Status.DRAFT), side),
                                pk, owned=True),
        "program_submitted": Record(lambda side: _owned_by(Program.objects.filter(
            status=Program.Status.SUBMITTED), side), pk, owned=True),
        "document": Record(lambda side: _owned_by(Document.objects.all(), side), pk, owned=True),
        "document_file": Record(lambda side: _first(DocumentFile.objects.filter(
            document__status=Document.Status.DRAFT)), pk),
        "plan": Record(lambda side: _first(ConferenceDocument.objects.filter(
            kind=ConferenceDocument.Kind.PLAN_OF_ACTION)), pk),
        "conference": Record(lambda side: _first(ConferenceDocument.objects.filter(
            kind=ConferenceDocument.Kind.PLAN_OF_ACTION)).conference, number),
        "declaration": Record(lambda side: _first(ConferenceDocument.objects.filter(
            kind=ConferenceDocument.Kind.DECLARATION)), pk),
        "mandate": Record(lambda side: _first(Mandate.objects.all()), pk),
        # The matrix's own draft plan (with a file): the seeds, when at hand, add a draft plan imported from text.
        "draft_plan": Record(lambda side: _first(ConferenceDocument.objects.filter(
            kind=ConferenceDocument.Kind.PLAN_OF_ACTION, status=ConferenceDocument.Status.DRAFT,
            conference__number=MATRIX_CONFERENCE)), pk),
        "draft_mandate": Record(lambda side: _first(Mandate.objects.filter(
            plan__status=ConferenceDocument.Status.DRAFT, plan__conference__number=MATRIX_CONFERENCE)), pk),
        "meeting": Record(lambda side: _first(Meeting.objects.all()), pk),
        "meeting_document": Record(lambda side: _first(MeetingDocument.objects.all()), pk),
        "question": Record(lambda side: _first(GuidingQuestion.objects.all()), pk),
        "workplan": Record(lambda side: _first(WorkPlan.objects.all()), pk),
        "planned_activity": Record(lambda side: _first(PlannedActivity.objects.all()),
                                   lambda r: {"pk": r.revision.plan_id, "activity_pk": r.pk}),
        "consultation": Record(lambda side: _first(Consultation.objects.exclude(document="")), pk),
        "report": Record(lambda side: _first(WorkingGroupReport.objects.all()), pk),
        "draft_forum": Record(lambda side: _first(DraftForum.objects.all()), pk),
        "paragraph": Record(lambda side: _first(DraftForum.objects.filter(paragraphs__isnull=False)).paragraphs
                            .order_by("number").first(), lambda r: {"pk": r.forum_id, "number": r.number}),
        "entry": Record(lambda side: _first(Entry.objects.all()), pk),
        "call": Record(lambda side: _first(Call.objects.all()), number),
        "proposal": Record(lambda side: _owned_by(CoopProposal.objects.all(), side), pk, owned=True),
        "activity": Record(lambda side: _owned_by(Activity.objects.all(), side), pk, owned=True),
        "participant": Record(lambda side: _owned_by(CoopParticipant.objects.filter(
            activity__state__in=[Activity.State.EXECUTED, Activity.State.COMPLETED]), side), pk, owned=True),
        "event": Record(lambda side: _first(Event.objects.all()), pk),
        "registration": Record(lambda side: _first(Registration.objects.all()), pk),
        "registration_certified": Record(lambda side: _first(Registration.objects.filter(
            certificate_code__isnull=False)), pk),
        "forum": Record(lambda side: _first(Forum.objects.all()), lambda r: {"slug": r.slug}),
        "thread": Record(lambda side: _first(Thread.objects.all()), pk),
        "post": Record(lambda side: _first(Post.objects.all()), pk),
        "issue": Record(lambda side: _first(Issue.objects.all()), number),
        "person": Record(lambda side: _first(Person.objects.all()), lambda r: {
            "app_label": "directory", "model_name": "person", "pk": r.pk}),
        "person_version": Record(lambda side: _first(Person.objects.all()), lambda r: {
            "app_label": "directory", "model_name": "person", "pk": r.pk,
            "history_id": r.history.order_by("history_id").first().history_id}),
        "agreement_proposal": Record(lambda side: _owned_by(AgreementProposal.objects.all(), side), pk,
                                     owned=True),
        "issue_item": Record(lambda side: _first(IssueItem.objects.all()), pk),
    }


def _own_ministry(record, user):
    """A focal point registers the delegation of a ministry they act for (the Secretariat: any ministry)."""
    from rial.accounts.roles import roles_for

    return Institution.objects.filter(pk__in=roles_for(user).focal_point_for).order_by("pk").first()


# ---------------------------------------------------------------------------------------------------------
# The pages that write, and the downloads of private data, with the permission each one asks.
# ---------------------------------------------------------------------------------------------------------

PAGES: dict[str, Write] = {
    # directory
    "directory:institution_edit": Write("directory.change_institution", "institution"),
    "directory:focal_points": Write("directory.add_focalpointdesignation", "institution"),
    "directory:focal_point_end": Write("directory.change_focalpointdesignation", "designation"),
    # conference
    "conference:plan_status": Write("conference.change_conferencedocument", "plan"),
    "conference:mandate_edit": Write("conference.change_mandate", "mandate"),
    "conference:mandate_follow_up": Write("conference.follow_up_mandate", "mandate"),
    "conference:mandate_report_add": Write("conference.add_progressreport", "mandate"),
    "conference:mandate_evidence_add": Write("conference.add_evidence", "mandate"),
    "conference:declaration_edit": Write("conference.change_conferencedocument", "declaration"),
    "conference:declaration_create": Write("conference.add_conferencedocument", "conference"),
    "conference:import": Write("conference.import_plan"),
    "conference:import_save": Write("conference.import_plan"),
    # A draft Plan of Action and all under it: read by the network's participants, 404 for anyone else
    # (adopted plans and their mandates are public reads).
    "conference:plan": Export("conference.view_plan", "draft_plan"),
    "conference:mandate": Export("conference.view_plan", "draft_mandate"),
    "conference:document_file": Export("conference.view_plan", "draft_plan"),
    # meetings
    "meetings:add": Write("meetings.add_meeting"),
    "meetings:edit": Write("meetings.change_meeting", "meeting"),
    "meetings:link_mandate": Write("meetings.change_meeting", "meeting"),
    "meetings:answer": Write("meetings.answer_question", "question"),
    "meetings:workplan_add": Write("meetings.add_workplan"),
    "meetings:workplan_revise": Write("meetings.change_workplan", "workplan"),
    "meetings:activity_add": Write("meetings.change_workplan", "workplan"),
    "meetings:activity_edit": Write("meetings.change_workplan", "planned_activity"),
    "meetings:consultation_add": Write("meetings.add_consultation"),
    "meetings:consultation": Write("meetings.answer_consultation", "consultation"),
    "meetings:consultation_close": Write("meetings.change_consultation", "consultation"),
    "meetings:consultation_document": Export("meetings.see_consultation", "consultation"),
    "meetings:report_add": Write("meetings.add_workinggroupreport"),
    "meetings:report_edit": Write("meetings.change_workinggroupreport", "report"),
    "meetings:report_transition": Write("meetings.change_workinggroupreport", "report",
                                        kwargs=(("move", "submit"),)),
    "meetings:report_regenerate": Write("meetings.change_workinggroupreport", "report"),
    "meetings:report_carry": Write("meetings.carry_recommendations", "report"),
    "meetings:report_docx": Export("meetings.view_workinggroupreport", "report"),
    "meetings:report_pdf": Export("meetings.view_workinggroupreport", "report"),
    "meetings:forum_add": Write("meetings.add_draftforum"),
    "meetings:forum_comment": Write("meetings.take_part_in_forum", "paragraph"),
    "meetings:forum_compilation": Export("meetings.compile_forum", "draft_forum"),
    # A document not public is for those who may change its meeting.
    "meetings:document": Export("meetings.change_meeting", "meeting_document",
                                subject=lambda document, user: document.meeting),
    # portfolio
    "portfolio:create": Write("portfolio.add_program"),
    "portfolio:import": Write("portfolio.import_programs"),
    "portfolio:edit": Write("portfolio.change_program", "program"),
    "portfolio:submit": Write("portfolio.submit_program", "program_draft"),
    "portfolio:publish": Write("portfolio.review_program", "program_submitted"),
    "portfolio:return": Write("portfolio.review_program", "program_submitted",
                              data=(("comment", "Please add the budget."),)),
    "portfolio:confirm_review": Write("portfolio.review_program", "program"),
    # library
    "library:create": Write("library.add_document"),
    "library:edit": Write("library.change_document", "document"),
    "library:upload": Write("library.change_document", "document"),
    "library:publish": Write("library.publish_document", "document"),
    "library:submit": Write("library.submit_document", "document"),
    "library:unpublish": Write("library.publish_document", "document"),
    "library:return": Write("library.review_document", "document", data=(("comment", "Please add the sources."),)),
    "library:review_queue": Export("library.review_document"),
    "library:download": Export("library.view_document", "document_file", subject=lambda file, user: file.document),
    # fund
    "fund:entry_reverse": Write("fund.reverse_entry", "entry"),
    "fund:contribution_new": Write("fund.add_entry"),
    "fund:pledge_new": Write("fund.open_pledge_form"),
    "fund:expense_new": Write("fund.add_entry"),
    "fund:allocations": Write("fund.add_allocation"),
    "fund:ledger": Export("fund.view_ledger"),
    "fund:entry": Export("fund.view_ledger", "entry"),
    "fund:reports": Export("fund.view_reports"),
    "fund:report_xlsx": Export("fund.view_reports"),
    "fund:report_pdf": Export("fund.view_reports"),
    # cooperation
    "cooperation:call_create": Write("cooperation.manage_call"),
    "cooperation:call_edit": Write("cooperation.manage_call", "call"),
    "cooperation:call_transition": Write("cooperation.manage_call", "call", kwargs=(("state", "closed"),)),
    "cooperation:proposal_create": Write("cooperation.add_proposal", "call"),
    "cooperation:evaluation": Export("cooperation.evaluate_call", "call"),
    "cooperation:selection": Write("cooperation.manage_call", "call"),
    "cooperation:proposal_edit": Write("cooperation.change_proposal", "proposal"),
    "cooperation:proposal_submit": Write("cooperation.change_proposal", "proposal"),
    "cooperation:proposal_confirm": Write("cooperation.confirm_commitment", "proposal"),
    "cooperation:score": Write("cooperation.evaluate_call", "proposal", subject=lambda proposal, user: proposal.call),
    "cooperation:execute": Write("cooperation.manage_activity", "activity"),
    "cooperation:expense": Write("cooperation.manage_activity", "activity"),
    "cooperation:complete": Write("cooperation.manage_activity", "activity"),
    "cooperation:report": Write("cooperation.file_report", "activity"),
    "cooperation:outcome": Write("cooperation.record_outcome", "activity"),
    "cooperation:participant_add": Write("cooperation.manage_activity", "activity"),
    "cooperation:questionnaire": Write("cooperation.act_for_participant", "participant"),
    "cooperation:certificate": Export("cooperation.act_for_participant", "participant"),
    # events
    "events:register": Write("events.register", "event"),
    "events:delegation": Write("events.register_delegation", "event", subject=_own_ministry),
    "events:manage": Write("events.manage_event", "event"),
    "events:registration": Export("events.see_registration", "registration"),
    "events:cancel": Write("events.cancel_registration", "registration"),
    "events:confirm": Write("events.confirm_registration", "registration"),
    "events:evaluation": Write("events.see_registration", "registration"),
    "events:certificate": Export("events.see_registration", "registration_certified"),
    # agreements
    "agreements:import": Write("agreements.import_agreements"),
    "agreements:proposal_new": Write("agreements.propose_change"),
    # forums
    "forums:reply": Write("forums.reply", "thread"),
    "forums:thread_follow": Write("forums.follow", "thread"),
    "forums:thread_read": Write("forums.view_thread_page", "thread", signed_in=True),
    "forums:thread_moderate": Write("forums.moderate", "thread"),
    "forums:post_moderate": Write("forums.moderate", "post"),
    "forums:thread_add": Write("forums.start_thread", "forum"),
    "forums:forum_follow": Write("forums.follow", "forum"),
    # newsletter
    "newsletter:create": Write("newsletter.compose_issue"),
    "newsletter:edit": Write("newsletter.compose_issue", "issue"),
    "newsletter:compose": Write("newsletter.compose_issue", "issue"),
    "newsletter:item_add": Write("newsletter.compose_issue", "issue"),
    "newsletter:item_new": Write("newsletter.compose_issue", "issue"),
    "newsletter:item_edit": Write("newsletter.compose_issue", "issue_item"),
    "newsletter:item_move": Write("newsletter.compose_issue", "issue_item"),
    "newsletter:item_remove": Write("newsletter.compose_issue", "issue_item"),
    "newsletter:send": Write("newsletter.send_issue", "issue"),
    "newsletter:test": Write("newsletter.compose_issue", "issue"),
    "newsletter:resume": Write("newsletter.send_issue", "issue"),
    "newsletter:resend": Write("newsletter.send_issue", "issue"),
    "newsletter:preview": Export("newsletter.compose_issue", "issue", kwargs=(("language", "en"),)),
    "newsletter:preview_text": Export("newsletter.compose_issue", "issue", kwargs=(("language", "en"),)),
    "newsletter:progress": Export("newsletter.compose_issue", "issue"),
    # the audit trail
    "core:restore": Write("core.restore_history", "person_version"),
    "core:history": Export("core.view_history", "person"),
}

# Addresses that change nothing that belongs to someone else, or show only what is public: every other
# address of the site is one of these (a new address must be placed in PAGES or here, with its reason).
OWN_ACCOUNT = {  # a signed-in person's own settings and tokens: refused to nobody but the anonymous
    "accounts:profile", "accounts:create_token", "accounts:revoke_token", "accounts:two_factor_setup",
    "accounts:two_factor_verify", "accounts:preferred_language", "notifications:list", "notifications:read",
    "notifications:settings", "portal:desk", "portfolio:mine",
    # one's own plan upload being read (after conference.import_plan, only uploaded_by=the requester)
    "conference:import_status",
}
PUBLIC_FORMS = {  # open to anyone on purpose, each with its own checks (tokens, rate limits, moderation)
    "accounts:login", "accounts:logout", "accounts:password_reset", "accounts:password_reset_done",
    "accounts:password_reset_confirm", "accounts:password_reset_complete", "set_language",
    "newsletter:subscribe", "newsletter:confirm", "newsletter:unsubscribe",
    "events:verify_form", "events:verify",
}
PUBLIC_READS = {
    "portal:home", "portal:network", "portal:accessibility", "directory:countries", "directory:country",
    "directory:institutions", "directory:institution", "topics:list", "topics:detail", "conference:home",
    "conference:conference", "conference:group", "conference:declaration", "meetings:list", "meetings:detail",
    "meetings:calendar", "meetings:ical", "meetings:workplans", "meetings:workplan", "meetings:consultations",
    "meetings:reports", "meetings:report", "meetings:forums", "meetings:forum", "portfolio:list",
    "portfolio:review_queue", "portfolio:compare", "portfolio:export", "portfolio:collection",
    "portfolio:detail", "portfolio:revision", "library:list", "library:detail", "fund:home", "cooperation:home",
    "cooperation:call", "cooperation:call_guidelines", "cooperation:proposal", "cooperation:activities",
    "cooperation:activity", "cooperation:impact", "cooperation:partners", "cooperation:network",
    "cooperation:export_csv", "cooperation:export_xlsx", "cooperation:iati", "cooperation:results_feed",
    "events:list", "events:detail", "agreements:home", "agreements:coverage", "agreements:export",
    "agreements:matrix", "agreements:country", "agreements:proposals", "agreements:proposal",
    "agreements:proposal_move", "agreements:detail", "forums:list", "forums:thread", "forums:forum",
    "newsletter:archive", "newsletter:feed", "newsletter:issue", "newsletter:manage", "search:results",
    "javascript-catalog", "healthz", "favicon", "robots", "sitemap",
}


def _named_routes():
    """(name, route) of every page of the site outside the admin and the API, from the URL resolver."""
    def walk(patterns, namespace=None, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = ":".join(filter(None, [namespace, pattern.namespace])) or None
                yield from walk(pattern.url_patterns, inner, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield ":".join(filter(None, [namespace, pattern.name])), prefix + str(pattern.pattern)

    for name, route in walk(get_resolver().url_patterns):
        if not route.startswith(("admin/", "api/")) and not route.startswith(tuple(
                f"{code}/" for code in ("es", "pt", "fr"))):
            yield name, route


def test_every_address_is_in_the_matrix():
    routes = dict(_named_routes())
    placed = set(PAGES) | OWN_ACCOUNT | PUBLIC_FORMS | PUBLIC_READS
    assert sorted(set(routes) - placed) == [], "new addresses: add them to PAGES (with their permission) or to " \
                                              "the read-only sets, with the reason"
    assert sorted(placed - set(routes)) == [], "entries for addresses that no longer exist"
    assert not (set(PAGES) & (OWN_ACCOUNT | PUBLIC_FORMS | PUBLIC_READS))


# ---------------------------------------------------------------------------------------------------------
# The world: demo data and one signed-in client per role, once for the module, rolled back after it.
# ---------------------------------------------------------------------------------------------------------

def _supplement_demo():
    """The few records the demo data set lacks: a declaration, a private meeting document, library documents
    submitted by a ministry (Chile's and Brazil's, drafts), a revision of a published program."""
    from django.contrib.auth import get_user_model
    from django.core.files.base import ContentFile

    from rial.conference.models import ConferenceDocument
    from rial.library.models import Document, DocumentFile
    from rial.library.tests.factories import DocumentFactory
    from rial.meetings.models import Meeting, MeetingDocument
    from rial.portfolio.models import Program
    from rial.portfolio.services import program_start_revision

    plan = _first(ConferenceDocument.objects.filter(kind=ConferenceDocument.Kind.PLAN_OF_ACTION))
    ConferenceDocument.objects.create(conference=plan.conference, kind=ConferenceDocument.Kind.DECLARATION,
                                      title="Matrix declaration", status=ConferenceDocument.Status.DRAFT)
    # A draft Plan of Action under negotiation, with its file and a proposed mandate.
    from rial.conference.models import Conference, Mandate

    draft = ConferenceDocument.objects.create(
        conference=Conference.objects.create(number=MATRIX_CONFERENCE, year=2099, city="Matrix City"),
        kind=ConferenceDocument.Kind.PLAN_OF_ACTION, title="Matrix draft plan", status=ConferenceDocument.Status.DRAFT)
    draft.file.save("matrix-draft-plan.pdf", ContentFile(b"%PDF-1.4 draft plan"), save=True)
    Mandate.objects.create(plan=draft, text="A proposed matrix mandate.", position=1)
    document = MeetingDocument(meeting=_first(Meeting.objects.all()), title="Matrix working paper",
                               is_public=False)
    document.file.save("matrix.pdf", ContentFile(b"%PDF-1.4 matrix"), save=True)
    from rial.agreements.models import Proposal as AgreementProposal
    from rial.agreements.proposals import proposal_create
    from rial.directory.models import Country

    focal_cl = get_user_model().objects.get(username="demo-focal-cl")
    proposal_create(user=focal_cl, kind=AgreementProposal.Kind.NEW, country=Country.objects.get(iso2="CL"),
                    agreement=None, partner=Country.objects.get(iso2="HT"), title="", signed=None,
                    in_force=None, description="Old-age pensions.", source="Diario Oficial", source_url="")
    proposal_create(user=get_user_model().objects.get(username="demo-focal-br"), kind=AgreementProposal.Kind.NEW,
                    country=Country.objects.get(iso2="BR"), agreement=None, partner=Country.objects.get(iso2="HT"),
                    description="Old-age pensions.", source="Diário Oficial")
    from rial.meetings.models import Consultation
    from rial.portfolio.services import program_submit

    focal_br = get_user_model().objects.get(username="demo-focal-br")
    chile, brazil = (Program.objects.filter(status=Program.Status.PUBLISHED, ministry=_ministry(iso2))
                     .order_by("pk") for iso2 in ("CL", "BR"))
    # Every demo program is published: a revision of one is a draft of its ministry; submitted, it awaits review.
    program_start_revision(program=chile[0], user=focal_cl)
    program_start_revision(program=brazil[0], user=focal_br)
    program_submit(program=program_start_revision(program=chile[1], user=focal_cl), user=focal_cl)
    program_submit(program=program_start_revision(program=brazil[1], user=focal_br), user=focal_br)
    consultation = _first(Consultation.objects.all())
    consultation.document.save("matrix-consultation.pdf", ContentFile(b"%PDF-1.4 consultation"), save=True)
    for iso2 in ("CL", "BR"):
        draft = DocumentFactory(title_en=f"Matrix study of {iso2}", owner_institution=_ministry(iso2),
                                status=Document.Status.DRAFT)
    attachment = DocumentFile(document=draft, original_name="matrix.pdf", size=15, file_type=DocumentFile.FileType.PDF)
    attachment.file.save("matrix.pdf", ContentFile(b"%PDF-1.4 matrix"), save=True)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("matrix") / "media"
    immediate = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    with override_settings(MEDIA_ROOT=media, TASKS=immediate), django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_demo", stdout=io.StringIO())
            _supplement_demo()
            from django.contrib.auth import get_user_model

            users = {role: get_user_model().objects.get(username=name) for role, name in DEMO_USERS.items()}
            users["registered"] = UserFactory(username="matrix-registered")
            users["anonymous"] = AnonymousUser()
            clients = {}
            for role, user in users.items():
                client = Client()
                if role != "anonymous":
                    login(client, user)
                clients[role] = client
            records = _records()
            yield {"users": users, "clients": clients, "records": records, "media": media}
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture(autouse=True)
def _demo_files(settings, world):
    # The demo's files were written under the module's folder; each test's own MEDIA_ROOT would hide them.
    settings.MEDIA_ROOT = world["media"]


def _refused(response) -> bool:
    if response.status_code in (401, 403, 404):
        return True
    location = response.get("Location", "")
    return response.status_code in (302, 303) and ("/accounts/login/" in location or "/admin/login/" in location)


def _attempt(client, method: str, url: str, data=None, **extra):
    """Send one request in a savepoint that is rolled back; return the answer and the writes it made."""
    with transaction.atomic(), CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(url, data or {}, **extra)
        transaction.set_rollback(True)
    writes = [q["sql"] for q in queries.captured_queries
              if WRITE_SQL.match(q["sql"]) and not BOOKKEEPING.match(q["sql"])]
    return response, writes


def _cases(world, write: Write):
    """(side, record, url arguments) for each record the path is tried on."""
    if write.record is None:
        return [(None, None, {})]
    spec = world["records"][write.record]
    sides = SIDES if spec.owned else (None,)
    found = []
    for side in sides:
        record = spec.find(side)
        found.append((side, record, spec.args(record)))
    return found


def _user_for_rule(world, role):
    user = world["users"][role]
    if hasattr(user, "_rial_roles"):
        del user._rial_roles
    return user


def _check(world, name: str, url_for, write: Write, **extra) -> list[str]:
    disagreements = []
    for side, record, args in _cases(world, write):
        url = url_for(args)
        for role in PERSONAS:
            expected = write.expected(_user_for_rule(world, role), record)
            response, writes = _attempt(world["clients"][role], write.method, url, dict(write.data), **extra)
            refused = _refused(response)
            where = f"{name} {role} on {side or 'the record'}: {response.status_code} {url}"
            if response.status_code >= 500:
                disagreements.append(f"{where}: server error")
            elif refused == expected:
                disagreements.append(f"{where}: rule says {'allowed' if expected else 'refused'}")
            elif refused and writes:
                disagreements.append(f"{where}: refused but wrote {writes[0][:120]}")
    return disagreements


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page(world, name):
    write = PAGES[name]
    disagreements = _check(world, name, lambda args: reverse(name, kwargs={**args, **dict(write.kwargs)} or None),
                           write)
    assert not disagreements, "\n".join(disagreements)


# ---------------------------------------------------------------------------------------------------------
# The API: every operation that needs a token, with a body that passes validation (so that the permission,
# not the shape of the request, decides), called with each role's own token.
# ---------------------------------------------------------------------------------------------------------

API: dict[tuple[str, str], Write] = {
    ("patch", "/api/v1/institutions/{slug}"): Write("directory.change_institution", "institution",
                                                    data=(("phone", "+56 2 2345 6789"),)),
    ("patch", "/api/v1/mandates/{mandate_id}"): Write("conference.follow_up_mandate", "mandate",
                                                      data=(("status", "in_progress"), ("progress", 50))),
    ("get", "/api/v1/fund/balances"): Export("fund.view_ledger"),
    ("get", "/api/v1/fund/ledger"): Export("fund.view_ledger"),
    ("get", "/api/v1/fund/ledger/{entry_id}"): Export("fund.view_ledger", "entry"),
    ("post", "/api/v1/fund/contributions"): Write("fund.add_entry", data=(
        ("contributor", "ministry-cl"), ("amount", "100"), ("currency", "USD"), ("date", "2025-03-01"))),
    ("post", "/api/v1/fund/expenses"): Write("fund.add_entry", data=(
        ("amount", "100"), ("currency", "USD"), ("date", "2025-03-01"), ("category", "workshop"),
        ("description", "Matrix workshop"))),
    ("post", "/api/v1/cooperation/calls"): Write("cooperation.manage_call", data=(("number", 77), ("year", 2026))),
    ("post", "/api/v1/cooperation/calls/{number}/state"): Write("cooperation.manage_call", "call",
                                                                data=(("state", "closed"),)),
    ("post", "/api/v1/cooperation/proposals"): Write("cooperation.add_proposal", for_ministry="CL", data=(
        ("call", 1), ("requesting", "ministry-cl"), ("providing", "ministry-br"), ("topics", ["labor"]),
        ("modality", "virtual"), ("title", "Matrix"), ("objectives", "x"), ("expected_results", "x"),
        ("agenda", "x"), ("travellers", 1), ("days", 1))),
    ("post", "/api/v1/cooperation/proposals/{proposal_id}/confirm"): Write("cooperation.confirm_commitment",
                                                                           "proposal"),
    ("get", "/api/v1/agreement-proposals"): Export(("agreements.review_proposal", "agreements.propose_change")),
    ("post", "/api/v1/agreement-proposals"): Write("agreements.propose_change", for_ministry="CL", data=(
        ("kind", "new"), ("country", "CL"), ("partner", "HT"), ("description", "x"), ("source", "Gazette"))),
    ("post", "/api/v1/agreement-proposals/{proposal_id}/{action}"): Write("agreements.review_proposal",
                                                                          "agreement_proposal",
                                                                          kwargs=(("action", "reject"),),
                                                                          data=(("comment", "No source."),)),
    ("post", "/api/v1/newsletters/{number}/send"): Write("newsletter.send_issue", "issue",
                                                        data=(("audience", "focal_points"),)),
}
API_ARGUMENTS = {"slug": "slug", "mandate_id": "pk", "entry_id": "pk", "number": "number",
                 "proposal_id": "pk"}


def _api_operations():
    from rial.api import api

    for path, operations in api.get_openapi_schema()["paths"].items():
        for method, operation in operations.items():
            if operation.get("security"):
                yield method, path


def test_every_api_operation_that_needs_a_token_is_in_the_matrix():
    assert sorted(set(_api_operations()) ^ set(API)) == []


@pytest.fixture(scope="module")
def tokens(world, django_db_blocker):
    with django_db_blocker.unblock():
        raws = {}
        for role, user in world["users"].items():
            if role != "anonymous":
                raws[role] = ApiToken.issue(user=user, label="matrix", second_factor_verified=True)[1]
        return raws


def _api_address(path: str, args: dict, write: Write) -> str:
    values = {**args, **dict(write.kwargs)}
    for name in re.findall(r"{(\w+)}", path):
        path = path.replace("{" + name + "}", str(values[API_ARGUMENTS.get(name, name)]))
    return path


@pytest.mark.parametrize(("method", "path"), sorted(API), ids=[f"{m.upper()} {p}" for m, p in sorted(API)])
def test_api(world, tokens, method, path):
    write = API[(method, path)]
    disagreements = []
    for side, record, args in _cases(world, write):
        url = _api_address(path, args, write)
        for role in PERSONAS:
            expected = write.expected(_user_for_rule(world, role), record)
            headers = {"Authorization": f"Bearer {tokens[role]}"} if role in tokens else {}
            client = Client()
            if method == "get":
                response, writes = _attempt(client, "get", url, headers=headers)
            else:
                with transaction.atomic(), CaptureQueriesContext(connection) as queries:
                    response = getattr(client, method)(url, json.dumps(dict(write.data)),
                                                       content_type="application/json", headers=headers)
                    transaction.set_rollback(True)
                writes = [q["sql"] for q in queries.captured_queries
                          if WRITE_SQL.match(q["sql"]) and not BOOKKEEPING.match(q["sql"])]
            refused = _refused(response)
            where = f"{method.upper()} {url} {role} on {side or 'the record'}: {response.status_code}"
            if response.status_code >= 500 or (response.status_code == 422 and not expected):
                # A 422 to someone the rule refuses: the data were judged before the permission.
                disagreements.append(f"{where}: {response.content[:200]!r}")
            elif refused == expected:
                disagreements.append(f"{where}: rule says {'allowed' if expected else 'refused'}")
            elif refused and writes:
                disagreements.append(f"{where}: refused but wrote {writes[0][:120]}")
    assert not disagreements, "\n".join(disagreements)


# ---------------------------------------------------------------------------------------------------------
# The admin: every registered model × add, change, delete, for every role. The admin asks the same rules
# (``accounts.use_admin`` to enter, then ``app.action_model`` for the record).
# ---------------------------------------------------------------------------------------------------------

def _admin_models():
    return sorted((model._meta.app_label, model._meta.model_name) for model in admin.site._registry)


@pytest.mark.parametrize(("app_label", "model_name"), _admin_models(),
                         ids=[f"{a}.{m}" for a, m in _admin_models()])
def test_admin(world, app_label, model_name):
    from django.apps import apps

    model = apps.get_model(app_label, model_name)
    record = model._default_manager.order_by("pk").first()
    actions = [("add", None, reverse(f"admin:{app_label}_{model_name}_add"), {})]
    if record is not None:
        actions += [
            ("change", record, reverse(f"admin:{app_label}_{model_name}_change", args=[record.pk]), {}),
            ("delete", record, reverse(f"admin:{app_label}_{model_name}_delete", args=[record.pk]), {"post": "yes"}),
        ]
    # Records only services write are shown read-only in the admin (core.admin.ReadOnlyAdminMixin), so that
    # the service's checks and history row always happen: there the admin refuses what the rule would allow.
    model_admin = admin.site._registry[model]
    read_only = isinstance(model_admin, ReadOnlyAdminMixin)
    # A model admin of ours may refuse adding outright (proposals come from focal points, subscribers sign up
    # themselves): a declared narrowing, read from the class, not from the rule.
    probe = RequestFactory().get("/")
    probe.user = world["users"]["secretariat"]
    no_add = (type(model_admin).has_add_permission is not admin.ModelAdmin.has_add_permission
              and not model_admin.has_add_permission(probe))
    disagreements = []
    for action, obj, url, data in actions:
        for role in PERSONAS:
            user = _user_for_rule(world, role)
            expected = (not read_only and not (no_add and action == "add") and user.has_perm("accounts.use_admin")
                        and user.has_perm(f"{app_label}.{action}_{model_name}", obj))
            response, writes = _attempt(world["clients"][role], "post", url, data)
            refused = _refused(response)
            where = f"{action} {app_label}.{model_name} {role}: {response.status_code}"
            if response.status_code >= 500:
                disagreements.append(f"{where}: server error")
            elif refused == expected:
                disagreements.append(f"{where}: rule says {'allowed' if expected else 'refused'}")
            elif refused and writes:
                disagreements.append(f"{where}: refused but wrote {writes[0][:120]}")
    assert not disagreements, "\n".join(disagreements)
