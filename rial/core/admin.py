"""The admin is the Secretariat's back office; every check goes through the same rules as the pages."""

import time

from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from rial.core.actions import ARCHIVED, UNARCHIVED
from rial.core.audit import save_logged
from rial.core.login_throttle import delay_for
from rial.core.models import Archivable


class RialAdminAuthenticationForm(AdminAuthenticationForm):
    """Only the Secretariat logs in here; Django's ``is_staff`` flag alone is not enough."""

    def confirm_login_allowed(self, user) -> None:
        if not (user.is_active and user.has_perm("accounts.use_admin")):
            raise ValidationError(self.error_messages["invalid_login"], code="invalid_login",
                                  params={"username": self.username_field.verbose_name})


class RialAdminSite(admin.AdminSite):
    login_form = RialAdminAuthenticationForm

    site_header = _("RIAL administration")
    site_title = _("RIAL administration")
    index_title = _("Technical Secretariat back office")

    def has_permission(self, request) -> bool:
        return request.user.is_active and request.user.has_perm("accounts.use_admin")

    def login(self, request, extra_context=None):
        # The same brake as the site's login page for an account attacked from many addresses.
        if request.method == "POST":
            delay = delay_for(request.POST.get("username", ""))
            if delay:
                time.sleep(delay)
        return super().login(request, extra_context=extra_context)


class ReadOnlyAdminMixin:
    """For records only services write (a ledger entry, a score, a delivery): the admin shows them and
    nobody adds, changes or deletes them there, so the service's checks and history row always happen."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class RialModelAdmin(SimpleHistoryAdmin):
    """Object-level permissions from django-rules, and history with restore from django-simple-history."""

    # Addresses typed without a scheme are https (Django 6's default; silences its deprecation warning).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def _perm(self, request, action: str, obj=None) -> bool:
        opts = self.opts
        return request.user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}", obj)

    def has_module_permission(self, request) -> bool:
        return self._perm(request, "view")

    def has_view_permission(self, request, obj=None) -> bool:
        return self._perm(request, "view", obj) or self._perm(request, "change", obj)

    def has_add_permission(self, request) -> bool:
        return self._perm(request, "add")

    def has_change_permission(self, request, obj=None) -> bool:
        return self._perm(request, "change", obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self._perm(request, "delete", obj)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # Restoring an old version writes the record: it needs the right to change it, which the history
        # page does not check itself (it only checks the right to see the history). A record nobody may
        # change, such as a ledger entry, is then never rewritten from its history.
        if request.method == "POST":
            obj = self.get_object(request, object_id)
            if obj is None or not self.has_change_permission(request, obj):
                raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context=extra_context)

    # Archiving hides a record without losing it; the actions appear only on Archivable models.
    actions = ["archive_selected", "unarchive_selected"]

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not issubclass(self.model, Archivable):
            actions.pop("archive_selected", None)
            actions.pop("unarchive_selected", None)
        return actions

    def _set_archived(self, request, queryset, archived: bool) -> int:
        count = 0
        with transaction.atomic():
            for obj in queryset:
                if obj.is_archived == archived or not self.has_change_permission(request, obj):
                    continue
                if archived:
                    obj.archive()
                else:
                    obj.archived_at = None
                save_logged(obj, user=request.user, action=ARCHIVED if archived else UNARCHIVED)
                count += 1
        return count

    @admin.action(description=_("Archive the selected records"), permissions=["change"])
    def archive_selected(self, request, queryset):
        count = self._set_archived(request, queryset, archived=True)
        self.message_user(request, ngettext("%(count)d record was archived.", "%(count)d records were archived.",
                                            count) % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Bring the selected records back from the archive"), permissions=["change"])
    def unarchive_selected(self, request, queryset):
        count = self._set_archived(request, queryset, archived=False)
        self.message_user(request, ngettext("%(count)d record was brought back.",
                                            "%(count)d records were brought back.", count) % {"count": count},
                          messages.SUCCESS)
