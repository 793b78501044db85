"""Country names as written in IACML documents, mapped to one canonical English name.

Documents say "the United States", "Estados Unidos de América", "Trinidad & Tobago" or "México"; the
platform stores "United States", "Trinidad and Tobago", "Mexico". ``CountryNames`` does that mapping.
It is built from ``rial/directory/data/countries.csv`` here, and from the database by the Django app.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

# Spellings the CSV does not carry, keyed by the canonical English name they stand for. They are added
# only when that canonical name is known, so a smaller mapping never gains countries it lacks.
EXTRA_ALIASES: dict[str, tuple[str, ...]] = {
    "United States": (
        "United States of America",
        "Estados Unidos de América",
        "États-Unis d'Amérique",
    ),
    "Trinidad and Tobago": ("Trinidad & Tobago", "Trinidad y Tobago"),
    "Antigua and Barbuda": ("Antigua & Barbuda",),
    "Saint Kitts and Nevis": ("St. Kitts and Nevis", "St Kitts and Nevis", "San Cristóbal y Nieves"),
    "Saint Lucia": ("St. Lucia", "St Lucia"),
    "Saint Vincent and the Grenadines": ("St. Vincent and the Grenadines", "St Vincent and the Grenadines"),
    "Bahamas": ("The Bahamas", "Commonwealth of The Bahamas"),
    "Bolivia": ("Plurinational State of Bolivia", "Estado Plurinacional de Bolivia"),
    "Venezuela": ("Bolivarian Republic of Venezuela", "República Bolivariana de Venezuela"),
    "Dominican Republic": ("Dominican Rep.",),
}

# Abbreviations accepted by ``canonical()`` but never searched for in running text, where "usa" is also
# a Spanish verb.
ABBREVIATIONS: dict[str, tuple[str, ...]] = {"United States": ("USA", "U.S.A.", "U.S.", "EE.UU.", "EEUU")}

# Names that contain a country's name but are not that country: finding "Spain" inside the city of
# Port of Spain would name the wrong country as a chair.
NOT_COUNTRIES: tuple[str, ...] = ("Port of Spain", "Port-of-Spain", "Puerto España", "Mexico City")

# Leading articles dropped before lookup: "the United States", "los Estados Unidos", "la República ...".
LEADING_ARTICLE_RE = re.compile(r"^(?:the|el|la|los|las|le|les|l')\s+")
# "St." or "St" at the start is written out, so "St. Lucia" and "Saint Lucia" meet.
SAINT_RE = re.compile(r"^st\.?\s+")
# Anything that is not a letter, digit or space becomes a space ("U.S.A." -> "u s a").
PUNCTUATION_RE = re.compile(r"[^\w\s]")
SPACES_RE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower-case ``text`` and drop accents, keeping one character per character.

    Keeping the length lets a match found in the folded text be read back in the original.
    """
    folded = []
    for char in text:
        base = unicodedata.normalize("NFKD", char)[:1] or char
        folded.append(base.lower()[:1] or base)
    return "".join(folded)


def alias_key(name: str) -> str:
    """The lookup key of a name: folded, '&' as 'and', no punctuation, articles or 'St.' abbreviation."""
    key = fold(name.strip()).replace("&", " and ")
    key = SAINT_RE.sub("saint ", key)
    key = PUNCTUATION_RE.sub(" ", key)
    key = SPACES_RE.sub(" ", key).strip()
    return LEADING_ARTICLE_RE.sub("", key)


@dataclass(frozen=True)
class FoundCountry:
    """A country name found in a text: where it starts and ends, and its canonical English name."""

    start: int
    end: int
    canonical: str


class CountryNames:
    """Maps the many spellings of a country to its canonical English name."""

    def __init__(self, aliases: Mapping[str, str]) -> None:
        """``aliases`` maps spellings (any case, with or without accents) to canonical English names."""
        self._by_key: dict[str, str] = {}
        for alias, canonical in aliases.items():
            self._add(alias, canonical)
        canonical_names = set(self._by_key.values())
        for canonical in canonical_names:
            self._add(canonical, canonical)
            for alias in EXTRA_ALIASES.get(canonical, ()):
                self._add(alias, canonical)
        self._searchable = set(self._by_key)
        for canonical in canonical_names:
            for alias in ABBREVIATIONS.get(canonical, ()):
                self._add(alias, canonical)
        self._finder = self._compile_finder()

    @classmethod
    def from_csv(cls, path: str | Path) -> CountryNames:
        """Read the directory's countries CSV: every ``name_*`` column is an alias of ``name_en``."""
        aliases: dict[str, str] = {}
        with open(path, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                canonical = (row.get("name_en") or "").strip()
                if not canonical:
                    continue
                for column, value in row.items():
                    if column and column.startswith("name_") and value and value.strip():
                        aliases[value.strip()] = canonical
        return cls(aliases)

    def _add(self, alias: str, canonical: str) -> None:
        key = alias_key(alias)
        if key:
            self._by_key.setdefault(key, canonical)

    def canonical(self, name: str | None) -> str | None:
        """The canonical English name of ``name``, or None when it is not a known country."""
        if not name:
            return None
        key = alias_key(name)
        if key in self._by_key:
            return self._by_key[key]
        # "Bolivia (Plurinational State of)": try again without the part in brackets.
        without_brackets = alias_key(re.sub(r"\([^)]*\)", " ", name))
        return self._by_key.get(without_brackets)

    def names(self) -> list[str]:
        """All canonical English names, sorted."""
        return sorted(set(self._by_key.values()))

    def find_all(self, text: str) -> list[FoundCountry]:
        """Every country named in ``text``, in order, longest spelling first where names overlap."""
        return list(self._iter_found(text))

    def _iter_found(self, text: str) -> Iterator[FoundCountry]:
        folded = fold(text)
        for match in self._finder.finditer(folded):
            key = alias_key(match.group(0))
            canonical = self._by_key.get(key)
            if canonical is not None:
                yield FoundCountry(match.start(), match.end(), canonical)

    def _compile_finder(self) -> re.Pattern[str]:
        """One regex of every spelling (and of the non-countries to skip), longest first.

        The spellings are searched in folded text with flexible spaces and optional punctuation, so
        "Trinidad  &  Tobago" and "U.S.A." are found. Non-countries such as "Port of Spain" are in the
        same alternation: matching them first consumes the text, and they map to no country.
        """
        spellings = {fold(alias) for alias in self._spellings()} | {fold(name) for name in NOT_COUNTRIES}
        spellings = {spelling for spelling in spellings if spelling.strip()}
        patterns = [self._spelling_pattern(spelling) for spelling in sorted(spellings, key=len, reverse=True)]
        return re.compile(r"(?<!\w)(?:" + "|".join(patterns) + r")(?!\w)")

    def _spellings(self) -> set[str]:
        """The written forms to search for: canonical names, extra aliases, and the searchable keys."""
        spellings = set(self._by_key.values())
        for canonical in spellings.copy():
            spellings.update(EXTRA_ALIASES.get(canonical, ()))
        # The keys are spellings without accents or punctuation ("estados unidos"); the originals'
        # accents do not matter because the text is folded before searching.
        spellings.update(self._searchable)
        return spellings

    @staticmethod
    def _spelling_pattern(spelling: str) -> str:
        words = [word for word in re.split(r"[\s\-]+", spelling) if word]
        return r"[\s\-]+".join(re.escape(word) for word in words)
