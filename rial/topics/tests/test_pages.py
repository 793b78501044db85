"""The topic taxonomy, its pages and its four languages."""

import pytest

from rial.topics.models import Topic

pytestmark = pytest.mark.django_db

AREAS = ["Labor", "Employment", "Labor relations", "Social security", "Institutional strengthening",
         "Gender equality", "Future of work"]


def test_the_taxonomy_of_the_brief_is_loaded_with_four_languages():
    assert [topic.name_en for topic in Topic.objects.areas()] == AREAS
    child_labor = Topic.objects.get(slug="child-labor")
    assert (child_labor.parent.slug, child_labor.name_pt, child_labor.name_fr) == (
        "labor", "Trabalho infantil", "Travail des enfants")
    assert not Topic.objects.filter(name_es="").exists()


def test_the_topic_list_shows_areas_and_their_topics_in_few_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        page = client.get("/en/topics/").content.decode()
    assert "Occupational safety and health" in page and "Social dialogue" in page


def test_a_topic_page_and_an_unknown_topic(client):
    page = client.get("/fr/topics/child-labor/").content.decode()
    assert "<h1>Travail des enfants</h1>" in page
    assert client.get("/en/topics/no-such-topic/").status_code == 404


def test_only_the_secretariat_changes_topics(focal_cl, secretariat):
    topic = Topic.objects.get(slug="child-labor")
    assert not focal_cl.has_perm("topics.change_topic", topic)
    assert secretariat.has_perm("topics.change_topic", topic)
