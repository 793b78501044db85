"""PostgreSQL finds the newest matches one of two ways depending on the planner's row estimate
(engines/postgres.py); whichever it picks, the candidates must be the same."""

import pytest
from django.db import connection

from rial.search.engines import get_engine
from rial.search.index import index_documents
from rial.search.models import SearchEntry
from rial.search.query import Filters, engine_query
from rial.search.tests.factories import document
from rial.search.text import parse_query

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql",
                                reason="the two plans exist only in the PostgreSQL engine")


def test_both_plans_return_the_same_newest_matches_in_the_same_order(source, monkeypatch):
    index_documents([
        document(f"d{i}", f"Inspección del trabajo {i}", "Inspecciones " * (i % 4 + 1), language="es",
                 countries=("CL",) if i % 2 else ("BR",), year=2010 + i % 5)
        for i in range(40)
    ] + [document("other", "Pensiones", "Acuerdos de seguridad social", language="es")])
    cases = (("inspecciones", Filters(), range(40)), ("inspección", Filters(country=["CL"]), range(1, 40, 2)),
             ("", Filters(year=["2012"]), range(2, 40, 5)))
    for q, filters, matching in cases:
        wanted = engine_query(parse_query(q), filters)
        monkeypatch.setattr("rial.search.engines.postgres.MANY_MATCHES", 10**9)   # the GIN index, then by ctid
        from_index = get_engine().candidates(wanted, limit=7)
        monkeypatch.setattr("rial.search.engines.postgres.MANY_MATCHES", -1)      # the primary key backwards
        backwards = get_engine().candidates(wanted, limit=7)
        assert len(from_index) == 7
        assert from_index == backwards, q
        ids = SearchEntry.objects.filter(kind="study", key__in=[f"d{i}" for i in matching]).order_by("-id")
        assert {c.id for c in from_index} == set(ids.values_list("id", flat=True)[:7]), q
