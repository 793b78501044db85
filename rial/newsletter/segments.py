"""Who an issue is sent to: all confirmed subscribers, or those of them who belong to a group.

A segment never adds anyone who has not subscribed and confirmed: it narrows the confirmed subscribers
to the addresses the directory gives for a group (``rial.directory.recipients``), matched without regard
to case. A segment is one function registered with ``@segment``; one taking a parameter (a country, a
working group, an event) also names the function that lists its options. The audience is written as
``key`` or ``key:parameter`` (``country:12``) in forms, the API and ``Issue.audience``.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rial.conference.models import WorkingGroup
from rial.core.emails import Recipient
from rial.directory.models import Country, Institution, Person, Position
from rial.directory.recipients import focal_point_recipients, people_of, recipient_for_person
from rial.meetings.models import Meeting
from rial.newsletter.models import Subscriber

ALL = "all"


@dataclass(frozen=True)
class Segment:
    key: str
    label: str
    emails: Callable[..., set[str]]
    options: Callable[[], list[tuple[int, str]]] | None = None


SEGMENTS: dict[str, Segment] = {}


def segment(key: str, label, options: Callable[[], list[tuple[int, str]]] | None = None):
    """Register ``function(parameter)`` → the addresses of a group (``options`` lists its parameters)."""
    def register(function):
        SEGMENTS[key] = Segment(key=key, label=label, emails=function, options=options)
        return function
    return register


def _addresses(recipients: Iterable[Recipient | None]) -> set[str]:
    return {recipient.email.lower() for recipient in recipients if recipient is not None}


def _people_and_focal_points(institution_ids: list[int]) -> set[str]:
    return _addresses(people_of(institution_ids)) | _addresses(focal_point_recipients(institution_ids))


# --- The segments ------------------------------------------------------------------------------------------


@segment("focal_points", gettext_lazy("Focal points of the ministries"))
def focal_points(parameter=None) -> set[str]:
    return _addresses(focal_point_recipients(Institution.objects.active().ministries().values_list("pk", flat=True)))


def working_group_options() -> list[tuple[int, str]]:
    groups = WorkingGroup.objects.select_related("conference").order_by("-conference__number", "number")[:6]
    return [(group.pk, str(group)) for group in groups]


@segment("working_group", gettext_lazy("Members of a working group"), options=working_group_options)
def working_group_members(group_id: int) -> set[str]:
    """People of the ministries that chair or vice-chair the group or took part in its meetings."""
    group = WorkingGroup.objects.prefetch_related("vice_chairs").filter(pk=group_id).first()
    if group is None:
        return set()
    ministries = set(Institution.objects.active().ministries().filter(country_id__in=group.authority_country_ids)
                     .values_list("pk", flat=True))
    ministries |= set(Meeting.objects.published().filter(working_groups=group, participants__attended=True)
                      .values_list("participants__institution", flat=True))
    return _people_and_focal_points(sorted(ministries))


def country_options() -> list[tuple[int, str]]:
    countries = Country.objects.filter(institutions__archived_at__isnull=True).distinct().order_by("name")
    return [(country.pk, country.name) for country in countries]


@segment("country", gettext_lazy("The institutions of one country"), options=country_options)
def country_institutions(country_id: int) -> set[str]:
    institutions = Institution.objects.active().filter(country_id=country_id).values_list("pk", flat=True)
    return _people_and_focal_points(list(institutions))


def past_event_options() -> list[tuple[int, str]]:
    meetings = Meeting.objects.published().filter(start_date__lt=timezone.localdate()).order_by("-start_date")[:40]
    return [(meeting.pk, str(meeting)) for meeting in meetings]


@segment("event_participants", gettext_lazy("People who took part in a past event"), options=past_event_options)
def past_event_participants(meeting_id: int) -> set[str]:
    """The people recorded as participants of a past meeting, workshop or webinar (meetings' participants)."""
    people = (Person.objects.filter(meeting_participations__meeting__in=Meeting.objects.published().filter(
        pk=meeting_id, start_date__lt=timezone.localdate())).distinct().select_related("user")
        .prefetch_related(Prefetch("positions", queryset=Position.objects.current().select_related("institution__country"),
                                   to_attr="current_positions")))
    return _addresses(recipient_for_person(person) for person in people)


# --- Reading an audience -----------------------------------------------------------------------------------


def parse(audience: str) -> tuple[Segment | None, int | None]:
    """``"country:12"`` → (the country segment, 12); ``"all"`` → (None, None). Refuses anything else."""
    if audience == ALL:
        return None, None
    key, _sep, raw = (audience or "").partition(":")
    chosen = SEGMENTS.get(key)
    if chosen is None or (chosen.options is not None) != bool(raw) or (raw and not raw.isdigit()):
        raise ValidationError(_("Choose an audience from the list."), code="unknown_audience")
    return chosen, int(raw) if raw else None


def choices() -> list[tuple[str, object]]:
    """The audience choices for a form: everyone, then each segment (with its options in a group)."""
    result: list[tuple[str, object]] = [(ALL, _("All subscribers"))]
    for chosen in SEGMENTS.values():
        if chosen.options is None:
            result.append((chosen.key, chosen.label))
        else:
            options = [(f"{chosen.key}:{value}", label) for value, label in chosen.options()]
            if options:
                result.append((str(chosen.label), options))
    return result


def label(audience: str) -> str:
    chosen, parameter = parse(audience)
    if chosen is None:
        return _("All subscribers")
    if parameter is None:
        return str(chosen.label)
    name = dict(chosen.options()).get(parameter, str(parameter))
    return f"{chosen.label}: {name}"


def subscribers(audience: str):
    """The confirmed subscribers in ``audience`` (a queryset)."""
    chosen, parameter = parse(audience)
    confirmed = Subscriber.objects.confirmed()
    if chosen is None:
        return confirmed
    emails = chosen.emails(parameter) if chosen.options is not None else chosen.emails()
    return confirmed.filter(email__in=sorted(emails))
