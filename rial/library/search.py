"""Published documents, with the text extracted from their files, for the one search box."""

from collections.abc import Iterator

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from rial.library.models import Document, DocumentFile
from rial.portfolio.search import path_without_language
from rial.search.documents import SearchDocument

SEARCH_KINDS = {"document": _("Documents")}
SEARCH_MODELS = [Document]
# A document's entry reads its files' text, its topics and countries (set after the document is saved).
SEARCH_RELATED = {
    DocumentFile: lambda file: [file.document],
    Document.topics.through: lambda link: [link.document],
    Document.countries.through: lambda link: [link.document],
}
LANGUAGES = ("en", "es", "pt", "fr")


def search_documents() -> Iterator[SearchDocument]:
    yield from _documents(Document.objects.published())


def search_documents_mentioning(*, topic=None, country=None) -> Iterator[SearchDocument]:
    """Published documents that carry ``topic``'s labels (its own and its subtopics', as a document is also
    indexed under its topics' areas). Their text names no country."""
    if topic is not None:
        yield from _documents(Document.objects.published().filter(Q(topics=topic) | Q(topics__parent=topic))
                              .distinct())


def _documents(queryset) -> Iterator[SearchDocument]:
    for document in queryset.prefetch_related("topics__parent", "countries", "files").iterator(chunk_size=200):
        yield document_document(document)


def search_document(obj) -> SearchDocument | None:
    if not isinstance(obj, Document) or not obj.is_published:
        return None
    return document_document(obj)


def document_document(document: Document) -> SearchDocument:
    original = document.language
    file_text: dict[str, list[str]] = {lang: [] for lang in LANGUAGES}
    for document_file in document.files.all():
        if document_file.text:
            file_text.setdefault(document_file.language, []).append(document_file.text)

    def body(lang: str) -> str:
        parts = [getattr(document, f"summary_{lang}") or "", *file_text.get(lang, [])]
        if lang == original:
            parts.insert(0, document.authors)
        return "\n".join(part for part in parts if part)

    title = getattr(document, f"title_{original}") or document.title
    translations = {}
    for lang in LANGUAGES:
        if lang == original:
            continue
        translated_title = getattr(document, f"title_{lang}")
        translated_body = body(lang)
        if translated_title or translated_body:
            translations[lang] = (translated_title or title, translated_body)
    topics = set()
    for topic in document.topics.all():
        topics.add(topic.slug)
        if topic.parent_id:
            topics.add(topic.parent.slug)
    return SearchDocument(
        kind="document", key=str(document.pk), url=path_without_language(document), language=original,
        title=title, body=body(original), translations=translations,
        countries=tuple(sorted(country.iso2 for country in document.countries.all())),
        topics=tuple(sorted(topics)), year=document.date.year,
    )
