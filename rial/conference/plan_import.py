"""Saving a parsed Plan of Action: its conference, document, troika, working groups and mandates.

``plan_import`` is the one way a plan enters the platform (upload page, ``import_plan``, the demo). The
steps share an ``ImportContext``: what was decided once (the conference, the document, the principal
language version, the countries, the groups saved so far) and what the import counted.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rial.conference import actions
from rial.conference.classify import SECRETARIAT_WORDS, suggested_institutions, suggested_topics
from rial.conference.importer import uploads
from rial.conference.importer.parsed import DRAFT, Deadline, ParsedPlan
from rial.conference.models import Conference, ConferenceDocument, Mandate, Troika, WorkingGroup, from_roman
from rial.conference.services import _changed, tell_newly_responsible
from rial.conference.titles import fill_titles, refresh_titles
from rial.core.audit import create_logged, save_logged
from rial.directory.models import Country, Institution
from rial.topics.models import Topic


@dataclass
class ImportOutcome:
    """What an import did; ``unchanged`` is True when the same document had been imported already."""

    document: ConferenceDocument
    created: int = 0
    updated: int = 0
    archived: int = 0
    unchanged: bool = False


@dataclass(frozen=True)
class PlannedMandate:
    """One mandate the plan asks for: an activity, one of its items, or an action of the network."""

    key: str  # how a re-import finds the mandate: wg2.07, wg2.07.3, rial.02
    parent_key: str | None
    group_number: int | None
    section: str
    label: str
    text: str


@dataclass(frozen=True)
class PlacedDeadline:
    """A deadline of the plan and the key of the mandate whose text holds it."""

    text: str
    date: str | None
    mandate: str | None

    def as_dict(self) -> dict:
        return {"text": self.text, "date": self.date, "mandate": self.mandate}


@dataclass
class ImportContext:
    """What every step of one import shares."""

    plan: ParsedPlan
    user: object
    conference: Conference
    document: ConferenceDocument  # this language's document
    principal: ConferenceDocument  # the language version the mandates hang on
    countries: dict[str, Country]
    mandates: list[PlannedMandate]
    deadlines: list[PlacedDeadline]
    outcome: ImportOutcome
    groups: dict[int, WorkingGroup] = field(default_factory=dict)

    @property
    def language(self) -> str:
        return self.document.language

    @property
    def is_principal(self) -> bool:
        """Only the principal version sets structure (labels, order, topics, due dates); others fill text."""
        return self.principal.pk == self.document.pk


@transaction.atomic
def plan_import(*, parsed: ParsedPlan, user, file=None) -> ImportOutcome:
    """Save a parsed (and possibly corrected) Plan of Action: its conference, document, working groups with
    their authorities, and one mandate per activity, item and network action, with deadlines as due dates.

    The document keeps the status the text states (a draft stays a draft; adopting it is
    ``services.document_set_status``). Importing the same parse again changes nothing; a revision updates
    the records in place (history keeps the earlier values), archives mandates it no longer has, and
    another language fills that language.
    """
    if not user.has_perm("conference.import_plan"):
        raise PermissionDenied("conference.import_plan")
    if parsed.kind != "plan_of_action" or not parsed.working_groups:
        raise ValidationError(_("There is no Plan of Action with working groups to save."))
    if parsed.language not in ConferenceDocument.Language.values:
        raise ValidationError(_("Unknown language: %(language)s.") % {"language": parsed.language})
    fingerprint = uploads.fingerprint(parsed)
    conference = _conference_for(parsed, user)
    plans = list(ConferenceDocument.objects.filter(conference=conference, kind=ConferenceDocument.Kind.PLAN_OF_ACTION))
    document = next((plan for plan in plans if plan.language == parsed.language), None)
    if document is not None and document.source_sha256 == fingerprint and not document.is_archived:
        if file is not None and not document.file:
            # The same text again, now with its file: keep the file, change nothing else.
            document.file = file
            save_logged(document, user=user, action=actions.PLAN_FILE_ATTACHED)
        return ImportOutcome(document=document, unchanged=True)

    principal = next((plan for plan in plans if plan.original_id is None and plan.language != parsed.language), None)
    if document is not None:
        principal = document.original or document
    mandates = planned_mandates(parsed)
    deadlines = [PlacedDeadline(deadline.text, deadline.date, _where_deadline(deadline, mandates))
                 for deadline in parsed.deadlines]
    document = _save_document(parsed, document, conference, principal, deadlines, fingerprint, file, user)
    context = ImportContext(
        plan=parsed, user=user, conference=conference, document=document, principal=principal or document,
        countries={country.name_en: country for country in Country.objects.all()},
        mandates=mandates, deadlines=deadlines, outcome=ImportOutcome(document=document),
    )
    _save_troika(context)
    _save_groups(context)
    _save_mandates(context)
    return context.outcome


def planned_mandates(parsed: ParsedPlan) -> list[PlannedMandate]:
    """The mandates of the plan in document order, each with its import key."""
    mandates = []
    for group in parsed.working_groups:
        for index, activity in enumerate(group.activities, start=1):
            key = f"wg{group.number}.{index:02d}"
            mandates.append(PlannedMandate(key, None, group.number, Mandate.Section.WORKING_GROUP,
                                           (activity.label or "")[:10], activity.text))
            for item_index, item in enumerate(activity.items, start=1):
                mandates.append(PlannedMandate(f"{key}.{item_index}", key, group.number,
                                               Mandate.Section.WORKING_GROUP, "", item))
    for index, action in enumerate(parsed.network_actions, start=1):
        mandates.append(PlannedMandate(f"rial.{index:02d}", None, None, Mandate.Section.NETWORK, "", action))
    return mandates


def _where_deadline(deadline: Deadline, mandates: list[PlannedMandate]) -> str | None:
    """The key of the mandate whose text holds the deadline phrase (an item before its activity)."""
    phrase = " ".join(deadline.text.split())
    holding = [mandate for mandate in mandates if phrase in " ".join(mandate.text.split())]
    holding.sort(key=lambda mandate: mandate.parent_key is None)
    return holding[0].key if holding else None


def _due(deadline: PlacedDeadline, conference: Conference) -> datetime.date | None:
    date = uploads.due_date(deadline.date)
    if date is None and "conf" in deadline.text.lower():
        # "at least twice before the next conference": due when the next conference opens, if recorded.
        following = Conference.objects.filter(number=conference.number + 1).first()
        date = following.start if following else None
    return date


def _conference_for(parsed: ParsedPlan, user) -> Conference:
    info = parsed.conference
    try:
        number = from_roman(info.number or "")
    except ValueError as error:
        raise ValidationError(
            _("The plan does not say which conference adopted it: give the conference number.")) from error
    conference = Conference.objects.filter(number=number).first()
    if conference is None:
        if not info.year:
            raise ValidationError(_("Conference %(number)s is not recorded: give its year.") % {
                "number": info.number})
        conference = Conference(number=number, year=int(info.year), city=info.city or "",
                                source=_("Imported from its Plan of Action"))
        conference.chair = Country.objects.filter(name_en=parsed.chair).first() if parsed.chair else None
        save_logged(conference, user=user, action=actions.CONFERENCE_IMPORTED)
    return conference


def _status_for(parsed: ParsedPlan, document: ConferenceDocument | None) -> str:
    """The status the document states; an import never moves a document back (a final text stays final)."""
    stated = ConferenceDocument.Status.DRAFT if parsed.status == DRAFT else ConferenceDocument.Status.ADOPTED
    order = list(ConferenceDocument.Status.values)
    if document is not None and order.index(document.status) > order.index(stated):
        return document.status
    return stated


def _save_document(parsed: ParsedPlan, document, conference, principal, deadlines, fingerprint, file,
                   user) -> ConferenceDocument:
    if document is None:
        document = ConferenceDocument(conference=conference, kind=ConferenceDocument.Kind.PLAN_OF_ACTION,
                                      language=parsed.language, original=principal)
    # The parsed title is the document's name in its own language; refresh_titles names it in the others.
    _changed(document, {
        f"title_{document.language}": parsed.title[:300], "code": parsed.codes.code, "cidi_code": parsed.codes.cidi_code,
        "revision": parsed.codes.revision, "status": _status_for(parsed, document if document.pk else None),
        "deadlines": [deadline.as_dict() for deadline in deadlines],
        "import_warnings": [warning.to_dict() for warning in parsed.warnings], "source_sha256": fingerprint,
        "imported_at": timezone.now(), "archived_at": None,
    })
    if file is not None:
        document.file = file
    document.conference = conference
    fill_titles(document, ConferenceDocument.objects.filter(conference=conference, kind=document.kind)
                .exclude(pk=document.pk))
    save_logged(document, user=user, action=actions.PLAN_IMPORTED)
    # The other language versions may now take their name in this language from this one.
    refresh_titles(conference, document.kind, user=user, action=actions.PLAN_IMPORTED)
    return document


def _save_troika(context: ImportContext) -> None:
    conference, plan = context.conference, context.plan
    troika = Troika.objects.filter(conference=conference).first() or Troika(conference=conference,
                                                                            year=conference.year)
    values = {}
    for field_name, name in (("current_chair", plan.chair), ("previous_chair", plan.previous_chair),
                             ("future_chair", plan.next_chair)):
        # The reference data and earlier imports are not blanked by a placeholder in this text.
        if name and getattr(troika, f"{field_name}_id") is None:
            values[field_name] = context.countries.get(name)
    if values and (_changed(troika, values) or troika.pk is None):
        if not troika.source:
            troika.source = _("Imported from the Plan of Action")
        save_logged(troika, user=context.user, action=actions.TROIKA_IMPORTED)


def _save_groups(context: ImportContext) -> None:
    countries = context.countries
    for entry in context.plan.working_groups:
        group = WorkingGroup.objects.filter(conference=context.conference, number=entry.number).first()
        if group is None:
            group = WorkingGroup(conference=context.conference, number=entry.number,
                                 source=_("Imported from the Plan of Action"))
        values = {}
        # The title as the parse (or the Secretariat's correction) writes it: its case is kept.
        title = " ".join(entry.title.split())
        if title and (getattr(group, f"title_{context.language}") or "") != title:
            values[f"title_{context.language}"] = title
        if entry.chair:
            values["chair"] = countries.get(entry.chair)
        # Each language version words the topics in its language; an empty list never blanks one.
        if entry.topics and (getattr(group, f"priority_topics_{context.language}") or []) != list(entry.topics):
            values[f"priority_topics_{context.language}"] = list(entry.topics)
        if _changed(group, values) or group.pk is None:
            save_logged(group, user=context.user, action=actions.WORKING_GROUP_IMPORTED)
        if context.is_principal:
            slugs = {slug for topic in entry.topics for slug in suggested_topics(topic)}
            if slugs != set(group.topics.values_list("slug", flat=True)):
                group.topics.set(Topic.objects.filter(slug__in=slugs))
        named = [countries[name] for name in entry.vice_chairs if name and name in countries]
        if named and {country.pk for country in named} != set(group.vice_chairs.values_list("pk", flat=True)):
            group.vice_chairs.set(named)
        context.groups[group.number] = group


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


def _suggested_links(new: list[tuple[Mandate, PlannedMandate]]) -> list[tuple[Mandate, dict]]:
    """Each new mandate with the topics and responsible institutions its words suggest (ids)."""
    topics = dict(Topic.objects.values_list("slug", "pk"))
    acronyms, secretariat = _institution_acronyms()
    records = []
    for mandate, planned in new:
        responsible = suggested_institutions(planned.text, acronyms)
        if secretariat and SECRETARIAT_WORDS.search(planned.text):
            responsible.append(secretariat)
        records.append((mandate, {
            "topics": [topics[slug] for slug in suggested_topics(planned.text) if slug in topics],
            "responsible_institutions": responsible}))
    return records


def _save_mandates(context: ImportContext) -> None:
    plan, outcome = context.principal, context.outcome
    existing = {mandate.import_key: mandate for mandate in Mandate.objects.filter(plan=plan).exclude(import_key="")}
    due = {deadline.mandate: deadline for deadline in context.deadlines if deadline.mandate}
    saved: dict[str, Mandate] = {}
    positions = {planned.key: position for position, planned in enumerate(context.mandates, start=1)}
    # Activities before their items, so an item's parent exists when the item is saved.
    for items_pass in (False, True):
        new: list[tuple[Mandate, PlannedMandate]] = []
        for planned in context.mandates:
            if (planned.parent_key is not None) != items_pass:
                continue
            mandate = existing.get(planned.key)
            created = mandate is None
            if created:
                mandate = Mandate(plan=plan, import_key=planned.key)
            values = {
                f"text_{context.language}": planned.text, "archived_at": None,
                "parent": saved.get(planned.parent_key) if planned.parent_key else None,
                "group": context.groups.get(planned.group_number) if planned.group_number else None,
            }
            if context.is_principal:
                values.update(label=planned.label, section=planned.section, position=positions[planned.key])
                deadline = due.get(planned.key)
                if deadline is not None:
                    values.update(due_text=deadline.text[:200], due_date=_due(deadline, context.conference))
            if _changed(mandate, values) and not created:
                save_logged(mandate, user=context.user, action=actions.MANDATE_IMPORTED)
                outcome.updated += 1
            if created:
                new.append((mandate, planned))
            saved[planned.key] = mandate
        if new:
            # One save per new mandate, not bulk_create: other apps (search) follow mandates through
            # post_save, which a bulk insert would not send. Each gets one version holding its suggested
            # links; the links of all of them cost a few inserts (create_logged).
            create_logged(_suggested_links(new), user=context.user, action=actions.MANDATE_IMPORTED)
            outcome.created += len(new)
            # The suggested institutions hear of their new mandates (once the plan is adopted, for a draft).
            tell_newly_responsible(Mandate.objects.filter(pk__in=[mandate.pk for mandate, _planned in new])
                                   .select_related("plan", "group__conference")
                                   .prefetch_related("responsible_institutions"))
    if context.is_principal:
        # A revision that drops an activity archives its mandate (follow-up and history are kept).
        for key, mandate in existing.items():
            if key not in saved and not mandate.is_archived:
                mandate.archive()
                save_logged(mandate, user=context.user, action=actions.MANDATE_ARCHIVED_BY_REVISION)
                outcome.archived += 1
