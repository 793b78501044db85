"""Published meetings in the one search box (contract: rial.core.searchable)."""

from django.utils.translation import gettext_lazy as _

from rial.core.searchable import SearchDocument, SearchSource, path_of, register
from rial.meetings.models import Conclusion, Meeting


def _queryset():
    return Meeting.objects.published().select_related("country").prefetch_related("topics", "conclusions")


@register
class MeetingSource(SearchSource):
    kinds = {"meeting": _("Meetings")}
    models = [Meeting]
    # A meeting's entry reads its conclusions (recorded after it took place) and its topics.
    related = {
        Conclusion: lambda conclusion: [conclusion.meeting],
        Meeting.topics.through: lambda link: [link.meeting],
    }

    def document(self, meeting: Meeting) -> SearchDocument | None:
        if not meeting.is_published or meeting.is_archived:
            return None
        body = "\n".join(part for part in (
            meeting.get_kind_display(), meeting.place, meeting.objectives, meeting.agenda, meeting.notes,
            *(conclusion.text for conclusion in meeting.conclusions.all()),
        ) if part)
        translations = {"es": (meeting.title_es, body)} if meeting.title_es else {}
        return SearchDocument(
            kind="meeting", key=str(meeting.pk), url=path_of(meeting),
            language="en", title=meeting.title_en or meeting.title, body=body, translations=translations,
            countries=(meeting.country.iso2,) if meeting.country_id else (),
            topics=tuple(topic.slug for topic in meeting.topics.all()), year=meeting.start_date.year,
        )

    def documents(self):
        yield from self._documents(_queryset())

    def documents_mentioning(self, *, topic=None, country=None):
        """Published meetings of ``topic`` (its labels are indexed with them); their text names no country."""
        if topic is not None:
            yield from self._documents(_queryset().filter(topics=topic))

    def _documents(self, meetings):
        for meeting in meetings.iterator(chunk_size=500):
            document = self.document(meeting)
            if document:
                yield document
