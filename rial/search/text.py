"""Turning text into index terms, and queries into engine-neutral term lists.

Both engines index the *same* terms, computed here in Python, so that SQLite and PostgreSQL find
exactly the same records: a word is lower-cased, stripped of accents, stemmed with the Snowball
stemmer of its language and tagged with that language (``inspecciones`` in Spanish text becomes
``es_inspeccion``). A query is stemmed with all four stemmers; a record matches when all the query's
words match in at least one of its language versions (or in its topic labels, which are indexed in
all four languages). So a Spanish query finds Spanish text, the Spanish translation of an English
record, and an English record whose topic is named in Spanish — without guessing the query's language.

Accents are removed *before* stemming, so a query typed without accents ("inspeccion") gives the same
terms as the accented text.

Spanish plurals of words ending in a consonant are stemmed from their singular (``spanish_singular``):
Snowball alone leaves "taller"/"talleres" and "mujer"/"mujeres" apart.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

import snowballstemmer

LANGUAGES = ("en", "es", "pt", "fr")
STEMMERS = {"en": "english", "es": "spanish", "pt": "portuguese", "fr": "french"}

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

WORD_RE = re.compile(r"\w+", re.UNICODE)
MAX_QUERY_WORDS = 12      # a longer query is cut (and the reader told): the engines need no more
MAX_WORD_LENGTH = 40      # longer "words" are noise (hashes, base64) and would bloat the index
MAX_BODY_CHARS = 200_000  # the part of a long text that is indexed (a 60-page study is about this)


def fold(text: str) -> str:
    """Lower case without accents: "Inspección" → "inspeccion"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@cache
def _stemmer(language: str):
    return snowballstemmer.stemmer(STEMMERS[language])


# Snowball's Spanish stemmer removes one ending per word, and takes a singular's -ar/-er/-ir/-ad/-ed/-id/-en
# for a verb ending: "taller" → "tall", "mujer" → "muj", "joven" → "jov", "ciudad" → "ciud", while their
# plurals only lose "es" ("talleres" → "taller"). So such a plural is stemmed as its singular. Left out on
# purpose: -an ("guyanés" must keep meeting "Guyana"), -on/-l/-j/-s/-y (Snowball already joins "regiones",
# "laborales", "relojes", "países", "leyes" with their singulars; -s would split "inglés" from "inglesa").
SPANISH_PLURAL_RE = re.compile(r"(?<=[aei][rd]|en)es$")
# A final z is written c before e ("luz", "luces"): as c, the singular stems like its plural ("luc").
SPANISH_FINAL_Z_RE = re.compile(r"(?<=\w\w)z(mente)?$")


def spanish_singular(word: str) -> str:
    """The folded Spanish word to stem: "talleres" → "taller", "luz" → "luc", anything else unchanged."""
    if len(word) >= 5 and SPANISH_PLURAL_RE.search(word):
        return word[:-2]
    return SPANISH_FINAL_Z_RE.sub(r"c\1", word)


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
        singular = spanish_singular(word) if language == "es" else word
        return _remember(_term_memo, language, word, f"{language}_{_stemmer(language).stemWord(singular)}")


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
    if language not in STEMMERS:
        language = "en"
    return [found for word in words(text[:MAX_BODY_CHARS]) if (found := word_term(word, language))]


def filter_token(name: str, value) -> str:
    """A facet value as an index token: ``country_cl``, ``topic_labor_inspection``, ``year_2019``."""
    cleaned = re.sub(r"[^a-z0-9]+", "_", fold(str(value))).strip("_")
    return f"{name}_{cleaned}"


@dataclass
class ParsedQuery:
    text: str
    words: list[str] = field(default_factory=list)
    truncated: bool = False

    @property
    def empty(self) -> bool:
        return not self.words

    def terms_by_language(self) -> dict[str, list[str]]:
        """For each language, the distinct terms all of which a language version must contain."""
        result = {}
        for language in LANGUAGES:
            content = [word for word in self.words if word not in STOPWORDS[language]] or self.words
            result[language] = list(dict.fromkeys(term(word, language) for word in content))
        return result

    def all_terms(self) -> set[str]:
        return {item for group in self.terms_by_language().values() for item in group}


def parse_query(text: str) -> ParsedQuery:
    """Words only: quotes, ``*``, ``NEAR``, brackets and SQL are never passed to an engine as syntax."""
    text = (text or "").strip()
    found = [fold(word).replace("_", "") for word in words(text[:2000])]
    found = [word for word in found if word]
    return ParsedQuery(text=text, words=found[:MAX_QUERY_WORDS], truncated=len(found) > MAX_QUERY_WORDS
                       or len(text) > 2000)
