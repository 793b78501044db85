"""The 12-month review reminder: one email per focal point per review cycle of a program.

A cycle is identified by the program's ``last_reviewed_at``: once its focal points were reminded for
that date (``reminded_for``), running the task again sends nothing until the program is reviewed (a
new date) and falls due again.
"""

import logging
from collections import defaultdict

from django.db import transaction

from rial.core.emails import send_email
from rial.directory.recipients import current_focal_points, recipient_for_person
from rial.portfolio.models import Program

logger = logging.getLogger("rial.portfolio")
def send_review_reminders() -> int:
    """Remind the focal points of every ministry with programs due for review. Returns emails sent."""
    sent = 0
    with transaction.atomic():
        # Locked so that two workers running at once cannot both send the same cycle's reminder.
        due = [program for program in Program.objects.due_for_review().select_for_update()
               .select_related("ministry") if not program.reminder_sent]
        by_ministry: dict[int, list[Program]] = defaultdict(list)
        for program in due:
            by_ministry[program.ministry_id].append(program)
        for designation in current_focal_points(by_ministry):
            recipient = recipient_for_person(designation.person, country=designation.institution.country)
            if recipient is None:
                continue
            send_email(template="portfolio/email/review_reminder", recipient=recipient, context={
                "person": designation.person, "ministry": designation.institution,
                "programs": by_ministry[designation.institution_id]})
            sent += 1
        for program in due:
            # A bookkeeping field, not a content change: no history row.
            Program.objects.filter(pk=program.pk).update(reminded_for=program.review_cycle)
    logger.info("review reminders: %d email(s) for %d program(s)", sent, len(due))
    return sent
