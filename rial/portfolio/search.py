"""Published programs for the one search box (contract: rial.core.searchable)."""

from collections.abc import Iterator

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from rial.core.languages import LANGUAGE_CODES
from rial.core.searchable import SearchDocument, SearchSource, path_of, register
from rial.directory.models import Institution
from rial.portfolio.models import Collection, Program, TargetPopulation

BODY_FIELDS = ("summary", "objectives", "results", "legal_basis", "funding")


def _programs(queryset):
    return queryset.for_list().prefetch_related("topic_list__parent")


@register
class ProgramSource(SearchSource):
    kinds = {"program": _("Programs")}
    models = [Program]
    # A program's entry reads its ministry (name, country), collection, target populations and topics.
    related = {
        Institution: lambda ministry: _programs(ministry.programs.all()),
        Collection: lambda collection: _programs(collection.programs.all()),
        TargetPopulation: lambda population: _programs(population.programs.all()),
        Program.topics.through: lambda link: [link.program],
        Program.populations.through: lambda link: [link.program],
    }

    def documents(self) -> Iterator[SearchDocument]:
        for program in _programs(Program.objects.published()).iterator(chunk_size=500):
            yield program_document(program)

    def documents_mentioning(self, *, topic=None, country=None) -> Iterator[SearchDocument]:
        """Published programs that carry ``topic``'s labels: its own and its subtopics' programs (a program is
        also indexed under its topics' areas). Program texts name no country (the ministry is a name of its own)."""
        if topic is None:
            return
        programs = Program.objects.published().filter(Q(topics=topic) | Q(topics__parent=topic)).distinct()
        for program in _programs(programs).iterator(chunk_size=500):
            yield program_document(program)

    def document(self, record) -> SearchDocument | None:
        if not isinstance(record, Program) or record.is_revision or record.is_archived or not record.is_published:
            return None
        return program_document(record)


def original_language(program: Program) -> str:
    """The language the program was written in: the first with a name (focal points write in theirs)."""
    return next((lang for lang in LANGUAGE_CODES if getattr(program, f"name_{lang}")), "en")


def _body(program: Program, lang: str) -> str:
    texts = [getattr(program, f"{field}_{lang}") or "" for field in BODY_FIELDS]
    with override(lang):
        texts.append(program.ministry.name)
        texts.extend(str(population.name) for population in program.population_list)
        if program.collection_id:
            texts.append(program.collection.name)
    return "\n".join(text for text in texts if text)


def program_document(program: Program) -> SearchDocument:
    original = original_language(program)
    translations = {}
    for lang in LANGUAGE_CODES:
        title = getattr(program, f"name_{lang}")
        if lang == original or not (title or getattr(program, f"summary_{lang}")):
            continue
        translations[lang] = (title or getattr(program, f"name_{original}"), _body(program, lang))
    topics = set()
    for topic in program.topic_list:
        topics.add(topic.slug)
        if topic.parent_id:
            topics.add(topic.parent.slug)
    country = program.ministry.country
    when = program.start or program.updated_as_of or program.created_at
    return SearchDocument(
        kind="program", key=str(program.pk), url=path_of(program), language=original,
        title=getattr(program, f"name_{original}"), body=_body(program, original), translations=translations,
        countries=(country.iso2,) if country else (), topics=tuple(sorted(topics)),
        year=when.year if when else None,
    )
