from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from rial.core.admin import RialModelAdmin
from rial.portfolio.models import Collection, Program, ProgramTransition, TargetPopulation


@admin.register(TargetPopulation)
class TargetPopulationAdmin(RialModelAdmin, TranslationAdmin):
    list_display = ("name", "slug", "position")


@admin.register(Collection)
class CollectionAdmin(RialModelAdmin, TranslationAdmin):
    list_display = ("name", "slug")


class TransitionInline(admin.TabularInline):
    model = ProgramTransition
    extra = 0
    can_delete = False
    readonly_fields = ("action", "from_status", "to_status", "user", "at", "comment")

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Program)
class ProgramAdmin(RialModelAdmin, TranslationAdmin):
    """The back office edits content; workflow moves (submit, publish, return) go through the pages."""

    list_display = ("name", "ministry", "status", "collection", "last_reviewed_at", "archived_at", "is_demo")
    list_filter = ("status", "collection", "offered_for_cooperation", "is_demo", "ministry__country")
    search_fields = ("name_en", "name_es", "name_pt", "name_fr")
    autocomplete_fields = ["ministry"]
    filter_horizontal = ("topics", "populations")
    readonly_fields = ("status", "review_comment", "last_reviewed_at", "reminded_for", "revision_of")
    inlines = [TransitionInline]
    list_select_related = ("ministry", "collection")
