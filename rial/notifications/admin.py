"""The Secretariat sees and manages how people receive notification emails (e.g. for someone who asks by
phone); the same rules as every admin page (``rial/accounts/rules.py``)."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from rial.core.admin import RialModelAdmin
from rial.notifications.kinds import declared_kinds, kind_choices
from rial.notifications.models import NotificationSettings


class NotificationSettingsForm(forms.ModelForm):
    email_off = forms.MultipleChoiceField(label=_("Kinds not emailed (in-app only)"), required=False,
                                          widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = NotificationSettings
        fields = ["user", "delivery", "email_off"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email_off"].choices = kind_choices()


@admin.register(NotificationSettings)
class NotificationSettingsAdmin(RialModelAdmin):
    form = NotificationSettingsForm
    list_display = ("user", "delivery", "kinds_not_emailed")
    list_filter = ("delivery",)
    search_fields = ("user__username", "user__email", "user__first_name", "user__last_name")
    raw_id_fields = ("user",)
    list_select_related = ("user",)

    @admin.display(description=_("kinds not emailed"))
    def kinds_not_emailed(self, obj) -> str:
        labels = declared_kinds()
        return "; ".join(str(labels.get(kind, kind)) for kind in obj.email_off) or "—"
