"""The search index: one entry per findable record, its language versions and its facet values.

The full-text part lives beside these tables and depends on the database: an FTS5 virtual table
``search_fts`` on SQLite, a ``vector`` tsvector column with a GIN index on PostgreSQL (both created
by migration 0002, written by ``rial/search/engines``). These tables keep what a result page shows
and the facet values that are counted.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

LANGUAGE_CHOICES = [("en", _("English")), ("es", _("Spanish")), ("pt", _("Portuguese")), ("fr", _("French"))]


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
