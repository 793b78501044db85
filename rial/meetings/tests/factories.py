"""Factories for the meetings app's records."""

import datetime

import factory
from django.utils import timezone

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
