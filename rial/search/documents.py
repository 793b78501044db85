"""The small indexing interface every app implements for the one search box.

An app that has published records to find writes ``<app>/search.py`` with:

- ``SEARCH_KINDS``: ``{"program": _("Programs")}`` — the kinds it contributes, with their labels;
- ``search_documents()``: yields a :class:`SearchDocument` for every record that is public now
  (used to rebuild the whole index: ``python manage.py rebuild_search_index``);
- ``SEARCH_MODELS``: the models whose saves and deletes change the index, e.g. ``[Program]``;
- ``search_document(obj)``: the document of one record, or ``None`` when it must not be found
  (a draft, an archived record);
- ``SEARCH_MODEL_KINDS`` (optional, for a source with several models and kinds):
  ``{Mandate: ("mandate",), ConferenceDocument: ("plan",)}`` — the kinds each model gives, so hiding a
  record removes only its own entry, not another model's entry that has the same primary key.

The search app keeps the index current by itself: after a transaction that saved or deleted an
instance of a ``SEARCH_MODELS`` model commits, it asks ``search_document(obj)`` again and updates or
removes that entry. So an app's workflow functions never call the search app, and an app works (and
is tested) whether or not the search app is installed.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SearchDocument:
    kind: str                     # "program", "document", "mandate", "meeting", "agreement", …
    key: str                      # unique within the kind, e.g. the primary key as text
    url: str                      # where the reader goes (without the language prefix: use the path of English)
    language: str                 # language of the original text: "en", "es", "pt" or "fr"
    title: str
    body: str
    # Translations of title and body: {"es": ("título", "cuerpo"), …}; each is indexed in its language.
    translations: dict[str, tuple[str, str]] = field(default_factory=dict)
    countries: tuple[str, ...] = ()  # ISO alpha-2 codes
    topics: tuple[str, ...] = ()     # Topic slugs
    year: int | None = None
