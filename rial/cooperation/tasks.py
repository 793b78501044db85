"""Background work of bilateral cooperation: report reminders by email (django-tasks)."""

from django.urls import reverse
from django.utils import translation
from django_tasks import task

from rial.cooperation.models import Activity
from rial.core.emails import absolute_url, render_email
from rial.directory.models import Institution
from rial.directory.recipients import focal_point_recipients


@task()
def send_report_reminder(activity_id: int, institution_id: int) -> int:
    """Remind the focal points of a party ministry that its report on an activity is due; returns emails sent."""
    activity = Activity.objects.select_related("call").get(pk=activity_id)
    institution = Institution.objects.get(pk=institution_id)
    if activity.reports.filter(institution=institution).exists():
        return 0  # filed in the meantime: a late worker must not nag
    sent = 0
    for recipient in focal_point_recipients([institution.pk]):
        with translation.override(recipient.language):  # the link opens the page in the reader's language
            url = absolute_url(reverse("cooperation:report", kwargs={"pk": activity.pk}))
        render_email(template="cooperation/email/report_reminder", recipient=recipient, context={
            "activity": activity, "institution": institution, "deadline": activity.report_deadline, "url": url,
        }).send(fail_silently=False)
        sent += 1
    return sent
