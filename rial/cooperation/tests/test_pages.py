import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import login
from rial.cooperation import analysis
from rial.cooperation.models import Activity
from rial.cooperation.tests.factories import ministry, topic

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["cooperation:home", "cooperation:activities", "cooperation:impact",
                                  "cooperation:network", "cooperation:partners"])
def test_public_pages_answer_in_a_constant_number_of_queries(client, planned_activity, name,
                                                            django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        response = client.get(reverse(name))
    assert response.status_code == 200


def test_the_home_page_lists_the_real_calls(client):
    page = client.get(reverse("cooperation:home")).content.decode()
    assert "6th call for proposals (2013)" in page and "13th call for proposals (2020)" in page


def test_the_home_page_is_in_spanish(client):
    response = client.get("/es/cooperation/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Cooperación bilateral" in page
    assert "6.ª convocatoria de propuestas (2013)" in page


def test_the_activity_page_shows_what_the_source_does_not_say(client):
    activity = Activity.objects.get(title="Labor conflict prevention and resolution")
    page = client.get(activity.get_absolute_url()).content.decode()
    assert "the source does not say who requested and who provided" in page


def test_the_network_is_filtered_by_topic_and_period(client):
    graph = analysis.network(topic=topic("dispute-resolution"))
    assert {(e.a.iso2, e.b.iso2) for e in graph["edges"]} == {("CO", "PE"), ("AR", "DO")}
    assert len(analysis.network(year_from=2014, year_to=2014)["edges"]) == 1
    page = client.get(reverse("cooperation:network"), {"topic": "labor-inspection"}).content.decode()
    assert "<svg" in page and "Brazil · Colombia" in page


def test_partner_suggestions_rank_ministries_with_matching_activities_and_say_why(client, focal_cl):
    suggestions = analysis.suggest_partners(need="We want to improve conciliation", topics=[topic("dispute-resolution")],
                                            exclude_ids={ministry("CL").pk})
    names = [s.institution.country.iso2 for s in suggestions]
    assert names[:1] in (["AR"], ["DO"])  # both took part in the conciliation exchange: topic and word match
    assert set(names) == {"AR", "DO", "CO", "PE"}
    assert "Conciliation service" in suggestions[0].reasons[0]
    page = login(client, focal_cl).get(reverse("cooperation:partners"), {
        "need": "conciliation", "topics": [topic("dispute-resolution").pk]}).content.decode()
    assert "Took part in" in page


def test_the_impact_page_draws_an_accessible_chart(client, planned_activity):
    page = client.get(reverse("cooperation:impact")).content.decode()
    assert 'role="img"' in page and "Legal or regulatory reform" in page


@pytest.mark.parametrize("name", ["cooperation:home", "cooperation:activities", "cooperation:impact",
                                  "cooperation:network"])
def test_the_number_of_queries_does_not_grow_with_the_data(client, name):
    with CaptureQueriesContext(connection) as before:
        client.get(reverse(name))
    for n in range(20):
        activity = Activity.objects.create(first_party=ministry("CL"), second_party=ministry("UY"), title=f"Extra {n}",
                                           year=2015, state=Activity.State.COMPLETED, direction_known=False)
        activity.topics.add(topic())
        activity.outcomes.create(institution=ministry("CL"), category="training", description="d", evidence="e")
    with CaptureQueriesContext(connection) as after:
        client.get(reverse(name))
    assert len(after) == len(before)


def test_the_impact_and_network_pages_name_topics_and_countries_in_the_pages_language(client):
    # The charts read related names through values(): on /es/ they showed the English column.
    activity = Activity.objects.create(first_party=ministry("CL"), second_party=ministry("DO"), title="Exchange",
                                       year=2015, state=Activity.State.COMPLETED, direction_known=False)
    activity.topics.add(topic("dispute-resolution"))
    activity.outcomes.create(institution=ministry("DO"), category="training", description="d", evidence="e")
    impact = client.get("/es/cooperation/impact/").content.decode()
    assert "Resolución de conflictos, mediación y conciliación" in impact and "República Dominicana" in impact
    assert "Dispute resolution" not in impact and "Dominican Republic" not in impact
    network = client.get("/fr/cooperation/network/", {"topic": "labor-inspection"}).content.decode()
    assert "Brésil · Colombie" in network and "Brazil" not in network
