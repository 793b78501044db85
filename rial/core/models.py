"""What every domain model shares: archiving instead of deleting, and the log of a review workflow's moves."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ArchivableQuerySet(models.QuerySet):
    def active(self):
        return self.filter(archived_at__isnull=True)


class Archivable(models.Model):
    """Normal users never hard-delete: they archive, and the Secretariat can bring a record back."""

    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True, db_index=True)

    objects = ArchivableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    def archive(self) -> None:
        self.archived_at = timezone.now()


class TransitionRecord(models.Model):
    """One move of a record through its review workflow: who, when, from which status to which, with which comment.

    Each reviewed model keeps its own table (a foreign key to the record it logs, and `choices` for its statuses)
    and names its moves' labels in ACTION_LABELS.
    """

    ACTION_LABELS: dict = {}

    action = models.CharField(_("action"), max_length=30)
    from_status = models.CharField(_("from"), max_length=20)
    to_status = models.CharField(_("to"), max_length=20)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, on_delete=models.SET_NULL,
                             related_name="+")
    at = models.DateTimeField(_("at"), default=timezone.now)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        abstract = True
        ordering = ["at", "pk"]

    @property
    def action_label(self) -> str:
        return str(self.ACTION_LABELS.get(self.action, self.action))


class WorkerHeartbeat(models.Model):
    """A running task worker process says it is alive: one row per process, its time renewed every
    RIAL_WORKER_HEARTBEAT seconds (rial/core/worker.py). /healthz reports the worker stalled when no row is
    newer than RIAL_WORKER_STALE seconds; a task left running by a worker whose row went stale (or whose
    process is gone, on the same machine) is queued again."""

    worker_id = models.CharField(max_length=64, unique=True)
    hostname = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    beat_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")

    def __str__(self) -> str:
        return f"{self.hostname}:{self.pid} ({self.worker_id})"


class SentEmail(models.Model):
    """A message sent under a key (rial/core/emails.py ``send_email(once=...)``): a task run again after its
    worker died sends nothing the first run sent. The key row and the sending share one transaction."""

    key = models.CharField(max_length=200, unique=True)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("sent email")
        verbose_name_plural = _("sent emails")

    def __str__(self) -> str:
        return self.key
