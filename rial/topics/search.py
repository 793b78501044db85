"""Topics in the one search box (the indexing interface of rial/search/documents.py)."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from rial.search.documents import SearchDocument
from rial.topics.models import Topic

SEARCH_KINDS = {"topic": _("Topics")}
SEARCH_MODELS = [Topic]
# A topic's text names its area or its subtopics: renaming one changes the others' entries.
SEARCH_RELATED = {Topic: lambda topic: [topic.parent, *topic.children.all()]}
LANGUAGES = ("en", "es", "pt", "fr")


def _path(topic: Topic) -> str:
    with translation.override("en"):
        return reverse("topics:detail", kwargs={"slug": topic.slug}).removeprefix("/en")


def search_document(topic: Topic) -> SearchDocument | None:
    """Every topic is public; its text is its area (or its subtopics) in each language."""
    related = [topic.parent] if topic.parent_id else list(topic.children.all())
    texts = {}
    for language in LANGUAGES:
        name = getattr(topic, f"name_{language}") or ""
        body = " · ".join(getattr(other, f"name_{language}") or "" for other in related)
        texts[language] = (name, body)
    title, body = texts.pop("en")
    return SearchDocument(kind="topic", key=str(topic.pk), url=_path(topic), language="en", title=title, body=body,
                          translations={lang: text for lang, text in texts.items() if text[0]},
                          topics=(topic.slug,))


def search_documents():
    for topic in Topic.objects.select_related("parent").prefetch_related("children"):
        yield search_document(topic)
