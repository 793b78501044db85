"""Read-only questions other apps ask the conference app."""

from rial.conference.models import ConferenceDocument


def current_plan() -> ConferenceDocument | None:
    """The Plan of Action in force: the latest one that is not a draft (1 query)."""
    return (ConferenceDocument.objects.filter(kind=ConferenceDocument.Kind.PLAN_OF_ACTION, archived_at__isnull=True)
            .exclude(status=ConferenceDocument.Status.DRAFT).select_related("conference")
            .order_by("-conference__number", "-pk").first())
