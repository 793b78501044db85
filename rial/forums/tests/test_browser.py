"""An official's journey on a phone: open a thread, quote a post, publish the reply; nothing wider than the screen."""

import pytest
from django.test import Client
from playwright.sync_api import expect, sync_playwright

from conftest import login
from rial.directory.models import Institution
from rial.directory.tests.factories import user_with_position
from rial.forums.tests.factories import make_forum, make_thread


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_official_quotes_a_post_and_replies_on_a_phone(live_server, chromium_path):
    chile = user_with_position("browser-focal-cl", Institution.objects.get(slug="ministry-cl"), focal_point=True)
    colombia = user_with_position("browser-member-co", Institution.objects.get(slug="ministry-co"))
    forum = make_forum(title="Labor inspection")
    make_thread(forum, chile, title="Delivery apps",
                body="We visit hubs.\n\n| a very long table header | another long header | a third one |\n"
                     "|---|---|---|\n| 1 | 2 | 3 |\n\n" + "unbreakable" * 30)
    session = login(Client(), colombia).cookies["sessionid"].value
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, headless=True)
        context = browser.new_context(viewport={"width": 390, "height": 844})  # a phone
        context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
        page = context.new_page()
        page.goto(f"{live_server.url}/en/forum/")
        page.get_by_role("link", name="Labor inspection").click()
        page.get_by_role("link", name="Delivery apps").click()
        expect(page.get_by_role("heading", name="Delivery apps", level=1)).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.get_by_role("link", name="Quote #1").click()
        body = page.get_by_label("Your post")
        expect(body).to_have_value("> browser-focal-cl wrote:\n>\n> We visit hubs.\n>\n"
                                   "> | a very long table header | another long header | a third one |\n"
                                   "> |---|---|---|\n> | 1 | 2 | 3 |\n>\n> " + "unbreakable" * 30 + "\n\n")
        body.press("End")
        body.type("So do we, every month.")
        page.get_by_role("button", name="Publish the reply").click()
        expect(page.get_by_text("Your reply was published.")).to_be_visible()
        expect(page.locator("#post-2 blockquote")).to_contain_text("We visit hubs.")
        expect(page.locator("#post-2")).to_contain_text("So do we, every month.")
        expect(page.locator("#post-2")).to_contain_text("in reply to #1 by browser-focal-cl")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        browser.close()
