"""Factories for programs; the library's tests use them too."""

import datetime

import factory
from django.utils import timezone

from rial.directory.demo import ministry_slug
from rial.directory.models import Institution
from rial.portfolio.models import Program, TargetPopulation
from rial.topics.models import Topic


def ministry(iso2: str) -> Institution:
    return Institution.objects.get(slug=ministry_slug(iso2))


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Program
        skip_postgeneration_save = True

    ministry = factory.LazyFunction(lambda: ministry("CL"))
    name_en = factory.Sequence(lambda n: f"Program {n}")
    summary_en = "A program that helps people find decent work."
    objectives_en = "Place people in jobs."
    status = Program.Status.PUBLISHED
    last_reviewed_at = factory.LazyFunction(timezone.localdate)
    start = datetime.date(2022, 1, 1)

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.topics.set(Topic.objects.filter(slug__in=extracted))

    @factory.post_generation
    def populations(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.populations.set(TargetPopulation.objects.filter(slug__in=extracted))


def draft_data(iso2: str = "CL", **overrides) -> dict:
    """What the program form posts for a new draft."""
    data = {
        "ministry": ministry(iso2).pk, "name": "Youth employment bridge", "summary": "Apprenticeships for youth.",
        "objectives": "Train 1,000 young people.", "results": "", "start": "2023-01-01", "end": "",
        "budget": "", "budget_currency": "", "funding": "", "legal_basis": "", "contact_name": "",
        "contact_email": "", "contact_phone": "", "languages": ["es"], "offered_for_cooperation": "on",
        "topics": [Topic.objects.get(slug="youth-employment").pk],
        "populations": [TargetPopulation.objects.get(slug="youth").pk],
        "website": "", "source_url": "", "updated_as_of": "", "collection": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
