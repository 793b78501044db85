"""Factories for directory records; other apps' tests use them too."""

import datetime

import factory

from rial.directory.models import Country, FocalPointDesignation, Institution, Person, Position


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ("iso2",)

    iso2 = factory.Sequence(lambda n: f"Q{chr(65 + n % 26)}")
    name_en = factory.Sequence(lambda n: f"Testland {n}")
    kind = Country.Kind.MEMBER_STATE
    oas_status = Country.OasStatus.ACTIVE


class InstitutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Institution
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"institution-{n}")
    kind = Institution.Kind.MINISTRY
    country = factory.SubFactory(CountryFactory)
    name_en = factory.Sequence(lambda n: f"Ministry of Labor {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "accounts.User"
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    # The tests' people chose English; an account that never chose is written to in its country's language.
    preferred_language = "en"
    password = factory.PostGenerationMethodCall("set_password", "a-good-test-password")

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    full_name = factory.Sequence(lambda n: f"Person {n}")
    user = factory.SubFactory(UserFactory)


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    person = factory.SubFactory(PersonFactory)
    institution = factory.SubFactory(InstitutionFactory)
    title = "Officer"
    start = datetime.date(2020, 1, 1)


class DesignationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FocalPointDesignation

    person = factory.SubFactory(PersonFactory)
    institution = factory.SubFactory(InstitutionFactory)
    since = datetime.date(2020, 1, 1)


def user_with_position(username: str, institution: Institution, *, focal_point: bool = False):
    """A user whose directory entry holds a current position (and optionally a focal point designation)."""
    person = PersonFactory(full_name=username.replace("-", " ").title(), user=UserFactory(username=username))
    PositionFactory(person=person, institution=institution)
    if focal_point:
        DesignationFactory(person=person, institution=institution)
    return person.user
