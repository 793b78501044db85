"""The one place that turns institutions into recipients: focal points of ministries, everyone at COSATE,
CEATAL or a partner organization, never an archived person, each in their own language."""

import pytest
from django.utils import timezone

from rial.directory.demo import ministry_slug
from rial.directory.models import Institution
from rial.directory.recipients import institution_recipients, secretariat_recipients
from rial.directory.tests.factories import DesignationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def ministry(iso2: str) -> Institution:
    return Institution.objects.get(slug=ministry_slug(iso2))


def test_focal_points_of_ministries_and_people_of_advisory_bodies(focal_cl, member_co, cosate_rep, secretariat):
    recipients = institution_recipients([ministry("CL").pk, Institution.objects.get(slug="cosate").pk])
    assert sorted(r.email for r in recipients) == ["cosate-rep@example.org", "focal-cl@example.org"]
    assert [r.email for r in secretariat_recipients()] == ["secretariat@example.org"]


def test_a_ministry_without_a_focal_point_is_told_through_its_officials(member_co):
    assert [r.email for r in institution_recipients([ministry("CO").pk])] == ["member-co@example.org"]


def test_archived_people_receive_nothing_and_the_country_gives_the_language(focal_cl):
    archived = PersonFactory(full_name="Gone", email="gone@example.org", archived_at=timezone.now())
    DesignationFactory(person=archived, institution=ministry("CL"))
    no_account = PersonFactory(full_name="Paper only", email="paper@example.org", user=None)
    DesignationFactory(person=no_account, institution=ministry("BR"))
    recipients = {r.email: r for r in institution_recipients([ministry("CL").pk, ministry("BR").pk])}
    assert set(recipients) == {"focal-cl@example.org", "paper@example.org"}
    assert recipients["paper@example.org"].language == "pt"  # Brazil's language
