"""Every authority consulted (ministries, COSATE, CEATAL) hears of the consultation, is reminded before the
deadline while silent, and hears the outcome; a draft forum's participants hear that it opened."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from rial.directory.models import Institution
from rial.meetings.models import Consultation, ConsultationAnswer, DraftForum
from rial.meetings.services.consultation import consultation_answer, consultation_close, consultation_open
from rial.meetings.services.forum import forum_create
from rial.notifications.models import Notification

pytestmark = pytest.mark.django_db


def institution(slug: str) -> Institution:
    return Institution.objects.get(slug=slug)


@pytest.fixture
def consultation(secretariat, focal_cl, focal_br, cosate_rep, django_capture_on_commit_callbacks):
    focal_br.preferred_language = "pt"
    focal_br.save()
    consultation = Consultation(title="Work Plan 2026-2027", description="Do you approve the work plan?",
                                deadline=timezone.now() + datetime.timedelta(days=10))
    with django_capture_on_commit_callbacks(execute=True):
        return consultation_open(consultation=consultation, user=secretariat,
                                 consulted=[institution("ministry-cl"), institution("ministry-br"), institution("cosate")])


def _told(kind: str) -> set[str]:
    return {n.user.username for n in Notification.objects.filter(kind=kind)}


def test_every_consulted_authority_is_told_in_its_language(consultation):
    assert _told("meetings.consultation.opened") == {"focal-cl", "focal-br", "cosate-rep"}
    portuguese = Notification.objects.get(kind="meetings.consultation.opened", user__username="focal-br")
    assert portuguese.subject == "Consulta: Work Plan 2026-2027" and "Aprove, objete ou comente" in portuguese.body
    assert portuguese.url == f"/pt/consultations/{consultation.pk}/"
    assert len(mail.outbox) == 3


def test_the_silent_authorities_are_reminded_once_before_the_deadline(consultation, focal_cl):
    consultation_answer(consultation=consultation, institution=institution("ministry-cl"),
                        answer=ConsultationAnswer.Answer.APPROVE, comment="", user=focal_cl)
    call_command("send_consultation_reminders")
    assert _told("meetings.consultation.reminder") == set()  # ten days left: not yet
    Consultation.objects.filter(pk=consultation.pk).update(deadline=timezone.now() + datetime.timedelta(days=2))
    call_command("send_consultation_reminders")
    call_command("send_consultation_reminders")
    assert _told("meetings.consultation.reminder") == {"focal-br", "cosate-rep"}
    assert Notification.objects.filter(kind="meetings.consultation.reminder").count() == 2


def test_the_outcome_is_told_once_when_the_consultation_closes(consultation):
    Consultation.objects.filter(pk=consultation.pk).update(deadline=timezone.now() - datetime.timedelta(minutes=1))
    consultation_close(consultation=consultation)
    consultation_close(consultation=consultation)
    closed = Notification.objects.filter(kind="meetings.consultation.closed")
    assert {n.user.username for n in closed} == {"focal-cl", "focal-br", "cosate-rep"}
    assert closed.get(user__username="focal-cl").subject == "Consultation closed: Work Plan 2026-2027 (Approved)"


def test_a_draft_forum_is_announced_to_its_participants(secretariat, focal_cl, cosate_rep, ilo_rep):
    forum = DraftForum(title="Draft Declaration of 2027", opens_at=timezone.now(),
                       closes_at=timezone.now() + datetime.timedelta(days=14))
    forum_create(forum=forum, text="First paragraph.\n\nSecond paragraph.", user=secretariat)
    assert _told("meetings.forum.opened") == {"focal-cl", "cosate-rep", "ilo-rep"}
