"""A person's notifications: the in-app list (read or not), marking them read, and how emails arrive."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from rial.core.pagination import Paginator
from rial.notifications.kinds import kind_choices
from rial.notifications.models import Delivery, Notification, NotificationSettings
from rial.notifications.services import mark_read

PAGE_SIZE = 30


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    notifications = Notification.objects.for_user(request.user)
    if request.GET.get("show") == "unread":
        notifications = notifications.unread()
    page = Paginator(notifications.only("subject", "body", "url", "created_at", "read_at", "kind"), PAGE_SIZE
                     ).get_page(request.GET.get("page"))
    return render(request, "notifications/list.html", {"page": page, "show": request.GET.get("show", "")})


@login_required
@require_POST
def notification_read(request: HttpRequest) -> HttpResponse:
    """Mark one notification read (``id``) and follow its link, or mark them all read."""
    ids = request.POST.getlist("id")
    if not all(value.isdigit() for value in ids):
        messages.error(request, _("Nothing was changed: that is not a notification."))
        return redirect("notifications:list")
    mark_read(user=request.user, notification_ids=[int(value) for value in ids] if ids else None)
    target = request.POST.get("next", "")
    if ids and target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                          require_https=request.is_secure()):
        return redirect(target)
    if not ids:
        messages.success(request, _("Every notification is marked read."))
    return redirect("notifications:list")


class SettingsForm(forms.ModelForm):
    delivery = forms.ChoiceField(label=gettext_lazy("How should notification emails reach you?"),
                                 choices=Delivery.choices, widget=forms.RadioSelect)
    emailed_kinds = forms.MultipleChoiceField(
        label=gettext_lazy("Which notifications should also reach you by email?"), required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Those you leave unticked are still listed on your notifications page."))

    class Meta:
        model = NotificationSettings
        fields = ["delivery"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["emailed_kinds"].choices = kind_choices()
        self.fields["emailed_kinds"].initial = [kind for kind, _label in kind_choices()
                                                if kind not in self.instance.email_off]

    def save(self, commit=True):
        known = {kind for kind, _label in kind_choices()}
        # Kinds no app declares any more are kept as they were; the rest follow the boxes.
        kept = [kind for kind in self.instance.email_off if kind not in known]
        self.instance.email_off = sorted({*kept, *(known - set(self.cleaned_data["emailed_kinds"]))})
        return super().save(commit=commit)


@login_required
def notification_settings(request: HttpRequest) -> HttpResponse:
    instance = NotificationSettings.objects.filter(user=request.user).first() or NotificationSettings(
        user=request.user)
    form = SettingsForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved: %(choice)s.") % {"choice": instance.get_delivery_display()})
        return redirect("notifications:settings")
    return render(request, "notifications/settings.html", {"form": form})
