"""The 12-month review reminder: one notification per focal point per review cycle of a program.

A cycle is identified by the program's ``last_reviewed_at``: once its focal points were reminded for
that date (``reminded_for``), running the task again sends nothing until the program is reviewed (a
new date) and falls due again. The notification's key names the programs and their cycles, so even a
reminder run twice at once tells nobody twice.
"""

import hashlib
import logging
from collections import defaultdict

from django.conf import settings
from django.db import transaction

from rial.directory.models import Institution
from rial.directory.recipients import institution_recipients
from rial.notifications.services import Page, notify
from rial.portfolio.models import Program

logger = logging.getLogger("rial.portfolio")


def send_review_reminders() -> int:
    """Remind the focal points of every ministry with programs due for review. Returns notifications made."""
    sent = 0
    with transaction.atomic():
        # Locked so that two workers running at once cannot both send the same cycle's reminder.
        due = [program for program in Program.objects.due_for_review().select_for_update()
               .select_related("ministry") if not program.reminder_sent]
        by_ministry: dict[int, list[Program]] = defaultdict(list)
        for program in due:
            by_ministry[program.ministry_id].append(program)
        for ministry in Institution.objects.filter(pk__in=by_ministry):
            programs = by_ministry[ministry.pk]
            cycles = ",".join(f"{program.pk}@{program.review_cycle.isoformat()}" for program in programs)
            key = f"portfolio.review_due:{ministry.pk}:{hashlib.sha256(cycles.encode()).hexdigest()[:32]}"
            sent += len(notify(kind="portfolio.review_due", key=key, recipients=institution_recipients([ministry.pk]),
                               template="portfolio/email/review_reminder", target=Page("portfolio:mine"),
                               context={"ministry": ministry, "programs": programs,
                                        "site_url": settings.SITE_URL.rstrip("/")}))
        for program in due:
            # A bookkeeping field, not a content change: no history row.
            Program.objects.filter(pk=program.pk).update(reminded_for=program.review_cycle)
    logger.info("review reminders: %d notification(s) for %d program(s)", sent, len(due))
    return sent
