"""Published mandates and Plans of Action for the one search box (contract: rial.core.searchable). The index
is the same for every reader, so a draft plan and its mandates are not in it until the plan is adopted."""

from collections.abc import Iterator

from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from rial.conference.models import Conference, ConferenceDocument, Mandate, WorkingGroup
from rial.core.languages import LANGUAGE_CODES
from rial.core.searchable import SearchDocument, SearchSource, path_of, register


def _mandates(queryset):
    """Mandates with what their documents read, in a few queries however many (a plan has ~60)."""
    return (queryset.select_related("plan__conference", "group__chair")
            .prefetch_related("topics", "group__vice_chairs"))


@register
class ConferenceSource(SearchSource):
    kinds = {"mandate": _("Mandates"), "plan": _("Plans of Action")}
    models = [Mandate, ConferenceDocument]
    # Mandates and plans are numbered apart: hiding one must not remove the other kind's entry of the same key.
    model_kinds = {Mandate: ("mandate",), ConferenceDocument: ("plan",)}
    # A mandate's entry reads its plan (archived: not found), conference, working group and topics.
    related = {
        ConferenceDocument: lambda plan: _mandates(plan.mandates.all()),
        Conference: lambda conference: [
            *conference.documents.filter(kind=ConferenceDocument.Kind.PLAN_OF_ACTION),
            *_mandates(Mandate.objects.filter(plan__conference=conference))],
        WorkingGroup: lambda group: _mandates(group.mandates.all()),
        WorkingGroup.vice_chairs.through: lambda link: _mandates(link.workinggroup.mandates.all()),
        Mandate.topics.through: lambda link: [link.mandate],
    }

    def documents(self) -> Iterator[SearchDocument]:
        # The index is one for everyone: a draft plan (for the network's participants only) and its mandates
        # enter it when the plan is adopted (saving the plan refreshes its mandates' entries, ``related``).
        plans = (ConferenceDocument.objects.active().filter(kind=ConferenceDocument.Kind.PLAN_OF_ACTION)
                 .exclude(status=ConferenceDocument.Status.DRAFT).select_related("conference"))
        for plan in plans:
            yield _plan_document(plan)
        for mandate in _mandates(Mandate.objects.published()):
            yield _mandate_document(mandate)

    def documents_mentioning(self, *, topic=None, country=None) -> Iterator[SearchDocument]:
        """Published mandates of ``topic`` (its labels are indexed with them); plans and mandates name no country."""
        if topic is not None:
            for mandate in _mandates(Mandate.objects.published().filter(topics=topic)).iterator(chunk_size=500):
                yield _mandate_document(mandate)

    def document(self, record) -> SearchDocument | None:
        if isinstance(record, Mandate):
            if record.is_archived or record.plan.is_archived or record.plan.is_draft_plan:
                return None
            return _mandate_document(record)
        if isinstance(record, ConferenceDocument):
            if record.is_archived or record.kind != ConferenceDocument.Kind.PLAN_OF_ACTION or record.is_draft_plan:
                return None
            return _plan_document(record)
        return None


def _plan_document(plan: ConferenceDocument) -> SearchDocument:
    # Indexed in the text's language, under its name in that language (the result is marked lang=that).
    conference = plan.conference
    with override(plan.language):
        body = " ".join(filter(None, [str(conference), conference.place, plan.full_code, plan.cidi_code]))
    return SearchDocument(kind="plan", key=str(plan.pk), url=path_of(plan), language=plan.language,
                          title=getattr(plan, f"title_{plan.language}") or plan.title, body=body, countries=_iso(conference.chair), year=conference.year)


def _mandate_document(mandate: Mandate) -> SearchDocument:
    texts = {language: getattr(mandate, f"text_{language}") for language in LANGUAGE_CODES}
    original = next((language for language in LANGUAGE_CODES if texts[language]), "en")
    conference = mandate.plan.conference
    countries = ()
    if mandate.group is not None:
        group_countries = [mandate.group.chair, *mandate.group.vice_chairs.all()]
        countries = tuple(sorted({country.iso2 for country in group_countries if country is not None}))

    def title(language: str) -> str:
        with override(language):
            label = f"{mandate.label}) " if mandate.label else ""
            return f"{conference} · {label}{_short(texts[language])}"

    return SearchDocument(
        kind="mandate", key=str(mandate.pk), url=path_of(mandate), language=original,
        title=title(original), body=texts[original],
        translations={language: (title(language), texts[language]) for language in LANGUAGE_CODES
                      if language != original and texts[language]},
        countries=countries, topics=tuple(topic.slug for topic in mandate.topics.all()), year=conference.year,
    )


def _short(text: str, length: int = 80) -> str:
    return text if len(text) <= length else text[:length].rsplit(" ", 1)[0] + "…"


def _iso(country) -> tuple[str, ...]:
    return (country.iso2,) if country is not None else ()
