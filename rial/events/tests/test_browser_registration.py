"""A person registers for a workshop on a phone, sees the confirmation and the online link; the next one
lands on the waiting list and moves up when the first cancels."""

import pytest
from django.test import Client
from playwright.sync_api import expect, sync_playwright

from conftest import login
from rial.directory.models import Institution
from rial.directory.tests.factories import user_with_position
from rial.events.tests.factories import make_event


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_register_wait_and_move_up_on_a_phone(live_server, chromium_path):
    colombia = user_with_position("browser-member-co", Institution.objects.get(slug="ministry-co"))
    brazil = user_with_position("browser-member-br", Institution.objects.get(slug="ministry-br"))
    event = make_event(title="Hemispheric workshop on inspection", capacity=1,
                       online_link="https://meet.example.org/browser-room")
    event_url = event.get_absolute_url()
    # Sessions are made before Playwright starts: its event loop forbids database calls in this thread.
    sessions = {user.username: login(Client(), user).cookies["sessionid"].value for user in (colombia, brazil)}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, headless=True)

        def phone_for(user):
            context = browser.new_context(viewport={"width": 390, "height": 844})
            context.add_cookies([{"name": "sessionid", "value": sessions[user.username], "url": live_server.url}])
            return context.new_page()

        first = phone_for(colombia)
        first.goto(f"{live_server.url}/en/events/")
        first.get_by_role("link", name="Hemispheric workshop on inspection").click()
        expect(first.get_by_role("heading", name="Hemispheric workshop on inspection", level=1)).to_be_visible()
        expect(first.get_by_text("The online link is shown here to confirmed participants.")).to_be_visible()
        first.get_by_role("button", name="Register").click()
        expect(first.get_by_text("Confirmed").first).to_be_visible()
        expect(first.get_by_role("link", name="https://meet.example.org/browser-room")).to_be_visible()

        second = phone_for(brazil)
        second.goto(f"{live_server.url}{event_url}")
        expect(second.get_by_text("The event is full")).to_be_visible()
        second.get_by_role("button", name="Register").click()
        expect(second.get_by_text("On the waiting list").first).to_be_visible()
        expect(second.get_by_role("link", name="https://meet.example.org/browser-room")).to_have_count(0)

        first.get_by_role("button", name="Cancel this registration").click()
        expect(first.get_by_text("The registration was cancelled.")).to_be_visible()

        second.reload()
        expect(second.get_by_text("Confirmed").first).to_be_visible()
        expect(second.get_by_role("link", name="https://meet.example.org/browser-room")).to_be_visible()
        assert second.evaluate("document.documentElement.scrollWidth") <= 390
        browser.close()
