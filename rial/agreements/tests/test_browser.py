"""The main journey in a real browser: a worker asks whether two countries are covered."""

import pytest
from playwright.sync_api import expect, sync_playwright


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_worker_looks_up_coverage_and_follows_the_matrix(live_server, chromium_path):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path)
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.goto(f"{live_server.url}/en/agreements/coverage/")
        page.get_by_label("I worked in").select_option("CL")
        page.get_by_label("and in").select_option("US")
        page.get_by_label("On the date").fill("2024-01-01")
        page.get_by_role("button", name="Look up").click()
        expect(page.get_by_role("heading", name="Yes: Chile and United States are covered on Jan. 1, 2024")).to_be_visible()
        expect(page.get_by_role("link", name="United States – Chile")).to_be_visible()

        page.get_by_label("On the date").fill("2001-11-30")
        page.get_by_role("button", name="Look up").click()
        expect(page.get_by_role("heading", name="No agreement in force in our records between Chile and United States on Nov. 30, 2001")).to_be_visible()
        expect(page.get_by_text("It applies between these two countries only from 2001-12-01.")).to_be_visible()

        page.get_by_role("link", name="Coverage matrix and map").click()
        page.locator("svg.tile-map a").filter(has_text="JM").click()
        tile = page.locator("svg.tile-map a.state-covered").filter(has_text="BB")
        tile.click()
        expect(page.get_by_role("link", name="CARICOM Agreement on Social Security")).to_be_visible()
        browser.close()
