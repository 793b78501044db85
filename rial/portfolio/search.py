"""Published programs for the one search box (see rial/search/documents.py)."""

from collections.abc import Iterator

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from rial.directory.models import Institution
from rial.portfolio.models import Collection, Program, TargetPopulation
from rial.search.documents import SearchDocument

SEARCH_KINDS = {"program": _("Programs")}
SEARCH_MODELS = [Program]
LANGUAGES = ("en", "es", "pt", "fr")
BODY_FIELDS = ("summary", "objectives", "results", "legal_basis", "funding")


def _programs(queryset):
    return queryset.select_related("ministry__country", "collection").prefetch_related("topics__parent", "populations")


# A program's entry reads its ministry (name, country), collection, target populations and topics.
SEARCH_RELATED = {
    Institution: lambda ministry: _programs(ministry.programs.all()),
    Collection: lambda collection: _programs(collection.programs.all()),
    TargetPopulation: lambda population: _programs(population.programs.all()),
    Program.topics.through: lambda link: [link.program],
    Program.populations.through: lambda link: [link.program],
}


def search_documents() -> Iterator[SearchDocument]:
    for program in _programs(Program.objects.published()).iterator(chunk_size=500):
        yield program_document(program)


def search_documents_mentioning(*, topic=None, country=None) -> Iterator[SearchDocument]:
    """Published programs that carry ``topic``'s labels: its own and its subtopics' programs (a program is
    also indexed under its topics' areas). Program texts name no country (the ministry is a name of its own)."""
    if topic is None:
        return
    programs = Program.objects.published().filter(Q(topics=topic) | Q(topics__parent=topic)).distinct()
    for program in _programs(programs).iterator(chunk_size=500):
        yield program_document(program)


def search_document(obj) -> SearchDocument | None:
    if not isinstance(obj, Program) or obj.is_revision or obj.is_archived or not obj.is_published:
        return None
    return program_document(obj)


def path_without_language(obj) -> str:
    with override("en"):
        url = obj.get_absolute_url()
    return url.removeprefix("/en") if url.startswith("/en/") else url


def original_language(program: Program) -> str:
    """The language the program was written in: the first with a name (focal points write in theirs)."""
    return next((lang for lang in LANGUAGES if getattr(program, f"name_{lang}")), "en")


def _body(program: Program, lang: str) -> str:
    texts = [getattr(program, f"{field}_{lang}") or "" for field in BODY_FIELDS]
    with override(lang):
        texts.append(program.ministry.name)
        texts.extend(str(population.name) for population in program.populations.all())
        if program.collection_id:
            texts.append(program.collection.name)
    return "\n".join(text for text in texts if text)


def program_document(program: Program) -> SearchDocument:
    original = original_language(program)
    translations = {}
    for lang in LANGUAGES:
        title = getattr(program, f"name_{lang}")
        if lang == original or not (title or getattr(program, f"summary_{lang}")):
            continue
        translations[lang] = (title or getattr(program, f"name_{original}"), _body(program, lang))
    topics = set()
    for topic in program.topics.all():
        topics.add(topic.slug)
        if topic.parent_id:
            topics.add(topic.parent.slug)
    country = program.ministry.country
    when = program.start or program.updated_as_of or program.created_at
    return SearchDocument(
        kind="program", key=str(program.pk), url=path_without_language(program), language=original,
        title=getattr(program, f"name_{original}"), body=_body(program, original), translations=translations,
        countries=(country.iso2,) if country else (), topics=tuple(sorted(topics)),
        year=when.year if when else None,
    )
