"""What the library adds to country, topic and program pages (see rial/directory/profile.py)."""

from django.utils.translation import gettext as _

from rial.library.models import Document

LIMIT = 10


def _section(documents, title: str, more_query: str) -> dict | None:
    documents = list(documents.order_by("-date", "pk")[:LIMIT])
    if not documents:
        return None
    return {"title": title, "template": "library/includes/section.html", "order": 40,
            "context": {"documents": documents, "more_query": more_query}}


def country_section(country):
    return _section(Document.objects.published().filter(countries=country), _("Documents"),
                    f"country={country.iso2}")


def topic_section(topic):
    documents = Document.objects.published().filter(pk__in=Document.objects.filter(
        topics__in=[topic, *topic.children.all()]).values("pk"))
    return _section(documents, _("Documents"), f"topic={topic.slug}")


def program_section(program):
    return _section(Document.objects.published().filter(related_programs=program), _("Documents"), "")
