"""Published meetings in the one search box (see rial/search/documents.py)."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from rial.meetings.models import Conclusion, Meeting
from rial.search.documents import SearchDocument

SEARCH_KINDS = {"meeting": _("Meetings")}
SEARCH_MODELS = [Meeting]
# A meeting's entry reads its conclusions (recorded after it took place) and its topics.
SEARCH_RELATED = {
    Conclusion: lambda conclusion: [conclusion.meeting],
    Meeting.topics.through: lambda link: [link.meeting],
}


def _queryset():
    return Meeting.objects.published().select_related("country").prefetch_related("topics", "conclusions")


def _english_url(meeting: Meeting) -> str:
    with translation.override("en"):
        return meeting.get_absolute_url()


def search_document(meeting: Meeting) -> SearchDocument | None:
    if not meeting.is_published or meeting.is_archived:
        return None
    body = "\n".join(part for part in (
        meeting.get_kind_display(), meeting.place, meeting.objectives, meeting.agenda, meeting.notes,
        *(conclusion.text for conclusion in meeting.conclusions.all()),
    ) if part)
    translations = {"es": (meeting.title_es, body)} if meeting.title_es else {}
    return SearchDocument(
        kind="meeting", key=str(meeting.pk), url=_english_url(meeting),
        language="en", title=meeting.title_en or meeting.title, body=body, translations=translations,
        countries=(meeting.country.iso2,) if meeting.country_id else (),
        topics=tuple(topic.slug for topic in meeting.topics.all()), year=meeting.start_date.year,
    )


def search_documents():
    yield from _documents(_queryset())


def search_documents_mentioning(*, topic=None, country=None):
    """Published meetings of ``topic`` (its labels are indexed with them); their text names no country."""
    if topic is not None:
        yield from _documents(_queryset().filter(topics=topic))


def _documents(meetings):
    for meeting in meetings.iterator(chunk_size=500):
        document = search_document(meeting)
        if document:
            yield document
