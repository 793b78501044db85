"""Public pages: conferences, a conference, a plan with every mandate and its evidence, a group, a topic."""

import pytest
from django.urls import reverse

from rial.conference.importer import uploads
from rial.conference.models import Evidence, Mandate
from rial.conference.plan_import import plan_import
from rial.conference.services import evidence_add
from rial.conference.tests import factories
from rial.directory.models import Institution
from rial.topics.models import Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan_with_mandates(secretariat):
    def build(count: int):
        plan = factories.plan(91, title=f"Plan of Action with {count} mandates")
        group = factories.group(plan.conference, 1, chair="Chile", vice_chairs=("Peru", "Canada"))
        record = Institution.objects.get(slug="ilo")
        for index in range(count):
            mandate = factories.mandate(plan, group if index % 2 else None, text=f"Mandate number {index}",
                                        label="abcdefghij"[index % 10])
            factories.mandate(plan, group, parent=mandate, text=f"Item of {index}")
            mandate.topics.set(Topic.objects.filter(slug="child-labor"))
            evidence_add(mandates=[mandate], user=secretariat, record=record, description=f"Study {index}")
            evidence_add(mandates=[mandate], user=secretariat, url="https://example.org/x", description="Internal note",
                         visibility=Evidence.Visibility.INTERNAL)
        return plan
    return build


def test_conference_list(client):
    response = client.get(reverse("conference:home"))
    assert response.status_code == 200
    assert "XV IACML" in response.text and "Port of Spain" in response.text


def test_conference_page_shows_troika_and_groups(client):
    response = client.get(reverse("conference:conference", kwargs={"number": 14}))
    assert response.status_code == 200
    assert "Trinidad and Tobago" in response.text  # the next chair
    assert "El Salvador" in response.text and "Working Group 2" in response.text


def test_plan_page_shows_every_mandate_with_status_and_public_evidence(client, plan_with_mandates):
    plan = plan_with_mandates(3)
    response = client.get(plan.get_absolute_url())
    assert response.status_code == 200
    for index in range(3):
        assert f"Mandate number {index}" in response.text and f"Study {index}" in response.text
    assert "Not started" in response.text
    assert "Internal note" not in response.text


def test_members_see_internal_evidence(client, plan_with_mandates, focal_cl):
    plan = plan_with_mandates(1)
    client.force_login(focal_cl)
    assert "Internal note" in client.get(plan.get_absolute_url()).text


@pytest.mark.parametrize("count", [6, 60])
def test_plan_page_queries_do_not_grow_with_mandates(client, plan_with_mandates, django_assert_max_num_queries, count):
    plan = plan_with_mandates(count)
    with django_assert_max_num_queries(12):
        response = client.get(plan.get_absolute_url())
    assert response.text.count('class="mandate"') == count


def test_group_page_shows_mandates_and_progress(client, plan_with_mandates, django_assert_max_num_queries):
    plan = plan_with_mandates(60)
    group = plan.conference.working_groups.get()
    Mandate.objects.filter(group=group, parent__isnull=True).update(progress=50)
    with django_assert_max_num_queries(14):
        response = client.get(group.get_absolute_url())
    assert "average progress 50%" in response.text


def test_topic_page_has_the_timeline_of_its_mandates(client, plan_with_mandates):
    plan_with_mandates(2)
    older = factories.plan(14, title="Older plan")
    factories.mandate(older, None, text="Eradicate the worst forms of child labor").topics.set(
        Topic.objects.filter(slug="child-labor"))
    response = client.get(reverse("topics:detail", kwargs={"slug": "child-labor"}))
    text = response.text
    assert "Mandates of the conferences over time" in text
    assert text.index("2005") < text.index("Eradicate") < text.index("Mandate number 0")
    # The area page gathers the mandates of its sub-topics.
    assert "Eradicate" in client.get(reverse("topics:detail", kwargs={"slug": "labor"})).text


def test_mandate_page_is_public_without_forms(client, plan_with_mandates):
    mandate = plan_with_mandates(1).mandates.filter(parent__isnull=True).get()
    response = client.get(mandate.get_absolute_url())
    assert response.status_code == 200 and "Mandate number 0" in response.text
    assert "Save status and progress" not in response.text


def test_unknown_records_are_404(client):
    assert client.get(reverse("conference:plan", kwargs={"pk": 999999})).status_code == 404
    assert client.get(reverse("conference:conference", kwargs={"number": 99})).status_code == 404


def test_topic_timeline_across_the_seed_plans(client, seeds_dir, secretariat, django_assert_max_num_queries):
    for path in sorted(seeds_dir.glob("00[0124]_*.txt")):
        plan_import(parsed=uploads.parse_plan_text(uploads.read_text(path)), user=secretariat)
    url = reverse("topics:detail", kwargs={"slug": "child-labor"})
    with django_assert_max_num_queries(12):
        text = client.get(url).text
    # Child labor from Mexico 2005 (a topic of WG1) to the draft of Buenos Aires 2021.
    assert text.index("XIV IACML") < text.index("XIX IACML") < text.index("XXI IACML")
