"""SQLite FTS5: a virtual table ``search_fts`` whose rowid is the SearchEntry id."""

from django.db import connection

from rial.search.engines import Candidate, EngineQuery, IndexRow

# bm25 column weights: title, topic labels, body, filters (filters never add to relevance).
RANK = "bm25(search_fts, 8.0, 3.0, 1.0, 0.0)"


def _quote(token: str) -> str:
    # Terms hold only letters, digits and "_" (text.py), so quoting makes each a plain phrase.
    return '"' + token.replace('"', "") + '"'


def match_expression(query: EngineQuery) -> str:
    parts = []
    groups = [group for group in query.groups if group]
    if groups:
        text = " OR ".join("(" + " AND ".join(_quote(t) for t in group) + ")" for group in groups)
        parts.append("{title topics body} : (" + text + ")")
    for accepted in query.filters:
        parts.append("filters : (" + " OR ".join(_quote(t) for t in accepted) + ")")
    return " AND ".join(parts)


class SqliteEngine:
    vendor = "sqlite"

    def write(self, rows: list[IndexRow]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany("DELETE FROM search_fts WHERE rowid = %s", [(row.entry_id,) for row in rows])
            cursor.executemany(
                "INSERT INTO search_fts (rowid, title, topics, body, filters) VALUES (%s, %s, %s, %s, %s)",
                [(row.entry_id, " ".join(row.title), " ".join(row.topics), " ".join(row.body),
                  " ".join(row.filters)) for row in rows])

    def delete(self, entry_ids: list[int]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany("DELETE FROM search_fts WHERE rowid = %s", [(pk,) for pk in entry_ids])

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts")

    def optimize(self) -> None:
        """Merge the index's segments into one after a rebuild (faster reads)."""
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")

    def candidates(self, query: EngineQuery, limit: int) -> list[Candidate]:
        """The newest ``limit`` matches with their relevance and facet values, most relevant first.

        FTS5 delivers matches in rowid order without sorting, and computes bm25 only for the rows
        it returns, so this costs the same whether 1,001 or 70,000 records match.
        """
        score = f"-{RANK}" if query.has_text else "0"
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id, score, facets FROM ("  # noqa: S608 (constants only)
                f"SELECT search_fts.rowid AS id, {score} AS score, e.facets AS facets FROM search_fts "
                "JOIN search_searchentry e ON e.id = search_fts.rowid "
                "WHERE search_fts MATCH %s ORDER BY search_fts.rowid DESC LIMIT %s"
                ") ORDER BY score DESC, id DESC",
                [match_expression(query), limit])
            return list(map(Candidate._make, cursor.fetchall()))
