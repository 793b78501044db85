"""The search index: one entry per findable record, its language versions and its facet values.

The full-text part lives beside these tables and depends on the database: an FTS5 virtual table
``search_fts`` on SQLite, a ``vector`` tsvector column with a GIN index on PostgreSQL (both created
by migration 0002, written by ``rial/search/engines``). These tables keep what a result page shows
and the facet values that are counted.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rial.core.languages import LANGUAGE_CHOICES


class SearchEntry(models.Model):
    kind = models.CharField(_("kind"), max_length=40)
    key = models.CharField(_("key"), max_length=100)
    url = models.CharField(_("address"), max_length=500)
    language = models.CharField(_("original language"), max_length=8, choices=LANGUAGE_CHOICES)
    title = models.CharField(_("title"), max_length=500)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True, db_index=True)
    # The facet values, "kind:program country:CL topic:child-labor year:2019 lang:es", read with the
    # ranked candidates in the same statement and counted in Python: no GROUP BY over the matches.
    facets = models.TextField(_("facet values"), blank=True)
    indexed_at = models.DateTimeField(_("indexed at"), auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="search_entry_kind_key")]
        indexes = [models.Index(fields=["kind", "year"])]

    def __str__(self) -> str:
        return f"{self.kind}:{self.key}"


class SearchText(models.Model):
    """One language version (the original or a translation) of an entry, as the reader sees it."""

    # The part of a long body kept for snippets; the index itself covers much more (text.MAX_BODY_CHARS).
    BODY_CHARS = 50_000

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="texts")
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    title = models.CharField(_("title"), max_length=500)
    body = models.TextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("language version")
        verbose_name_plural = _("language versions")
        constraints = [models.UniqueConstraint(fields=["entry", "language"], name="search_text_entry_language")]

    def __str__(self) -> str:
        return f"{self.entry} ({self.language})"


class Concept(models.Model):
    """A concept of the field's vocabulary (labor administration), with its labels in the four languages.

    Modelled on the ILO Thesaurus and EuroVoc: a concept has an identifier, a subject category (the ILO
    Thesaurus facet), a broader concept, and per language a preferred label and alternative labels (synonyms,
    spelling variants, acronyms). A text that uses any label of a concept in its language is indexed with the
    concept, and a query naming a concept in any language finds that text: "trabajo infantil" finds a record
    written about "child labour". Shipped as data (``data/vocabulary.csv``, with sources); the Secretariat adds
    labels and concepts in the admin, and the index follows (``signals.py``).
    """

    slug = models.SlugField(_("identifier"), max_length=80, unique=True)
    facet = models.CharField(_("subject category"), max_length=2, blank=True,
                             help_text=_("The ILO Thesaurus facet number, e.g. 13 for labour and employment."))
    broader = models.ForeignKey("self", verbose_name=_("broader concept"), null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="narrower")
    topic = models.ForeignKey("topics.Topic", verbose_name=_("topic"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="concepts",
                              help_text=_("The platform's topic this concept belongs to."))
    labels_en = models.TextField(_("English labels"), help_text=_(
        "One label per line, the preferred label first; American and British spellings both welcome."))
    labels_es = models.TextField(_("Spanish labels"), help_text=_("One label per line, the preferred label first."))
    labels_pt = models.TextField(_("Portuguese labels"), help_text=_("One label per line, the preferred label first."))
    labels_fr = models.TextField(_("French labels"), help_text=_("One label per line, the preferred label first."))
    source = models.CharField(_("source"), max_length=200, blank=True)
    verified = models.BooleanField(_("labels checked against the source"), default=False)
    edited = models.BooleanField(_("edited by the Secretariat"), default=False, editable=False, help_text=_(
        "Once edited here, loading the shipped vocabulary no longer changes this concept."))
    history = HistoricalRecords()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("vocabulary concept")
        verbose_name_plural = _("vocabulary concepts")

    def __str__(self) -> str:
        return self.preferred("en") or self.slug

    def labels(self, language: str) -> list[str]:
        text = getattr(self, f"labels_{language}", "") or ""
        return list(dict.fromkeys(line.strip() for line in text.splitlines() if line.strip()))

    def preferred(self, language: str) -> str:
        labels = self.labels(language)
        return labels[0] if labels else ""

    @property
    def token(self) -> str:
        """The index term of this concept (in title, topic and body columns, beside the words)."""
        return concept_token(self.slug)


def concept_token(slug: str) -> str:
    return "concept_" + slug.replace("-", "_")


class IndexState(models.Model):
    """What the index was built with, to tell when it is stale: the term rules' version (``text.RULES_VERSION``)
    that wrote it. One row."""

    rules = models.CharField(_("term rules"), max_length=100)
    built_at = models.DateTimeField(_("built at"), auto_now=True)

    class Meta:
        verbose_name = _("index state")
        verbose_name_plural = _("index states")

    def __str__(self) -> str:
        return self.rules


class SearchWord(models.Model):
    """A word the index has seen (folded, with its first-seen spelling): the dictionary that spelling
    suggestions come from ("inspecion" → "inspección"). Words are added as records are indexed and kept when a
    record goes (a suggestion is only shown when it finds something)."""

    word = models.CharField(_("word"), max_length=40, unique=True)
    display = models.CharField(_("as written"), max_length=40)

    class Meta:
        verbose_name = _("indexed word")
        verbose_name_plural = _("indexed words")

    def __str__(self) -> str:
        return self.display


class SearchTerm(models.Model):
    """An index term some record holds or held (``es_inspec``, ``concept_child_labor``; not the filter tokens): a
    query word's alternatives that no record holds are dropped before the engine is asked (a Spanish word's
    French and English stems rarely exist), which makes every match test and rank cheaper and finds the same
    records. Added in the same transaction as the entries that hold them; never removed when a record goes (a
    term left here only costs a useless alternative, a term missing would lose matches)."""

    term = models.CharField(_("term"), max_length=100, primary_key=True)

    class Meta:
        verbose_name = _("index term")
        verbose_name_plural = _("index terms")

    def __str__(self) -> str:
        return self.term
