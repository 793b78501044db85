"""What notifications add to a person's desk: the latest unread ones (see rial/core/desk.py)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from rial.core.desk import desk_list, section
from rial.notifications.models import Notification


def desk_section(user) -> dict | None:
    unread = Notification.objects.for_user(user).unread().only("subject", "url", "created_at")
    return section(_("Unread notifications"), [desk_list(_("Latest"), unread, lambda n: {
        "label": n.subject, "url": n.url or reverse("notifications:list")},
        more_url=reverse("notifications:list"), more_label=_("All your notifications"))], order=1)
