"""PostgreSQL full-text search: a ``vector`` tsvector column on search_searchentry with a GIN index.

The terms are written as a tsvector literal and queried as a tsquery literal, so PostgreSQL's own
parser and dictionaries never touch them: stemming and accent folding happened in Python, exactly as
for SQLite. That is why this engine needs neither ``unaccent`` nor a per-language text search
configuration.
"""

from django.db import connection

from rial.search.engines import Candidate, EngineQuery, IndexRow

MAX_POSITIONS = 32  # per term; more adds nothing to ts_rank that matters and bloats the vector


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

    def candidates(self, query: EngineQuery, limit: int) -> list[Candidate]:
        """The newest ``limit`` matches with their relevance and facet values, most relevant first.

        ``ts_rank`` runs on at most ``limit`` rows, so the cost does not grow with the number of matches.
        """
        score = "ts_rank(vector, %s::tsquery)" if query.has_text else "0"
        params = [_text_query(query)] if query.has_text else []
        with connection.cursor() as cursor:
            # One pass: the newest matches come from the GIN index (few matches) or from the primary
            # key read backwards (many), and ts_rank runs on the rows that reach the LIMIT only.
            # (Ranking in an outer query over "id IN (…)" read every vector twice: twice as slow.)
            cursor.execute(
                f"SELECT id, score, facets FROM (SELECT id, {score} AS score, facets "  # noqa: S608 (constants only)
                "FROM search_searchentry WHERE vector @@ %s::tsquery ORDER BY id DESC LIMIT %s"
                ") AS candidates ORDER BY score DESC, id DESC",
                [*params, _full_query(query), limit])
            return list(map(Candidate._make, cursor.fetchall()))
