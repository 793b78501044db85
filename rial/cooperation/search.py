"""Published cooperation results and activities for the one search box (contract: rial.core.searchable)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from rial.cooperation.models import Activity, Call, Outcome, Proposal
from rial.core.searchable import SearchDocument, SearchSource, path_of, register
from rial.directory.models import Institution


def _activities(queryset):
    return (queryset.select_related("proposal", "first_party__country", "second_party__country")
            .prefetch_related("topics", "outcomes"))


@register
class ActivitySource(SearchSource):
    kinds = {"cooperation_activity": _("Cooperation activities")}
    models = [Activity]
    # An activity's entry reads its outcomes, proposal, party ministries and topics; publishing its call's
    # results makes it public.
    related = {
        Outcome: lambda outcome: [outcome.activity],
        Proposal: lambda proposal: Activity.objects.filter(proposal=proposal),
        Call: lambda call: _activities(call.activities.all()),
        Institution: lambda ministry: _activities(Activity.objects.filter(Q(first_party=ministry)
                                                                          | Q(second_party=ministry))),
        Activity.topics.through: lambda link: [link.activity],
    }

    def document(self, activity: Activity) -> SearchDocument | None:
        if (not Activity.objects.public().filter(pk=activity.pk).exists()
                or activity.state == Activity.State.CANCELLED):
            return None
        # Indexed in English, the language every activity has (the reference data's and the form's default).
        parts = [activity.first_party.name, activity.second_party.name, activity.notes_en or activity.notes]
        if activity.proposal_id:
            parts += [activity.proposal.objectives, activity.proposal.expected_results]
        parts += [outcome.description for outcome in activity.outcomes.all()]
        return SearchDocument(
            kind="cooperation_activity", key=str(activity.pk), url=path_of(activity), language="en",
            title=activity.title_en or activity.title, body="\n".join(part for part in parts if part),
            countries=tuple(sorted({activity.first_party.country.iso2, activity.second_party.country.iso2})),
            topics=tuple(topic.slug for topic in activity.topics.all()), year=activity.year)

    def documents(self):
        yield from self._documents(Activity.objects.all())

    def documents_mentioning(self, *, topic=None, country=None):
        """Public activities of ``topic`` (its labels are indexed with them); their text names ministries, not
        countries."""
        if topic is not None:
            yield from self._documents(Activity.objects.filter(topics=topic))

    def _documents(self, activities):
        for activity in _activities(activities.public().exclude(state=Activity.State.CANCELLED)).iterator(
                chunk_size=500):
            document = self.document(activity)
            if document is not None:
                yield document
