"""When the engine expects more matches than it ranks (PostgreSQL asks its planner), the records with every word in
their title or topic labels are asked first, and when they alone are more than it ranks the first pass over every
match is skipped: the candidates are the same as when it runs."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from rial.search.engines import Engine, get_engine
from rial.search.index import index_documents
from rial.search.models import SearchEntry
from rial.search.query import Filters, engine_query
from rial.search.tests.factories import document


@pytest.fixture
def records(source):
    index_documents([document(f"title-{i}", f"Telework rules {i}", "Remote work.") for i in range(8)]
                    + [document(f"body-{i}", f"Annual report {i}", "Telework at the end.") for i in range(8)])
    get_engine().optimize()


def candidates(monkeypatch, q: str, expects_many: bool, limit: int = 6):
    monkeypatch.setattr(Engine, "expects_many", lambda *args: expects_many)
    if connection.vendor == "postgresql":
        monkeypatch.setattr("rial.search.engines.postgres.PostgresEngine.expects_many", lambda *args: expects_many)
    wanted = engine_query(parse(q), Filters())
    with CaptureQueriesContext(connection) as queries:
        found = get_engine().candidates(wanted, limit=limit, needed=3)
    return [(c.id, c.coverage) for c in found], [query["sql"] for query in queries]


def parse(q):
    from rial.search.text import parse_query  # noqa: PLC0415

    return parse_query(q)


def test_more_title_matches_than_ranked_skip_the_first_pass(records, monkeypatch):
    asked_first, sql = candidates(monkeypatch, "telework", expects_many=True)
    as_before, _sql = candidates(monkeypatch, "telework", expects_many=False)
    assert asked_first == as_before and len(asked_first) == 6
    statements = [s for s in sql if "search" in s and "EXPLAIN" not in s and "set_config" not in s
                  and "max(id)" not in s]
    assert len(statements) == 1  # the title-and-topics tier alone


def test_fewer_title_matches_than_ranked_fall_back_to_every_match(records, monkeypatch):
    asked_first, _sql = candidates(monkeypatch, "telework", expects_many=True, limit=12)
    as_before, _sql = candidates(monkeypatch, "telework", expects_many=False, limit=12)
    assert asked_first == as_before and len(asked_first) == 12


def test_a_wrong_expectation_changes_nothing_when_few_match(records, monkeypatch):
    asked_first, _sql = candidates(monkeypatch, "telework", expects_many=True, limit=40)
    as_before, _sql = candidates(monkeypatch, "telework", expects_many=False, limit=40)
    assert asked_first == as_before and 16 <= len(asked_first) < 40


def test_the_title_tier_with_filters_is_decided_on_the_title_vector_alone(source, monkeypatch):
    """A filter is matched in the same small vector as the title words: on PostgreSQL, matching it in the whole
    ``vector`` read every candidate's vector out of line again (110 ms for one filtered query at 100,000 records)."""
    index_documents([document(f"p-{i}", f"Telework rules {i}", kind="program") for i in range(5)]
                    + [document(f"s-{i}", f"Telework study {i}", kind="study") for i in range(5)])
    get_engine().optimize()
    monkeypatch.setattr(Engine, "expects_many", lambda *args: True)
    if connection.vendor == "postgresql":
        monkeypatch.setattr("rial.search.engines.postgres.PostgresEngine.expects_many", lambda *args: True)
    wanted = engine_query(parse("telework"), Filters(kind=["program"]))
    with CaptureQueriesContext(connection) as queries:
        found = get_engine().candidates(wanted, limit=3, needed=3)
    assert len(found) == 3
    from rial.search.models import SearchEntry  # noqa: PLC0415

    kinds = set(SearchEntry.objects.filter(pk__in=[c.id for c in found]).values_list("kind", flat=True))
    assert kinds == {"program"}
    if connection.vendor == "postgresql":
        tier = [q["sql"] for q in queries.captured_queries if "ts_rank(head" in q["sql"]]
        assert tier and all("vector @@" not in sql for sql in tier), tier


def test_the_last_tier_past_the_page_shown_comes_from_the_first_pass(source, monkeypatch):
    """When the tiers leave room and the page shown is already filled, the rest are the newest matches not chosen:
    the first pass holds them (it read one more match than the candidates), so the index is not asked again."""
    index_documents([document(f"title-{i}", f"Telework overtime {i}", "") for i in range(2)]
                    + [document(f"body-{i}", f"Report {i}", "Telework and overtime.") for i in range(2)]
                    + [document(f"some-{i}", f"Telework {i}", "Remote work.") for i in range(12)])
    get_engine().optimize()
    wanted = engine_query(parse("telework overtime"), Filters())
    with CaptureQueriesContext(connection) as queries:
        found = get_engine().candidates(wanted, limit=6, needed=1)
    urls = dict(SearchEntry.objects.values_list("id", "url"))
    assert [urls[c.id] for c in found][:4] in (
        [f"/studies/{key}/" for key in order] for order in (["title-0", "title-1", "body-1", "body-0"],
                                                             ["title-1", "title-0", "body-1", "body-0"]))
    assert [urls[c.id] for c in found][4:] == ["/studies/some-11/", "/studies/some-10/"]
    if connection.vendor == "sqlite":
        index_statements = [q["sql"] for q in queries.captured_queries if " MATCH " in q["sql"]]
        assert len(index_statements) == 3  # the first pass and two tiers; the rest by primary key


def test_an_index_row_without_its_record_is_left_out_of_the_last_tier(source):
    """An index row whose entry is gone (removed without its index row) is not a candidate, as the engine's own
    statement, which joins the entries, would have it."""
    index_documents([document(f"title-{i}", f"Telework overtime {i}", "") for i in range(2)]
                    + [document(f"body-{i}", f"Report {i}", "Telework and overtime.") for i in range(2)]
                    + [document(f"some-{i}", f"Telework {i}", "Remote work.") for i in range(12)])
    gone = SearchEntry.objects.get(url="/studies/some-11/").pk
    with connection.cursor() as cursor:  # the entry alone, as a flushed test database or a failed delete leaves it
        cursor.execute("DELETE FROM search_searchtext WHERE entry_id = %s", [gone])
        cursor.execute("DELETE FROM search_searchentry WHERE id = %s", [gone])
    found = get_engine().candidates(engine_query(parse("telework overtime"), Filters()), limit=6, needed=1)
    urls = dict(SearchEntry.objects.values_list("id", "url"))
    assert [urls[c.id] for c in found][4:] == ["/studies/some-10/", "/studies/some-9/"]
