"""Published documents, with the text extracted from their files, for the one search box (contract:
rial.core.searchable)."""

from collections.abc import Iterator

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from rial.core.languages import LANGUAGE_CODES
from rial.core.searchable import SearchDocument, SearchSource, path_of, register
from rial.library.models import Document, DocumentFile


@register
class DocumentSource(SearchSource):
    kinds = {"document": _("Documents")}
    models = [Document]
    # A document's entry reads its files' text, its topics and countries (set after the document is saved).
    related = {
        DocumentFile: lambda file: [file.document],
        Document.topics.through: lambda link: [link.document],
        Document.countries.through: lambda link: [link.document],
    }

    def documents(self) -> Iterator[SearchDocument]:
        yield from _documents(Document.objects.published())

    def documents_mentioning(self, *, topic=None, country=None) -> Iterator[SearchDocument]:
        """Published documents that carry ``topic``'s labels (its own and its subtopics', as a document is also
        indexed under its topics' areas). Their text names no country."""
        if topic is not None:
            yield from _documents(Document.objects.published().filter(Q(topics=topic) | Q(topics__parent=topic))
                                  .distinct())

    def document(self, record) -> SearchDocument | None:
        if not isinstance(record, Document) or not record.is_published:
            return None
        return document_of(record)


def _documents(queryset) -> Iterator[SearchDocument]:
    for document in queryset.for_list().prefetch_related("topic_list__parent").iterator(chunk_size=200):
        yield document_of(document)


def document_of(document: Document) -> SearchDocument:
    original = document.language
    file_text: dict[str, list[str]] = {lang: [] for lang in LANGUAGE_CODES}
    for document_file in document.file_list:
        if document_file.text:
            file_text.setdefault(document_file.language, []).append(document_file.text)

    def body(lang: str) -> str:
        parts = [getattr(document, f"summary_{lang}") or "", *file_text.get(lang, [])]
        if lang == original:
            parts.insert(0, document.authors)
        return "\n".join(part for part in parts if part)

    title = getattr(document, f"title_{original}") or document.title
    translations = {}
    for lang in LANGUAGE_CODES:
        if lang == original:
            continue
        translated_title = getattr(document, f"title_{lang}")
        translated_body = body(lang)
        if translated_title or translated_body:
            translations[lang] = (translated_title or title, translated_body)
    topics = set()
    for topic in document.topic_list:
        topics.add(topic.slug)
        if topic.parent_id:
            topics.add(topic.parent.slug)
    return SearchDocument(
        kind="document", key=str(document.pk), url=path_of(document), language=original,
        title=title, body=body(original), translations=translations,
        countries=tuple(sorted(country.iso2 for country in document.country_list)),
        topics=tuple(sorted(topics)), year=document.date.year,
    )
