"""Electronic consultations: the Secretariat puts a document to the authorities; each answers before a
deadline; closing records the outcome (silence counts as approval where the consultation says so)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import default_task_backend, task

from rial.accounts.roles import roles_for
from rial.conference.models import WorkingGroup
from rial.conference.services import troika_on
from rial.core.audit import save_logged
from rial.directory.models import Institution
from rial.meetings import notices
from rial.meetings.models import Consultation, ConsultationAnswer

Answer = ConsultationAnswer.Answer


def default_authorities() -> list[Institution]:
    """The ministries of the IACML authorities today: the troika and the chairs and vice-chairs of the
    working groups of the latest conference (a suggestion; the Secretariat edits the list)."""
    troika = troika_on(timezone.localdate())
    countries = {country.pk for country in (troika.chair, troika.previous_chair, troika.next_chair) if country}
    if troika.conference:
        for group in WorkingGroup.objects.filter(conference=troika.conference).prefetch_related("vice_chairs"):
            countries |= group.authority_country_ids
    return list(Institution.objects.active().ministries().filter(country__in=countries).order_by("name"))


def consultation_open(*, consultation: Consultation, consulted: list[Institution], user) -> Consultation:
    """Put a document to the authorities. The closing is scheduled for the deadline."""
    if not user.has_perm("meetings.add_consultation"):
        raise PermissionDenied
    if not consulted:
        raise ValidationError(_("Choose at least one authority to consult."))
    if consultation.deadline <= timezone.now():
        raise ValidationError(_("The deadline must be in the future."))
    with transaction.atomic():
        consultation.status = Consultation.Status.OPEN
        consultation.opened_by = user
        consultation.full_clean()
        save_logged(consultation, user=user, action="meetings.consultation.opened")
        consultation.consulted.set(consulted)
        transaction.on_commit(lambda: schedule_closing(consultation))
        notices.consultation_opened(consultation)
    return consultation


def acting_institutions(user, consultation: Consultation) -> list[Institution]:
    """The consulted institutions this user may answer for (the Secretariat records answers sent by mail)."""
    consulted = list(consultation.consulted.all())
    roles = roles_for(user)
    if roles.is_secretariat:
        return consulted
    return [institution for institution in consulted if institution.pk in roles.speaks_for]


def consultation_answer(*, consultation: Consultation, institution: Institution, answer: str, comment: str,
                        user) -> ConsultationAnswer:
    if not user.has_perm("meetings.answer_consultation", consultation):
        raise PermissionDenied
    if institution not in acting_institutions(user, consultation):
        raise PermissionDenied
    if answer not in (Answer.APPROVE, Answer.OBJECT, Answer.COMMENT):
        raise ValidationError(_("Answer approve, object or comment."))
    comment = comment.strip()
    if answer in (Answer.OBJECT, Answer.COMMENT) and not comment:
        raise ValidationError(_("Say why: an objection or a comment needs a text."))
    with transaction.atomic():
        locked = Consultation.objects.select_for_update().get(pk=consultation.pk)
        if locked.status != Consultation.Status.OPEN or locked.is_past_deadline:
            raise ValidationError(_("This consultation is closed: answers are no longer accepted."))
        record = ConsultationAnswer.objects.filter(consultation=locked, institution=institution).first()
        record = record or ConsultationAnswer(consultation=locked, institution=institution)
        record.answer = answer
        record.comment = comment
        record.answered_by = user
        record.answered_at = timezone.now()
        record.full_clean()
        save_logged(record, user=user, action="meetings.consultation.answered")
    return record


def consultation_close(*, consultation: Consultation, user=None) -> Consultation:
    """Close a consultation and record its outcome. ``user=None`` is the scheduled task at the deadline.

    Before the deadline the Secretariat may close only once every authority has answered. Closing twice
    changes nothing.
    """
    if user is not None and not user.has_perm("meetings.change_consultation", consultation):
        raise PermissionDenied
    with transaction.atomic():
        locked = Consultation.objects.select_for_update().get(pk=consultation.pk)
        if locked.status == Consultation.Status.CLOSED:
            return locked
        consulted = list(locked.consulted.all())
        answers = {answer.institution_id: answer for answer in locked.answers.all()}
        silent = [institution for institution in consulted if institution.pk not in answers]
        if not locked.is_past_deadline and (silent or user is None):
            raise ValidationError(_("The deadline has not passed and some authorities have not answered yet."))
        if locked.silence_is_approval:
            for institution in silent:
                tacit = ConsultationAnswer(consultation=locked, institution=institution, answer=Answer.TACIT,
                                           answered_at=locked.deadline)
                save_logged(tacit, user=user, action="meetings.consultation.tacit_approval")
                answers[institution.pk] = tacit
        given = [answer.answer for answer in answers.values()]
        if Answer.OBJECT in given:
            locked.outcome = Consultation.Outcome.OBJECTED
        elif len(answers) == len(consulted):
            locked.outcome = Consultation.Outcome.APPROVED
        else:
            locked.outcome = Consultation.Outcome.INCOMPLETE
        locked.status = Consultation.Status.CLOSED
        locked.closed_at = timezone.now()
        save_logged(locked, user=user, action="meetings.consultation.closed")
        notices.consultation_closed(locked)
    consultation.refresh_from_db()
    return locked


@task()
def close_consultation(consultation_id: int) -> str:
    """Scheduled for the deadline; does nothing when run early (a backend that cannot defer) or twice."""
    consultation = Consultation.objects.filter(pk=consultation_id).first()
    if consultation is None or consultation.status == Consultation.Status.CLOSED:
        return "nothing to do"
    if not consultation.is_past_deadline:
        return "not due yet"
    return consultation_close(consultation=consultation).outcome


@task()
def close_due_consultations() -> int:
    """Close every open consultation past its deadline (a safety net, e.g. after the worker was down)."""
    due = list(Consultation.objects.filter(status=Consultation.Status.OPEN, deadline__lte=timezone.now()))
    for consultation in due:
        consultation_close(consultation=consultation)
    return len(due)


def schedule_closing(consultation: Consultation) -> None:
    if default_task_backend.supports_defer:
        close_consultation.using(run_after=consultation.deadline).enqueue(consultation.pk)
    else:
        close_consultation.enqueue(consultation.pk)
