"""What the one search box finds of this app: every published agreement (see rial/search/documents.py)."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from rial.agreements.models import Agreement, AgreementParty
from rial.search.documents import SearchDocument

SEARCH_KINDS = {"agreement": _("Social security agreements")}
SEARCH_MODELS = [Agreement]
# The parties are the entry's countries and part of its text.
SEARCH_RELATED = {AgreementParty: lambda party: [party.agreement]}
LANGUAGES = ("en", "es", "pt", "fr")
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


def search_document(agreement: Agreement) -> SearchDocument | None:
    if agreement.is_archived:
        return None
    parties = list(agreement.parties.select_related("country"))
    with translation.override("en"):
        # The interface wants the path without its language prefix; the search app adds the reader's.
        url = reverse("agreements:detail", kwargs={"slug": agreement.slug}).removeprefix("/en")
        title_en = agreement.title_en or agreement.title
    translations = {}
    for language in LANGUAGES[1:]:
        title = getattr(agreement, f"title_{language}", "")
        if title:
            translations[language] = (title, _body(agreement, parties, language))
    year = agreement.in_force or agreement.signed
    return SearchDocument(
        kind="agreement", key=str(agreement.pk), url=url, language="en",
        title=title_en, body=_body(agreement, parties, "en"), translations=translations,
        countries=tuple(party.country.iso2 for party in parties), topics=TOPICS,
        year=year.year if year else None,
    )


def search_documents():
    yield from _documents(Agreement.objects.active())


def search_documents_mentioning(*, topic=None, country=None):
    """Every agreement carries the labels of ``TOPICS``; its text names its parties' countries."""
    agreements = Agreement.objects.none()
    if topic is not None and topic.slug in TOPICS:
        agreements = Agreement.objects.active()
    elif country is not None:
        agreements = Agreement.objects.active().filter(parties__country=country).distinct()
    yield from _documents(agreements)


def _documents(agreements):
    for agreement in agreements.order_by("pk"):
        document = search_document(agreement)
        if document is not None:
            yield document
