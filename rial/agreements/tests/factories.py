"""Factories for agreements; parties come from the real directory countries loaded for every session."""

import datetime

import factory

from rial.agreements.models import Agreement, AgreementParty, Status
from rial.directory.models import Country


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement

    slug = factory.Sequence(lambda n: f"test-agreement-{n}")
    title_en = factory.Sequence(lambda n: f"Test agreement {n}")
    kind = Agreement.Kind.BILATERAL
    status = Status.IN_FORCE
    signed = datetime.date(2000, 1, 1)
    in_force = datetime.date(2001, 1, 1)
    old_age = True
    totalization = True
    source = "test"


def party(agreement: Agreement, iso2: str, **fields) -> AgreementParty:
    fields.setdefault("status", agreement.status)
    return AgreementParty.objects.create(agreement=agreement, country=Country.objects.get(iso2=iso2), **fields)
