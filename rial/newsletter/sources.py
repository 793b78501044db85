"""Where an issue's items come from: the records other apps already publish.

Each source reads one app through its public querysets (``published()``, ``public()``) and offers the
editor recent records as candidates; when one is picked, its title, a short text and its link are copied
in every language (``texts``). A new kind of record is one more ``Source`` subclass in ``SOURCES``. Events
(workshops, webinars…) are meetings of other kinds, so the two meeting sources offer them as they appear;
``RegistrationOpen`` offers those taking registrations, linked to the event's page.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils import formats, timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rial.cooperation.models import Activity, Call, Proposal
from rial.core.languages import LANGUAGE_CODES
from rial.events.models import Event
from rial.library.models import Document
from rial.meetings.models import Meeting
from rial.newsletter.models import Section
from rial.portfolio.models import Program

SUMMARY_WORDS = 60
CANDIDATES_PER_SOURCE = 12


@dataclass(frozen=True)
class Candidate:
    """A record the editor may add, in the current language."""

    source: str
    object_id: int
    title: str
    date: datetime.date | None


@dataclass(frozen=True)
class ItemText:
    title: str
    summary: str
    link: str


@dataclass(frozen=True)
class Picked:
    """A record's texts in every language, ready to be copied into an issue item."""

    section: str
    date: datetime.date | None
    texts: dict[str, ItemText]


def _date(value: datetime.date | None) -> str:
    return formats.date_format(value, "DATE_FORMAT") if value else ""


def _short(text: str) -> str:
    return Truncator(" ".join((text or "").split())).words(SUMMARY_WORDS)


class Source:
    key: str = ""
    section: str = ""
    label = ""

    def records(self, since: datetime.date):
        """The public records worth announcing since ``since`` (a queryset, newest or soonest first)."""
        raise NotImplementedError

    def record(self, object_id: int):
        """The public record ``object_id``, or None when it is not (or no longer) public."""
        raise NotImplementedError

    def date_of(self, obj) -> datetime.date | None:
        raise NotImplementedError

    def title(self, obj) -> str:
        """The item's title in the active language (no query: the editor's list shows many)."""
        raise NotImplementedError

    def summary(self, obj) -> str:
        """The item's short text in the active language."""
        raise NotImplementedError

    def text(self, obj) -> ItemText:
        return ItemText(title=self.title(obj), summary=self.summary(obj), link=obj.get_absolute_url())

    def candidates(self, since: datetime.date) -> list[Candidate]:
        return [Candidate(source=self.key, object_id=obj.pk, title=self.title(obj), date=self.date_of(obj))
                for obj in self.records(since)[:CANDIDATES_PER_SOURCE]]

    def pick(self, object_id: int) -> Picked | None:
        obj = self.record(object_id)
        if obj is None:
            return None
        texts = {}
        for language in LANGUAGE_CODES:
            with translation.override(language):
                texts[language] = self.text(obj)
        return Picked(section=self.section, date=self.date_of(obj), texts=texts)


class CallsOpened(Source):
    key = "cooperation.call"
    section = Section.COOPERATION
    label = gettext_lazy("Calls for proposals open")

    def records(self, since):
        return Call.objects.public().filter(state=Call.State.OPEN).order_by("-number")

    def record(self, object_id):
        return Call.objects.public().filter(pk=object_id).first()

    def date_of(self, call):
        return call.opens_on

    def title(self, call):
        return _("The %(call)s is open") % {"call": call}

    def summary(self, call):
        if call.closes_on:
            return (_("Ministries of labor may submit proposals for bilateral cooperation until %(date)s.")
                    % {"date": _date(call.closes_on)})
        return _("Ministries of labor may submit proposals for bilateral cooperation.")


class CallResults(Source):
    key = "cooperation.results"
    section = Section.COOPERATION
    label = gettext_lazy("Results of calls")

    def records(self, since):
        return Call.objects.public().filter(state=Call.State.PUBLISHED, year__gte=since.year - 1).order_by("-number")

    def record(self, object_id):
        return Call.objects.public().filter(pk=object_id, state=Call.State.PUBLISHED).first()

    def date_of(self, call):
        return call.closes_on

    def title(self, call):
        return _("Results of the %(call)s") % {"call": call}

    def summary(self, call):
        selected = (Proposal.objects.published().filter(call=call)
                    .select_related("requesting__country", "providing__country").order_by("rank", "pk"))
        pairs = [_("%(requesting)s learns from %(providing)s: %(title)s.") % {
            "requesting": proposal.requesting.country, "providing": proposal.providing.country,
            "title": proposal.title} for proposal in selected]
        return " ".join(pairs) or _("The selected proposals are published.")


class CooperationActivities(Source):
    key = "cooperation.activity"
    section = Section.COOPERATION
    label = gettext_lazy("Cooperation activities carried out")

    def records(self, since):
        return (Activity.objects.public().completed().filter(ends_on__gte=since)
                .select_related("first_party__country", "second_party__country").order_by("-ends_on"))

    def record(self, object_id):
        return (Activity.objects.public().completed().select_related("first_party__country", "second_party__country")
                .filter(pk=object_id).first())

    def date_of(self, activity):
        return activity.ends_on or activity.starts_on

    def title(self, activity):
        return activity.title

    def summary(self, activity):
        return _("%(first)s and %(second)s, %(dates)s.") % {
            "first": activity.first_party.country, "second": activity.second_party.country,
            "dates": " – ".join(_date(day) for day in (activity.starts_on, activity.ends_on) if day)}


class NewPrograms(Source):
    key = "portfolio.program"
    section = Section.PROGRAMS
    label = gettext_lazy("New programs")

    def records(self, since):
        return (Program.objects.published().filter(created_at__date__gte=since)
                .select_related("ministry__country").order_by("-created_at"))

    def record(self, object_id):
        return Program.objects.published().select_related("ministry__country").filter(pk=object_id).first()

    def date_of(self, program):
        return timezone.localdate(program.created_at)

    def title(self, program):
        return program.name

    def summary(self, program):
        return _("%(country)s: %(summary)s") % {"country": program.ministry.country, "summary": _short(program.summary)}


class EventsAhead(Source):
    key = "meetings.ahead"
    section = Section.EVENTS
    label = gettext_lazy("Events ahead")

    def records(self, since):
        return (Meeting.objects.published().filter(start_date__gte=timezone.localdate())
                .select_related("country").order_by("start_date"))

    def record(self, object_id):
        return Meeting.objects.published().select_related("country").filter(pk=object_id).first()

    def date_of(self, meeting):
        return meeting.start_date

    def title(self, meeting):
        return meeting.title

    def summary(self, meeting):
        # The first day is the item's date; the summary adds the last day of a longer event and the place.
        parts = []
        if meeting.end_date and meeting.end_date != meeting.start_date:
            parts.append(_("%(first)s to %(last)s") % {"first": _date(meeting.start_date), "last": _date(meeting.end_date)})
        if meeting.place:
            parts.append(meeting.place)
        text = ", ".join(parts) + "." if parts else ""
        return " ".join(part for part in (text, _short(meeting.objectives)) if part)


class EventResults(Source):
    key = "meetings.results"
    section = Section.EVENTS
    label = gettext_lazy("Results of recent events")

    def records(self, since):
        return (Meeting.objects.published().filter(start_date__gte=since, start_date__lt=timezone.localdate())
                .select_related("country").order_by("-start_date"))

    def record(self, object_id):
        return (Meeting.objects.published().filter(pk=object_id, start_date__lt=timezone.localdate())
                .select_related("country").first())

    def date_of(self, meeting):
        return meeting.start_date

    def title(self, meeting):
        return _("Results: %(title)s") % {"title": meeting.title}

    def summary(self, meeting):
        conclusions = [conclusion.text for conclusion in meeting.conclusions.all()[:3]]
        if conclusions:
            return _("Held on %(date)s. Conclusions: %(conclusions)s") % {
                "date": _date(meeting.start_date), "conclusions": _short(" ".join(conclusions))}
        return _("Held on %(date)s.") % {"date": _date(meeting.start_date)}


class RegistrationOpen(Source):
    """Events people can register for now: the item links to the event's page, where the form is."""

    key = "events.registration"
    section = Section.EVENTS
    label = gettext_lazy("Events open for registration")

    def records(self, since):
        now = timezone.now()
        return (Event.objects.published().filter(meeting__start_date__gte=timezone.localdate())
                .filter(Q(registration_opens__isnull=True) | Q(registration_opens__lte=now))
                .filter(Q(registration_closes__isnull=True) | Q(registration_closes__gt=now))
                .select_related("meeting__country").order_by("meeting__start_date"))

    def record(self, object_id):
        return Event.objects.published().select_related("meeting__country").filter(pk=object_id).first()

    def date_of(self, event):
        return event.meeting.start_date

    def title(self, event):
        return event.meeting.title

    def summary(self, event):
        parts = [event.meeting.get_kind_display(), event.meeting.place]
        if event.registration_closes:
            parts.append(_("register by %(date)s") % {
                "date": _date(timezone.localtime(event.registration_closes).date())})
        return " · ".join(part for part in parts if part)


class Documents(Source):
    key = "library.document"
    section = Section.DOCUMENTS
    label = gettext_lazy("Documents published")

    def records(self, since):
        return Document.objects.published().filter(date__gte=since).order_by("-date", "pk")

    def record(self, object_id):
        return Document.objects.published().filter(pk=object_id).first()

    def date_of(self, document):
        return document.date

    def title(self, document):
        return document.title

    def summary(self, document):
        return _short(document.summary)


SOURCES: dict[str, Source] = {source.key: source for source in (
    CallsOpened(), CallResults(), CooperationActivities(), EventsAhead(), RegistrationOpen(), EventResults(),
    NewPrograms(), Documents(),
)}
