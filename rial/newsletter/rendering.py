"""An issue as a reader sees it: the edition in one language, and the email built from it.

The edition (texts, sections, absolute links) is built once per language and reused for every recipient;
each email is then rendered by ``rial.core.emails.render_email`` in the recipient's language with their own
unsubscribe link, and its HTML part gets its CSS inlined by css-inline (mail programs drop ``<style>``
blocks). The HTML loads nothing from the network: no images, no remote stylesheets, so it reads the same
with images off.
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import css_inline
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import EmailAlternative
from django.urls import reverse
from django.utils import formats, timezone, translation

from rial.core.emails import Recipient, absolute_url, render_email
from rial.newsletter import tokens
from rial.newsletter.models import Issue, IssueItem, Section, Subscriber

TEMPLATE = "newsletter/email/issue"
# Remote stylesheets off: an email must not make the sender (or the reader) fetch anything.
INLINER = css_inline.CSSInliner(keep_style_tags=False, keep_link_tags=False, load_remote_stylesheets=False)


@dataclass(frozen=True)
class EditionItem:
    title: str
    summary: str
    url: str
    date: str


@dataclass(frozen=True)
class EditionSection:
    key: str
    label: str
    items: list[EditionItem]


@dataclass(frozen=True)
class Edition:
    number: int
    language: str
    title: str
    introduction: list[str]
    date: str
    sections: list[EditionSection] = field(default_factory=list)
    web_url: str = ""
    archive_url: str = ""


def _url(link: str) -> str:
    return absolute_url(link) if link else ""


def edition(issue: Issue, language: str, items: list[IssueItem] | None = None) -> Edition:
    """The issue's edition in ``language`` (the issue's own choice: English when that one is not written)."""
    language = issue.edition_language(language)
    items = list(issue.items.all()) if items is None else items
    with translation.override(language):
        sections = []
        for key, label in Section.choices:
            entries = [EditionItem(title=item.title, summary=item.summary, url=_url(item.link),
                                   date=formats.date_format(item.date, "DATE_FORMAT") if item.date else "")
                       for item in items if item.section == key]
            if entries:
                sections.append(EditionSection(key=key, label=str(label), items=entries))
        day = timezone.localdate(issue.sent_at) if issue.sent_at else timezone.localdate()
        return Edition(
            number=issue.number, language=language, title=issue.title,
            introduction=[part.strip() for part in issue.introduction.split("\n\n") if part.strip()],
            date=formats.date_format(day, "DATE_FORMAT"), sections=sections,
            web_url=absolute_url(issue.get_absolute_url()), archive_url=absolute_url(reverse("newsletter:archive")))


def unsubscribe_url(subscriber: Subscriber, language: str) -> str:
    token = tokens.unsubscribe_token(subscriber_id=subscriber.pk, email=subscriber.email)
    with translation.override(language):
        return absolute_url(reverse("newsletter:unsubscribe", kwargs={"subscriber": subscriber.pk, "token": token}))


def list_headers(*, unsubscribe: str, message_id: str = "") -> dict[str, str]:
    """RFC 2369 / RFC 8058 headers: mail programs show an unsubscribe button that POSTs to ``unsubscribe``."""
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    headers = {"List-Id": f"RIAL newsletter <newsletter.{host}>",
               "List-Unsubscribe": f"<{unsubscribe}>",
               "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    if message_id:
        headers["Message-ID"] = message_id
    return headers


def message_id(*, issue_id: int, delivery_id: int) -> str:
    """The same for every attempt at one delivery, so a bounce report names the delivery it is about."""
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"<newsletter.{issue_id}.{delivery_id}@{host}>"


def issue_message(*, edition: Edition, recipient: Recipient, unsubscribe: str, headers: dict[str, str] | None = None,
                  is_test: bool = False) -> EmailMultiAlternatives:
    """The email of ``edition`` for ``recipient``: plain text and HTML with its CSS inlined."""
    message = render_email(template=TEMPLATE, recipient=recipient, headers=headers,
                           context={"edition": edition, "unsubscribe_url": unsubscribe, "is_test": is_test})
    message.alternatives = [EmailAlternative(INLINER.inline(content), mimetype) if mimetype == "text/html"
                            else EmailAlternative(content, mimetype) for content, mimetype in message.alternatives]
    return message
