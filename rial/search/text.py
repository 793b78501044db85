"""Turning text into index terms, and queries into engine-neutral clauses.

Both engines index the *same* terms, computed here in Python, so that SQLite and PostgreSQL find
exactly the same records: a word is lower-cased, stripped of accents, stemmed (``stemming.py``: Snowball
with British spellings read as American and the word families Snowball leaves apart joined) and tagged with
its language (``inspecciones`` in Spanish text becomes ``es_inspec``). A query word is stemmed in all four
languages, so a Spanish query finds Spanish text, the Spanish translation of an English record, and an
English record whose topic is named in Spanish — without guessing the query's language.

Accents are removed *before* stemming, so a query typed without accents ("inspeccion") gives the same
terms as the accented text.

``RULES_VERSION`` names the rules that made the terms: an index written with other rules is stale
(``manage.py check_search_index``) and is rebuilt (``rebuild_search_index --if-stale``).
"""

import re
import unicodedata
from dataclasses import dataclass, field
from importlib.metadata import version

from rial.core.languages import LANGUAGE_CODES
from rial.search import stemming

LANGUAGES = LANGUAGE_CODES
# Change this whenever a change to the rules changes the terms of some word (tests/test_rules_version.py
# notices a change of the terms of its sample words and asks for it).
RULES_VERSION = f"2026-12-06.families/snowball-{version('snowballstemmer')}"

# The commonest function words: a query word that is one of them is ignored (unless every word
# is), so "inspección del trabajo" also finds "inspección de trabajo".
def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split(" "))


STOPWORDS = {
    "en": _wordset("a an and are as at be by for from in into is it of on or the to with"),
    "es": _wordset("a al con de del el en es la las lo los o para por que se su sus un una y"),
    "pt": _wordset("a ao as com da das de do dos e em na nas no nos o os ou para pela pelo por que se um uma"),
    "fr": _wordset("a au aux avec d de des du en et l la le les ou par pour que qui sur un une"),
}
ALL_STOPWORDS = frozenset().union(*STOPWORDS.values())

WORD_RE = re.compile(r"\w+", re.UNICODE)
MAX_QUERY_WORDS = 12      # a longer query is cut (and the reader told): the engines need no more
MAX_WORD_LENGTH = 40      # longer "words" are noise (hashes, base64) and would bloat the index
MAX_BODY_CHARS = 200_000  # the part of a long text that is indexed (a 60-page study is about this)


def fold(text: str) -> str:
    """Lower case without accents: "Inspección" → "inspeccion"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


# Terms are remembered, per language, in plain dicts of strings: a corpus repeats its words. Not in an
# lru_cache: its 500,000 entries were objects the garbage collector walks, which made every full
# collection (and so the search that happened to set one off) 40 to 150 ms slower; a dict holding only
# strings is not walked at all.
MEMO_WORDS = 200_000  # per language and memo; a full memo starts again empty
_term_memo: dict[str, dict[str, str]] = {}
_word_memo: dict[str, dict[str, str | None]] = {}


def _remember(memos: dict[str, dict], language: str, key: str, value):
    memo = memos.setdefault(language, {})
    if len(memo) >= MEMO_WORDS:
        memo.clear()
    memo[key] = value
    return value


def term(word: str, language: str) -> str:
    """The index term of one already folded word in one language."""
    try:
        return _term_memo[language][word]
    except KeyError:
        return _remember(_term_memo, language, word, f"{language}_{stemming.stem(word, language)}")


def words(text: str) -> list[str]:
    """The words of ``text``, lower-cased, accents kept (NFC so that "é" is one character of a word)."""
    return [word for word in WORD_RE.findall(unicodedata.normalize("NFC", text).lower())
            if len(word) <= MAX_WORD_LENGTH]


def word_memo(language: str) -> dict[str, str | None]:
    """The words whose term is already known in ``language`` (to read in a loop over a long text)."""
    return _word_memo.setdefault(language, {})


def word_term(word: str, language: str) -> str | None:
    """The term of one word as found in text (any case, accents kept), None when it has no letters."""
    try:
        return _word_memo[language][word]
    except KeyError:
        folded = fold(word).replace("_", "")
        return _remember(_word_memo, language, word, term(folded, language) if folded else None)


def terms(text: str, language: str) -> list[str]:
    """Every term of ``text`` in ``language``, in order (positions matter for ranking)."""
    if language not in LANGUAGES:
        language = "en"
    return [found for word in words(text[:MAX_BODY_CHARS]) if (found := word_term(word, language))]


def filter_token(name: str, value) -> str:
    """A facet value as an index token: ``country_cl``, ``topic_labor_inspection``, ``year_2019``."""
    cleaned = re.sub(r"[^a-z0-9]+", "_", fold(str(value))).strip("_")
    return f"{name}_{cleaned}"


def stop_terms(language: str) -> frozenset[str]:
    """The terms of the function words of ``language`` (left out when looking for a concept's labels)."""
    try:
        return _stop_terms[language]
    except KeyError:
        return _stop_terms.setdefault(language, frozenset(term(word, language) for word in STOPWORDS[language]))


_stop_terms: dict[str, frozenset[str]] = {}


@dataclass
class ParsedQuery:
    """The reader's words, folded, function words dropped (unless there is nothing else)."""

    text: str
    words: list[str] = field(default_factory=list)
    truncated: bool = False

    @property
    def empty(self) -> bool:
        return not self.words

    def word_terms(self, word: str) -> list[str]:
        """The word's term in each of the four languages (distinct)."""
        return list(dict.fromkeys(term(word, language) for language in LANGUAGES))

    def all_terms(self) -> set[str]:
        return {item for word in self.words for item in self.word_terms(word)}


def parse_query(text: str) -> ParsedQuery:
    """Words only: quotes, ``*``, ``NEAR``, brackets and SQL are never passed to an engine as syntax."""
    text = (text or "").strip()
    found = [fold(word).replace("_", "") for word in words(text[:2000])]
    found = [word for word in found if word]
    truncated = len(found) > MAX_QUERY_WORDS or len(text) > 2000
    found = found[:MAX_QUERY_WORDS]
    # "inspección del trabajo" also finds "inspección de trabajo": a function word of any language is not
    # looked for, unless the query has nothing else ("de" alone is searched).
    content = [word for word in found if word not in ALL_STOPWORDS]
    return ParsedQuery(text=text, words=list(dict.fromkeys(content or found)), truncated=truncated)
