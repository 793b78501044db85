"""The meeting form in a real browser: as many guiding-question rows as needed, and errors both summarised
at the top of the form and next to their fields."""

import os

import pytest
from django.test import Client
from playwright.sync_api import expect, sync_playwright

from conftest import login
from rial.directory.models import Institution
from rial.directory.tests.factories import user_with_position

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def test_the_secretariat_adds_question_rows_and_sees_every_error(live_server, chromium_path):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    secretariat = user_with_position("browser-secretariat", Institution.objects.get(slug="oas-technical-secretariat"))
    TOTPDevice.objects.create(user=secretariat, name="test", confirmed=True)
    session = login(Client(), secretariat).cookies["sessionid"].value
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, headless=True)
        context = browser.new_context()
        context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
        page = context.new_page()
        page.goto(f"{live_server.url}/en/meetings/add/")
        add = page.get_by_role("button", name="Add a row to guiding questions")
        add.click()
        add.click()
        expect(page.locator("textarea[name='questions-2-text']")).to_be_visible()
        page.locator("textarea[name='questions-2-text']").fill("What has your ministry done for rural workers?")
        page.get_by_role("button", name="Save", exact=True).click()

        summary = page.locator("form .error-summary")
        expect(summary).to_contain_text("Title (English): This field is required.")
        expect(summary).to_contain_text("Number: This field is required.")
        # The third row came back with what was typed, its error beside it.
        expect(page.locator("textarea[name='questions-2-text']")).to_have_value(
            "What has your ministry done for rural workers?")
        expect(page.locator("#id_questions-2-number_error")).to_contain_text("This field is required.")
        summary.get_by_role("link", name="Number: This field is required.").click()
        expect(page.locator("#id_questions-2-number")).to_be_focused()
        browser.close()
