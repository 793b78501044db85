"""The newsletter in the Secretariat's back office: issues and subscribers with their history; deliveries
and bounces to look at. States move only through the services (pages, actions), never by editing a field."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from rial.core.admin import ReadOnlyAdminMixin, RialModelAdmin
from rial.newsletter import services
from rial.newsletter.models import Bounce, Delivery, Issue, IssueItem, Subscriber


class ItemInline(TranslationTabularInline):
    model = IssueItem
    extra = 0
    fields = ("section", "position", "title", "summary", "link", "date", "source", "object_id")
    readonly_fields = ("source", "object_id")

    def _editable(self, obj) -> bool:
        return obj is None or obj.state == Issue.State.DRAFT

    def has_add_permission(self, request, obj=None) -> bool:
        return self._editable(obj) and request.user.has_perm("newsletter.compose_issue")

    def has_change_permission(self, request, obj=None) -> bool:
        return self._editable(obj) and request.user.has_perm("newsletter.compose_issue")

    def has_delete_permission(self, request, obj=None) -> bool:
        return self._editable(obj) and request.user.has_perm("newsletter.compose_issue")

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.has_perm("newsletter.view_issueitem")


@admin.register(Issue)
class IssueAdmin(RialModelAdmin, TranslationAdmin):
    list_display = ("number", "title", "state", "audience_label", "recipients_count", "sent_at", "is_demo")
    list_filter = ("state", "is_demo")
    search_fields = ("title_en", "title_es")
    readonly_fields = ("state", "audience", "audience_label", "recipients_count", "sent_at", "finished_at", "sent_by")
    inlines = [ItemInline]

    def has_change_permission(self, request, obj=None) -> bool:
        return super().has_change_permission(request, obj) and (obj is None or obj.state == Issue.State.DRAFT)

    def has_delete_permission(self, request, obj=None) -> bool:
        return super().has_delete_permission(request, obj) and (obj is None or obj.state == Issue.State.DRAFT)


@admin.register(Subscriber)
class SubscriberAdmin(RialModelAdmin):
    list_display = ("email", "name", "language", "state", "confirmed_at", "left_at", "is_demo")
    list_filter = ("state", "language", "is_demo")
    search_fields = ("email", "name")
    readonly_fields = ("state", "created_at", "confirmed_at", "left_at", "confirmation_sent_at")
    actions = ["unsubscribe_selected"]

    def has_add_permission(self, request) -> bool:
        return False  # people subscribe themselves (double opt-in)

    @admin.action(description=_("Unsubscribe the selected subscribers (at their request)"))
    def unsubscribe_selected(self, request, queryset):
        count = 0
        for subscriber in queryset:
            try:
                count += services.subscriber_unsubscribe(subscriber=subscriber, user=request.user)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
        self.message_user(request, ngettext("%(count)d subscriber was unsubscribed.",
                                            "%(count)d subscribers were unsubscribed.", count) % {"count": count})


class ReadOnlyAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Written by the sender only: the Secretariat looks, nobody edits."""

    def has_module_permission(self, request) -> bool:
        return request.user.has_perm(f"newsletter.view_{self.opts.model_name}")

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.has_perm(f"newsletter.view_{self.opts.model_name}", obj)


@admin.register(Delivery)
class DeliveryAdmin(ReadOnlyAdmin):
    list_display = ("issue", "email", "language", "state", "attempts", "sent_at", "smtp_code", "error")
    list_filter = ("state", "issue")
    search_fields = ("email",)
    list_select_related = ("issue",)


@admin.register(Bounce)
class BounceAdmin(ReadOnlyAdmin):
    list_display = ("email", "kind", "origin", "status", "diagnostic", "received_at")
    list_filter = ("kind", "origin")
    search_fields = ("email",)
