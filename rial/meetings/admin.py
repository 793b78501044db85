"""The Secretariat's back office for the meetings app (permissions from rules.py, history with restore)."""

from django.contrib import admin
from django.db import models
from modeltranslation.admin import TranslationAdmin

from rial.core.admin import RialModelAdmin
from rial.core.widgets import PrivateFileInput
from rial.meetings.models import (
    Conclusion,
    Consultation,
    ConsultationAnswer,
    DelegationAnswer,
    DraftForum,
    ForumComment,
    ForumParagraph,
    GuidingQuestion,
    Meeting,
    MeetingDocument,
    Participant,
    PlannedActivity,
    WorkingGroupReport,
    WorkPlan,
    WorkPlanRevision,
)


class ParticipantInline(admin.TabularInline):
    model = Participant
    extra = 0
    autocomplete_fields = ["institution"]
    raw_id_fields = ["person"]


class QuestionInline(admin.TabularInline):
    model = GuidingQuestion
    extra = 0


class ConclusionInline(admin.TabularInline):
    model = Conclusion
    extra = 0


class DocumentInline(admin.TabularInline):
    model = MeetingDocument
    extra = 0
    # Private storage has no URL: the current file links to the permission-checked download view.
    formfield_overrides = {models.FileField: {"widget": PrivateFileInput(download_url=MeetingDocument.get_download_url)}}


@admin.register(Meeting)
class MeetingAdmin(RialModelAdmin, TranslationAdmin):
    list_display = ("title", "kind", "start_date", "city", "is_virtual", "is_published", "verified", "is_demo")
    list_filter = ("kind", "is_published", "is_virtual", "verified", "is_demo")
    search_fields = ("title", "city", "notes")
    date_hierarchy = "start_date"
    inlines = [ParticipantInline, QuestionInline, ConclusionInline, DocumentInline]
    filter_horizontal = ["topics"]


@admin.register(DelegationAnswer)
class DelegationAnswerAdmin(RialModelAdmin):
    list_display = ("question", "institution", "submitted_at")
    list_select_related = ("question", "institution")
    raw_id_fields = ["question", "institution", "submitted_by"]


class ActivityInline(admin.StackedInline):
    model = PlannedActivity
    extra = 0
    filter_horizontal = ["responsible"]
    raw_id_fields = ["meeting"]


@admin.register(WorkPlan)
class WorkPlanAdmin(RialModelAdmin):
    list_display = ("title", "first_year", "last_year", "is_demo")


@admin.register(WorkPlanRevision)
class WorkPlanRevisionAdmin(RialModelAdmin):
    list_display = ("plan", "number", "as_of", "note")
    list_select_related = ("plan",)
    inlines = [ActivityInline]
    exclude = ["created_by"]


class AnswerInline(admin.TabularInline):
    model = ConsultationAnswer
    extra = 0
    raw_id_fields = ["institution", "answered_by"]


@admin.register(Consultation)
class ConsultationAdmin(RialModelAdmin):
    list_display = ("title", "subject", "deadline", "status", "outcome", "is_demo")
    list_filter = ("status", "outcome", "subject")
    readonly_fields = ("status", "outcome", "closed_at")
    filter_horizontal = ["consulted"]
    inlines = [AnswerInline]
    exclude = ["opened_by"]
    formfield_overrides = {models.FileField: {"widget": PrivateFileInput(download_url=Consultation.get_document_url)}}


class ParagraphInline(admin.TabularInline):
    model = ForumParagraph
    extra = 0


@admin.register(DraftForum)
class DraftForumAdmin(RialModelAdmin):
    list_display = ("title", "opens_at", "closes_at", "is_demo")
    inlines = [ParagraphInline]
    exclude = ["created_by"]


@admin.register(ForumComment)
class ForumCommentAdmin(RialModelAdmin):
    list_display = ("paragraph", "institution", "author", "created_at")
    list_select_related = ("paragraph", "institution", "author")
    raw_id_fields = ["paragraph", "institution", "author"]


@admin.register(WorkingGroupReport)
class WorkingGroupReportAdmin(RialModelAdmin):
    list_display = ("title", "language", "period_start", "period_end", "status", "is_demo")
    list_filter = ("status", "language")
    exclude = ["created_by"]
