"""Published cooperation results and activities for the one search box (see rial/search/documents.py)."""

from django.utils.translation import gettext_lazy as _

from rial.cooperation.models import Activity
from rial.search.documents import SearchDocument

SEARCH_KINDS = {"cooperation_activity": _("Cooperation activities")}
SEARCH_MODELS = [Activity]


def search_document(activity: Activity) -> SearchDocument | None:
    if not Activity.objects.public().filter(pk=activity.pk).exists() or activity.state == Activity.State.CANCELLED:
        return None
    parts = [activity.first_party.name, activity.second_party.name, activity.notes]
    if activity.proposal_id:
        parts += [activity.proposal.objectives, activity.proposal.expected_results]
    parts += [outcome.description for outcome in activity.outcomes.all()]
    return SearchDocument(
        kind="cooperation_activity", key=str(activity.pk), url=activity.get_absolute_url(), language="en",
        title=activity.title, body="\n".join(part for part in parts if part),
        countries=tuple(sorted({activity.first_party.country.iso2, activity.second_party.country.iso2})),
        topics=tuple(topic.slug for topic in activity.topics.all()), year=activity.year)


def search_documents():
    activities = (Activity.objects.public().exclude(state=Activity.State.CANCELLED)
                  .select_related("proposal", "first_party__country", "second_party__country")
                  .prefetch_related("topics", "outcomes"))
    for activity in activities:
        document = search_document(activity)
        if document is not None:
            yield document
