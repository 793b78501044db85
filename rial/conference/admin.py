from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from rial.conference.models import (
    Conference,
    ConferenceDocument,
    Evidence,
    Mandate,
    ProgressReport,
    Troika,
    WorkingGroup,
)
from rial.conference.services import tell_newly_responsible
from rial.core.admin import RialModelAdmin


@admin.register(Conference)
class ConferenceAdmin(RialModelAdmin, TranslationAdmin):
    list_display = ("number", "year", "city", "is_virtual", "chair", "verified")
    list_filter = ("verified", "is_virtual")
    search_fields = ("city", "theme")


@admin.register(Troika)
class TroikaAdmin(RialModelAdmin):
    list_display = ("conference", "year", "current_chair", "previous_chair", "future_chair", "verified")


@admin.register(ConferenceDocument)
class ConferenceDocumentAdmin(RialModelAdmin):
    list_display = ("title", "conference", "kind", "language", "code", "revision", "status", "archived_at")
    list_filter = ("kind", "language", "status")
    search_fields = ("title", "code", "cidi_code")
    # The file sits in private storage (no public URL): it is uploaded on the Declaration form or the plan
    # import, and read through the permission-checked download view.
    exclude = ("file",)
    # The status moves only through document_set_status (its transition table), as a mandate's does.
    readonly_fields = ("file_link", "status")

    @admin.display(description=_("file"))
    def file_link(self, obj):
        if not obj.pk or not obj.file:
            return "—"
        return format_html('<a href="{}">{}</a>', reverse("conference:document_file", kwargs={"pk": obj.pk}),
                           obj.file.name)


@admin.register(WorkingGroup)
class WorkingGroupAdmin(RialModelAdmin, TranslationAdmin):
    list_display = ("conference", "number", "title", "chair", "verified")
    list_filter = ("conference",)
    filter_horizontal = ("vice_chairs",)


class ProgressReportInline(admin.TabularInline):
    model = ProgressReport
    extra = 0
    fields = ("date", "text", "progress", "institution")


@admin.register(Mandate)
class MandateAdmin(RialModelAdmin, TranslationAdmin):
    list_display = ("__str__", "plan", "group", "status", "progress", "due_date", "archived_at")
    list_filter = ("status", "section", "plan__conference")
    search_fields = ("text_en", "text_es")
    raw_id_fields = ("parent",)
    # Status and progress move through services.mandate_follow_up (transitions and roll-up), not by hand here.
    readonly_fields = ("status", "progress")
    filter_horizontal = ("topics", "responsible_institutions")
    inlines = [ProgressReportInline]

    def save_related(self, request, form, formsets, change) -> None:
        # The many-to-many rows are written here, after the mandate: what it had before is still readable.
        before = {form.instance.pk: set(form.instance.responsible_institutions.values_list("pk", flat=True))
                  } if change else {}
        super().save_related(request, form, formsets, change)
        tell_newly_responsible([form.instance], before=before)


@admin.register(Evidence)
class EvidenceAdmin(RialModelAdmin):
    list_display = ("description", "mandate", "content_type", "object_id", "visibility", "added_at")
    list_filter = ("visibility", "content_type")
    raw_id_fields = ("mandate", "report")
