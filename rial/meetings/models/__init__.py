"""The meetings app's models, one module per capability."""

from rial.meetings.models.consultation import Consultation, ConsultationAnswer
from rial.meetings.models.forum import DraftForum, ForumComment, ForumParagraph
from rial.meetings.models.meeting import (
    Conclusion,
    DelegationAnswer,
    GuidingQuestion,
    Meeting,
    MeetingDocument,
    Participant,
)
from rial.meetings.models.report import WorkingGroupReport
from rial.meetings.models.workplan import PlannedActivity, WorkPlan, WorkPlanRevision

__all__ = [
    "Conclusion", "Consultation", "ConsultationAnswer", "DelegationAnswer", "DraftForum", "ForumComment",
    "ForumParagraph", "GuidingQuestion", "Meeting", "MeetingDocument", "Participant", "PlannedActivity",
    "WorkPlan", "WorkPlanRevision", "WorkingGroupReport",
]
