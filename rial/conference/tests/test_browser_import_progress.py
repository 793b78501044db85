"""In a real browser under the production security policy: the page of an upload being read reloads
itself (no script) and turns into the preview once the background task has read the plan."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.test import Client
from playwright.sync_api import expect, sync_playwright

from conftest import login
from rial.conference.importer.tests.samples import ENGLISH_PLAN
from rial.conference.models import PlanUpload
from rial.conference.tasks import parse_plan_upload


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_progress_page_follows_the_reading_to_the_preview(live_server, secretariat, chromium_path,
                                                             tmp_path, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}  # queued, not run
    session = login(Client(), secretariat).cookies["sessionid"].value
    path = tmp_path / "plan.txt"
    path.write_text(ENGLISH_PLAN, encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, headless=True)
        context = browser.new_context()
        context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
        page = context.new_page()
        violations = []
        page.on("console", lambda message: violations.append(message.text)
                if "Content Security Policy" in message.text else None)
        page.goto(f"{live_server.url}/conference/import/")
        page.get_by_label("Plan of Action").set_input_files(str(path))
        page.get_by_role("button", name="Read the plan").click()

        expect(page.get_by_role("heading", name="Reading the plan")).to_be_visible()
        expect(page.get_by_role("status")).to_contain_text("is waiting to be read")
        # What the worker does, from another thread (Playwright's loop runs in this one).
        with ThreadPoolExecutor(1) as worker:
            worker.submit(lambda: parse_plan_upload.call(PlanUpload.objects.get().pk)).result()
        # No click: the page reloads itself and shows the preview.
        expect(page.get_by_role("heading", name="Check the plan before saving")).to_be_visible(timeout=15000)
        assert violations == []
        browser.close()
