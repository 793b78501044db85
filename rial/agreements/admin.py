from django.contrib import admin
from django.db import models
from modeltranslation.admin import TranslationAdmin

from rial.agreements.models import Agreement, AgreementParty, Proposal, ProposalTransition
from rial.core.admin import RialModelAdmin


class PartyInline(admin.TabularInline):
    model = AgreementParty
    extra = 0
    autocomplete_fields = ["country"]
    fields = ["country", "status", "status_certain", "ratified", "deposited", "effective", "dates_certain",
              "ended", "source", "verified"]

    # Inline rows follow the agreement's permissions (the Secretariat's, through django-rules).
    def has_add_permission(self, request, obj=None) -> bool:
        return request.user.has_perm("agreements.add_agreementparty")

    def has_change_permission(self, request, obj=None) -> bool:
        return request.user.has_perm("agreements.change_agreementparty")

    def has_delete_permission(self, request, obj=None) -> bool:
        return request.user.has_perm("agreements.delete_agreementparty")

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.has_perm("agreements.view_agreementparty")


@admin.register(Agreement)
class AgreementAdmin(RialModelAdmin, TranslationAdmin):
    list_display = ("title", "kind", "status", "status_certain", "in_force", "verified", "archived_at")
    list_filter = ("kind", "status", "verified", "status_certain")
    search_fields = ("title", "slug", "original_title")
    inlines = [PartyInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class TransitionInline(admin.TabularInline):
    model = ProposalTransition
    extra = 0
    can_delete = False
    fields = ["at", "action", "from_state", "to_state", "user", "comment"]
    readonly_fields = fields

    # The steps are the proposal's history: read only, for those who may see proposals in the admin.
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.has_perm("agreements.view_proposaltransition")


@admin.register(Proposal)
class ProposalAdmin(RialModelAdmin):
    """Reading proposals and their steps; moves are made on the review page, through the workflow."""

    list_display = ("__str__", "kind", "state", "country", "proposed_by", "created_at", "decided_at")
    list_filter = ("state", "kind")
    search_fields = ("title", "description", "source")
    readonly_fields = ("state", "kind", "country", "institution", "agreement", "partner", "proposed_by",
                       "created_at", "decided_at", "review_comment")
    inlines = [TransitionInline]

    # Proposals are made by focal points on their page, where the country rules are checked.
    def has_add_permission(self, request) -> bool:
        return False
