"""The desks in a real browser: the Secretariat's (what waits for review) and a focal point's, who logs in,
lands on their desk on a phone, sees the unread notification and opens the program it is about."""

import datetime
import os

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect, sync_playwright

from conftest import login
from rial.conference.tests import factories as conference_factories
from rial.core.tests.a11y import accessibility_problems
from rial.directory.demo import ministry_slug
from rial.directory.models import Institution
from rial.meetings.models import Consultation
from rial.meetings.services.consultation import consultation_open
from rial.portfolio import services
from rial.portfolio.models import Program
from rial.portfolio.tests.factories import ProgramFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def test_the_secretariat_and_a_focal_point_work_from_their_desks(live_server, chromium_path, secretariat, focal_cl):
    chile = Institution.objects.get(slug=ministry_slug("CL"))
    submitted = ProgramFactory(name_en="Apprenticeship bridge", status=Program.Status.DRAFT)
    services.program_submit(program=submitted, user=focal_cl)
    ProgramFactory(name_en="Rural inspection draft", status=Program.Status.DRAFT)
    mandate = conference_factories.mandate(conference_factories.plan(), text="Map labor inspection practices",
                                           due_date=timezone.localdate() - datetime.timedelta(days=10))
    mandate.responsible_institutions.add(chile)
    consultation_open(consultation=Consultation(title="Work Plan 2026-2027", description="Approve?",
                                                deadline=timezone.now() + datetime.timedelta(days=2)),
                      consulted=[chile], user=secretariat)
    session = login(Client(), secretariat).cookies["sessionid"].value

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, headless=True)
        context = browser.new_context()
        context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
        page = context.new_page()
        page.goto(f"{live_server.url}/en/")
        page.get_by_role("link", name="Your desk").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Your desk")
        expect(page.get_by_role("heading", name="Programs to review")).to_be_visible()
        expect(page.get_by_role("heading", name="Overdue mandates")).to_be_visible()
        expect(page.get_by_role("link", name="Map labor inspection practices")).to_be_visible()
        expect(page.get_by_role("heading", name="Consultations closing within a week")).to_be_visible()
        expect(page.get_by_text("0 of 1 answered")).to_be_visible()
        # The Secretariat heard of the submission: the header counts it, the desk lists it.
        expect(page.locator(".badge-count")).to_contain_text("1")
        page.get_by_role("link", name="Apprenticeship bridge").first.click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Apprenticeship bridge")
        page.get_by_label("Comments for the focal point").fill("Add the budget, please.")
        page.get_by_role("button", name="Return with comments").click()
        expect(page.get_by_role("status")).to_be_visible()
        context.close()

        # The focal point logs in on a phone and lands on their desk.
        phone = browser.new_context(viewport={"width": 390, "height": 844})
        page = phone.new_page()
        page.goto(f"{live_server.url}/en/accounts/login/")
        page.get_by_label("Username").fill("focal-cl")
        page.get_by_label("Password").fill("a-good-test-password")
        page.get_by_role("button", name="Log in").click()
        expect(page).to_have_url(f"{live_server.url}/en/desk/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Your desk")
        expect(page.get_by_role("heading", name="Unread notifications")).to_be_visible()
        expect(page.get_by_role("heading", name="Returned to your ministry with comments")).to_be_visible()
        expect(page.get_by_role("heading", name="Drafts of your ministry")).to_be_visible()
        expect(page.get_by_role("link", name="Rural inspection draft")).to_be_visible()
        expect(page.get_by_role("heading", name="Mandates your ministry is responsible for")).to_be_visible()
        expect(page.locator(".badge-overdue").first).to_have_text("Overdue")
        expect(page.get_by_role("heading", name="Consultations to answer")).to_be_visible()
        expect(page.get_by_role("link", name="Work Plan 2026-2027", exact=True)).to_be_visible()
        assert page.evaluate(OVERFLOW) <= 0  # nothing wider than the phone
        assert accessibility_problems(page.content()) == []
        expect(page.locator(".badge-count")).to_contain_text("2")  # the consultation and the returned program

        # The notification list: open the one about the returned program; it is then read.
        page.get_by_role("link", name="Notifications 2 unread").click()
        expect(page.get_by_role("heading", name="Program returned with comments: Apprenticeship bridge")).to_be_visible()
        assert accessibility_problems(page.content()) == []
        page.get_by_role("button", name="Open").first.click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Apprenticeship bridge")
        expect(page.locator(".badge-count")).to_contain_text("1")  # the consultation is still unread
        browser.close()
