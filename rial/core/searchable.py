"""How an app makes its records searchable: the contract between the apps and the one search box.

This module sits in ``core``, below every app, so that an app describes its records to the search without
importing the search app (which sits above all apps: it reads every app's records through this contract).

An app with published records to find writes ``<app>/search.py`` with one registered subclass of
:class:`SearchSource`::

    from rial.core.searchable import SearchDocument, SearchSource, register

    @register
    class ProgramSource(SearchSource):
        kinds = {"program": _("Programs")}
        models = [Program]                       # saves and deletes of these change the index
        related = {Outcome: lambda outcome: [outcome.program]}   # optional, see below

        def document(self, program) -> SearchDocument | None:   # None: not to be found (draft, archived)
            ...
        def documents(self):                     # every record public now (rebuild_search_index)
            ...

What the search app does with it (``rial/search``): after a transaction that saved or deleted a record of
``models`` commits, it asks ``document(record)`` again and writes or removes that entry. ``related`` maps
another model the document reads to a function returning the records (of ``models``) one of its rows
affects; for a many-to-many field the key is its link model (``Program.topics.through``). ``model_kinds``
names the kinds each model gives, for a source whose models' primary keys can coincide.
``documents_mentioning(topic=, country=)`` yields again the documents that carry a topic's labels or a
country's name, after it was renamed. An app's own workflow never calls the search app, and every app works
(and is tested) without it.

A :class:`SearchDocument` normalises what it is given when it is made (written), so the index holds one
form whatever way a source built it: the address is the path without a language prefix (the search adds the
reader's), the language is one of the platform's, countries are upper-case codes.
"""

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from django.conf import settings
from django.db.models import Model
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation

from rial.core.languages import LANGUAGE_CODES, supported

DEFAULT_LANGUAGE = "en"


def language_neutral(url: str) -> str:
    """``/es/programs/5/`` → ``/programs/5/``: a path of this site without its language prefix; anything
    else (another site's address) unchanged."""
    url = (url or "").strip()
    if not url.startswith("/"):
        return url
    for code in LANGUAGE_CODES:
        if url == f"/{code}" or url.startswith(f"/{code}/"):
            return url[len(code) + 1:] or "/"
    return url


def path_of(record: Model) -> str:
    """The language-neutral path of a record's page (its ``get_absolute_url``)."""
    with translation.override(DEFAULT_LANGUAGE):
        return language_neutral(record.get_absolute_url())


_KEY_MARK = 918273645  # stands for the key while an address is reversed once
_PATH_ENDS: dict[tuple, tuple[str, str]] = {}


def path_for(view_name: str, pk: int) -> str:
    """The language-neutral path of the page ``view_name`` for the integer key ``pk``: ``path_of`` for lists. The
    address is reversed once per URL configuration and the key put in it; ``path_of`` reverses each record's own
    address under the default language (50 programs: 1.2 ms that way, 0.26 ms this way)."""
    config = (view_name, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
    ends = _PATH_ENDS.get(config)
    if ends is None:
        with translation.override(DEFAULT_LANGUAGE):
            path = language_neutral(reverse(view_name, kwargs={"pk": _KEY_MARK}))
        head, _mark, tail = path.partition(str(_KEY_MARK))
        ends = _PATH_ENDS[config] = (head, tail)
    return f"{ends[0]}{int(pk)}{ends[1]}"


def _text(value) -> str:
    return str(value or "").strip()


@dataclass(frozen=True)
class SearchDocument:
    """One findable record as the index stores it: its text in its original language and its translations."""

    kind: str                     # "program", "document", "mandate", "meeting", "agreement", …
    key: str                      # unique within the kind: the primary key as text for a record of `models`
    url: str                      # the record's page; a language prefix is removed (see language_neutral)
    language: str                 # the original text's language: "en", "es", "pt" or "fr"
    title: str
    body: str = ""
    # Translations of title and body: {"es": ("título", "cuerpo"), …}; each is indexed in its language.
    translations: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    countries: tuple[str, ...] = ()  # ISO alpha-2 codes
    topics: tuple[str, ...] = ()     # Topic slugs
    year: int | None = None

    def __post_init__(self):
        language = supported(self.language) or DEFAULT_LANGUAGE
        title, body = _text(self.title), _text(self.body)
        translations = {}
        for code, (other_title, other_body) in dict(self.translations).items():
            code = supported(code)
            other_title, other_body = _text(other_title), _text(other_body)
            if code and code != language and code not in translations and (other_title or other_body):
                translations[code] = (other_title or title, other_body)
        normalised = {
            "kind": _text(self.kind), "key": _text(self.key), "url": language_neutral(self.url),
            "language": language, "title": title, "body": body, "translations": translations,
            "countries": tuple(dict.fromkeys(_text(code).upper() for code in self.countries if _text(code))),
            "topics": tuple(dict.fromkeys(_text(slug) for slug in self.topics if _text(slug))),
            "year": int(self.year) if self.year else None,
        }
        for name, value in normalised.items():
            object.__setattr__(self, name, value)

    def versions(self) -> dict[str, tuple[str, str]]:
        """Every language version, the original first: {language: (title, body)}."""
        return {self.language: (self.title, self.body), **self.translations}


class SearchSource:
    """What one app contributes to the search. Subclass it in ``<app>/search.py`` and decorate with
    :func:`register`; the class attributes are read, one instance per class does the work."""

    #: The kinds of record this source gives, with their labels: ``{"program": _("Programs")}``.
    kinds: ClassVar[Mapping[str, Any]] = {}
    #: The models whose saves and deletes change the index.
    models: ClassVar[Sequence[type[Model]]] = ()
    #: For a source with several models whose primary keys can coincide: the kinds each model gives.
    model_kinds: ClassVar[Mapping[type[Model], tuple[str, ...]]] = {}
    #: Other rows ``document`` reads: their model → a function returning the records a row affects.
    related: ClassVar[Mapping[type[Model], Callable[[Any], Iterable[Model]]]] = {}

    def document(self, record: Model) -> SearchDocument | None:
        """The document of one record of ``models``, or None when it must not be found."""
        raise NotImplementedError

    def documents(self) -> Iterable[SearchDocument]:
        """Every record that is public now."""
        raise NotImplementedError

    def documents_mentioning(self, *, topic=None, country=None) -> Iterable[SearchDocument]:
        """The public records whose documents carry this topic's labels or name this country (a source that
        names neither needs nothing)."""
        return ()

    def kinds_of(self, model: type[Model]) -> tuple[str, ...]:
        """The kinds a record of ``model`` can give (so hiding it removes only its own entry)."""
        return tuple(self.model_kinds.get(model, tuple(self.kinds)))

    @property
    def name(self) -> str:
        return f"{type(self).__module__}.{type(self).__qualname__}"

    def __repr__(self) -> str:
        return f"<search source {self.name}>"


_registered: dict[type[SearchSource], SearchSource] = {}


def register(source_class: type[SearchSource]) -> type[SearchSource]:
    """Class decorator: make this source known to the search (registering twice keeps one)."""
    if not (isinstance(source_class, type) and issubclass(source_class, SearchSource)):
        raise TypeError(f"{source_class!r} is not a SearchSource subclass")
    if not source_class.kinds:
        raise ValueError(f"{source_class.__qualname__} names no kinds")
    _registered.setdefault(source_class, source_class())
    return source_class


def registered() -> list[SearchSource]:
    """The registered sources, in the order they were registered (the apps' order in INSTALLED_APPS)."""
    return list(_registered.values())
