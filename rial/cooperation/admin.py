from django.contrib import admin
from django.db import models

from rial.cooperation.models import (
    Activity,
    Call,
    DestinationRate,
    Evaluation,
    Outcome,
    Participant,
    Proposal,
    QuestionnaireAnswer,
    Report,
)
from rial.core.admin import ReadOnlyAdminMixin, RialModelAdmin
from rial.core.widgets import PrivateFileInput


class DestinationRateInline(admin.TabularInline):
    model = DestinationRate
    extra = 1


@admin.register(Call)
class CallAdmin(RialModelAdmin):
    # The state moves only through the workflow pages (services.py); the admin edits the call's rules.
    list_display = ["number", "year", "opens_on", "closes_on", "budget", "state", "verified", "is_demo"]
    list_filter = ["state", "is_demo"]
    readonly_fields = ["state"]
    inlines = [DestinationRateInline]
    filter_horizontal = ["authority_evaluators"]
    # Private storage has no URL: the current file links to the permission-checked download view.
    formfield_overrides = {**RialModelAdmin.formfield_overrides,
                           models.FileField: {"widget": PrivateFileInput(download_url=Call.get_guidelines_url)}}


@admin.register(Proposal)
class ProposalAdmin(RialModelAdmin):
    list_display = ["title", "call", "requesting", "providing", "state", "score", "rank"]
    list_filter = ["call", "state"]
    readonly_fields = ["state", "cost_estimate", "score", "rank", "submitted_at", "submitted_by",
                       "commitment_confirmed_at", "commitment_confirmed_by"]
    search_fields = ["title"]


@admin.register(Activity)
class ActivityAdmin(RialModelAdmin):
    list_display = ["title", "first_party", "second_party", "year", "state", "verified", "is_demo"]
    list_filter = ["state", "year", "is_demo"]
    readonly_fields = ["state"]
    search_fields = ["title"]


@admin.register(Evaluation)
class EvaluationAdmin(ReadOnlyAdminMixin, RialModelAdmin):
    """Read-only: a score changes only through ``services.evaluation_record``, which recomputes the proposal's
    weighted score and the call's ranking; a score changed here would leave both stale."""

    list_display = ["proposal", "evaluator", "weighted"]
    list_filter = ["proposal__call"]


for model in (Report, Outcome, Participant, QuestionnaireAnswer):
    admin.site.register(model, RialModelAdmin)
