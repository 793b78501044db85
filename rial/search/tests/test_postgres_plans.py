"""PostgreSQL finds the newest matches one of three ways depending on the planner's row estimate
(engines/postgres.py); whichever it picks, the candidates must be the same."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from rial.search.engines import Match, get_engine
from rial.search.index import index_documents
from rial.search.models import SearchEntry
from rial.search.query import Filters, engine_query
from rial.search.tests.factories import document
from rial.search.text import parse_query

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql",
                                reason="the plans exist only in the PostgreSQL engine")

CASES = (("inspecciones", Filters(), range(40)), ("inspección", Filters(country=["CL"]), range(1, 40, 2)),
         ("", Filters(year=["2012"]), range(2, 40, 5)))


@pytest.fixture
def records(source):
    index_documents([
        document(f"d{i}", f"Inspección del trabajo {i}", "Inspecciones " * (i % 4 + 1), language="es",
                 countries=("CL",) if i % 2 else ("BR",), year=2010 + i % 5)
        for i in range(40)
    ] + [document("other", "Pensiones", "Acuerdos de seguridad social", language="es")])
    get_engine().optimize()  # the row estimates and the table size the plans are chosen from


def newest(matching, count=7) -> set[int]:
    ids = SearchEntry.objects.filter(kind="study", key__in=[f"d{i}" for i in matching]).order_by("-id")
    return set(ids.values_list("id", flat=True)[:count])


def candidates(q, filters, monkeypatch, *, many, margin=2, floor=None):
    monkeypatch.setattr("rial.search.engines.postgres.MANY_MATCHES", many)
    monkeypatch.setattr("rial.search.engines.postgres.WINDOW_MARGIN", margin)
    if floor is not None:  # the window's lowest id, instead of the one the estimate gives
        monkeypatch.setattr("rial.search.engines.postgres.PostgresEngine._window_floor", lambda *args: floor)
    wanted = engine_query(parse_query(q), filters)
    engine = get_engine()
    with CaptureQueriesContext(connection) as queries:
        # One statement's plan: the newest 7 matches (a search asks this once per tier).
        if wanted.has_text:
            found = engine.ranked(Match(tuple(tuple(clause) for clause in wanted.text_clauses)), wanted.filters, 7)
        else:
            found = engine.browse(wanted.filters, 7)
    return found, [query["sql"] for query in queries]


@pytest.mark.parametrize(("q", "filters", "matching"), CASES)
def test_every_plan_returns_the_same_newest_matches_in_the_same_order(records, monkeypatch, q, filters, matching):
    backwards, sql = candidates(q, filters, monkeypatch, many=-1)
    assert any("ORDER BY id DESC LIMIT" in s for s in sql)
    all_matches, sql = candidates(q, filters, monkeypatch, many=10**9, margin=10**9)
    assert not any("AND id >" in s for s in sql)
    # The narrowest window that holds the 7 newest matches.
    window, sql = candidates(q, filters, monkeypatch, many=10**9, floor=min(newest(matching)) - 1)
    assert len([s for s in sql if "AND id >" in s]) == 1 and any("'enable_indexscan', 'off'" in s for s in sql)
    assert "AND id >" in [s for s in sql if "ctid = ANY" in s][-1]  # the window's result was used
    assert {c.id for c in all_matches} == newest(matching)
    assert backwards == all_matches == window


def test_the_window_follows_the_estimate(records, monkeypatch):
    # Every record matches "inspecciones": twice the 7 wanted fits in the table, so there is a window.
    found, sql = candidates("inspecciones", Filters(), monkeypatch, many=10**9, margin=2)
    assert any("AND id >" in s for s in sql)
    assert {c.id for c in found} == newest(range(40))


def test_a_window_too_narrow_for_the_estimate_falls_back_to_every_match(records, monkeypatch):
    floor = sorted(newest(range(40)))[-3]  # only 2 matches above it
    found, sql = candidates("inspecciones", Filters(), monkeypatch, many=10**9, floor=floor)
    windowed = [s for s in sql if "AND id >" in s]
    assert len(windowed) == 1 and "AND id >" not in [s for s in sql if "ctid = ANY" in s][-1]  # then all matches
    assert {c.id for c in found} == newest(range(40))
