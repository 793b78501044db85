"""Two full-text engines behind one interface, chosen by the database vendor.

Both receive the same terms (``rial/search/text.py``) and the same boolean query — for each language,
all of its terms; any language may match; every filter must match — so they find exactly the same
records. Only the relevance score differs: bm25 on SQLite FTS5, ``ts_rank`` on PostgreSQL.
"""

from dataclasses import dataclass, field
from typing import NamedTuple

from django.db import connection

# The most matches one search ranks and counts facets over. Ranking or counting every match of a
# common word costs time in proportion to the matches (about 70,000 for "trabajadores" at 100,000
# records: ~0.8 s of bm25 on SQLite), so when more records match, the newest CANDIDATES matches
# (highest entry id, read from the index in that order at no cost) are ranked by relevance and
# counted, and the page says "more than 1,000 results". Both engines pick the same candidates.
CANDIDATES = 1000


class Candidate(NamedTuple):
    id: int
    score: float   # higher is more relevant (bm25 is negated on SQLite); 0 when there are no words
    facets: str    # SearchEntry.facets


@dataclass
class IndexRow:
    entry_id: int
    title: list[str]
    topics: list[str]
    body: list[str]
    filters: list[str]


@dataclass
class EngineQuery:
    # OR of ANDs: each group is one language's terms, all of which must match.
    groups: list[list[str]] = field(default_factory=list)
    # AND of ORs: each inner list holds the accepted tokens of one facet.
    filters: list[list[str]] = field(default_factory=list)

    @property
    def has_text(self) -> bool:
        return any(self.groups)


def get_engine():
    if connection.vendor == "postgresql":
        from rial.search.engines.postgres import PostgresEngine  # noqa: PLC0415 (vendor-specific)

        return PostgresEngine()
    from rial.search.engines.sqlite import SqliteEngine  # noqa: PLC0415

    return SqliteEngine()
