"""SQLite FTS5: a virtual table ``search_fts`` whose rowid is the SearchEntry id."""

from django.db import connection

from rial.search.engines import CANDIDATES, EngineQuery, IndexRow

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

    def candidates(self, query: EngineQuery, limit: int = CANDIDATES) -> list[int]:
        """The ids of the best ``limit`` matches, best first."""
        expression = match_expression(query)
        with connection.cursor() as cursor:
            if query.has_text:
                cursor.execute(f"SELECT rowid FROM search_fts WHERE search_fts MATCH %s ORDER BY {RANK}, rowid "  # noqa: S608
                               "LIMIT %s", [expression, limit])
            else:
                # Filters alone: newest first.
                cursor.execute("SELECT e.id FROM search_fts JOIN search_searchentry e ON e.id = search_fts.rowid "
                               "WHERE search_fts MATCH %s ORDER BY e.year DESC, e.id DESC LIMIT %s",
                               [expression, limit])
            return [row[0] for row in cursor.fetchall()]

    def count(self, query: EngineQuery) -> int:
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH %s", [match_expression(query)])
            return cursor.fetchone()[0]
