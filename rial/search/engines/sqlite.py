"""SQLite FTS5: a virtual table ``search_fts`` whose rowid is the SearchEntry id, and ``search_fts_head`` with only
the title and topic terms (and the filters), for the records with every word there.

FTS5 delivers matches in rowid order without sorting and computes bm25 only for the rows it returns, so a
statement "the newest N matches, scored" costs the same whether N or 70,000 records match. bm25 for rows
chosen otherwise (``rowid IN (…)`` beside ``MATCH``) re-runs the whole query per row — seconds at 100,000
records — so coverage is counted with one statement per clause over a range of ids instead.
"""

from django.db import connection

from rial.search.engines import Engine, IndexRow, Match, Row

# bm25 column weights: title, topic labels, body, filters (filters never add to relevance).
RANK = "bm25(search_fts, 8.0, 3.0, 1.0, 0.0)"
HEAD_RANK = "bm25(search_fts_head, 8.0, 3.0, 0.0)"
TEXT_COLUMNS = "{title topics body}"
HEAD_COLUMNS = "{title topics}"


def _quote(token: str) -> str:
    # Terms hold only letters, digits and "_" (text.py), so quoting makes each a plain phrase.
    return '"' + token.replace('"', "") + '"'


def _any(terms) -> str:
    return "(" + " OR ".join(_quote(term) for term in terms) + ")"


def match_expression(match: Match | None, filters) -> str:
    parts = []
    if match is not None and match.clauses:
        columns = HEAD_COLUMNS if match.head else TEXT_COLUMNS
        groups = [" AND ".join(f"{columns} : {_any(clause)}" for clause in group) for group in match.groups()]
        parts.append(groups[0] if len(groups) == 1 else "(" + " OR ".join(f"({group})" for group in groups) + ")")
    parts += [f"filters : {_any(accepted)}" for accepted in filters]
    return " AND ".join(parts)


class SqliteEngine(Engine):
    vendor = "sqlite"

    def write(self, rows: list[IndexRow]) -> None:
        with connection.cursor() as cursor:
            for table in ("search_fts", "search_fts_head"):
                cursor.executemany(f"DELETE FROM {table} WHERE rowid = %s",  # noqa: S608 (constants only)
                                   [(row.entry_id,) for row in rows])
            cursor.executemany(
                "INSERT INTO search_fts (rowid, title, topics, body, filters) VALUES (%s, %s, %s, %s, %s)",
                [(row.entry_id, " ".join(row.title), " ".join(row.topics), " ".join(row.body),
                  " ".join(row.filters)) for row in rows])
            cursor.executemany(
                "INSERT INTO search_fts_head (rowid, title, topics, filters) VALUES (%s, %s, %s, %s)",
                [(row.entry_id, " ".join(row.title), " ".join(row.topics), " ".join(row.filters)) for row in rows])

    def delete(self, entry_ids: list[int]) -> None:
        with connection.cursor() as cursor:
            for table in ("search_fts", "search_fts_head"):
                cursor.executemany(f"DELETE FROM {table} WHERE rowid = %s",  # noqa: S608 (constants only)
                                   [(pk,) for pk in entry_ids])

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts")
            cursor.execute("DELETE FROM search_fts_head")

    def optimize(self) -> None:
        """Merge the index's segments into one after a rebuild (faster reads)."""
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
            cursor.execute("INSERT INTO search_fts_head (search_fts_head) VALUES ('optimize')")

    def first_pass(self, match: Match, filters, limit: int) -> list[Row]:
        """Only the ids: whether more than ``limit`` records match is known without scoring any."""
        with connection.cursor() as cursor:
            cursor.execute("SELECT rowid FROM search_fts WHERE search_fts MATCH %s ORDER BY rowid DESC LIMIT %s",
                           [match_expression(match, filters), limit])
            return [Row(pk, 0.0, "") for (pk,) in cursor.fetchall()]

    def ranked(self, match: Match, filters, limit: int, since: int = 0, scored: bool = True,
               counted: bool = True) -> list[Row]:
        table, rank = ("search_fts_head", HEAD_RANK) if match.head else ("search_fts", RANK)
        score = f"-{rank}" if scored else "0"
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {table}.rowid, {score}, e.facets FROM {table} "  # noqa: S608 (constants only)
                f"JOIN search_searchentry e ON e.id = {table}.rowid "
                f"WHERE {table} MATCH %s AND {table}.rowid >= %s ORDER BY {table}.rowid DESC LIMIT %s",
                [match_expression(match, filters), since, limit])
            return [Row(*row) for row in cursor.fetchall()]

    def covering(self, clauses, since: int) -> list[set[int]]:
        """One statement for every clause (each part is one FTS5 lookup over the same range of ids)."""
        statement = " UNION ALL ".join(
            f"SELECT {number}, rowid FROM search_fts WHERE search_fts MATCH %s AND rowid >= %s"  # noqa: S608 (a number)
            for number in range(len(clauses)))
        found: list[set[int]] = [set() for _clause in clauses]
        with connection.cursor() as cursor:
            cursor.execute(statement, [value for clause in clauses for value in (f"{TEXT_COLUMNS} : {_any(clause)}",
                                                                                  since)])
            for number, pk in cursor.fetchall():
                found[number].add(pk)
        return found

    def browse(self, filters, limit: int) -> list[Row]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT search_fts.rowid, 0, e.facets FROM search_fts "
                "JOIN search_searchentry e ON e.id = search_fts.rowid "
                "WHERE search_fts MATCH %s ORDER BY search_fts.rowid DESC LIMIT %s",
                [match_expression(None, filters), limit])
            return [Row(*row) for row in cursor.fetchall()]
