"""Factories for the meetings app's records."""

import datetime

import factory
from django.utils import timezone

from rial.conference.models import Conference, ConferenceDocument, Mandate, WorkingGroup
from rial.directory.models import Country
from rial.directory.tests.factories import InstitutionFactory
from rial.meetings.models import (
    Conclusion,
    GuidingQuestion,
    Meeting,
    Participant,
)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    title_en = factory.Sequence(lambda n: f"Test meeting {n}")
    kind = Meeting.Kind.WORKING_GROUP
    start_date = datetime.date(2026, 6, 10)
    end_date = datetime.date(2026, 6, 11)
    city = "Panama City"
    is_published = True


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    meeting = factory.SubFactory(MeetingFactory)
    institution = factory.SubFactory(InstitutionFactory)


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GuidingQuestion

    meeting = factory.SubFactory(MeetingFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = "What has your ministry done to strengthen labor inspection?"
    answers_due = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))


class ConclusionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Conclusion

    meeting = factory.SubFactory(MeetingFactory)
    kind = Conclusion.Kind.CONSENSUS
    number = factory.Sequence(lambda n: n + 1)
    text = "Labor inspection should be strengthened."


def conference_with_group(number: int = 95, *, chair_iso2: str = "CL", vice_chairs: tuple[str, ...] = ("BR",)):
    """A test conference whose working group 1 is chaired by ``chair_iso2``."""
    conference = Conference.objects.create(number=number, year=2000 + number - 70, city="Test City")
    group = WorkingGroup.objects.create(conference=conference, number=1, title_en="Test working group",
                                        chair=Country.objects.get(iso2=chair_iso2))
    group.vice_chairs.set(Country.objects.filter(iso2__in=vice_chairs))
    return conference, group


def plan_with_mandates(conference, *, status=ConferenceDocument.Status.ADOPTED, count: int = 2):
    plan = ConferenceDocument.objects.create(conference=conference, kind=ConferenceDocument.Kind.PLAN_OF_ACTION,
                                             title=f"Plan of Action of the {conference}", status=status)
    mandates = [Mandate.objects.create(plan=plan, label=chr(97 + index), text=f"Test mandate {index}",
                                       position=index) for index in range(count)]
    return plan, mandates
