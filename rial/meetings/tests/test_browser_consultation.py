"""A consulted authority's journey in a real browser: read the consultation, approve, see the answer."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect, sync_playwright

from conftest import login
from rial.directory.models import Institution
from rial.directory.tests.factories import user_with_position
from rial.meetings.models import Consultation


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_focal_point_approves_a_work_plan_by_electronic_consultation(live_server, chromium_path):
    chile = Institution.objects.get(slug="ministry-cl")
    focal = user_with_position("browser-focal-cl", chile, focal_point=True)
    consultation = Consultation.objects.create(
        title="Work Plan 2026-2027", description="Do you approve the work plan?",
        deadline=timezone.now() + datetime.timedelta(days=7))
    consultation.consulted.set([chile])
    session = login(Client(), focal).cookies["sessionid"].value
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, headless=True)
        context = browser.new_context(viewport={"width": 390, "height": 844})  # a phone
        context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
        page = context.new_page()
        page.goto(f"{live_server.url}/en/consultations/")
        page.get_by_role("link", name="Work Plan 2026-2027").click()
        expect(page.get_by_role("heading", name="Work Plan 2026-2027")).to_be_visible()
        expect(page.get_by_role("cell", name="No answer yet")).to_be_visible()
        page.get_by_label("Approve").check()
        page.get_by_role("button", name="Send the answer").click()
        expect(page.get_by_text("Your answer was recorded.")).to_be_visible()
        expect(page.get_by_role("cell", name="Approve", exact=True)).to_be_visible()
        browser.close()
    assert consultation.answers.get().answer == "approve"
