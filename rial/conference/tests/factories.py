"""Helpers to build conference records in tests."""

import datetime

from rial.conference.models import Conference, ConferenceDocument, Mandate, WorkingGroup
from rial.directory.models import Country


def conference(number: int = 90, **values) -> Conference:
    values.setdefault("year", 2090)
    values.setdefault("city", "Test City")
    return Conference.objects.get_or_create(number=number, defaults=values)[0]


def plan(number: int = 90, **values) -> ConferenceDocument:
    values.setdefault("title", f"Plan of Action {number}")
    values.setdefault("status", ConferenceDocument.Status.ADOPTED)
    return ConferenceDocument.objects.create(conference=conference(number), kind=ConferenceDocument.Kind.PLAN_OF_ACTION,
                                             **values)


def group(conference_obj: Conference, number: int = 1, chair: str | None = None,
          vice_chairs: tuple[str, ...] = ()) -> WorkingGroup:
    group = WorkingGroup.objects.create(conference=conference_obj, number=number, title=f"Group {number}",
                                        chair=Country.objects.get(name_en=chair) if chair else None)
    group.vice_chairs.set(Country.objects.filter(name_en__in=vice_chairs))
    return group


def mandate(plan_obj: ConferenceDocument, group_obj: WorkingGroup | None = None, **values) -> Mandate:
    values.setdefault("text", "Share experiences on labor inspection.")
    values.setdefault("position", plan_obj.mandates.count() + 1)
    return Mandate.objects.create(plan=plan_obj, group=group_obj, **values)


def due(days: int) -> datetime.date:
    return datetime.date.today() + datetime.timedelta(days=days)
