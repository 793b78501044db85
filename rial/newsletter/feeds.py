"""Atom feed of the issues sent, in the language of its address (/en/newsletter/feed.xml, /es/…)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy

from rial.newsletter.models import Issue


class IssuesFeed(Feed):
    feed_type = Atom1Feed
    title = gettext_lazy("RIAL newsletter")
    subtitle = gettext_lazy("Issues of the newsletter of the Inter-American Network for Labor Administration.")
    link = reverse_lazy("newsletter:archive")

    def items(self):
        return Issue.objects.published().order_by("-number")[:30]

    def item_title(self, issue: Issue) -> str:
        return str(issue)

    def item_description(self, issue: Issue) -> str:
        return issue.introduction

    def item_link(self, issue: Issue) -> str:
        return issue.get_absolute_url()

    def item_pubdate(self, issue: Issue):
        return issue.sent_at

    def item_updateddate(self, issue: Issue):
        return issue.sent_at
