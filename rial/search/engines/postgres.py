"""PostgreSQL full-text search: a ``vector`` tsvector column on search_searchentry with a GIN index.

The terms are written as a tsvector literal and queried as a tsquery literal, so PostgreSQL's own
parser and dictionaries never touch them: stemming and accent folding happened in Python, exactly as
for SQLite. That is why this engine needs neither ``unaccent`` nor a per-language text search
configuration.
"""

from django.db import connection

from rial.search.engines import Candidate, EngineQuery, IndexRow

MAX_POSITIONS = 32
# Above this many estimated matches, walking the primary key backwards finds the newest ones sooner
# than collecting every match from the GIN index (measured at 100,000 records, docs/apps/search.md).
MANY_MATCHES = 15_000  # per term; more adds nothing to ts_rank that matters and bloats the vector


def _lexeme(token: str) -> str:
    return "'" + token.replace("'", "").replace("\\", "") + "'"


def vector_literal(row: IndexRow) -> str:
    positions: dict[str, list[str]] = {}
    position = 0
    for weight, tokens in (("A", row.title), ("B", row.topics), ("D", row.body), ("D", row.filters)):
        for token in tokens:
            position += 1
            found = positions.setdefault(token, [])
            if len(found) < MAX_POSITIONS:
                # D is the default weight and is written without a letter.
                found.append(f"{min(position, 16383)}{'' if weight == 'D' else weight}")
    return " ".join(f"{_lexeme(token)}:{','.join(found)}" for token, found in positions.items())


def _text_query(query: EngineQuery) -> str:
    groups = [group for group in query.groups if group]
    return " | ".join("(" + " & ".join(_lexeme(t) for t in group) + ")" for group in groups)


def _full_query(query: EngineQuery) -> str:
    parts = []
    if query.has_text:
        parts.append("(" + _text_query(query) + ")")
    parts += ["(" + " | ".join(_lexeme(t) for t in accepted) + ")" for accepted in query.filters]
    return " & ".join(parts)


class PostgresEngine:
    vendor = "postgresql"

    def write(self, rows: list[IndexRow]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany("UPDATE search_searchentry SET vector = %s::tsvector WHERE id = %s",
                               [(vector_literal(row), row.entry_id) for row in rows])

    def delete(self, entry_ids: list[int]) -> None:
        """Nothing to do: the vector is a column of the entry, deleted with it."""

    def clear(self) -> None:
        """Nothing to do: the vectors go with the entries."""

    def optimize(self) -> None:
        """Fresh statistics for the planner's row estimates (the plan choice depends on them)."""
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchentry")

    def candidates(self, query: EngineQuery, limit: int) -> list[Candidate]:
        """The newest ``limit`` matches with their relevance and facet values, most relevant first.

        ``ts_rank`` runs on at most ``limit`` rows, so the cost does not grow with the number of matches.
        Which way to find the newest matches depends on how many there are, and PostgreSQL's planner
        misjudges it (it underestimates what evaluating ``@@`` row by row costs, and would read 30,000
        vectors backwards along the primary key to find 1,000 of 3,000 matches). So its own row
        estimate is asked first (EXPLAIN, no execution) and the plan is chosen here:

        - many matches: read the primary key backwards, test each row and rank it in the same pass,
          stopping at the ``limit``-th match;
        - fewer: take the newest ``limit`` matches from the GIN index (``id + 0`` keeps the planner off
          the primary key), then fetch them again by their physical address (ctid, a "Tid Scan") to
          rank them: cheaper than looking each one up through the primary key index again.
        Both find the newest ``limit`` matches by id, so they return the same candidates.
        """
        score = "ts_rank(vector, %s::tsquery)" if query.has_text else "0"
        params = [_text_query(query)] if query.has_text else []
        full = _full_query(query)
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (FORMAT JSON) SELECT id FROM search_searchentry WHERE vector @@ %s::tsquery", [full])
            estimate = cursor.fetchone()[0][0]["Plan"]["Plan Rows"]
            if estimate > MANY_MATCHES:
                sql = (f"SELECT id, score, facets FROM (SELECT id, {score} AS score, facets "  # noqa: S608 (constants only)
                       "FROM search_searchentry WHERE vector @@ %s::tsquery ORDER BY id DESC LIMIT %s) AS newest "
                       "ORDER BY score DESC, id DESC")
            else:
                sql = (f"SELECT id, {score} AS score, facets FROM search_searchentry WHERE ctid = ANY(ARRAY("  # noqa: S608
                       "SELECT ctid FROM search_searchentry WHERE vector @@ %s::tsquery ORDER BY id + 0 DESC LIMIT %s"
                       ")) ORDER BY score DESC, id DESC")
            cursor.execute(sql, [*params, full, limit])
            return list(map(Candidate._make, cursor.fetchall()))
