"""Subscribers and issues for the tests, written the way the services write them."""

from django.utils import timezone

from rial.newsletter import services
from rial.newsletter.models import Issue, IssueItem, Section, Subscriber


def subscriber(email: str, language: str = "en", state: str = Subscriber.State.CONFIRMED, **fields) -> Subscriber:
    return Subscriber.objects.create(email=email.lower(), language=language, state=state,
                                     confirmed_at=timezone.now() if state == Subscriber.State.CONFIRMED else None,
                                     **fields)


def subscribers(count: int, language: str = "en", prefix: str = "reader") -> list[Subscriber]:
    return Subscriber.objects.bulk_create([
        Subscriber(email=f"{prefix}-{number:05d}@example.org", language=language, state=Subscriber.State.CONFIRMED,
                   confirmed_at=timezone.now()) for number in range(count)])


def draft_issue(editor, number: int | None = None, **fields) -> Issue:
    """A draft issue in English and Spanish with one free news item: ready to send."""
    values = {"title_en": "Labor news", "title_es": "Noticias laborales", "introduction_en": "What happened this month.",
              "introduction_es": "Lo que pasó este mes.", **fields}
    issue = services.issue_save(issue=Issue(number=number or services.next_number(), **values), user=editor)
    services.item_save(user=editor, item=IssueItem(
        issue=issue, section=Section.NEWS, title_en="A ministry opens an office",
        title_es="Un ministerio abre una oficina", summary_en="In the capital.", summary_es="En la capital."))
    return issue
