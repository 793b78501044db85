"""Composing: records of the other apps picked with their texts in every language, ordered, edited, removed."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from rial.directory.models import Country
from rial.library.models import Document
from rial.meetings.models import Meeting
from rial.newsletter import services
from rial.newsletter.models import Issue, IssueItem, Section
from rial.newsletter.sources import SOURCES
from rial.newsletter.tests.factories import draft_issue, subscriber

pytestmark = pytest.mark.django_db


def _meeting(**fields) -> Meeting:
    values = {"title_en": "Workshop on inspection", "title_es": "Taller sobre inspección", "kind": Meeting.Kind.WORKSHOP,
              "start_date": timezone.localdate() + datetime.timedelta(days=20), "city": "Lima",
              "country": Country.objects.get(iso2="PE"), "is_published": True}
    return Meeting.objects.create(**{**values, **fields})


def _document(**fields) -> Document:
    values = {"title_en": "Study on telework", "title_es": "Estudio sobre teletrabajo", "summary_en": "Findings.",
              "date": timezone.localdate(), "status": Document.Status.PUBLISHED}
    return Document.objects.create(**{**values, **fields})


def test_a_picked_record_brings_its_texts_and_link_in_every_language(secretariat):
    issue = draft_issue(secretariat)
    meeting = _meeting()
    item = services.item_add(issue=issue, user=secretariat, source="meetings.ahead", object_id=meeting.pk)
    assert item.section == Section.EVENTS and item.date == meeting.start_date
    assert (item.title_en, item.title_es) == ("Workshop on inspection", "Taller sobre inspección")
    assert (item.link_en, item.link_es) == (f"/en/meetings/{meeting.pk}/", f"/es/meetings/{meeting.pk}/")
    assert "Lima" in item.summary_es and "Perú" in item.summary_es


def test_the_editor_is_offered_recent_public_records_only(secretariat_client, secretariat):
    issue = draft_issue(secretariat)
    _meeting(title_en="Upcoming workshop")
    _meeting(title_en="Unpublished workshop", is_published=False)
    _document(title_en="New study")
    _document(title_en="Draft study", status=Document.Status.DRAFT)
    page = secretariat_client.get(reverse("newsletter:compose", kwargs={"number": issue.number})).content.decode()
    assert "Upcoming workshop" in page and "New study" in page
    assert "Unpublished workshop" not in page and "Draft study" not in page


@pytest.mark.parametrize("source", ["meetings.ahead", "library.document", "nonsense"])
def test_a_record_that_is_not_public_cannot_be_added(secretariat, source):
    issue = draft_issue(secretariat)
    hidden = (_meeting(is_published=False) if source == "meetings.ahead"
              else _document(status=Document.Status.DRAFT))
    with pytest.raises(ValidationError, match="not public"):
        services.item_add(issue=issue, user=secretariat, source=source, object_id=hidden.pk)
    assert issue.items.count() == 1


def test_a_record_is_added_once(secretariat_client, secretariat):
    issue = draft_issue(secretariat)
    document = _document()
    url = reverse("newsletter:item_add", kwargs={"number": issue.number})
    secretariat_client.post(url, {"source": "library.document", "object_id": document.pk})
    response = secretariat_client.post(url, {"source": "library.document", "object_id": document.pk}, follow=True)
    assert "This record is in the issue already." in response.content.decode()
    assert issue.items.filter(source="library.document").count() == 1


def test_items_move_up_and_down_within_their_section(secretariat):
    issue = draft_issue(secretariat)
    first = issue.items.get()
    second = services.item_save(user=secretariat, item=IssueItem(issue=issue, section=Section.NEWS, title_en="Second"))
    services.item_move(item=second, user=secretariat, up=True)
    assert list(issue.items.order_by("position").values_list("title_en", flat=True)) == [
        "Second", first.title_en]


def test_a_sent_issue_cannot_be_changed(secretariat, django_capture_on_commit_callbacks):
    subscriber("reader@example.org")
    issue = draft_issue(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        services.issue_send(issue=issue, user=secretariat, audience="all")
    issue = Issue.objects.get(pk=issue.pk)
    with pytest.raises(ValidationError, match="no longer a draft"):
        services.item_remove(item=issue.items.get(), user=secretariat)
    with pytest.raises(ValidationError, match="no longer a draft"):
        services.item_add(issue=issue, user=secretariat, source="library.document", object_id=_document().pk)


def test_free_text_goes_only_in_the_free_sections(secretariat):
    issue = draft_issue(secretariat)
    with pytest.raises(ValidationError):
        services.item_save(user=secretariat, item=IssueItem(issue=issue, section=Section.EVENTS, title_en="Made up"))


def test_a_link_must_be_https_or_a_page_of_the_platform(secretariat_client, secretariat):
    issue = draft_issue(secretariat)
    url = reverse("newsletter:item_new", kwargs={"number": issue.number})
    response = secretariat_client.post(url, {"section": "links", "title_en": "A site", "link_en": "javascript:alert(1)"})
    assert "A link starts with https://" in response.content.decode()
    assert not issue.items.filter(section=Section.LINKS).exists()
    secretariat_client.post(url, {"section": "links", "title_en": "A site", "link_en": "https://www.ilo.org/"})
    assert issue.items.filter(section=Section.LINKS).get().link_en == "https://www.ilo.org/"


def test_only_the_secretariat_composes(focal_cl, secretariat):
    issue = draft_issue(secretariat)
    with pytest.raises(PermissionDenied):
        services.item_add(issue=issue, user=focal_cl, source="library.document", object_id=_document().pk)
    with pytest.raises(PermissionDenied):
        services.issue_save(issue=Issue(number=99, title_en="x", title_es="x"), user=focal_cl)


def test_every_source_offers_candidates_with_a_constant_number_of_queries(secretariat, django_assert_max_num_queries):
    since = timezone.localdate() - datetime.timedelta(days=30)
    for number in range(3):
        _meeting(title_en=f"Workshop {number}")
        _document(title_en=f"Study {number}")
    with django_assert_max_num_queries(2 * len(SOURCES)):
        for source in SOURCES.values():
            source.candidates(since)


@pytest.mark.parametrize("since", ["2026-02-31", "nonsense", "9" * 500, ""])
def test_a_bad_date_on_the_compose_page_falls_back_to_the_default(secretariat_client, secretariat, since):
    issue = draft_issue(secretariat)
    response = secretariat_client.get(reverse("newsletter:compose", kwargs={"number": issue.number}), {"since": since})
    assert response.status_code == 200
