"""What the platform told each person: one row per event and recipient, shown in-app and sent by email.

A row is rendered once, in the recipient's language, when the event happens (the subject and the
plain-text body), so the in-app list, the immediate email and the daily digest all say the same thing.
``key`` makes telling someone twice impossible: the same event for the same address is one row.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from rial.core.languages import LANGUAGE_CHOICES


class NotificationQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user)

    def unread(self):
        return self.filter(read_at__isnull=True)

    def email_pending(self):
        return self.filter(emailed_at__isnull=True, email_off=False).exclude(email="")


class Notification(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
                             related_name="notifications", verbose_name=_("user"))
    email = models.EmailField(_("email"), max_length=254, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    kind = models.CharField(_("kind"), max_length=80, db_index=True)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("message"))
    url = models.CharField(_("link"), max_length=500, blank=True)
    key = models.CharField(max_length=200)
    # Frequent, low-stakes news (e.g. new posts in a followed forum thread): emailed in one batch at most
    # once an hour per address instead of one email each.
    batched = models.BooleanField(_("batched"), default=False)
    # The person turned off the email of this kind: it stays in their in-app list and is never emailed.
    email_off = models.BooleanField(_("email turned off"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("emailed"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [models.UniqueConstraint(fields=["key", "email"], name="one_notification_per_event_and_address")]
        indexes = [
            models.Index(fields=["user", "read_at"], name="notification_unread"),
            models.Index(fields=["emailed_at"], condition=Q(emailed_at__isnull=True), name="notification_to_email"),
        ]

    def __str__(self) -> str:
        return self.subject


class Delivery(models.TextChoices):
    IMMEDIATE = "immediate", _("Immediately, one email per notification")
    DAILY = "daily", _("Once a day, in one digest email")


class NotificationSettings(models.Model):
    """How a person wants their notification emails (immediate unless they chose the daily digest)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="notification_settings")
    delivery = models.CharField(_("email delivery"), max_length=12, choices=Delivery.choices,
                                default=Delivery.IMMEDIATE)
    # Kinds of notification (``rial.notifications.kinds``) this person gets in the in-app list only.
    email_off = models.JSONField(_("kinds not emailed"), default=list, blank=True)

    class Meta:
        verbose_name = _("notification settings")
        verbose_name_plural = _("notification settings")

    def __str__(self) -> str:
        return f"{self.user}: {self.get_delivery_display()}"


def kinds_not_emailed(user_ids) -> dict[int, set[str]]:
    """For each of these accounts that turned off the email of some kinds, those kinds (one query)."""
    rows = NotificationSettings.objects.filter(user_id__in=[pk for pk in user_ids if pk is not None])
    return {user_id: set(kinds) for user_id, kinds in rows.values_list("user_id", "email_off") if kinds}
