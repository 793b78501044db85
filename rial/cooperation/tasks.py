"""Background work of bilateral cooperation: report reminders by email (django-tasks)."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from rial.cooperation.models import Activity
from rial.directory.models import FocalPointDesignation, Institution


@task()
def send_report_reminder(activity_id: int, institution_id: int) -> int:
    """Remind the focal points of a party ministry that its report on an activity is due; returns emails sent."""
    activity = Activity.objects.select_related("call").get(pk=activity_id)
    institution = Institution.objects.get(pk=institution_id)
    if activity.reports.filter(institution=institution).exists():
        return 0  # filed in the meantime: a late worker must not nag
    designations = (FocalPointDesignation.objects.current().filter(institution=institution)
                    .select_related("person__user"))
    sent = 0
    for designation in designations:
        person = designation.person
        email = person.email or (person.user.email if person.user else "")
        if not email:
            continue
        language = (person.user.preferred_language if person.user else "") or settings.LANGUAGE_CODE
        with translation.override(language):
            url = settings.SITE_URL.rstrip("/") + reverse("cooperation:report", kwargs={"pk": activity.pk})
            context = {"activity": activity, "institution": institution, "deadline": activity.report_deadline,
                       "url": url}
            subject = render_to_string("cooperation/email/report_reminder_subject.txt", context).strip()
            body = render_to_string("cooperation/email/report_reminder.txt", context)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email])
        sent += 1
    return sent
