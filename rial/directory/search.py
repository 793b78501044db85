"""Institutions in the one search box (contract: rial.core.searchable)."""

from django.utils.translation import gettext_lazy as _

from rial.core.languages import LANGUAGE_CODES
from rial.core.searchable import SearchDocument, SearchSource, path_of, register
from rial.directory.models import Institution


@register
class InstitutionSource(SearchSource):
    kinds = {"institution": _("Institutions")}
    models = [Institution]

    def document(self, institution: Institution) -> SearchDocument | None:
        """A current institution, by its name in each language and its acronym; archived ones are not found."""
        if institution.is_archived:
            return None
        texts = {}
        country = institution.country
        for language in LANGUAGE_CODES:
            name = getattr(institution, f"name_{language}") or ""
            acronym = getattr(institution, f"acronym_{language}") or institution.acronym or ""
            # The country's name in the same language, so "ministerio trabajo chile" finds Chile's ministry.
            place = (getattr(country, f"name_{language}") or country.name) if country else ""
            if name:
                texts[language] = (name, " · ".join(part for part in (acronym, place) if part))
        original = "en" if "en" in texts else next(iter(texts), "en")
        title, body = texts.pop(original, (institution.name, institution.acronym))
        return SearchDocument(kind="institution", key=str(institution.pk), url=path_of(institution),
                              language=original, title=title, body=body, translations=texts,
                              countries=(country.iso2,) if country else ())

    def documents(self):
        for institution in Institution.objects.active().select_related("country"):
            yield self.document(institution)

    def documents_mentioning(self, *, topic=None, country=None):
        """Current institutions of ``country``, whose text names it in each language."""
        if country is not None:
            for institution in Institution.objects.active().filter(country=country).select_related("country"):
                yield self.document(institution)
