"""Background work of the conference app (django-tasks)."""

import datetime
import logging
import tempfile
from pathlib import Path

from django.conf import settings
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from rial.conference import notices, services
from rial.conference.importer import uploads
from rial.conference.models import PlanUpload
from rial.core.storage import private_storage

logger = logging.getLogger("rial.conference")


@task()
def send_due_reminders() -> int:
    """Remind the owners of every mandate due within 30 days, once per due date, and tell them once per
    due date when it has passed (an overdue mandate gets that notice rather than a "due on" reminder)."""
    today = timezone.localdate()
    reminded = sum(services.mandate_remind(mandate_id=pk) for pk in services.mandates_due_for_reminder(today)
                   .filter(due_date__gte=today).values_list("pk", flat=True))
    for mandate in notices.overdue_mandates(today):
        notices.mandate_overdue(mandate)
    return reminded


def stalled_before() -> datetime.datetime:
    """A reading that started before this was interrupted (worker killed): the parse bound plus a minute."""
    return timezone.now() - datetime.timedelta(seconds=settings.RIAL_PARSE_MAX_SECONDS + 60)


@task()
def parse_plan_upload(upload_id: int) -> str:
    """Read an uploaded plan within the parsing bounds and keep the result for the preview.

    Only a queued upload (or one whose reading was interrupted) is claimed, by one conditional update:
    a task run twice reads the file once. A refusal is kept as the message the uploader sees, in the
    language they uploaded in; no record of the plan is written here.
    """
    claimed = PlanUpload.objects.filter(
        Q(status=PlanUpload.Status.QUEUED) | Q(status=PlanUpload.Status.PARSING, started_at__lt=stalled_before()),
        pk=upload_id,
    ).update(status=PlanUpload.Status.PARSING, started_at=timezone.now())
    if not claimed:
        return "skipped"
    upload = PlanUpload.objects.get(pk=upload_id)
    with translation.override(upload.language):
        try:
            with tempfile.TemporaryDirectory() as folder:
                # The importer tells the format from the extension and reads a path.
                path = Path(folder) / f"upload{Path(upload.original_name).suffix.lower()}"
                with private_storage.open(upload.stored_name, "rb") as source, path.open("wb") as target:
                    for chunk in source.chunks():
                        target.write(chunk)
                parsed = uploads.read_plan_bounded(path)
        except uploads.ImportProblem as problem:
            status, message, data = PlanUpload.Status.FAILED, problem.message, None
        except OSError:
            logger.exception("plan upload %s: stored file unreadable", upload_id)
            status, message, data = PlanUpload.Status.FAILED, _(
                "The uploaded file could not be read back from storage: upload it again."), None
        else:
            status, message, data = PlanUpload.Status.READY, "", parsed.to_dict()
    PlanUpload.objects.filter(pk=upload_id).update(status=status, message=message, parsed=data,
                                                   finished_at=timezone.now())
    if status == PlanUpload.Status.FAILED:
        # A refused file is kept nowhere: the refusal's message is all the uploader needs.
        private_storage.delete(upload.stored_name)
    return status

