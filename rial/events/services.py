"""Registration for events, attendance, certificates and evaluations: every write of the events app.

Each function is keyword-only, checks the permission and the invariants inside one transaction and logs
the change (``save_logged``). Places are counted under a lock on the event's row (``select_for_update``),
so two people registering for the last place, or a cancellation and a registration at the same moment,
are decided one after the other: the capacity is never exceeded and the waiting list moves up in order.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from rial.accounts.roles import roles_for
from rial.core.audit import save_logged
from rial.core.languages import supported
from rial.directory.models import Institution
from rial.directory.recipients import people_of, recipient_for_user
from rial.events import actions
from rial.events.models import Evaluation, Event, Registration, new_certificate_code
from rial.events.workflow import REGISTRATION
from rial.meetings.models import Participant
from rial.notifications.services import notify

S = Registration.Status
# What a new registration's history row says, by the status it starts in.
REGISTERED_ACTIONS = {S.PENDING: actions.REGISTRATION_PENDING, S.CONFIRMED: actions.REGISTRATION_CONFIRMED,
                      S.WAITLISTED: actions.REGISTRATION_WAITLISTED}


@dataclass(frozen=True)
class Attendee:
    full_name: str
    email: str
    language: str = "en"


def _locked(event: Event) -> Event:
    return Event.objects.select_for_update().select_related("meeting").get(pk=event.pk)


def _check_window(event: Event) -> None:
    if not (event.meeting.is_published and event.meeting.archived_at is None):
        raise ValidationError(_("This event is not open for registration."), code="not_published")
    now = timezone.now()
    if event.registration_opens and now < event.registration_opens:
        raise ValidationError(_("Registration opens on %(date)s.")
                              % {"date": formats.date_format(timezone.localtime(event.registration_opens),
                                                             "DATETIME_FORMAT")}, code="not_yet_open")
    if event.registration_closes and now >= event.registration_closes:
        raise ValidationError(_("Registration closed on %(date)s.")
                              % {"date": formats.date_format(timezone.localtime(event.registration_closes),
                                                             "DATETIME_FORMAT")}, code="closed")


def places_left(event: Event) -> int | None:
    """Free places now (None: no limit)."""
    if event.capacity is None:
        return None
    return max(event.capacity - event.registrations.holding_places().count(), 0)


def _register(*, event: Event, user, attendees: list[Attendee], institution: Institution | None, kind: str,
              person=None) -> list[Registration]:
    emails = [attendee.email.strip().lower() for attendee in attendees]
    if not attendees:
        raise ValidationError(_("Name at least one participant."), code="empty")
    if len(set(emails)) != len(emails):
        raise ValidationError(_("The same address is given twice."), code="duplicate")
    with transaction.atomic():
        event = _locked(event)
        _check_window(event)
        taken = set(event.registrations.active().filter(email__in=emails).values_list("email", flat=True))
        if taken:
            raise ValidationError(_("Already registered for this event: %(emails)s. Nothing was changed.")
                                  % {"emails": ", ".join(sorted(taken))}, code="already_registered")
        free = places_left(event)
        needs_confirmation = kind == Registration.Kind.DELEGATION and event.delegations_need_confirmation
        created = []
        for attendee, email in zip(attendees, emails, strict=True):
            if free is not None and free <= 0:
                status = S.WAITLISTED
            else:
                status = S.PENDING if needs_confirmation else S.CONFIRMED
                free = None if free is None else free - 1
            registration = Registration(
                event=event, kind=kind, status=status, person=person, full_name=attendee.full_name.strip(),
                email=email, institution=institution, language=supported(attendee.language) or "en",
                registered_by=user if user.is_authenticated else None,
                confirmed_at=timezone.now() if status == S.CONFIRMED else None)
            try:
                with transaction.atomic():
                    save_logged(registration, user=user, action=REGISTERED_ACTIONS[status])
            except IntegrityError as error:  # the unique address constraint: a concurrent double submit
                raise ValidationError(_("Already registered for this event: %(emails)s. Nothing was changed.")
                                      % {"emails": email}, code="already_registered") from error
            created.append(registration)
        for registration in created:
            _tell_registrant(registration, "registered")
        pending = [registration for registration in created if registration.status == S.PENDING]
        if pending:
            _tell_secretariat(event, pending)
    return created


def register_self(*, event: Event, user) -> Registration:
    """The signed-in person registers themselves (their directory entry, else their account)."""
    if not user.has_perm("events.register"):
        raise PermissionDenied("events.register")
    person = getattr(user, "person", None)
    recipient = recipient_for_user(user)
    if recipient is None:
        raise ValidationError(_("Your account has no email address: add one on your account page first."),
                              code="no_email")
    roles = roles_for(user)
    institution_id = next(iter(sorted(roles.institution_ids)), None)
    institution = Institution.objects.filter(pk=institution_id).first() if institution_id else None
    name = (person.full_name if person is not None else "") or user.get_full_name() or user.username
    return _register(event=event, user=user, person=person, institution=institution,
                     kind=Registration.Kind.INDIVIDUAL,
                     attendees=[Attendee(full_name=name, email=recipient.email, language=recipient.language)])[0]


def register_delegation(*, event: Event, user, institution: Institution, attendees: list[Attendee]) -> list[Registration]:
    """A focal point registers their ministry's delegation (one registration per delegate)."""
    if not user.has_perm("events.register_delegation", institution):
        raise PermissionDenied("events.register_delegation")
    return _register(event=event, user=user, institution=institution, kind=Registration.Kind.DELEGATION,
                     attendees=attendees)


def registration_confirm(*, registration: Registration, user) -> Registration:
    with transaction.atomic():
        _locked(registration.event)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        REGISTRATION.move(registration, "confirm", user=user)
        registration.confirmed_at = timezone.now()
        save_logged(registration, user=user, action=actions.REGISTRATION_CONFIRMED)
        _tell_registrant(registration, "confirmed")
    return registration


def registration_cancel(*, registration: Registration, user) -> list[Registration]:
    """Cancel a registration; a place it held goes to the first on the waiting list. Returns who moved up."""
    with transaction.atomic():
        event = _locked(registration.event)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        held_place = registration.status in (S.CONFIRMED, S.PENDING)
        REGISTRATION.move(registration, "cancel", user=user)
        registration.cancelled_at = timezone.now()
        save_logged(registration, user=user, action=actions.REGISTRATION_CANCELLED)
        moved = _move_up(event, user) if held_place else []
    return moved


def _move_up(event: Event, user) -> list[Registration]:
    """Give free places to the waiting list in the order people registered (the event's row is locked)."""
    moved = []
    free = places_left(event)
    waiting = event.registrations.filter(status=S.WAITLISTED).order_by("registered_at", "pk")
    for registration in waiting[:free] if free is not None else waiting:
        needs_confirmation = (registration.kind == Registration.Kind.DELEGATION
                              and event.delegations_need_confirmation)
        REGISTRATION.move(registration, "move_up_for_confirmation" if needs_confirmation else "move_up")
        if not needs_confirmation:
            registration.confirmed_at = timezone.now()
        save_logged(registration, user=user, action=actions.REGISTRATION_MOVED_UP)
        _tell_registrant(registration, "moved_up")
        moved.append(registration)
    pending = [registration for registration in moved if registration.status == S.PENDING]
    if pending:
        _tell_secretariat(event, pending)
    return moved


def attendance_record(*, event: Event, user, attended_ids) -> int:
    """Mark who attended (confirmed registrations only); they become the meeting's participants and get a
    certificate code. Returns how many attended."""
    if not user.has_perm("events.manage_event", event):
        raise PermissionDenied("events.manage_event")
    attended_ids = {int(pk) for pk in attended_ids}
    with transaction.atomic():
        event = _locked(event)
        if event.meeting.start_date > timezone.localdate():
            raise ValidationError(_("Attendance can be taken once the event has begun."), code="too_early")
        confirmed = list(event.registrations.filter(status=S.CONFIRMED).select_for_update())
        unknown = attended_ids - {registration.pk for registration in confirmed}
        if unknown:
            raise ValidationError(_("Only confirmed registrations can be marked as attended."), code="unknown")
        for registration in confirmed:
            attended = registration.pk in attended_ids
            if registration.attended == attended and (not attended or registration.certificate_code):
                continue
            registration.attended = attended
            if attended and not registration.certificate_code:
                registration.certificate_code = new_certificate_code()
            save_logged(registration, user=user, action=actions.REGISTRATION_ATTENDANCE)
            if registration.institution_id:
                participant = (Participant.objects.filter(meeting=event.meeting, institution=registration.institution,
                                                          person=registration.person, name=registration.full_name)
                               .first() or Participant(meeting=event.meeting, institution=registration.institution,
                                                       person=registration.person, name=registration.full_name))
                participant.attended = attended
                participant.role = (Participant.Role.DELEGATE if registration.kind == Registration.Kind.DELEGATION
                                    else Participant.Role.OBSERVER)
                save_logged(participant, user=user, action=actions.ATTENDANCE)
    return len(attended_ids)


def evaluation_answer(*, registration: Registration, user, objectives_met: int, usefulness: int, organisation: int,
                      will_apply: str = "") -> Evaluation:
    """The participant's answer to the evaluation questionnaire (replaced if answered again)."""
    if not user.has_perm("events.see_registration", registration):
        raise PermissionDenied("events.see_registration")
    if not registration.attended:
        raise ValidationError(_("The questionnaire is for those who attended the event."), code="not_attended")
    with transaction.atomic():
        evaluation = Evaluation.objects.filter(registration=registration).first() or Evaluation(
            registration=registration)
        evaluation.objectives_met, evaluation.usefulness, evaluation.organisation = (
            objectives_met, usefulness, organisation)
        evaluation.will_apply = will_apply
        evaluation.answered_at = timezone.now()
        evaluation.full_clean(exclude=["registration"])
        save_logged(evaluation, user=user, action=actions.EVALUATION_ANSWERED)
    return evaluation


def event_report(*, event: Event, user, results: str, lessons_learned: str) -> Event:
    if not user.has_perm("events.manage_event", event):
        raise PermissionDenied("events.manage_event")
    with transaction.atomic():
        event.results, event.lessons_learned = results, lessons_learned
        save_logged(event, user=user, action=actions.EVENT_REPORTED)
    return event


def _tell_registrant(registration: Registration, occasion: str) -> None:
    from rial.events.tasks import send_registration_email

    transaction.on_commit(lambda: send_registration_email.enqueue(registration.pk, occasion))


def _tell_secretariat(event: Event, registrations: list[Registration]) -> None:
    secretariat = Institution.objects.filter(kind=Institution.Kind.SECRETARIAT).values_list("pk", flat=True)
    notify(kind="events.registration.pending",
           key=f"events.registration.pending:{','.join(str(r.pk) for r in registrations)}",
           recipients=people_of(secretariat), template="events/email/pending_for_secretariat",
           context={"event": event, "registrations": registrations}, target=event)
