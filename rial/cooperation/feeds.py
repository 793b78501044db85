"""Atom feed of published call results, for the newsletter and anyone who follows the network."""

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rial.cooperation.models import Call, Proposal


class ResultsFeed(Feed):
    feed_type = Atom1Feed
    title = gettext_lazy("Results of the calls for bilateral cooperation")
    subtitle = gettext_lazy("Proposals selected in each call of the Inter-American Network for Labor Administration.")
    link = reverse_lazy("cooperation:home")

    def items(self):
        return (Proposal.objects.published().select_related("call", "requesting__country", "providing__country")
                .order_by("-call__number", "rank")[:50])

    def item_title(self, proposal: Proposal) -> str:
        return proposal.title

    def item_description(self, proposal: Proposal) -> str:
        return _("Selected in the %(call)s: %(requesting)s learns from %(providing)s.") % {
            "call": proposal.call, "requesting": proposal.requesting.country, "providing": proposal.providing.country}

    def item_link(self, proposal: Proposal) -> str:
        return proposal.get_absolute_url()

    def item_updateddate(self, proposal: Proposal):
        return proposal.call.history.filter(state=Call.State.PUBLISHED).values_list("history_date", flat=True).last()
