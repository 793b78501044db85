"""Workflow functions of the conference cycle: the troika at a date, mandate follow-up, evidence.

Each write checks the permission (django-rules), the invariants, runs in one transaction and records who
acted through ``save_logged``. Views, the API, the admin and commands all call these functions.
"""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rial.conference import actions, notices
from rial.conference.codes import is_cidi_code, is_oas_code
from rial.conference.models import (
    Conference,
    ConferenceDocument,
    Evidence,
    Mandate,
    ProgressReport,
    Troika,
)
from rial.conference.titles import fill_titles, refresh_titles
from rial.conference.workflows import DOCUMENT, MANDATE
from rial.core.audit import save_logged
from rial.directory.models import Country


@dataclass(frozen=True)
class TroikaAt:
    """The troika in office on a date: the chair pro tempore, the previous and the next chair."""

    conference: Conference | None
    chair: Country | None
    previous_chair: Country | None
    next_chair: Country | None


def troika_on(date: datetime.date) -> TroikaAt:
    """The troika on ``date``, derived from the conferences (the host of the last conference chairs).

    The next chair is the host of the following conference when it is recorded, or else the future chair
    the sources record for the current conference.
    """
    conferences = {conference.number: conference
                   for conference in Conference.objects.select_related("chair").order_by("number")}
    held = [conference for conference in conferences.values() if conference.began_on <= date]
    if not held:
        return TroikaAt(None, None, None, None)
    current = held[-1]
    # Conferences II-IX are not recorded: only the conferences next in number are neighbours.
    previous = conferences.get(current.number - 1)
    following = conferences.get(current.number + 1)
    recorded = Troika.objects.filter(conference=current).select_related(
        "current_chair", "previous_chair", "future_chair").first()
    chair = current.chair or (recorded.current_chair if recorded else None)
    previous_chair = previous.chair if previous and previous.chair else (recorded.previous_chair if recorded else None)
    next_chair = following.chair if following and following.chair else (recorded.future_chair if recorded else None)
    return TroikaAt(current, chair, previous_chair, next_chair)


# The Plan of Action import is ``rial.conference.plan_import``.


def _changed(obj, values: dict) -> bool:
    """Set ``values`` on ``obj``; True when any differed (so an unchanged record is not saved again)."""
    differing = {name: value for name, value in values.items() if getattr(obj, name) != value}
    for name, value in differing.items():
        setattr(obj, name, value)
    return bool(differing)


# --- Follow-up of mandates --------------------------------------------------------------------------------

Status = Mandate.Status
def _check_status(mandate: Mandate, status: str) -> None:
    """Refuse a status the follow-up table does not reach from the mandate's (staying put is no move)."""
    if status == mandate.status:
        return
    if status not in Status.values:
        raise ValidationError(_("Unknown status: %(status)s.") % {"status": status})
    MANDATE.check(mandate, MANDATE.by_target(mandate.status, status))


@transaction.atomic
def mandate_follow_up(*, mandate: Mandate, user, status: str | None = None, progress: int | None = None,
                      notes: str | None = None) -> Mandate:
    """Change a mandate's status, progress (percent) and notes; a parent's progress follows its items."""
    if not user.has_perm("conference.follow_up_mandate", mandate):
        raise PermissionDenied("conference.follow_up_mandate")
    mandate = Mandate.objects.select_for_update().get(pk=mandate.pk)
    has_items = mandate.items.filter(archived_at__isnull=True).exists()
    if progress is not None:
        if has_items:
            raise ValidationError(_("The progress of a mandate with items is the average of its items: "
                                    "change the items instead."))
        if not 0 <= progress <= 100:
            raise ValidationError(_("Progress is a percentage between 0 and 100."))
    new_status = status or mandate.status
    _check_status(mandate, new_status)
    new_progress = mandate.progress if progress is None else progress
    if new_status == Status.DONE and status == Status.DONE and progress is None and not has_items:
        new_progress = 100
    if new_status == Status.DONE and new_progress < 100 and not has_items:
        raise ValidationError(_("A mandate marked done is complete: set its progress to 100 or choose another status."))
    values = {"status": new_status, "progress": new_progress}
    if notes is not None:
        values["notes"] = notes
    if _changed(mandate, values):
        save_logged(mandate, user=user, action=actions.MANDATE_FOLLOWED_UP)
        if mandate.parent_id:
            roll_up(mandate.parent, user=user)
    return mandate


@transaction.atomic
def mandate_edit(*, mandate: Mandate, user, data: dict, topics=None, responsible_institutions=None) -> Mandate:
    """Correct what the import suggested: group, due date, topics, responsible institutions. Institutions that
    become responsible are told (``tell_newly_responsible``)."""
    if not user.has_perm("conference.change_mandate", mandate):
        raise PermissionDenied("conference.change_mandate")
    before = {mandate.pk: set(mandate.responsible_institutions.values_list("pk", flat=True))}
    for name, value in data.items():
        setattr(mandate, name, value)
    mandate.full_clean()
    related = {name: values for name, values in (("topics", topics),
                                                 ("responsible_institutions", responsible_institutions))
               if values is not None}
    save_logged(mandate, user=user, action=actions.MANDATE_EDITED, related=related)
    tell_newly_responsible([mandate], before=before)
    return mandate


def tell_newly_responsible(mandates, *, before: dict[int, set[int]] | None = None) -> int:
    """The one place that tells institutions a mandate became theirs; every path that sets or changes a
    mandate's responsible institutions (the edit page, the admin, the import's suggestions, adopting a plan)
    calls it after the change, with the institutions each mandate had ``before`` (none for a new mandate).

    A mandate of a draft plan is a proposal, not yet anyone's work: its institutions hear when the plan is
    adopted. Each institution hears once per mandate (``notices.mandate_assigned``). Returns how many
    notifications were made."""
    before = before or {}
    told = 0
    for mandate in mandates:
        if mandate.is_archived or not mandate.plan.is_public:
            continue
        responsible = {institution.pk for institution in mandate.responsible_institutions.all()}
        newly = responsible - before.get(mandate.pk, set())
        if newly:
            told += notices.mandate_assigned(mandate, newly)
    return told


def mandate_restored(sender, *, instance: Mandate, before: dict[str, set[int]], **kwargs) -> None:
    """Receiver of ``rial.core.audit.version_restored`` for mandates (connected in ``apps.py``): restoring an
    old version from the history page may make institutions responsible again; they hear it like any other
    change of responsible institutions, through ``tell_newly_responsible``."""
    mandate = Mandate.objects.select_related("plan").get(pk=instance.pk)
    tell_newly_responsible([mandate], before={mandate.pk: set(before.get("responsible_institutions", ()))})


def roll_up(parent: Mandate, *, user) -> None:
    """Set a mandate's progress to the average of its items', and its status from theirs."""
    items = list(parent.items.filter(archived_at__isnull=True).values_list("status", "progress"))
    if not items:
        return
    statuses = {status for status, _progress in items}
    progress = round(sum(progress for _status, progress in items) / len(items))
    if statuses == {Status.DONE}:
        status = Status.DONE
    elif statuses == {Status.NOT_STARTED}:
        status = Status.NOT_STARTED
    elif parent.status == Status.ONGOING:
        status = Status.ONGOING
    else:
        status = Status.IN_PROGRESS
    if _changed(parent, {"progress": progress, "status": status}):
        save_logged(parent, user=user, action=actions.MANDATE_ROLLED_UP)
        if parent.parent_id:
            roll_up(parent.parent, user=user)


@transaction.atomic
def progress_report_add(*, mandate: Mandate, user, date: datetime.date, text: str, progress: int | None = None,
                        status: str | None = None, institution=None) -> ProgressReport:
    """A dated report of what was done; it may move the mandate's progress and status at the same time."""
    if not user.has_perm("conference.add_progressreport", mandate):
        raise PermissionDenied("conference.add_progressreport")
    if not text.strip():
        raise ValidationError(_("Say what was done."))
    if date > timezone.localdate():
        raise ValidationError(_("A progress report cannot be dated in the future."))
    same = ProgressReport.objects.active().filter(mandate=mandate, date=date, text=text.strip(), progress=progress,
                                                  institution=institution, author=user).first()
    if same is not None:
        return same  # the same report sent twice (a double click) is one report
    report = ProgressReport(mandate=mandate, date=date, text=text.strip(), progress=progress,
                            institution=institution, author=user)
    save_logged(report, user=user, action=actions.REPORT_ADDED)
    if progress is not None or status is not None:
        mandate_follow_up(mandate=mandate, user=user, status=status, progress=progress)
    return report


@transaction.atomic
def evidence_add(*, mandates: list[Mandate], user, description: str, record=None, url: str = "",
                 visibility: str = Evidence.Visibility.PUBLIC, report: ProgressReport | None = None) -> list[Evidence]:
    """Link a record of the platform (a meeting, a document, a program…) or a web page to one or several
    mandates it answers. A record already linked to a mandate is not linked twice."""
    if not mandates:
        raise ValidationError(_("Choose at least one mandate this answers."))
    if record is None and not url:
        raise ValidationError(_("Give the record or the link that shows the progress."))
    if not description.strip():
        raise ValidationError(_("Describe the evidence in a sentence."))
    if visibility not in Evidence.Visibility.values:
        raise ValidationError(_("Unknown visibility: %(visibility)s.") % {"visibility": visibility})
    created = []
    for mandate in mandates:
        if not user.has_perm("conference.add_evidence", mandate):
            raise PermissionDenied("conference.add_evidence")
        values = {"mandate": mandate, "description": description.strip()[:500], "url": url,
                  "visibility": visibility, "report": report, "added_by": user}
        if record is not None:
            content_type = ContentType.objects.get_for_model(record)
            if Evidence.objects.filter(mandate=mandate, content_type=content_type, object_id=record.pk).exists():
                continue
            values.update(content_type=content_type, object_id=record.pk)
        elif Evidence.objects.filter(mandate=mandate, url=url, description=values["description"],
                                     archived_at__isnull=True).exists():
            continue  # the same link sent twice (a double click) is one piece of evidence
        evidence = Evidence(**values)
        save_logged(evidence, user=user, action=actions.EVIDENCE_ADDED)
        created.append(evidence)
    return created


def reminder_recipients(mandate: Mandate):
    """Who owns the next report of a mandate, as recipients (``notices.responsible_people``)."""
    return notices.responsible_people(mandate)


def mandates_due_for_reminder(today: datetime.date | None = None, days_ahead: int = 30):
    today = today or timezone.localdate()
    return (Mandate.objects.active().filter(due_date__isnull=False, due_date__lte=today + datetime.timedelta(days=days_ahead))
            .exclude(status=Status.DONE)
            .exclude(reminder_sent_for=models.F("due_date"))
            .select_related("group", "plan__conference"))


def mandate_remind(*, mandate_id: int) -> bool:
    """Send the due-date reminder of one mandate once per due date; True when a message went out.

    The mark and the message share a transaction: a failed send leaves the mandate unmarked for a retry,
    and a mandate already marked for this due date is never reminded again.
    """
    with transaction.atomic():
        mandate = (Mandate.objects.select_for_update(of=("self",)).select_related("group", "plan__conference")
                   .get(pk=mandate_id))
        if mandate.due_date is None or mandate.reminder_sent_for == mandate.due_date or mandate.status == Status.DONE:
            return False
        recipients = reminder_recipients(mandate)
        if not recipients:
            return False
        mandate.reminder_sent_for = mandate.due_date
        save_logged(mandate, user=None, action=actions.MANDATE_REMINDED)
        notices.mandate_due(mandate, recipients)
    return True


# --- Documents and links from other apps ------------------------------------------------------------------

DOCUMENT_STATUS_ACTIONS = {ConferenceDocument.Status.DRAFT: actions.DOCUMENT_DRAFT,
                           ConferenceDocument.Status.ADOPTED: actions.DOCUMENT_ADOPTED,
                           ConferenceDocument.Status.FINAL: actions.DOCUMENT_FINAL}


@transaction.atomic
def document_set_status(*, document: ConferenceDocument, user, status: str) -> ConferenceDocument:
    """Draft → adopted (by the conference) → final (after style review); one step back to correct a mistake."""
    if not user.has_perm("conference.change_conferencedocument", document):
        raise PermissionDenied("conference.change_conferencedocument")
    previous = DOCUMENT.move(document, DOCUMENT.by_target(document.status, status))
    # A draft is named "Draft …" in every language: the names follow the status in the same version.
    fill_titles(document, ConferenceDocument.objects.filter(conference_id=document.conference_id,
                                                            kind=document.kind).exclude(pk=document.pk))
    save_logged(document, user=user, action=DOCUMENT_STATUS_ACTIONS[document.status])
    if previous == ConferenceDocument.Status.DRAFT and document.is_public:
        # The plan's mandates stop being proposals: their responsible institutions hear of them now.
        tell_newly_responsible(Mandate.objects.active().filter(plan=document).select_related("plan", "group__conference")
                               .prefetch_related("responsible_institutions"))
    return document


def plan_propose_mandates(*, plan: ConferenceDocument, texts: list[str], note: str, user) -> list[Mandate]:
    """Add proposed mandates at the end of a draft Plan of Action, skipping texts the plan already has.

    Other apps (a Working Group's recommendations) propose mandates through here: only a draft plan takes
    new mandates, and only someone who may add mandates adds them."""
    if not user.has_perm("conference.add_mandate", plan):
        raise PermissionDenied("conference.add_mandate")
    if plan.kind != ConferenceDocument.Kind.PLAN_OF_ACTION or plan.status != ConferenceDocument.Status.DRAFT:
        raise ValidationError(_("Mandates can only be proposed for a draft Plan of Action."))
    created = []
    with transaction.atomic():
        ConferenceDocument.objects.select_for_update().filter(pk=plan.pk).first()
        existing = set(plan.mandates.values_list("text", flat=True))
        position = plan.mandates.aggregate(models.Max("position"))["position__max"] or 0
        for text in texts:
            if text in existing:
                continue
            existing.add(text)
            position += 1
            mandate = Mandate(plan=plan, section=Mandate.Section.WORKING_GROUP, text=text, position=position,
                              notes=note)
            mandate.full_clean()
            save_logged(mandate, user=user, action=actions.MANDATE_PROPOSED)
            created.append(mandate)
    return created


def mandates_answered_by(record) -> list[Mandate]:
    """The mandates a record of any app (a meeting, a program, a study…) is linked to as evidence."""
    content_type = ContentType.objects.get_for_model(record)
    return list(Mandate.objects.active().filter(evidence__content_type=content_type, evidence__object_id=record.pk,
                                                evidence__archived_at__isnull=True)
                .select_related("plan__conference", "group").distinct().order_by("plan__conference__number", "position"))


# --- Declarations --------------------------------------------------------------------------------------------

def declaration_save(*, document: ConferenceDocument, user) -> ConferenceDocument:
    """Create or edit a conference's Declaration (one row per language). Its status moves only through
    ``document_set_status``; a new one starts as a draft."""
    creating = document.pk is None
    perm = "conference.add_conferencedocument" if creating else "conference.change_conferencedocument"
    if not user.has_perm(perm, None if creating else document):
        raise PermissionDenied(perm)
    document.kind = ConferenceDocument.Kind.DECLARATION
    errors: dict[str, list[str]] = {}
    document.code = document.code.strip()
    document.cidi_code = document.cidi_code.strip()
    if document.code and not is_oas_code(document.code):
        errors["code"] = [_("Write the code as the OAS does, for example OEA/Ser.K/XII.21.1.")]
    if document.cidi_code and not is_cidi_code(document.cidi_code):
        errors["cidi_code"] = [_("Write the CIDI code as the OAS does, for example CIDI/TRABAJO/doc.5/21.")]
    original = document.original
    if original is not None and (original.kind != ConferenceDocument.Kind.DECLARATION
                                 or original.conference_id != document.conference_id
                                 or original.language == document.language or original.pk == document.pk):
        errors["original"] = [_("Choose this conference's Declaration in another language.")]
    taken = ConferenceDocument.objects.filter(conference_id=document.conference_id, language=document.language,
                                              kind=ConferenceDocument.Kind.DECLARATION).exclude(pk=document.pk)
    if taken.exists():
        errors["language"] = [_("This conference already has its Declaration in that language.")]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        if creating:
            document.status = ConferenceDocument.Status.DRAFT
        else:
            # The status is not edited here: it keeps what the transitions set.
            document.status = ConferenceDocument.objects.select_for_update().get(pk=document.pk).status
        document.full_clean()
        action = actions.DECLARATION_CREATED if creating else actions.DECLARATION_CHANGED
        fill_titles(document, ConferenceDocument.objects.filter(conference_id=document.conference_id,
                                                                kind=document.kind).exclude(pk=document.pk))
        save_logged(document, user=user, action=action)
        # Its other language versions may take their name in this language from this one.
        refresh_titles(document.conference, document.kind, user=user, action=action)
    return document
