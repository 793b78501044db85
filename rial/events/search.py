"""Published events in the one search box (contract: rial.core.searchable). The meeting behind an event
is found as a meeting too; the event's entry adds what registration pages say (organizers, results)."""

from django.utils.translation import gettext_lazy as _

from rial.core.searchable import SearchDocument, SearchSource, path_of, register
from rial.events.models import Event, Organizer
from rial.meetings.models import Meeting


def _queryset():
    return (Event.objects.published().select_related("meeting__country")
            .prefetch_related("meeting__topics", "organizers__institution"))


@register
class EventSource(SearchSource):
    kinds = {"event": _("Events")}
    models = [Event]
    related = {
        Meeting: lambda meeting: list(Event.objects.filter(meeting=meeting)),
        Organizer: lambda organizer: [organizer.event],
        Meeting.topics.through: lambda link: list(Event.objects.filter(meeting_id=link.meeting_id)),
    }

    def document(self, event: Event) -> SearchDocument | None:
        meeting = event.meeting
        if not meeting.is_published or meeting.is_archived or meeting.kind not in Meeting.EVENT_KINDS:
            return None
        body = "\n".join(part for part in (
            meeting.get_kind_display(), meeting.place, meeting.objectives, event.target_participants,
            *(organizer.institution.name for organizer in event.organizers.all()),
            event.results, event.lessons_learned,
        ) if part)
        translations = {"es": (meeting.title_es, body)} if meeting.title_es else {}
        return SearchDocument(
            kind="event", key=str(event.pk), url=path_of(event), language="en",
            title=meeting.title_en or meeting.title, body=body, translations=translations,
            countries=(meeting.country.iso2,) if meeting.country_id else (),
            topics=tuple(topic.slug for topic in meeting.topics.all()), year=meeting.start_date.year,
        )

    def documents(self):
        for event in _queryset().iterator(chunk_size=500):
            document = self.document(event)
            if document:
                yield document

    def documents_mentioning(self, *, topic=None, country=None):
        if topic is not None:
            for event in _queryset().filter(meeting__topics=topic):
                document = self.document(event)
                if document:
                    yield document
