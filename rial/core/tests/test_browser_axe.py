"""axe-core, run in Chromium over every page of the site: no serious or critical accessibility violation.

The pages are read from the URL resolver: every address of the site outside the admin and the API is either
visited here (with demo records filling its arguments) or named in NOT_PAGES with the reason (a download, a
feed, an action answered by a redirect). Public pages are visited as an anonymous visitor; pages behind the
sign-in as the Technical Secretariat (who sees every control) and, for a focal point's own pages, as Chile's
focal point. The demo data set is loaded so that lists, tables and forms render with content.

axe-core is vendored for the tests only (rial/core/tests/vendor/axe-core/, MPL-2.0, from the npm registry;
never served to users) and injected before each page's own scripts, outside its Content-Security-Policy.
"""

import io
import os
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect, sync_playwright

from conftest import login
from rial.core.tests.test_permission_matrix import _named_routes, _supplement_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

AXE = (Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
BLOCKING = {"serious", "critical"}

# Addresses that are not pages a person reads: files, feeds, actions that only redirect.
NOT_PAGES = {
    "healthz", "favicon", "robots", "sitemap", "javascript-catalog", "set_language", "meetings:ical",
    "portfolio:export", "cooperation:export_csv", "cooperation:export_xlsx", "cooperation:iati",
    "cooperation:results_feed", "newsletter:feed", "fund:report_xlsx", "fund:report_pdf",
    "meetings:report_docx", "meetings:report_pdf", "meetings:forum_compilation", "meetings:document",
    "meetings:consultation_document", "library:download", "conference:document_file", "cooperation:certificate",
    "events:certificate", "newsletter:preview_text", "agreements:export",
    "newsletter:progress",  # the progress block alone, which the sending page polls and shows in itself
    "conference:import_status",  # exists only while one's own plan upload is read (not in the demo data)
    # POST-only actions (each answers with a redirect to a page visited here)
    "notifications:read", "directory:focal_point_end", "conference:plan_status", "conference:import_save",
    "meetings:consultation_close", "meetings:report_transition", "meetings:report_regenerate",
    "meetings:report_carry", "portfolio:submit", "portfolio:publish", "portfolio:return",
    "portfolio:confirm_review", "library:publish", "library:submit", "library:unpublish", "library:return", "fund:entry_reverse",
    "cooperation:call_transition", "cooperation:proposal_submit", "cooperation:proposal_confirm",
    "cooperation:complete", "cooperation:selection", "events:cancel", "events:confirm",
    "agreements:proposal_move", "forums:thread_follow", "forums:thread_read", "forums:thread_moderate",
    "forums:post_moderate", "forums:forum_follow", "newsletter:item_move", "newsletter:item_remove",
    "newsletter:send", "newsletter:test", "newsletter:resume", "newsletter:resend", "accounts:revoke_token",
    "accounts:preferred_language", "accounts:logout", "core:restore", "newsletter:confirm",
    "newsletter:unsubscribe", "accounts:password_reset_confirm", "meetings:forum_comment", "meetings:answer",
    "meetings:link_mandate", "cooperation:score", "conference:mandate_follow_up", "conference:mandate_report_add",
    "conference:mandate_evidence_add", "events:register", "library:upload", "newsletter:item_add",
    "meetings:workplan_revise", "cooperation:call_guidelines", "cooperation:expense", "events:delegation",
    "forums:reply", "accounts:create_token",
}

# A focal point's own pages, visited as Chile's focal point (the Secretariat sees the rest behind sign-in).
FOCAL_POINT_PAGES = {"portal:desk", "portfolio:mine", "accounts:profile", "notifications:list",
                     "notifications:settings", "agreements:proposal_new", "directory:institution_edit"}


def _arguments():
    """A demo record for each kind of address argument (after load_demo)."""
    from rial.conference.models import Conference, ConferenceDocument, Mandate, WorkingGroup
    from rial.cooperation.models import Activity, Call
    from rial.cooperation.models import Participant as CoopParticipant
    from rial.cooperation.models import Proposal as CoopProposal
    from rial.directory.models import Institution, Person
    from rial.events.models import Event, Registration
    from rial.forums.models import Forum, Thread
    from rial.fund.models import Entry
    from rial.library.models import Document
    from rial.meetings.models import (
        Consultation,
        DraftForum,
        Meeting,
        PlannedActivity,
        WorkingGroupReport,
    )
    from rial.newsletter.models import Issue, IssueItem
    from rial.portfolio.models import Collection, Program
    from rial.topics.models import Topic

    def first(queryset):
        record = queryset.order_by("pk").first()
        assert record is not None, f"the demo data hold no {queryset.model.__name__}"
        return record

    plan = first(ConferenceDocument.objects.filter(kind=ConferenceDocument.Kind.PLAN_OF_ACTION))
    declaration = first(ConferenceDocument.objects.filter(kind=ConferenceDocument.Kind.DECLARATION))
    activity = first(PlannedActivity.objects.all())
    issue = first(Issue.objects.all())
    person = first(Person.objects.all())
    program = first(Program.objects.filter(status=Program.Status.PUBLISHED))
    return {
        "directory:country": {"iso2": "CL"}, "agreements:country": {"iso2": "CL"},
        "directory:institution": {"slug": "ministry-cl"}, "directory:institution_edit": {"slug": "ministry-cl"},
        "directory:focal_points": {"slug": "ministry-cl"},
        "topics:detail": {"slug": first(Topic.objects.all()).slug},
        "conference:conference": {"number": first(Conference.objects.filter(documents__isnull=False)).number},
        "conference:declaration_create": {"number": first(Conference.objects.all()).number},
        "conference:plan": {"pk": plan.pk}, "conference:group": {"pk": first(WorkingGroup.objects.all()).pk},
        "conference:mandate": {"pk": first(Mandate.objects.all()).pk},
        "conference:mandate_edit": {"pk": first(Mandate.objects.all()).pk},
        "conference:mandate_follow_up": {"pk": first(Mandate.objects.all()).pk},
        "conference:mandate_report_add": {"pk": first(Mandate.objects.all()).pk},
        "conference:mandate_evidence_add": {"pk": first(Mandate.objects.all()).pk},
        "conference:declaration": {"pk": declaration.pk}, "conference:declaration_edit": {"pk": declaration.pk},
        "meetings:detail": {"pk": first(Meeting.objects.all()).pk},
        "meetings:edit": {"pk": first(Meeting.objects.all()).pk},
        "meetings:workplan": {"pk": activity.revision.plan_id}, "meetings:workplan_revise": {"pk": activity.revision.plan_id},
        "meetings:activity_add": {"pk": activity.revision.plan_id},
        "meetings:activity_edit": {"pk": activity.revision.plan_id, "activity_pk": activity.pk},
        "meetings:consultation": {"pk": first(Consultation.objects.all()).pk},
        "meetings:report": {"pk": first(WorkingGroupReport.objects.all()).pk},
        "meetings:report_edit": {"pk": first(WorkingGroupReport.objects.all()).pk},
        "meetings:forum": {"pk": first(DraftForum.objects.all()).pk},
        "portfolio:collection": {"slug": first(Collection.objects.all()).slug},
        "portfolio:detail": {"pk": program.pk}, "portfolio:edit": {"pk": program.pk},
        "portfolio:revision": {"pk": first(Program.objects.filter(revision_of__isnull=False)).pk},
        "library:detail": {"pk": first(Document.objects.all()).pk},
        "library:edit": {"pk": first(Document.objects.all()).pk},
        "library:upload": {"pk": first(Document.objects.all()).pk},
        "fund:entry": {"pk": first(Entry.objects.all()).pk},
        "cooperation:call": {"number": first(Call.objects.all()).number},
        "cooperation:call_edit": {"number": first(Call.objects.all()).number},
        "cooperation:call_guidelines": {"number": first(Call.objects.all()).number},
        "cooperation:proposal_create": {"number": first(Call.objects.all()).number},
        "cooperation:evaluation": {"number": first(Call.objects.all()).number},
        "cooperation:proposal": {"pk": first(CoopProposal.objects.all()).pk},
        "cooperation:proposal_edit": {"pk": first(CoopProposal.objects.all()).pk},
        "cooperation:activity": {"pk": first(Activity.objects.all()).pk},
        "cooperation:execute": {"pk": first(Activity.objects.all()).pk},
        "cooperation:report": {"pk": first(Activity.objects.all()).pk},
        "cooperation:outcome": {"pk": first(Activity.objects.all()).pk},
        "cooperation:participant_add": {"pk": first(Activity.objects.all()).pk},
        "cooperation:questionnaire": {"pk": first(CoopParticipant.objects.all()).pk},
        "events:detail": {"pk": first(Event.objects.all()).pk},
        "events:register": {"pk": first(Event.objects.all()).pk},
        "events:manage": {"pk": first(Event.objects.all()).pk},
        "events:registration": {"pk": first(Registration.objects.all()).pk},
        "events:evaluation": {"pk": first(Registration.objects.all()).pk},
        "events:verify": {"code": first(Registration.objects.filter(certificate_code__isnull=False)).certificate_code},
        "agreements:proposal": {"pk": first(__import__("rial.agreements.models", fromlist=["Proposal"])
                                            .Proposal.objects.all()).pk},
        "agreements:detail": {"slug": first(__import__("rial.agreements.models", fromlist=["Agreement"])
                                            .Agreement.objects.all()).slug},
        "forums:thread": {"pk": first(Thread.objects.all()).pk},
        "forums:forum": {"slug": first(Forum.objects.all()).slug},
        "forums:thread_add": {"slug": first(Forum.objects.all()).slug},
        "newsletter:issue": {"number": issue.number},
        "newsletter:edit": {"number": issue.number}, "newsletter:compose": {"number": issue.number},
        "newsletter:item_add": {"number": issue.number}, "newsletter:item_new": {"number": issue.number},
        "newsletter:item_edit": {"pk": first(IssueItem.objects.all()).pk},
        "newsletter:preview": {"number": issue.number, "language": "en"},
        "newsletter:progress": {"number": issue.number},
        "core:history": {"app_label": "directory", "model_name": "person", "pk": person.pk},
        "directory:focal_point_end": {"slug": "ministry-cl", "pk": 1},
        "meetings:forum_add": {}, "institution": {"slug": Institution.objects.get(slug="ministry-cl").slug},
    }


def _pages():
    """(persona, address) of every page of the site, from the URL resolver."""
    arguments = _arguments()
    pages = []
    for name, route in _named_routes():
        if name in NOT_PAGES:
            continue
        kwargs = arguments.get(name) if "<" in route else None
        assert "<" not in route or kwargs is not None, f"no demo record for the address {name} ({route})"
        path = reverse(name, kwargs=kwargs)
        if name in FOCAL_POINT_PAGES:
            persona = "focal_cl"
        elif _is_public(path):
            persona = "anonymous"
        else:
            persona = "secretariat"
        pages.append((persona, name, path))
    return pages


def _is_public(path: str) -> bool:
    response = Client().get(path)
    return response.status_code == 200


def _violations(page) -> list[str]:
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    found = []
    for violation in result["violations"]:
        if violation["impact"] in BLOCKING:
            targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
            found.append(f"{violation['id']} ({violation['impact']}, {len(violation['nodes'])}×): {targets}")
    return found


def test_no_page_has_a_serious_or_critical_accessibility_violation(live_server, chromium_path):
    call_command("load_demo", stdout=io.StringIO())
    _supplement_demo()
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    sessions = {persona: login(Client(), users.get(username=username)).cookies["sessionid"].value
                for persona, username in (("secretariat", "demo-secretariat"), ("focal_cl", "demo-focal-cl"))}
    pages = _pages()
    started = time.monotonic()
    failures: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, headless=True)
        contexts = {}
        for persona in ("anonymous", "secretariat", "focal_cl"):
            context = browser.new_context()
            context.add_init_script(script=AXE)
            if persona in sessions:
                context.add_cookies([{"name": "sessionid", "value": sessions[persona], "url": live_server.url}])
            contexts[persona] = context.new_page()
        for persona, name, path in pages:
            page = contexts[persona]
            try:
                response = page.goto(live_server.url + path)
            except PlaywrightError as error:
                failures.append(f"[{persona}] {name} {path}: {error.message.splitlines()[0]}")
                continue
            if response is None or response.status != 200:
                failures.append(f"[{persona}] {name} {path}: answered {response and response.status}")
                continue
            expect(page.locator("body")).to_be_visible()
            failures.extend(f"[{persona}] {name} {path}: {violation}" for violation in _violations(page))
        browser.close()
    print(f"axe-core checked {len(pages)} pages in {time.monotonic() - started:.0f} s")
    assert len(pages) >= 100, "the pages read from the URL resolver shrank: the walk lost its way"
    assert failures == []
