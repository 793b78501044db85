"""Writes on meetings that go beyond plain editing: delegations' written answers."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rial.accounts.roles import roles_for
from rial.core.audit import save_logged
from rial.directory.models import Institution
from rial.meetings import actions
from rial.meetings.models import DelegationAnswer, GuidingQuestion


def answering_institutions(user) -> list[Institution]:
    """The delegations a user may answer for: their own ministries (the Secretariat: any ministry)."""
    roles = roles_for(user)
    ministries = Institution.objects.active().ministries().select_related("country")
    if roles.is_secretariat:
        return list(ministries)
    return list(ministries.filter(pk__in=roles.member_of | roles.focal_point_for))


def question_answer(*, question: GuidingQuestion, institution: Institution, user, text: str) -> DelegationAnswer:
    """Record (or replace) a delegation's written answer to a guiding question before its deadline."""
    if not user.has_perm("meetings.answer_question", question):
        raise PermissionDenied
    if institution not in answering_institutions(user):
        raise PermissionDenied
    text = text.strip()
    if not text:
        raise ValidationError(_("Write an answer before sending it."))
    if timezone.now() > question.answers_due and not roles_for(user).is_secretariat:
        raise ValidationError(_("The deadline for written answers to this question has passed."))
    with transaction.atomic():
        answer = DelegationAnswer.objects.select_for_update().filter(question=question, institution=institution).first()
        if answer is None:
            answer = DelegationAnswer(question=question, institution=institution)
        answer.text = text
        answer.submitted_by = user
        answer.full_clean()
        save_logged(answer, user=user, action=actions.QUESTION_ANSWERED)
    return answer
