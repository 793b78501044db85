"""An agreement's parties are its countries in the search: adding, changing or removing a party on its
own (the agreement is not saved again) updates the country facet."""

import pytest

from rial.agreements.tests.factories import AgreementFactory, party
from rial.directory.models import Country
from rial.search.query import Filters, search

pytestmark = pytest.mark.django_db


def countries(q: str) -> list[list[str]]:
    return [sorted(hit.countries) for hit in search(q=q, filters=Filters(kind=["agreement"])).hits]


def under(iso2: str, q: str) -> int:
    return search(q=q, filters=Filters(kind=["agreement"], country=[iso2])).total


def test_parties_added_after_the_agreement_are_its_countries(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        agreement = AgreementFactory(title_en="Platypus agreement on social security")
    assert countries("platypus") == [[]]
    with django_capture_on_commit_callbacks(execute=True):
        party(agreement, "CL")
    assert countries("platypus") == [["CL"]]
    assert under("CL", "platypus") == 1


def test_a_changed_or_removed_party_updates_the_country_facet(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        agreement = AgreementFactory(title_en="Echidna agreement on social security")
        first, _second = party(agreement, "CL"), party(agreement, "EC")
    assert countries("echidna") == [["CL", "EC"]]
    with django_capture_on_commit_callbacks(execute=True):
        first.country = Country.objects.get(iso2="PE")
        first.save()
    assert countries("echidna") == [["EC", "PE"]]
    assert under("CL", "echidna") == 0 and under("PE", "echidna") == 1
    with django_capture_on_commit_callbacks(execute=True):
        first.delete()
    assert countries("echidna") == [["EC"]]
    assert under("PE", "echidna") == 0
