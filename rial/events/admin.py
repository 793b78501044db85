"""The Secretariat's back office for events (permissions from rules.py, history with restore)."""

from django.contrib import admin

from rial.core.admin import RialModelAdmin
from rial.events.models import Evaluation, Event, Organizer, Recording, Registration


class OrganizerInline(admin.TabularInline):
    model = Organizer
    extra = 0
    autocomplete_fields = ["institution"]


class RecordingInline(admin.TabularInline):
    model = Recording
    extra = 0


@admin.register(Event)
class EventAdmin(RialModelAdmin):
    list_display = ("meeting", "capacity", "registration_opens", "registration_closes",
                    "delegations_need_confirmation")
    search_fields = ("meeting__title",)
    raw_id_fields = ["meeting"]
    filter_horizontal = ["mandates"]
    inlines = [OrganizerInline, RecordingInline]


@admin.register(Registration)
class RegistrationAdmin(RialModelAdmin):
    # Status changes go through the event's page (the waiting list moves up there); here they are read.
    list_display = ("full_name", "email", "event", "kind", "status", "attended", "registered_at")
    list_filter = ("status", "kind", "attended")
    search_fields = ("full_name", "email", "certificate_code")
    raw_id_fields = ["event", "person", "institution", "registered_by"]
    readonly_fields = ("status", "certificate_code", "confirmed_at", "cancelled_at", "reminder_sent_at")


@admin.register(Evaluation)
class EvaluationAdmin(RialModelAdmin):
    list_display = ("registration", "objectives_met", "usefulness", "organisation", "answered_at")
    raw_id_fields = ["registration"]
