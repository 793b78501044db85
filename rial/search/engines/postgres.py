"""PostgreSQL full-text search: ``vector`` (every term) and ``head`` (title and topic labels) tsvector columns
on search_searchentry, each with a GIN index.

The terms are written as a tsvector literal and queried as a tsquery literal, so PostgreSQL's own
parser and dictionaries never touch them: stemming and accent folding happened in Python, exactly as
for SQLite. That is why this engine needs neither ``unaccent`` nor a per-language text search
configuration.
"""

from django.db import connection, transaction

from rial.search.engines import Engine, IndexRow, Match, Row

MAX_POSITIONS = 32  # per term; more adds nothing to ts_rank that matters and bloats the vector
# Above this many estimated matches, walking the primary key backwards finds the newest ones sooner
# than collecting every match from the GIN index (measured at 100,000 records, docs/apps/search.md).
MANY_MATCHES = 15_000
# How much wider than the estimate says the window of newest ids is (candidates); PostgreSQL's
# estimates for several words are usually low, so the window is usually wider still.
WINDOW_MARGIN = 2


def _lexeme(token: str) -> str:
    return "'" + token.replace("'", "").replace("\\", "") + "'"


def vector_literal(row: IndexRow, *, head: bool = False) -> str:
    positions: dict[str, list[str]] = {}
    position = 0
    # ``head`` holds the filter tokens too: the title-and-topics tier with filters is then answered from the
    # small in-row vector alone (a filter matched in ``vector`` reads every candidate's vector from TOAST).
    parts = (("A", row.title), ("B", row.topics), ("D", row.filters)) if head else (
        ("A", row.title), ("B", row.topics), ("D", row.body), ("D", row.filters))
    for weight, tokens in parts:
        for token in tokens:
            position += 1
            found = positions.setdefault(token, [])
            if len(found) < MAX_POSITIONS:
                # D is the default weight and is written without a letter.
                found.append(f"{min(position, 16383)}{'' if weight == 'D' else weight}")
    return " ".join(f"{_lexeme(token)}:{','.join(found)}" for token, found in positions.items())


def _any(terms) -> str:
    return "(" + " | ".join(_lexeme(term) for term in terms) + ")"


def text_query(match: Match) -> str:
    groups = [" & ".join(_any(clause) for clause in group) for group in match.groups()]
    return groups[0] if len(groups) == 1 else " | ".join(f"({group})" for group in groups)


def filter_query(filters) -> str:
    return " & ".join(_any(accepted) for accepted in filters)


def _condition(match: Match | None, filters) -> tuple[str, list]:
    """The WHERE clause of a match with its filters (filter tokens are in ``vector`` and ``head``), and its
    parameters: one condition on one vector, so each row's match is decided by one ``@@``."""
    parts, params = [], []
    if match is not None and match.clauses:
        if match.head:
            parts.append("head @@ %s::tsquery")
            params.append(f"({text_query(match)}) & {filter_query(filters)}" if filters else text_query(match))
            filters = []
        elif filters:
            parts.append("vector @@ %s::tsquery")
            params.append(f"({text_query(match)}) & {filter_query(filters)}")
            filters = []
        else:
            parts.append("vector @@ %s::tsquery")
            params.append(text_query(match))
    if filters:
        parts.append("vector @@ %s::tsquery")
        params.append(filter_query(filters))
    return " AND ".join(parts), params


class PostgresEngine(Engine):
    vendor = "postgresql"
    # The ranked statement counts coverage in the same pass, so the first pass is already the answer when
    # few records match.
    first_pass_facets = True

    def __init__(self):
        self._estimates: dict[tuple, float] = {}

    def candidates(self, query, limit, needed=None):
        self._estimates = {}  # estimates are remembered within one search only
        return super().candidates(query, limit, needed)

    def write(self, rows: list[IndexRow]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany("UPDATE search_searchentry SET vector = %s::tsvector, head = %s::tsvector WHERE id = %s",
                               [(vector_literal(row), vector_literal(row, head=True), row.entry_id) for row in rows])

    def delete(self, entry_ids: list[int]) -> None:
        """Nothing to do: the vectors are columns of the entry, deleted with it."""

    def clear(self) -> None:
        """Nothing to do: the vectors go with the entries."""

    def optimize(self) -> None:
        """Fresh statistics for the planner's row estimates (the plan choice depends on them)."""
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchentry")

    def expects_many(self, match: Match, filters, limit: int) -> bool:
        """The first pass reads the vector of every row it tests (a few kilobytes from the TOAST table each): when
        the planner expects many matches, the title-and-topics tier (the small ``head`` vector) is asked first."""
        return self._estimate(*_condition(match, filters)) > WINDOW_MARGIN * limit

    def _estimate(self, condition: str, params: list) -> float:
        """PostgreSQL's row estimate for a condition (EXPLAIN, no execution); the same condition is asked once."""
        key = (condition, tuple(params))
        if key not in self._estimates:
            with connection.cursor() as cursor:
                cursor.execute(f"EXPLAIN (FORMAT JSON) SELECT id FROM search_searchentry WHERE {condition}", params)  # noqa: S608
                self._estimates[key] = cursor.fetchone()[0][0]["Plan"]["Plan Rows"]
        return self._estimates[key]

    def first_pass(self, match: Match, filters, limit: int) -> list[Row]:
        """Scored only when the planner expects at most twice ``limit`` matches: otherwise the candidates come from
        the tiers, and scoring these rows (reading each one's vector once per clause and for its rank) is wasted."""
        return self._newest(match, filters, limit, 0, scored=None)

    def covering(self, clauses, since: int) -> list[set[int]]:
        """Only for finding every record that names a concept (tasks.py): searches count coverage in the
        ranked statement itself."""
        found = []
        with connection.cursor() as cursor:
            for clause in clauses:
                cursor.execute("SELECT id FROM search_searchentry WHERE vector @@ %s::tsquery AND id >= %s",
                               [_any(clause), since])
                found.append({pk for (pk,) in cursor.fetchall()})
        return found

    def browse(self, filters, limit: int) -> list[Row]:
        return self._newest(None, filters, limit, 0)

    def ranked(self, match: Match, filters, limit: int, since: int = 0, scored: bool = True,
               counted: bool = True) -> list[Row]:
        return self._newest(match, filters, limit, since, scored, counted)

    def _newest(self, match: Match | None, filters, limit: int, since: int, scored: bool | None = True,
                counted: bool = True) -> list[Row]:
        """The newest ``limit`` matches with their relevance, coverage and facet values, newest first.

        ``ts_rank`` and the coverage run on at most ``limit`` rows, so the cost does not grow with the number
        of matches. Which way to find the newest matches depends on how many there are, and PostgreSQL's
        planner misjudges it (it underestimates what evaluating ``@@`` row by row costs, and would read 30,000
        vectors backwards along the primary key to find 1,000 of 3,000 matches). So its own row estimate is
        asked first (EXPLAIN, no execution) and the plan is chosen here:

        - many matches: read the primary key backwards, test each row and rank it in the same pass,
          stopping at the ``limit``-th match;
        - fewer: take the newest ``limit`` matches from the GIN index, looking first only among the
          newest ids where that many matches should be (see below), then fetch them again by their
          physical address (ctid, a "Tid Scan") to rank them: cheaper than looking each one up
          through the primary key index again.
        Both find the newest ``limit`` matches by id, so they return the same rows.

        ``scored`` None: scored only when the estimate is at most twice ``limit`` (estimates are often off by
        that). Each function of the vector in a row (``@@``, ``ts_rank``) reads it again from its TOAST table (a
        vector is a few kilobytes), so the coverage is counted only when ``counted``.
        """
        condition, params = _condition(match, filters)
        if since:
            condition += " AND id >= %s"
            params.append(since)
        estimate = self._estimate(condition, params)
        if scored is None:
            scored = estimate <= WINDOW_MARGIN * limit
        if match is not None and match.clauses and scored:
            anywhere = Match(match.clauses)
            # The title-and-topics tier is ranked by its title and topic labels alone (as SQLite ranks it, by its
            # own table): the small ``head`` vector is in the row, the whole ``vector`` would be read from TOAST.
            score = f"ts_rank({'head' if match.head else 'vector'}, %s::tsquery)"
            selected = [text_query(anywhere)]
            if not counted:
                coverage = "NULL"
            elif len(match.clauses) == 1:
                coverage = "1"  # every match matches the one clause
            else:
                coverage = " + ".join(["(vector @@ %s::tsquery)::int"] * len(match.clauses))
                selected += [_any(clause) for clause in match.clauses]
        else:
            score, coverage, selected = "0", "NULL", []
        columns = f"id, {score} AS score, facets, {coverage} AS coverage"
        with connection.cursor() as cursor:
            if estimate > MANY_MATCHES:
                cursor.execute(
                    f"SELECT {columns} FROM search_searchentry WHERE {condition} "  # noqa: S608 (constants only)
                    "ORDER BY id DESC LIMIT %s", [*selected, *params, limit])
                return [Row(*row) for row in cursor.fetchall()]
        # The GIN index gives every match, and reading each one's row to learn its id costs most of the
        # time when there are thousands. So first only the matches among the newest ids are read, as
        # many ids as should hold ``limit`` matches by the estimate (twice that): rows found both in the
        # GIN index and in that range of the primary key index ("BitmapAnd"). Too few there (the
        # estimate was high): all matches are read.
        ranked = (f"SELECT {columns} FROM search_searchentry WHERE ctid = ANY(ARRAY("  # noqa: S608
                  f"SELECT ctid FROM search_searchentry WHERE {condition}{{window}} "
                  "ORDER BY id + 0 DESC LIMIT %s)) ORDER BY id DESC")
        floor = self._window_floor(estimate, limit)
        found = []
        with transaction.atomic(), connection.cursor() as cursor:
            # Only the indexes, for these statements: left to itself, the planner reads a small table
            # whole, or the primary key range, testing ``@@`` on every row (10,000 vectors: 45 ms).
            # SET LOCAL ends with this transaction, or with the caller's if it is inside one: hence
            # the settings are put back (to their defaults) at the end.
            cursor.execute("SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)")
            if floor is not None and floor >= since:
                cursor.execute(ranked.format(window=" AND id > %s"), [*selected, *params, floor, limit])
                found = cursor.fetchall()
            if len(found) < limit:
                cursor.execute(ranked.format(window=""), [*selected, *params, limit])
                found = cursor.fetchall()
            cursor.execute("SELECT set_config('enable_seqscan', 'on', true), set_config('enable_indexscan', 'on', true)")
        return [Row(*row) for row in found]

    def _window_floor(self, estimate: float, limit: int) -> int | None:
        """The id above which ``limit`` matches should be found, or None to read them all."""
        if estimate <= WINDOW_MARGIN * limit:
            return None  # the window would be the whole table
        with connection.cursor() as cursor:
            cursor.execute("SELECT max(id), (SELECT reltuples FROM pg_class WHERE oid = 'search_searchentry'::regclass) "
                           "FROM search_searchentry")
            newest, total = cursor.fetchone()
        span = int(WINDOW_MARGIN * limit * total / max(estimate, 1))
        # reltuples is -1 before the table was first analysed: no window then.
        return newest - span if newest is not None and 0 < span < total else None
