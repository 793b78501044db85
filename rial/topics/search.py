"""Topics in the one search box (contract: rial.core.searchable)."""

from django.utils.translation import gettext_lazy as _

from rial.core.languages import LANGUAGE_CODES
from rial.core.searchable import SearchDocument, SearchSource, path_of, register
from rial.topics.models import Topic


@register
class TopicSource(SearchSource):
    kinds = {"topic": _("Topics")}
    models = [Topic]
    # A topic's text names its area or its subtopics: renaming one changes the others' entries.
    related = {Topic: lambda topic: [topic.parent, *topic.children.all()]}

    def document(self, topic: Topic) -> SearchDocument | None:
        """Every topic is public; its text is its area (or its subtopics) in each language."""
        related = [topic.parent] if topic.parent_id else list(topic.children.all())
        texts = {}
        for language in LANGUAGE_CODES:
            name = getattr(topic, f"name_{language}") or ""
            body = " · ".join(getattr(other, f"name_{language}") or "" for other in related)
            texts[language] = (name, body)
        title, body = texts.pop("en")
        return SearchDocument(kind="topic", key=str(topic.pk), url=path_of(topic), language="en", title=title,
                              body=body, translations={lang: text for lang, text in texts.items() if text[0]},
                              topics=(topic.slug,))

    def documents(self):
        for topic in Topic.objects.select_related("parent").prefetch_related("children"):
            yield self.document(topic)
