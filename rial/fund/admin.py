from django.contrib import admin

from rial.core.admin import RialModelAdmin
from rial.fund.models import Allocation, Entry


@admin.register(Entry)
class EntryAdmin(RialModelAdmin):
    """Read-only: entries are written through the fund's pages and services, never edited or deleted."""

    list_display = ("date", "kind", "category", "amount", "currency", "usd_value", "in_kind", "contributor",
                    "country", "verified", "is_demo")
    list_filter = ("kind", "category", "currency", "in_kind", "verified", "is_demo")
    search_fields = ("description", "contributor_name", "contributor__name")
    list_select_related = ("contributor", "country")
    date_hierarchy = "date"

    def has_add_permission(self, request) -> bool:
        return False  # through the services only, so the balance check and the audit row always happen

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Allocation)
class AllocationAdmin(RialModelAdmin):
    list_display = ("meeting", "decided_on", "category", "amount", "currency", "is_demo")
    list_filter = ("category", "currency", "is_demo")
