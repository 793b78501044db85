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
  record removes only its own entry, not another model's entry that has the same primary key;
- ``SEARCH_RELATED`` (optional): the other rows ``search_document`` reads, as a mapping from their model
  to a function that returns the records (of ``SEARCH_MODELS``) one such row affects::

      SEARCH_RELATED = {
          Outcome: lambda outcome: [outcome.activity],
          ConferenceDocument: lambda plan: plan.mandates.select_related(…).prefetch_related(…),
          Activity.topics.through: lambda link: [link.activity],  # a many-to-many field's link rows
      }

- ``search_documents_mentioning(*, topic=None, country=None)`` (optional): yields the documents of the public
  records whose entries name this topic (its labels are indexed with every record of the topic; a source
  that indexes a record under its topics' areas also names its subtopics' records) or this country (in
  their text: an agreement's parties, an institution's country). Called with one of the two, in a
  background task after a topic or country is renamed; a source that names neither needs nothing.

The search app keeps the index current by itself: after a transaction that saved or deleted an
instance of a ``SEARCH_MODELS`` model commits, it asks ``search_document(obj)`` again and updates or
removes that entry. After one that saved, deleted or (for a link model) linked or unlinked a row of a
``SEARCH_RELATED`` model, it does the same for the records the function names: for a saved row the function
is called on commit and what it returns is indexed as returned, in one batch per model (so prefetch there
when a row affects many records: a plan has ~60 mandates); for a deleted or unlinked row it is called
before the row goes, and those records are read again on commit. When a topic's or
country's name changes (in any language), it enqueues on commit one task that writes again what every
source's ``search_documents_mentioning`` yields. So an app's workflow functions never call
the search app, and an app works (and is tested) whether or not the search app is installed.
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
