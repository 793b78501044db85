"""The email itself: plain text and HTML, CSS inlined, nothing loaded from the network, legible without images."""

import re

import pytest

from rial.core.emails import Recipient
from rial.newsletter import rendering
from rial.newsletter.tests.factories import draft_issue

pytestmark = pytest.mark.django_db


def _message(issue, language="en"):
    edition = rendering.edition(issue, language)
    return rendering.issue_message(edition=edition, recipient=Recipient(email="ana@example.org", language=language),
                                   unsubscribe="https://rial.example.org/en/newsletter/unsubscribe/1/abc/")


def test_it_has_a_plain_text_part_and_an_html_part_with_the_same_content(secretariat):
    message = _message(draft_issue(secretariat))
    assert "A ministry opens an office" in message.body and "News from the ministries" in message.body
    assert "https://rial.example.org/en/newsletter/unsubscribe/1/abc/" in message.body
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    assert "A ministry opens an office" in html and 'lang="en"' in html


def test_the_css_is_inlined_and_nothing_is_fetched_from_the_network(secretariat):
    html = _message(draft_issue(secretariat)).alternatives[0].content
    assert "<style" not in html and "<link" not in html
    assert re.search(r'<h1 style="[^"]*color: *#0b3a66', html)
    assert "<img" not in html and "url(" not in html and "@import" not in html
    assert not re.search(r'src="https?://', html)


def test_without_images_every_part_is_still_text(secretariat):
    html = _message(draft_issue(secretariat)).alternatives[0].content
    assert "Newsletter No." in html and "Unsubscribe" in html  # masthead and footer are words, not pictures


def test_an_edition_in_spanish_is_in_spanish_throughout(secretariat):
    message = _message(draft_issue(secretariat), "es")
    assert message.subject.startswith("Boletín de la RIAL n.º")
    assert "Noticias de los ministerios" in message.body and "Un ministerio abre una oficina" in message.body
    assert 'lang="es"' in message.alternatives[0].content
