"""Background work of bilateral cooperation: report reminders (django-tasks, through notifications)."""

from django_tasks import task

from rial.cooperation import notices
from rial.cooperation.models import Activity
from rial.directory.models import Institution


@task()
def send_report_reminder(activity_id: int, institution_id: int) -> int:
    """Remind a party ministry that its report on an activity is due; returns notifications made."""
    activity = Activity.objects.select_related("call").get(pk=activity_id)
    institution = Institution.objects.get(pk=institution_id)
    if activity.reports.filter(institution=institution).exists():
        return 0  # filed in the meantime: a late worker must not nag
    return notices.report_due(activity, institution)
