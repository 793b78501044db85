from django.contrib import admin

from rial.core.admin import ReadOnlyAdminMixin, RialModelAdmin
from rial.fund.models import Allocation, ContributingCountry, Entry


@admin.register(Entry)
class EntryAdmin(ReadOnlyAdminMixin, RialModelAdmin):
    """Read-only: entries are written through the fund's pages and services (the balance check and the audit
    row always happen), never edited or deleted."""

    list_display = ("date", "kind", "category", "amount", "currency", "usd_value", "in_kind", "contributor",
                    "country", "verified", "is_demo")
    list_filter = ("kind", "category", "currency", "in_kind", "verified", "is_demo")
    search_fields = ("description", "contributor_name", "contributor__name")
    list_select_related = ("contributor", "country")
    date_hierarchy = "date"


@admin.register(Allocation)
class AllocationAdmin(RialModelAdmin):
    list_display = ("meeting", "decided_on", "category", "amount", "currency", "is_demo")
    list_filter = ("category", "currency", "is_demo")


@admin.register(ContributingCountry)
class ContributingCountryAdmin(RialModelAdmin):
    list_display = ("country", "verified", "source")
    list_filter = ("verified",)
