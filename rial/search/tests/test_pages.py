"""The search page and the API: what a reader sees, and a constant number of SQL queries."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.urls import reverse

from rial.directory.models import Country
from rial.search.index import index_documents
from rial.search.tests.factories import document
from rial.topics.models import Topic

# Both: which of the query's terms the index holds (SearchTerm). SQLite: whether more records match than are
# ranked (ids only), the ranked candidates with their facet values, and the page's language versions with their
# entries. PostgreSQL: the planner's row estimate that picks the plan, the ranked candidates (with their
# coverage), the planner settings set and put back inside a savepoint (engines/postgres.py), and the page's rows.
QUERIES = 8 if connection.vendor == "postgresql" else 4
# Country and topic names, and the vocabulary: read again only when the cache has forgotten them.
LABEL_QUERIES = 3


def many(count: int, start: int = 0):
    return [document(f"d{i}", f"Inspección del trabajo número {i}", "Visitas a las empresas y <b>trabajadores</b>.",
                     language="es", countries=("CL", "BR"), topics=("labor-inspection",), year=2000 + i % 20,
                     translations={"en": (f"Labor inspection number {i}", "Visits to enterprises.")})
            for i in range(start, start + count)]


def test_the_header_search_box_points_at_the_search_page(client, source):
    page = client.get("/en/topics/").content.decode()
    assert f'action="{reverse("search:results")}"' in page


def test_the_page_shows_highlighted_escaped_results_and_facets(client, source):
    index_documents(many(3))
    response = client.get("/es/search/", {"q": "trabajadores", "kind": "study"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "3 resultados" in page or "3 results" in page
    assert "&lt;b&gt;<mark>trabajadores</mark>&lt;/b&gt;" in page
    assert 'href="/es/studies/d0/"' in page
    assert "Chile" in page and "2001" in page


def test_a_facet_link_filters_and_can_be_removed(client, source):
    index_documents(many(2) + [document("other", "Inspección portuaria", language="es", countries=("PE",))])
    response = client.get("/en/search/", {"q": "inspección", "kind": "study", "country": "PE"})
    assert [hit.url for hit in response.context["results"].hits] == ["/en/studies/other/"]
    country = next(f for f in response.context["facets"] if f["name"] == "country")
    selected = next(link for link in country["links"] if link["value"].selected)
    assert "country=PE" not in selected["url"] and "kind=study" in selected["url"]


def test_pagination(client, source):
    index_documents(many(45))
    page3 = client.get("/en/search/", {"q": "inspection", "kind": "study", "page": "3"}).context["results"]
    assert page3.page == 3 and page3.num_pages == 3 and len(page3.hits) == 5


@pytest.mark.parametrize("count", [5, 60])
def test_the_page_runs_a_constant_number_of_queries(client, source, count, django_assert_num_queries):
    index_documents(many(count))
    cache.clear()
    with django_assert_num_queries(QUERIES + LABEL_QUERIES):
        response = client.get("/en/search/", {"q": "inspection", "kind": "study"})
    assert response.status_code == 200
    with django_assert_num_queries(QUERIES):
        assert "Chile" in client.get("/en/search/", {"q": "inspection", "kind": "study"}).content.decode()


def test_the_api_returns_results_facets_and_messages(client, source):
    index_documents(many(3))
    data = client.get("/api/v1/search", {"q": "inspección", "kind": "study", "country": ["cl", "zz9"]}).json()
    assert data["total"] == 3
    assert {hit["url"] for hit in data["results"]} == {"/en/studies/d0/", "/en/studies/d1/", "/en/studies/d2/"}
    assert "<mark>" in data["results"][0]["title_html"]
    assert {f["value"]: f["count"] for f in data["facets"]["country"]}["CL"] == 3
    assert any("zz9" in message for message in data["messages"])


@pytest.mark.parametrize("count", [5, 60])
def test_the_api_runs_a_constant_number_of_queries(client, source, count, django_assert_num_queries):
    index_documents(many(count))
    client.get("/api/v1/search", {"q": "inspection"})
    with django_assert_num_queries(QUERIES):
        assert client.get("/api/v1/search", {"q": "inspection"}).status_code == 200


def test_facets_show_a_renamed_country_or_topic_at_once(client, source):
    index_documents(many(2))
    client.get("/en/search/", {"q": "inspection"})  # the names are cached now
    chile = Country.objects.get(iso2="CL")
    chile.name = "Chile (renamed)"
    chile.save()
    topic = Topic.objects.get(slug="labor-inspection")
    topic.name = "Inspection of work"
    topic.save()
    facets = client.get("/api/v1/search", {"q": "inspection"}).json()["facets"]
    assert {f["value"]: f["label"] for f in facets["country"]}["CL"] == "Chile (renamed)"
    assert {f["value"]: f["label"] for f in facets["topic"]}["labor-inspection"] == "Inspection of work"


def test_past_the_cap_the_newest_matches_are_ranked_and_the_page_says_more_than(client, source, monkeypatch):
    monkeypatch.setattr("rial.search.engines.CANDIDATES", 5)
    index_documents(many(8))
    response = client.get("/en/search/", {"q": "inspection", "kind": "study"})
    results = response.context["results"]
    assert results.capped and results.total == 5
    assert sorted(hit.url for hit in results.hits) == [f"/en/studies/d{i}/" for i in range(3, 8)]
    assert "More than 5 results" in response.content.decode()
    assert sum(f.count for f in results.facets["kind"]) == 5
