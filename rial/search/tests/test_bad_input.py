"""Nonsense in the search box or the filters: a sensible result or a clear message, never an error."""

import pytest

from rial.search.index import index_documents
from rial.search.models import SearchEntry
from rial.search.tests.factories import document

# Queries whose words all occur in the "border" document find it; those with no word found anywhere find
# nothing; engine syntax around words is never obeyed: a query finds what its plain words find.
FINDS_BORDER = ['"near border', "border*", "NEAR(border plan)", "border)", "-border", "^border", "border & plan | !",
                "\x00border", "(border) OR (plan)", "'border'",
                "border AND"]
FINDS_NOTHING = ['"', '""', "*", "(", "((", ")", "OR", "'", "\\", "%", "_", "日本語"]
# Engine syntax that would narrow or change a search if obeyed ("title:border" finds the border document by
# its title, "NOT border" everything else): the words themselves ("title", "border", "not") are searched.
SYNTAX = {"title:border": "title border", "{title}: border": "title border", "NOT border": "not border",
          "border & x <-> y:*": "border x y"}
SQL_QUERIES = ["'; DROP TABLE search_searchentry; --", "' OR 1=1 --", "border' UNION SELECT * FROM accounts_user --",
               "1; SELECT pg_sleep(5)", "\"); DELETE FROM search_fts; --"]


@pytest.fixture
def indexed(source):
    index_documents([
        document("border", "Workplaces near the border", "A plan for cross-border workers."),
        document("other", "Pension agreements", "Totalization of periods."),
    ])


def get_page(client, **params):
    response = client.get("/en/search/", params)
    assert response.status_code == 200
    return response


def get_api(client, **params):
    response = client.get("/api/v1/search", params)
    assert response.status_code == 200, response.content
    return response.json()


def test_an_empty_query_asks_for_words(client, indexed):
    page = get_page(client, q="").content.decode()
    assert "Type one or more words" in page
    assert get_api(client, q="")["total"] == 0
    assert get_api(client, q="   ")["results"] == []


def test_punctuation_only_says_there_is_nothing_to_look_for(client, indexed):
    response = get_page(client, q="((*))")
    assert "no words to look for" in response.content.decode()
    assert any("no words" in m for m in get_api(client, q="((*))")["messages"])


def test_a_ten_thousand_character_query_is_shortened_with_a_message(client, indexed):
    q = ("border " * 1500)[:10_000]
    response = get_page(client, q=q)
    assert any("first 12 words" in str(m) for m in response.context["results"].messages)
    assert [hit.url for hit in response.context["results"].hits] == ["/en/studies/border/"]
    data = get_api(client, q="plan " + "x" * 9_995)  # an absurdly long "word" is dropped, "plan" is kept
    assert data["total"] == get_api(client, q="plan")["total"] >= 1 and len(data["query"]) <= 500


@pytest.mark.parametrize("q", FINDS_BORDER)
def test_fts_syntax_characters_are_plain_text(client, indexed, q):
    # The border document is the one record with every word, so it comes first (others may have some words).
    assert [hit.url for hit in get_page(client, q=q).context["results"].complete_hits] == ["/en/studies/border/"]
    results = get_api(client, q=q)["results"]
    assert [hit["url"] for hit in results if hit["complete"]] == ["/en/studies/border/"]
    assert results[0]["url"] == "/en/studies/border/"


@pytest.mark.parametrize("q", FINDS_NOTHING)
def test_fts_syntax_alone_finds_nothing(client, indexed, q):
    assert get_page(client, q=q, kind="study").context["results"].total == 0
    assert get_api(client, q=q, kind="study")["total"] == 0


@pytest.mark.parametrize(("q", "plain"), SYNTAX.items())
def test_fts_syntax_is_never_obeyed(client, indexed, q, plain):
    data = get_api(client, q=q, kind="study")
    assert data["results"] == get_api(client, q=plain, kind="study")["results"]
    # No record contains every word: the border document is only a partial match, as for the plain words.
    assert data["full_matches"] == 0 and [hit["url"] for hit in data["results"]] == ["/en/studies/border/"]


def test_near_is_an_ordinary_word(client, indexed):
    assert [hit["url"] for hit in get_api(client, q="NEAR")["results"]] == ["/en/studies/border/"]


@pytest.mark.parametrize("q", SQL_QUERIES)
def test_sql_fragments_are_plain_words_and_change_nothing(client, indexed, q):
    before = SearchEntry.objects.count()
    assert get_page(client, q=q, kind="study").context["results"].full_matches == 0
    data = get_api(client, q=q, kind="study")
    # At most the border document, by the word "border" of one fragment: never what the SQL would select.
    assert data["full_matches"] == 0 and {hit["url"] for hit in data["results"]} <= {"/en/studies/border/"}
    assert SearchEntry.objects.count() == before
    assert get_api(client, q="pension", kind="study")["total"] == 1


def test_unknown_filter_values_are_ignored_and_named(client, indexed):
    data = get_api(client, q="border", kind="bogus", year="nineteen", lang="xx", country="Chile")
    assert data["total"] == 1
    assert "bogus" in data["messages"][0] and "nineteen" in data["messages"][0] and "Chile" in data["messages"][0]
    page = get_page(client, q="border", kind="<script>alert(1)</script>").content.decode()
    assert "&lt;script&gt;" in page and "<script>alert(1)" not in page


def test_well_formed_but_unknown_filter_values_find_nothing(client, indexed):
    assert get_api(client, q="border", country="ZZ")["total"] == 0
    assert get_api(client, q="border", topic="no-such-topic")["total"] == 0
    assert get_api(client, q="border", year="1901")["total"] == 0
    assert "No results" in get_page(client, q="border", country="ZZ").content.decode()


@pytest.mark.parametrize("page", ["abc", "-5", "0", "99999", "1e9", ""])
def test_odd_page_numbers_give_a_real_page(client, indexed, page):
    assert get_page(client, q="border", page=page).context["results"].page == 1
    assert get_api(client, q="border", page=page)["page"] == 1


def test_too_many_filter_values_are_cut(client, indexed):
    data = get_api(client, q="border", country=[f"A{chr(65 + i % 26)}" for i in range(500)])
    assert data["total"] == 0
