"""What the one search box finds of this app: every published agreement (contract: rial.core.searchable)."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from rial.agreements.models import Agreement, AgreementParty
from rial.core.languages import LANGUAGE_CODES
from rial.core.searchable import SearchDocument, SearchSource, path_of, register

TOPICS = ("social-security", "pensions-agreements")


def _body(agreement: Agreement, parties: list[AgreementParty], language: str) -> str:
    with translation.override(language):
        return " · ".join(part for part in (
            ", ".join(party.country.name for party in parties),
            str(agreement.get_kind_display()),
            str(agreement.get_status_display()),
            agreement.status_note or "",
            ", ".join(str(label) for label in agreement.branch_labels),
            agreement.original_title,
            agreement.source,
        ) if part)


@register
class AgreementSource(SearchSource):
    kinds = {"agreement": _("Social security agreements")}
    models = [Agreement]
    # The parties are the entry's countries and part of its text.
    related = {AgreementParty: lambda party: [party.agreement]}

    def document(self, agreement: Agreement) -> SearchDocument | None:
        if agreement.is_archived:
            return None
        parties = list(agreement.parties.select_related("country"))
        translations = {}
        for language in LANGUAGE_CODES[1:]:
            title = getattr(agreement, f"title_{language}", "")
            if title:
                translations[language] = (title, _body(agreement, parties, language))
        year = agreement.in_force or agreement.signed
        return SearchDocument(
            kind="agreement", key=str(agreement.pk), url=path_of(agreement), language="en",
            title=agreement.title_en or agreement.title, body=_body(agreement, parties, "en"),
            translations=translations, countries=tuple(party.country.iso2 for party in parties), topics=TOPICS,
            year=year.year if year else None,
        )

    def documents(self):
        yield from self._documents(Agreement.objects.active())

    def documents_mentioning(self, *, topic=None, country=None):
        """Every agreement carries the labels of ``TOPICS``; its text names its parties' countries."""
        agreements = Agreement.objects.none()
        if topic is not None and topic.slug in TOPICS:
            agreements = Agreement.objects.active()
        elif country is not None:
            agreements = Agreement.objects.active().filter(parties__country=country).distinct()
        yield from self._documents(agreements)

    def _documents(self, agreements):
        for agreement in agreements.order_by("pk"):
            document = self.document(agreement)
            if document is not None:
                yield document
