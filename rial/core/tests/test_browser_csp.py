"""The pages work under their Content-Security-Policy: Chromium reports no violation (an inline script,
style or event handler that the policy blocks would show here) on the pages with the most machinery."""

import os

import pytest
from playwright.sync_api import expect, sync_playwright

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PAGES = ["/en/", "/es/programs/", "/en/agreements/matrix/", "/en/cooperation/network/", "/en/search/?q=trabajo",
         "/en/accounts/login/", "/admin/login/", "/api/v1/docs"]


def test_no_page_breaks_its_content_security_policy(live_server, chromium_path):
    violations: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, headless=True)
        page = browser.new_page()
        page.on("console", lambda message: violations.append(f"{page.url}: {message.text}")
                if "Content Security Policy" in message.text else None)
        for path in PAGES:
            page.goto(live_server.url + path)
            expect(page.locator("body")).to_be_visible()
        page.goto(live_server.url + "/api/v1/docs")
        expect(page.locator(".swagger-ui").first).to_be_visible()  # the API docs' scripts ran
        browser.close()
    assert violations == []
