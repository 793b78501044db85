"""Two full-text engines behind one interface, chosen by the database vendor.

Both receive the same terms (``rial/search/text.py``) and the same query — one *clause* per query word, each
clause a set of alternative terms (the word stemmed in four languages, the concepts the query names around
it, a spelling correction); a record matches when it matches any clause, and every filter — and both choose
their candidates by the same rules below, so they find exactly the same records. Only the relevance score
differs: bm25 on SQLite FTS5, ``ts_rank`` on PostgreSQL.

**Ranking.** Records that match every word come first, then those that match most of them (``coverage``);
within the same coverage, the engine's relevance score (title weighs 8, topic labels 3, body 1).

**Over all matches.** When at most ``CANDIDATES`` records match (nearly every query at the network's size),
every match is ranked. When more match, ranking each one costs time in proportion to the matches (bm25 on
70,000 rows: ~0.8 s), so candidates are drawn best tier first, each tier newest first:

1. records with every word in their title or topic labels;
2. records with every word anywhere;
3. records with all the words but one (for queries of 3 to 6 words);
4. records with some of the words (then ranked by coverage and score).

A record with the words in its title is therefore never passed over for newer records that only mention them
in the body; only within one tier larger than ``CANDIDATES`` are the newest taken.
"""

from dataclasses import dataclass, field
from itertools import combinations
from typing import NamedTuple

from django.db import connection

CANDIDATES = 1000
# Queries of this many words (inclusive) also draw the records that lack one word as a tier of their own;
# longer queries would need too many combinations of words.
PARTIAL_TIER_WORDS = (3, 6)


class Candidate(NamedTuple):
    id: int
    score: float    # higher is more relevant (bm25 is negated on SQLite); 0 when there are no words
    facets: str     # SearchEntry.facets
    coverage: int   # how many of the query's clauses the record matches


class Row(NamedTuple):
    """A match as an engine returns it: newest first, with its score, facet values and (if the engine
    counts it in the same statement) coverage."""

    id: int
    score: float
    facets: str
    coverage: int | None = None


@dataclass
class IndexRow:
    entry_id: int
    title: list[str]
    topics: list[str]
    body: list[str]
    filters: list[str]


@dataclass
class EngineQuery:
    # One clause per query word: the alternative terms, any of which matches the word.
    clauses: list[list[str]] = field(default_factory=list)
    # AND of ORs: each inner list holds the accepted tokens of one facet.
    filters: list[list[str]] = field(default_factory=list)

    @property
    def has_text(self) -> bool:
        return any(self.clauses)

    @property
    def text_clauses(self) -> list[list[str]]:
        return [clause for clause in self.clauses if clause]


@dataclass(frozen=True)
class Match:
    """What a statement looks for: at least ``least`` of the clauses (1: any, all of them: every), anywhere or
    only in the title and topic labels."""

    clauses: tuple[tuple[str, ...], ...]
    least: int = 1
    head: bool = False

    @property
    def every(self) -> bool:
        return self.least >= len(self.clauses)

    def groups(self) -> list[tuple[tuple[str, ...], ...]]:
        """The clause groups any one of which must match entirely (an OR of ANDs)."""
        if self.every:
            return [self.clauses]
        if self.least <= 1:
            return [(tuple(term for clause in self.clauses for term in clause),)]
        return list(combinations(self.clauses, self.least))


class Engine:
    """The candidate rules both engines share; each engine supplies the statements."""

    def candidates(self, query: EngineQuery, limit: int, needed: int | None = None) -> list[Candidate]:
        """At most ``limit`` candidates, best first (a caller asks for one more than it shows to know whether
        there were more). ``needed``: how many of the first candidates must be in their exact order (the
        results up to the page shown); when more records match than are ranked, a tier that starts after them is
        taken newest first without scoring it. None: every candidate in order."""
        needed = limit if needed is None else needed
        if not query.has_text:
            return [Candidate(row.id, 0.0, row.facets, 0) for row in self.browse(query.filters, limit)]
        clauses = tuple(tuple(clause) for clause in query.text_clauses)
        anywhere = Match(clauses)
        full = len(clauses)
        head = Match(clauses, least=full, head=True)
        drawn = None
        if self.expects_many(anywhere, query.filters, limit):
            # More than ``limit`` records with every word in their title or topics are the candidates whatever the
            # first pass finds (there are more matches than that): it is not needed.
            drawn = self.ranked(head, query.filters, limit + 1, counted=False)
            if len(drawn) > limit:
                return self._order([(0, row._replace(coverage=full)) for row in drawn[:limit]], limit)
        first = self.first_pass(anywhere, query.filters, limit + 1)
        # The first pass is scored (its rows carry their coverage) when the engine expected few matches.
        first_scored = self.first_pass_facets and bool(first) and first[0].coverage is not None
        if len(first) <= limit:
            rows = first if first_scored else self.ranked(
                anywhere, query.filters, limit, since=min((row.id for row in first), default=0))
            return self._order([(0, row) for row in self._covered(rows, clauses, query.filters)], limit)
        chosen: dict[int, tuple[int, Row]] = {}
        # Each tier with the coverage its records have: every tier after the first two takes only records the
        # earlier ones did not hold entirely (a tier is only left when it was drawn whole).
        tiers = [(head, full), (Match(clauses, least=full), full)]
        if full == 1:
            tiers = tiers[:1] + [(anywhere, 1)]
        elif PARTIAL_TIER_WORDS[0] <= full <= PARTIAL_TIER_WORDS[1]:
            tiers.append((Match(clauses, least=full - 1), full - 1))
        for tier, (match, coverage) in enumerate(tiers):
            # Rows of a tier that begins past the results whose order matters need no score; a tier's coverage
            # is known from its rule, not counted.
            rows = drawn if tier == 0 and drawn is not None else self.ranked(
                match, query.filters, limit + len(chosen), scored=len(chosen) < needed, counted=False)
            self._add(chosen, tier, [row._replace(coverage=coverage) for row in rows], limit)
            if len(chosen) >= limit:
                break
        if len(chosen) < limit:
            scored = len(chosen) < needed
            partial = None
            if first_scored or not scored:
                # The first pass holds the newest ``limit`` + 1 matches and every chosen record is a match, so more
                # than ``limit`` - len(chosen) of them are not chosen yet: the newest of those are this tier.
                partial = [row for row in first if row.id not in chosen][: limit - len(chosen)]
                if not self.first_pass_facets:
                    partial = self._with_facets(partial)
            if partial is None:
                rows = self.ranked(anywhere, query.filters, limit + len(chosen), scored=scored)
                partial = [row for row in rows if row.id not in chosen][: limit - len(chosen)]
            for row in self._covered(partial, clauses, query.filters) if scored else partial:
                chosen[row.id] = (len(tiers), row)
        return self._order(list(chosen.values()), limit)

    @staticmethod
    def _with_facets(rows: list[Row]) -> list[Row] | None:
        """The rows with their records' facet values (one lookup by primary key); None when an index row has no
        record (an entry removed without its index row): the engine's own statement, which joins them, decides."""
        if not rows:
            return rows
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT id, facets FROM search_searchentry WHERE id IN ({', '.join(['%s'] * len(rows))})",  # noqa: S608 (placeholders only)
                           [row.id for row in rows])
            facets = dict(cursor.fetchall())
        if len(facets) < len(rows):
            return None
        return [row._replace(facets=facets[row.id]) for row in rows]

    @staticmethod
    def _add(chosen: dict, tier: int, rows: list[Row], limit: int) -> None:
        for row in rows:
            if len(chosen) >= limit:
                return
            chosen.setdefault(row.id, (tier, row))

    def _covered(self, rows: list[Row], clauses, filters) -> list[Row]:
        """The rows with their coverage: counted by the engine's statement, or one statement per clause over the
        ids these rows span (every match of a clause there is one of these rows or a record chosen before)."""
        if len(clauses) == 1:
            return [row._replace(coverage=1) for row in rows]
        if not rows or all(row.coverage is not None for row in rows):
            return rows
        since = min(row.id for row in rows)
        counts = dict.fromkeys((row.id for row in rows), 0)
        for matching in self.covering(clauses, since):
            for pk in matching:
                if pk in counts:
                    counts[pk] += 1
        return [row._replace(coverage=counts[row.id]) for row in rows]

    @staticmethod
    def _order(ranked: list[tuple[int, Row]], limit: int) -> list[Candidate]:
        ranked.sort(key=lambda item: (-(item[1].coverage or 0), item[0], -item[1].score, -item[1].id))
        return [Candidate(row.id, row.score, row.facets, row.coverage or 0) for _tier, row in ranked[:limit]]

    # What each engine implements. Whether the first pass's rows carry their facet values (and, when their
    # coverage is not None, their score and coverage): then they can be used as they are.
    first_pass_facets = False

    def expects_many(self, match: Match, filters, limit: int) -> bool:
        """Whether more than ``limit`` records are expected to match, where the first pass costs enough that the
        records with every word in their title or topic labels are asked first (when they are more than ``limit``,
        the first pass is not needed)."""
        return False

    def first_pass(self, match: Match, filters, limit: int) -> list[Row]:
        """The newest ``limit`` matches (scored, or ids only where scoring them all would be wasted)."""
        raise NotImplementedError

    def ranked(self, match: Match, filters, limit: int, since: int = 0, scored: bool = True,
               counted: bool = True) -> list[Row]:
        """The newest ``limit`` matches with ids from ``since`` on, with their facet values and (unless
        ``scored`` is false) their score; ``counted``: the caller needs their coverage (an engine that counts it
        in the same statement may skip it otherwise)."""
        raise NotImplementedError

    def covering(self, clauses, since: int) -> list[set[int]]:
        """For each clause, the ids from ``since`` on that match it."""
        raise NotImplementedError

    def browse(self, filters, limit: int) -> list[Row]:
        """The newest ``limit`` records with these filters (no words)."""
        raise NotImplementedError


def get_engine() -> Engine:
    if connection.vendor == "postgresql":
        from rial.search.engines.postgres import PostgresEngine  # noqa: PLC0415 (vendor-specific)

        return PostgresEngine()
    from rial.search.engines.sqlite import SqliteEngine  # noqa: PLC0415

    return SqliteEngine()
