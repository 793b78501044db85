"""A focal point reports a missing agreement on a phone; the Secretariat accepts it; the lookup then says yes."""

import pytest
from django.test import Client
from playwright.sync_api import expect, sync_playwright

from conftest import login
from rial.directory.models import Institution
from rial.directory.tests.factories import user_with_position


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_missing_agreement_is_proposed_accepted_and_found(live_server, chromium_path, secretariat):
    focal = user_with_position("browser-focal-cl", Institution.objects.get(slug="ministry-cl"), focal_point=True)
    focal_session = login(Client(), focal).cookies["sessionid"].value
    secretariat_session = login(Client(), secretariat).cookies["sessionid"].value
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, headless=True)
        context = browser.new_context(viewport={"width": 390, "height": 844})
        context.add_cookies([{"name": "sessionid", "value": focal_session, "url": live_server.url}])
        page = context.new_page()
        page.goto(f"{live_server.url}/en/agreements/coverage/?a=CL&b=HT&on=2024-01-01")
        expect(page.get_by_role("heading", name="No agreement in force in our records between Chile and Haiti")).to_be_visible()
        page.get_by_role("link", name="Propose it with its source").click()
        page.get_by_label("Agreement missing from the records").check()
        page.get_by_label("Other country of the missing agreement").select_option("HT")
        page.get_by_label("In force since").fill("2010-01-01")
        page.get_by_label("What should change, or what the agreement covers").fill("Old-age pensions.")
        page.locator("#id_source").fill("Diario Oficial, decreto 1")
        page.get_by_role("button", name="Send for review").click()
        expect(page.get_by_text("Your proposal was sent to the Technical Secretariat for review.")).to_be_visible()
        proposal_url = page.url
        assert page.evaluate("document.documentElement.scrollWidth") <= 390

        reviewer = browser.new_context(viewport={"width": 390, "height": 844})
        reviewer.add_cookies([{"name": "sessionid", "value": secretariat_session, "url": live_server.url}])
        review = reviewer.new_page()
        review.goto(proposal_url)
        review.get_by_label("Comment for the focal point").fill("Checked in the gazette.")
        review.get_by_role("button", name="Accept").click()
        expect(review.get_by_text("Done: the proposal is now “Accepted”.")).to_be_visible()

        page.goto(f"{live_server.url}/en/agreements/coverage/?a=CL&b=HT&on=2024-01-01")
        expect(page.get_by_role("heading", name="Yes: Chile and Haiti are covered on Jan. 1, 2024")).to_be_visible()
        browser.close()
