"""A mandate's countries are its working group's chair and vice-chairs: changing them on the group (the
mandates are not saved) updates the mandates' country facet."""

import pytest

from rial.conference.tests import factories
from rial.directory.models import Country
from rial.search.query import Filters, search

pytestmark = pytest.mark.django_db


def countries(q: str) -> list[list[str]]:
    return [sorted(hit.countries) for hit in search(q=q, filters=Filters(kind=["mandate"])).hits]


def test_a_new_chair_and_vice_chair_are_the_mandates_countries(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        plan = factories.plan(95)
        group = factories.group(plan.conference, 1, chair="Chile")
        factories.mandate(plan, group, text_en="Map dingo fencing jobs")
    assert countries("dingo fencing") == [["CL"]]
    with django_capture_on_commit_callbacks(execute=True):
        group.chair = Country.objects.get(iso2="AR")
        group.save()
    assert countries("dingo fencing") == [["AR"]]
    with django_capture_on_commit_callbacks(execute=True):
        group.vice_chairs.add(Country.objects.get(iso2="PY"))
    assert countries("dingo fencing") == [["AR", "PY"]]
