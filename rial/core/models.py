"""What every domain model shares: archiving instead of deleting."""

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
