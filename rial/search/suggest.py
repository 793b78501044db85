"""Spelling corrections and suggestions, from the index's own words and the field's vocabulary.

- A query word that the index has never seen ("inspecion") is compared (rapidfuzz, Levenshtein distance)
  with the words it has seen and the vocabulary's labels; the closest ones (at most two edits, one for short
  words) are searched as well, and the page offers the corrected query ("Did you mean inspección laboral?").
- When nothing is found, the page suggests the concepts the query names in the other languages and the
  topics they belong to.

Whether a word is known is asked of the database (one small query, only when some word matched nothing); the
dictionary the corrections come from is read once per process and then only the words added since
(``SearchWord`` ids only grow), and a correction is a lookup among the known words of about the same length.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from rial.search import vocabulary
from rial.search.models import SearchWord
from rial.search.text import LANGUAGES, MAX_WORD_LENGTH, fold, words

MIN_WORD = 4          # shorter words are neither stored nor corrected (acronyms, numbers)
MAX_CORRECTIONS = 2   # per word: "inspecion" → "inspección" and "inspection"


class Dictionary:
    """Every known word, by length: folded form → the spelling to show."""

    def __init__(self):
        self.by_length: dict[int, dict[str, str]] = {}
        self.newest_id = 0
        self.vocabulary_version: object = None

    def add(self, folded: str, display: str) -> None:
        self.by_length.setdefault(len(folded), {}).setdefault(folded, display)

    def known(self, folded: str) -> bool:
        return folded in self.by_length.get(len(folded), {})

    def refresh(self) -> None:
        rows = SearchWord.objects.filter(id__gt=self.newest_id).order_by("id").values_list("id", "word", "display")
        for pk, folded, display in rows:
            self.add(folded, display)
            self.newest_id = pk
        concepts = vocabulary.current()
        if concepts is not self.vocabulary_version:
            self.vocabulary_version = concepts
            for concept in concepts.concepts.values():
                for labels in concept.labels.values():
                    for label in labels:
                        for word in words(label):
                            if len(word) >= MIN_WORD:
                                self.add(fold(word), word)

    def closest(self, folded: str) -> list[str]:
        """The spellings of the known words nearest to an unknown one, best first."""
        allowed = 1 if len(folded) <= 5 else 2
        choices: dict[str, str] = {}
        for length in range(len(folded) - allowed, len(folded) + allowed + 1):
            choices.update(self.by_length.get(length, {}))
        found = process.extract(folded, list(choices), scorer=Levenshtein.distance, score_cutoff=allowed,
                                limit=MAX_CORRECTIONS)
        return [choices[word] for word, _distance, _index in sorted(found, key=lambda item: (item[1], item[2]))]


_dictionary = Dictionary()


def corrections(query_words: Iterable[str]) -> dict[str, list[str]]:
    """For each unknown query word (folded) long enough to correct, the known spellings nearest to it."""
    candidates = [word for word in query_words if len(word) >= MIN_WORD and not word.isdigit()]
    if not candidates:
        return {}
    # Known is asked of the database (one small query): the dictionary in memory may hold words of a rolled-back
    # transaction, or lack the newest ones of another process.
    known = set(SearchWord.objects.filter(word__in=candidates).values_list("word", flat=True))
    unknown = [word for word in candidates if word not in known]
    if not unknown:
        return {}
    _dictionary.refresh()
    found = {}
    for word in unknown:
        if not _dictionary.known(word):
            closest = _dictionary.closest(word)
            if closest:
                found[word] = closest
    return found


def remember_words(texts: Iterable[str]) -> None:
    """Store the words of these texts that the dictionary does not have yet (in the caller's transaction: a
    rolled-back indexing leaves no word behind, and the next one stores them again)."""
    new: dict[str, str] = {}
    for text in texts:
        for word in words(text):
            if MIN_WORD <= len(word) <= MAX_WORD_LENGTH and word.isalpha():
                new.setdefault(fold(word), word)
    if new:
        SearchWord.objects.bulk_create([SearchWord(word=folded, display=display) for folded, display in new.items()],
                                       ignore_conflicts=True, batch_size=2000)


@dataclass
class OtherLanguage:
    language: str
    query: str


def other_languages(query_words: list[str]) -> list[OtherLanguage]:
    """The query in the other languages, where it names concepts of the vocabulary: each concept's preferred
    label, in query order."""
    concepts = vocabulary.current()
    found = vocabulary.query_concepts(query_words, concepts)
    tokens = list(dict.fromkeys(token for position in found for token in sorted(position)))
    if not tokens:
        return []
    infos = [concepts.by_token[token] for token in tokens]
    # A concept inside a longer one the query names ("social security" in "social security agreements") adds
    # nothing: keep the concepts that cover the most words.
    covered = {token: sum(token in position for position in found) for token in tokens}
    widest = max(covered.values())
    infos = [info for info in infos if covered[info.token] == widest]
    suggestions = []
    for language in LANGUAGES:
        labels = [info.labels[language][0] for info in infos if info.labels.get(language)]
        if labels:
            suggestions.append(OtherLanguage(language, " ".join(dict.fromkeys(labels))))
    return suggestions


def topics_named(query_words: list[str]) -> list[str]:
    """The slugs of the topics the concepts the query names belong to."""
    concepts = vocabulary.current()
    tokens = {token for position in vocabulary.query_concepts(query_words, concepts) for token in position}
    return list(dict.fromkeys(concepts.by_token[token].topic for token in sorted(tokens)
                              if concepts.by_token[token].topic))
