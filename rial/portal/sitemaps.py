"""`/sitemap.xml`: the public pages in every language (alternates in each entry), from the apps' public querysets."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from rial.agreements.models import Agreement
from rial.conference.models import Conference
from rial.directory.models import Country
from rial.library.models import Document
from rial.meetings.models import Meeting
from rial.newsletter.models import Issue
from rial.portfolio.models import Program
from rial.topics.models import Topic


class MultilingualSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class PageSitemap(MultilingualSitemap):
    changefreq = "daily"

    def items(self):
        return ["portal:home", "portal:network", "portfolio:list", "library:list", "meetings:list",
                "conference:home", "cooperation:home", "fund:home", "agreements:home", "directory:countries",
                "topics:list", "newsletter:archive", "portal:accessibility"]

    def location(self, item):
        return reverse(item)


class RecordSitemap(MultilingualSitemap):
    """One model's public records; `records` returns the queryset the public may read."""

    def __init__(self, records):
        self.records = records

    def items(self):
        return self.records().order_by("pk")


SITEMAPS = {
    "pages": PageSitemap(),
    "countries": RecordSitemap(lambda: Country.objects.all()),
    "topics": RecordSitemap(lambda: Topic.objects.all()),
    "conferences": RecordSitemap(lambda: Conference.objects.all()),
    "meetings": RecordSitemap(lambda: Meeting.objects.published()),
    "programs": RecordSitemap(lambda: Program.objects.published()),
    "documents": RecordSitemap(lambda: Document.objects.published()),
    "agreements": RecordSitemap(lambda: Agreement.objects.active()),
    "newsletters": RecordSitemap(lambda: Issue.objects.published()),
}
