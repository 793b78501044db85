"""Institutions (rial/directory/search.py) are found by their names in any language; archived ones are not."""

from django.utils import timezone, translation

from rial.directory.demo import ministry_slug
from rial.directory.models import Institution
from rial.search.models import SearchEntry
from rial.search.query import Filters, search


def urls(q: str, **filters) -> list[str]:
    return [hit.url for hit in search(q=q, filters=Filters(kind=["institution"], **filters)).hits]


def test_ministries_are_found_by_name_and_country(db):
    chile = Institution.objects.get(slug=ministry_slug("CL"))
    with translation.override("en"):
        expected = chile.get_absolute_url().removeprefix("/en")
    assert urls(chile.name, country=["CL"])[0] == expected
    assert expected not in urls(chile.name, country=["BR"])
    assert expected in urls(f"{chile.name} Chile")


def test_an_archived_institution_leaves_the_index(db, django_capture_on_commit_callbacks):
    ilo = Institution.objects.get(slug="ilo")
    assert SearchEntry.objects.filter(kind="institution", key=str(ilo.pk)).exists()
    with django_capture_on_commit_callbacks(execute=True):
        ilo.archived_at = timezone.now()
        ilo.save()
    assert not SearchEntry.objects.filter(kind="institution", key=str(ilo.pk)).exists()
