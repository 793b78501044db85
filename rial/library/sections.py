"""What the library adds to country, topic and program pages and to a person's desk (see rial/directory/profile.py)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from rial.accounts.roles import roles_for
from rial.core.desk import desk_list, section
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


def public_desk_section(user) -> dict | None:
    """The Secretariat: documents submitted for review; an institution that submits documents: what the
    Secretariat returned to it and its drafts (one query per list)."""
    roles = roles_for(user)
    documents = Document.objects.active().select_related("owner_institution__country")

    def item(document: Document) -> dict:
        return {"label": document.title, "url": document.get_absolute_url(),
                "meta": str(document.owner_institution or ""), "demo": document.is_demo}

    lists = []
    if roles.is_secretariat:
        lists.append(desk_list(_("Documents to review"), documents.filter(status=Document.Status.SUBMITTED)
                               .order_by("updated_at", "pk"), item,
                               more_url=reverse("library:review_queue"), more_label=_("The library's review queue")))
    if roles.speaks_for and not roles.is_secretariat:
        mine = documents.filter(owner_institution__in=roles.speaks_for).order_by("-updated_at", "pk")
        lists += [
            desk_list(_("Documents returned to you with comments"), mine.filter(status=Document.Status.RETURNED), item),
            desk_list(_("Document drafts to submit"), mine.filter(status=Document.Status.DRAFT), item),
        ]
    return section(_("Library"), lists, order=35)
