"""The 12-month review reminder: one email per focal point per review cycle of a program.

A cycle is identified by the program's ``last_reviewed_at``: once its focal points were reminded for
that date (``reminded_for``), running the task again sends nothing until the program is reviewed (a
new date) and falls due again.
"""

import datetime
import logging
from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from rial.directory.models import FocalPointDesignation
from rial.portfolio.models import Program

logger = logging.getLogger("rial.portfolio")
NEVER = datetime.date(1970, 1, 1)  # the cycle of a program published without a review date


def _cycle(program: Program) -> datetime.date:
    return program.last_reviewed_at or NEVER


def send_review_reminders() -> int:
    """Remind the focal points of every ministry with programs due for review. Returns emails sent."""
    sent = 0
    with transaction.atomic():
        # Locked so that two workers running at once cannot both send the same cycle's reminder.
        due = [program for program in Program.objects.due_for_review().select_for_update()
               .select_related("ministry") if program.reminded_for != _cycle(program)]
        by_ministry: dict[int, list[Program]] = defaultdict(list)
        for program in due:
            by_ministry[program.ministry_id].append(program)
        designations = (FocalPointDesignation.objects.current().filter(institution_id__in=by_ministry)
                        .select_related("person__user", "institution"))
        for designation in designations:
            person = designation.person
            email = person.email or (person.user.email if person.user else "")
            if not email or person.archived_at:
                continue
            language = person.user.preferred_language if person.user else "en"
            with translation.override(language):
                context = {"person": person, "ministry": designation.institution,
                           "programs": by_ministry[designation.institution_id], "site_url": settings.SITE_URL}
                subject = render_to_string("portfolio/email/review_reminder_subject.txt", context).strip()
                body = render_to_string("portfolio/email/review_reminder.txt", context)
            send_mail(subject, body, None, [email])
            sent += 1
        for program in due:
            program.reminded_for = _cycle(program)
            # A bookkeeping field, not a content change: no history row.
            Program.objects.filter(pk=program.pk).update(reminded_for=program.reminded_for)
    logger.info("review reminders: %d email(s) for %d program(s)", sent, len(due))
    return sent
