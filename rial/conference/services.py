"""Workflow functions of the conference cycle: the troika at a date, mandate follow-up, evidence.

Each write checks the permission (django-rules), the invariants, runs in one transaction and records who
acted through ``save_logged``. Views, the API, the admin and commands all call these functions.
"""

import datetime
import re
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rial.conference import imports, notices
from rial.conference.classify import SECRETARIAT_WORDS, suggested_institutions, suggested_topics
from rial.conference.models import (
    Conference,
    ConferenceDocument,
    Evidence,
    Mandate,
    ProgressReport,
    Troika,
    WorkingGroup,
    from_roman,
)
from rial.core.audit import save_logged
from rial.directory.models import Country, Institution
from rial.topics.models import Topic


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


# --- Plan of Action import --------------------------------------------------------------------------------


@dataclass
class ImportOutcome:
    """What an import did; ``unchanged`` is True when the same document had been imported already."""

    document: ConferenceDocument
    created: int = 0
    updated: int = 0
    archived: int = 0
    unchanged: bool = False


@dataclass(frozen=True)
class _ParsedMandate:
    key: str
    parent_key: str | None
    group_number: int | None
    section: str
    label: str
    text: str


def _changed(obj, values: dict) -> bool:
    """Set ``values`` on ``obj``; True when any differed (so an unchanged record is not saved again)."""
    differing = {name: value for name, value in values.items() if getattr(obj, name) != value}
    for name, value in differing.items():
        setattr(obj, name, value)
    return bool(differing)


def _parsed_mandates(parsed: dict) -> list[_ParsedMandate]:
    mandates = []
    for group in parsed.get("working_groups") or []:
        for index, activity in enumerate(group.get("activities") or [], start=1):
            key = f"wg{group['number']}.{index:02d}"
            mandates.append(_ParsedMandate(key, None, group["number"], Mandate.Section.WORKING_GROUP,
                                           (activity.get("label") or "")[:10], activity["text"]))
            for item_index, item in enumerate(activity.get("items") or [], start=1):
                mandates.append(_ParsedMandate(f"{key}.{item_index}", key, group["number"],
                                               Mandate.Section.WORKING_GROUP, "", item))
    for index, action in enumerate(parsed.get("network_actions") or [], start=1):
        mandates.append(_ParsedMandate(f"rial.{index:02d}", None, None, Mandate.Section.NETWORK, "", action))
    return mandates


def _where_deadline(deadline: dict, mandates: list[_ParsedMandate]) -> str | None:
    """The key of the mandate whose text holds the deadline phrase (an item before its activity)."""
    phrase = " ".join(deadline["text"].split())
    holding = [mandate for mandate in mandates if phrase in " ".join(mandate.text.split())]
    holding.sort(key=lambda mandate: mandate.parent_key is None)
    return holding[0].key if holding else None


def _due(deadline: dict, conference: Conference) -> datetime.date | None:
    date = imports.due_date(deadline.get("date"))
    if date is None and "conferen" in deadline["text"].lower():
        # "at least twice before the next conference": due when the next conference opens, if recorded.
        following = Conference.objects.filter(number=conference.number + 1).first()
        date = following.start if following else None
    return date


def _conference_for(parsed: dict, user) -> Conference:
    info = parsed.get("conference") or {}
    try:
        number = from_roman(info.get("number") or "")
    except ValueError as error:
        raise ValidationError(
            _("The plan does not say which conference adopted it: give the conference number.")) from error
    conference = Conference.objects.filter(number=number).first()
    if conference is None:
        if not info.get("year"):
            raise ValidationError(_("Conference %(number)s is not recorded: give its year.") % {
                "number": info.get("number")})
        conference = Conference(number=number, year=int(info["year"]), city=info.get("city") or "",
                                source=_("Imported from its Plan of Action"))
        conference.chair = Country.objects.filter(name_en=parsed.get("chair")).first() if parsed.get("chair") else None
        save_logged(conference, user=user, action="conference.conference.imported")
    return conference


def _save_troika(conference: Conference, parsed: dict, countries: dict[str, Country], user) -> None:
    troika = Troika.objects.filter(conference=conference).first() or Troika(conference=conference,
                                                                            year=conference.year)
    values = {}
    for field, key in (("current_chair", "chair"), ("previous_chair", "previous_chair"),
                       ("future_chair", "next_chair")):
        # The reference data and earlier imports are not blanked by a placeholder in this text.
        if parsed.get(key) and getattr(troika, f"{field}_id") is None:
            values[field] = countries.get(parsed[key])
    if values and (_changed(troika, values) or troika.pk is None):
        if not troika.source:
            troika.source = _("Imported from the Plan of Action")
        save_logged(troika, user=user, action="conference.troika.imported")


def _save_groups(conference: Conference, parsed: dict, language: str, principal_language: bool,
                 countries: dict[str, Country], user) -> dict[int, WorkingGroup]:
    groups = {}
    for entry in parsed.get("working_groups") or []:
        group = WorkingGroup.objects.filter(conference=conference, number=entry["number"]).first()
        if group is None:
            group = WorkingGroup(conference=conference, number=entry["number"],
                                 source=_("Imported from the Plan of Action"))
        values = {}
        title = _sentence_case(entry.get("title") or "")
        current_title = getattr(group, f"title_{language}") or ""
        if title and current_title.casefold() != title.casefold():
            values[f"title_{language}"] = title
        if entry.get("chair"):
            values["chair"] = countries.get(entry["chair"])
        if principal_language:
            values["priority_topics"] = list(entry.get("topics") or [])
        if _changed(group, values) or group.pk is None:
            save_logged(group, user=user, action="conference.workinggroup.imported")
        if principal_language:
            slugs = {slug for topic in entry.get("topics") or [] for slug in suggested_topics(topic)}
            if slugs != set(group.topics.values_list("slug", flat=True)):
                group.topics.set(Topic.objects.filter(slug__in=slugs))
        named = [countries[name] for name in entry.get("vice_chairs") or [] if name and name in countries]
        if named and {country.pk for country in named} != set(group.vice_chairs.values_list("pk", flat=True)):
            group.vice_chairs.set(named)
        groups[group.number] = group
    return groups


def _sentence_case(title: str) -> str:
    """Plans write group titles in capitals; store them as a sentence (acronyms are kept as written)."""
    title = " ".join(title.split())
    if not title.isupper():
        return title
    words = title.lower().split()
    return " ".join([words[0].capitalize(), *words[1:]]) if words else ""


def _status_for(parsed: dict, document: ConferenceDocument | None) -> str:
    imported = (ConferenceDocument.Status.DRAFT if imports.is_draft_title(parsed.get("title") or "")
                else ConferenceDocument.Status.ADOPTED)
    order = list(ConferenceDocument.Status.values)
    # An import never moves a document back (a final text re-imported stays final).
    if document is not None and order.index(document.status) > order.index(imported):
        return document.status
    return imported


@transaction.atomic
def plan_import(*, parsed: dict, user, file=None) -> ImportOutcome:
    """Save a parsed (and possibly corrected) Plan of Action: its conference, document, working groups with
    their authorities, and one mandate per activity, item and network action, with deadlines as due dates.

    Importing the same parse again changes nothing; a revision updates the records in place (history keeps
    the earlier values), archives mandates it no longer has, and another language fills that language.
    """
    if not user.has_perm("conference.import_plan"):
        raise PermissionDenied("conference.import_plan")
    if parsed.get("kind") != "plan_of_action" or not parsed.get("working_groups"):
        raise ValidationError(_("There is no Plan of Action with working groups to save."))
    language = parsed.get("language") or "en"
    if language not in ConferenceDocument.Language.values:
        raise ValidationError(_("Unknown language: %(language)s.") % {"language": language})
    fingerprint = imports.fingerprint(parsed)
    conference = _conference_for(parsed, user)
    plans = list(ConferenceDocument.objects.filter(conference=conference, kind=ConferenceDocument.Kind.PLAN_OF_ACTION))
    document = next((plan for plan in plans if plan.language == language), None)
    if document is not None and document.source_sha256 == fingerprint and not document.is_archived:
        if file is not None and not document.file:
            # The same text again, now with its file: keep the file, change nothing else.
            document.file = file
            save_logged(document, user=user, action="conference.plan.file_attached")
        return ImportOutcome(document=document, unchanged=True)

    principal = next((plan for plan in plans if plan.original_id is None and plan.language != language), None)
    if document is not None:
        principal = document.original or document
    codes = parsed.get("codes") or {}
    mandates = _parsed_mandates(parsed)
    deadlines = [{"text": deadline["text"], "date": deadline.get("date"), "mandate": _where_deadline(deadline, mandates)}
                 for deadline in parsed.get("deadlines") or []]
    if document is None:
        document = ConferenceDocument(conference=conference, kind=ConferenceDocument.Kind.PLAN_OF_ACTION,
                                      language=language, original=principal)
    _changed(document, {
        "title": (parsed.get("title") or "")[:300], "code": codes.get("code", ""),
        "cidi_code": codes.get("cidi_code", ""), "revision": codes.get("revision", 0),
        "status": _status_for(parsed, document if document.pk else None), "deadlines": deadlines,
        "import_warnings": list(parsed.get("warnings") or []), "source_sha256": fingerprint,
        "imported_at": timezone.now(), "archived_at": None,
    })
    if file is not None:
        document.file = file
    save_logged(document, user=user, action="conference.plan.imported")
    principal = principal or document
    is_principal = principal.pk == document.pk

    countries = {country.name_en: country for country in Country.objects.all()}
    _save_troika(conference, parsed, countries, user)
    groups = _save_groups(conference, parsed, language, is_principal, countries, user)
    outcome = ImportOutcome(document=document)
    _save_mandates(principal, mandates, deadlines, groups, conference, language, is_principal, user, outcome)
    return outcome


def _institution_acronyms() -> tuple[dict[str, int], int | None]:
    """Acronyms of the consultative bodies and partner organizations (ILO, OIT, COSATE…) to their ids."""
    acronyms = {}
    kinds = (Institution.Kind.CONSULTATIVE_BODY, Institution.Kind.PARTNER)
    for pk, english, spanish in Institution.objects.active().filter(kind__in=kinds).values_list(
            "pk", "acronym_en", "acronym_es"):
        for acronym in (english, spanish):
            if acronym and len(acronym) >= 3:
                acronyms.setdefault(acronym, pk)
    secretariat = Institution.objects.filter(kind=Institution.Kind.SECRETARIAT).values_list("pk", flat=True).first()
    return acronyms, secretariat


def _suggest(new, *, acronyms, secretariat, topics) -> None:
    """Topics and responsible institutions of new mandates, suggested from their words (two inserts)."""
    topic_rows, institution_rows = [], []
    for mandate, parsed in new:
        topic_rows += [Mandate.topics.through(mandate_id=mandate.pk, topic_id=topics[slug].pk)
                       for slug in suggested_topics(parsed.text) if slug in topics]
        responsible = suggested_institutions(parsed.text, acronyms)
        if secretariat and SECRETARIAT_WORDS.search(parsed.text):
            responsible.append(secretariat)
        institution_rows += [Mandate.responsible_institutions.through(mandate_id=mandate.pk, institution_id=pk)
                             for pk in responsible]
    Mandate.topics.through.objects.bulk_create(topic_rows)
    Mandate.responsible_institutions.through.objects.bulk_create(institution_rows)


def _save_mandates(plan, mandates, deadlines, groups, conference, language, is_principal, user, outcome) -> None:
    existing = {mandate.import_key: mandate for mandate in Mandate.objects.filter(plan=plan).exclude(import_key="")}
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    acronyms, secretariat = _institution_acronyms()
    due = {deadline["mandate"]: deadline for deadline in deadlines if deadline["mandate"]}
    saved: dict[str, Mandate] = {}
    positions = {parsed.key: position for position, parsed in enumerate(mandates, start=1)}
    # Activities before their items, so an item's parent exists when the item is saved.
    for items_pass in (False, True):
        new: list[tuple[Mandate, _ParsedMandate]] = []
        for parsed in mandates:
            if (parsed.parent_key is not None) != items_pass:
                continue
            mandate = existing.get(parsed.key)
            created = mandate is None
            if created:
                mandate = Mandate(plan=plan, import_key=parsed.key)
            values = {
                f"text_{language}": parsed.text, "archived_at": None,
                "parent": saved.get(parsed.parent_key) if parsed.parent_key else None,
                "group": groups.get(parsed.group_number) if parsed.group_number else None,
            }
            if is_principal:
                values.update(label=parsed.label, section=parsed.section, position=positions[parsed.key])
            deadline = due.get(parsed.key)
            if deadline is not None and is_principal:
                values.update(due_text=deadline["text"][:200], due_date=_due(deadline, conference))
            if _changed(mandate, values) and not created:
                save_logged(mandate, user=user, action="conference.mandate.imported")
                outcome.updated += 1
            if created:
                new.append((mandate, parsed))
            saved[parsed.key] = mandate
        if new:
            # One save per new mandate, not bulk_create: other apps (search) follow mandates through
            # post_save, which a bulk insert would not send.
            for mandate, _parsed in new:
                save_logged(mandate, user=user, action="conference.mandate.imported")
            outcome.created += len(new)
            _suggest(new, acronyms=acronyms, secretariat=secretariat, topics=topics)
    if is_principal:
        # A revision that drops an activity archives its mandate (follow-up and history are kept).
        for key, mandate in existing.items():
            if key not in saved and not mandate.is_archived:
                mandate.archive()
                save_logged(mandate, user=user, action="conference.mandate.archived_by_revision")
                outcome.archived += 1


# --- Follow-up of mandates --------------------------------------------------------------------------------

Status = Mandate.Status
TRANSITIONS: dict[str, set[str]] = {
    Status.NOT_STARTED: {Status.IN_PROGRESS, Status.ONGOING, Status.DONE},
    Status.IN_PROGRESS: {Status.NOT_STARTED, Status.ONGOING, Status.DONE},
    Status.ONGOING: {Status.IN_PROGRESS, Status.DONE},
    Status.DONE: {Status.IN_PROGRESS, Status.ONGOING},  # reopened when more work turns out to be needed
}


def _check_transition(mandate: Mandate, status: str) -> None:
    if status == mandate.status:
        return
    if status not in Status.values:
        raise ValidationError(_("Unknown status: %(status)s.") % {"status": status})
    allowed = TRANSITIONS[mandate.status]
    if status not in allowed:
        labels = ", ".join(str(Status(value).label) for value in Status.values if value in allowed)
        raise ValidationError(_("A mandate that is %(current)s can become: %(allowed)s.") % {
            "current": Status(mandate.status).label.lower(), "allowed": labels})


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
    _check_transition(mandate, new_status)
    new_progress = mandate.progress if progress is None else progress
    if new_status == Status.DONE and status == Status.DONE and progress is None and not has_items:
        new_progress = 100
    if new_status == Status.DONE and new_progress < 100 and not has_items:
        raise ValidationError(_("A mandate marked done is complete: set its progress to 100 or choose another status."))
    values = {"status": new_status, "progress": new_progress}
    if notes is not None:
        values["notes"] = notes
    if _changed(mandate, values):
        save_logged(mandate, user=user, action="conference.mandate.followed_up")
        if mandate.parent_id:
            roll_up(mandate.parent, user=user)
    return mandate


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
        save_logged(parent, user=user, action="conference.mandate.rolled_up")
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
    report = ProgressReport(mandate=mandate, date=date, text=text.strip(), progress=progress,
                            institution=institution, author=user)
    save_logged(report, user=user, action="conference.report.added")
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
        evidence = Evidence(**values)
        save_logged(evidence, user=user, action="conference.evidence.added")
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
        save_logged(mandate, user=None, action="conference.mandate.reminded")
        notices.mandate_due(mandate, recipients)
    return True


# --- Documents and links from other apps ------------------------------------------------------------------

DOCUMENT_TRANSITIONS: dict[str, set[str]] = {
    ConferenceDocument.Status.DRAFT: {ConferenceDocument.Status.ADOPTED},
    ConferenceDocument.Status.ADOPTED: {ConferenceDocument.Status.FINAL, ConferenceDocument.Status.DRAFT},
    ConferenceDocument.Status.FINAL: {ConferenceDocument.Status.ADOPTED},
}


@transaction.atomic
def document_set_status(*, document: ConferenceDocument, user, status: str) -> ConferenceDocument:
    """Draft → adopted (by the conference) → final (after style review); one step back to correct a mistake."""
    if not user.has_perm("conference.change_conferencedocument", document):
        raise PermissionDenied("conference.change_conferencedocument")
    allowed = DOCUMENT_TRANSITIONS[document.status]
    if status not in allowed:
        labels = ", ".join(str(ConferenceDocument.Status(value).label) for value in ConferenceDocument.Status.values
                           if value in allowed)
        raise ValidationError(_("A %(current)s document can become: %(allowed)s.") % {
            "current": ConferenceDocument.Status(document.status).label.lower(), "allowed": labels})
    document.status = status
    save_logged(document, user=user, action=f"conference.document.{status}")
    return document


def mandates_answered_by(record) -> list[Mandate]:
    """The mandates a record of any app (a meeting, a program, a study…) is linked to as evidence."""
    content_type = ContentType.objects.get_for_model(record)
    return list(Mandate.objects.active().filter(evidence__content_type=content_type, evidence__object_id=record.pk,
                                                evidence__archived_at__isnull=True)
                .select_related("plan__conference", "group").distinct().order_by("plan__conference__number", "position"))


# --- Declarations --------------------------------------------------------------------------------------------

# Official codes as the OAS writes them: OEA/Ser.K/XII.21.1 and CIDI/TRABAJO/doc.5/21 (a revision is separate).
OAS_CODE = re.compile(r"^OEA/Ser\.[A-Z]+/[A-Z]+(\.[0-9A-Za-z]+)+$")
CIDI_CODE = re.compile(r"^CIDI/[A-Z]+/(doc|INF|RES)\.\s?[0-9]+/[0-9]{2}$", re.IGNORECASE)


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
    if document.code and not OAS_CODE.match(document.code):
        errors["code"] = [_("Write the code as the OAS does, for example OEA/Ser.K/XII.21.1.")]
    if document.cidi_code and not CIDI_CODE.match(document.cidi_code):
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
        save_logged(document, user=user,
                    action="conference.declaration.created" if creating else "conference.declaration.changed")
    return document
