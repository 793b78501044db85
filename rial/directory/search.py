"""Institutions in the one search box (the indexing interface of rial/search/documents.py)."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from rial.directory.models import Institution
from rial.search.documents import SearchDocument

SEARCH_KINDS = {"institution": _("Institutions")}
SEARCH_MODELS = [Institution]
LANGUAGES = ("en", "es", "pt", "fr")


def _path(institution: Institution) -> str:
    with translation.override("en"):
        return reverse("directory:institution", kwargs={"slug": institution.slug}).removeprefix("/en")


def search_document(institution: Institution) -> SearchDocument | None:
    """A current institution, by its name in each language and its acronym; archived ones are not found."""
    if institution.is_archived:
        return None
    texts = {}
    country = institution.country
    for language in LANGUAGES:
        name = getattr(institution, f"name_{language}") or ""
        acronym = getattr(institution, f"acronym_{language}") or institution.acronym or ""
        # The country's name in the same language, so "ministerio trabajo chile" finds Chile's ministry.
        place = (getattr(country, f"name_{language}") or country.name) if country else ""
        if name:
            texts[language] = (name, " · ".join(part for part in (acronym, place) if part))
    original = "en" if "en" in texts else next(iter(texts), "en")
    title, body = texts.pop(original, (institution.name, institution.acronym))
    return SearchDocument(kind="institution", key=str(institution.pk), url=_path(institution), language=original,
                          title=title, body=body, translations=texts, countries=(country.iso2,) if country else ())


def search_documents():
    for institution in Institution.objects.active().select_related("country"):
        yield search_document(institution)


def search_documents_mentioning(*, topic=None, country=None):
    """Current institutions of ``country``, whose text names it in each language."""
    if country is not None:
        for institution in Institution.objects.active().filter(country=country).select_related("country"):
            yield search_document(institution)
