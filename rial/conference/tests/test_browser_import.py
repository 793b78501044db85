"""The Secretariat's most important journey, in a real browser: upload a plan, see first what needs a
correction (the working group with a placeholder vice-chair opens, the others stay folded), correct it,
save, and read the plan page with its mandates."""

import pytest
from django.test import Client
from playwright.sync_api import expect, sync_playwright

from conftest import login
from rial.conference.importer.tests.samples import ENGLISH_PLAN


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_upload_correct_and_save_a_plan(live_server, secretariat, chromium_path, tmp_path):
    session = login(Client(), secretariat).cookies["sessionid"].value
    path = tmp_path / "plan.txt"
    path.write_text(ENGLISH_PLAN, encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, headless=True)
        context = browser.new_context()
        context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
        page = context.new_page()
        page.goto(f"{live_server.url}/conference/import/")
        page.get_by_label("Plan of Action").set_input_files(str(path))
        page.get_by_role("button", name="Read the plan").click()

        expect(page.get_by_role("heading", name="Check the plan before saving")).to_be_visible()
        expect(page.get_by_role("heading", name="To check first")).to_be_visible()
        # Working Group 1 needs nothing: folded. Working Group 2 has a placeholder vice-chair: open.
        expect(page.locator("#id_wg1_title")).to_be_hidden()
        expect(page.locator("#id_wg2_vice1")).to_be_visible()
        page.locator("#id_wg2_vice1").select_option("Chile")
        page.get_by_text("Working Group 1: Skills and jobs for a changing economy").click()
        expect(page.locator("#id_wg1_title")).to_have_value("Skills and jobs for a changing economy")
        page.get_by_role("button", name="Save the plan").click()

        expect(page.get_by_role("heading", name="PLAN OF ACTION OF BRIDGETOWN")).to_be_visible()
        expect(page.get_by_text("The plan was saved")).to_be_visible()
        expect(page.get_by_text("Map training programs that prepare workers for new sectors.")).to_be_visible()
        page.get_by_role("link", name="Working Group 2 of the XXX IACML").click()
        expect(page.get_by_text("Chile, Uruguay").or_(page.get_by_text("Uruguay, Chile"))).to_be_visible()
        browser.close()
