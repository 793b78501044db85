"""Working group final reports: drafted from the records, edited by people, carried into the next plan."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import formats, translation
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from rial.conference.models import ConferenceDocument, Mandate, WorkingGroup
from rial.conference.services import plan_propose_mandates
from rial.core.audit import save_logged
from rial.core.languages import LANGUAGE_CODES
from rial.directory.models import Institution
from rial.directory.profile import sections_for
from rial.meetings import actions
from rial.meetings.models import Conclusion, Meeting, Participant, WorkingGroupReport
from rial.meetings.workflows import REPORT


def _group_meetings(group: WorkingGroup, start: datetime.date, end: datetime.date):
    return (Meeting.objects.active().filter(working_groups=group, start_date__range=(start, end))
            .select_related("country").prefetch_related("topics").order_by("start_date"))


def _held(meeting: Meeting) -> str:
    day = formats.date_format(meeting.start_date, "DATE_FORMAT")
    if meeting.is_virtual:
        return _("%(date)s (virtual)") % {"date": day}
    return _("%(date)s in %(place)s") % {"date": day, "place": meeting.place}


def _introduction(group: WorkingGroup, meetings: list[Meeting]) -> str:
    """Meetings held, dates, places, number of ministries attending and organizations present."""
    attending = Participant.objects.filter(meeting__in=meetings, attended=True).select_related("institution")
    ministries = {p.institution_id for p in attending if p.institution.kind == Institution.Kind.MINISTRY}
    others = sorted({p.institution.name for p in attending if p.institution.kind != Institution.Kind.MINISTRY})
    ministry_count = len(ministries) or max((m.reported_ministries or 0 for m in meetings), default=0)
    paragraphs = []
    if group.title:
        paragraphs.append(_("%(group)s is titled “%(title)s”.") % {"group": group, "title": group.title})
    if meetings:
        paragraphs.append(ngettext(
            "In this period the group held %(count)d meeting: %(list)s.",
            "In this period the group held %(count)d meetings: %(list)s.", len(meetings),
        ) % {"count": len(meetings), "list": "; ".join(f"{m.title}, {_held(m)}" for m in meetings)})
    else:
        paragraphs.append(_("No meeting of the group is recorded in this period."))
    if ministry_count:
        paragraphs.append(ngettext(
            "Officials of %(count)d ministry of labor took part.",
            "Officials of %(count)d ministries of labor took part.", ministry_count) % {"count": ministry_count})
    if others:
        paragraphs.append(_("Also present: %(organizations)s.") % {"organizations": ", ".join(others)})
    # Apps above meetings (events: attendance and evaluations) add their paragraph through a section hook.
    paragraphs += [section["text"] for section in sections_for("working_group_report_section", meetings)]
    return "\n\n".join(paragraphs)


def _topics_summary(group: WorkingGroup, meetings: list[Meeting]) -> str:
    names = []
    for meeting in meetings:
        for topic in meeting.topics.all():
            if topic.name not in names:
                names.append(topic.name)
    lines = []
    if names:
        lines.append(_("The meetings addressed: %(topics)s.") % {"topics": "; ".join(names)})
    if group.priority_topics:
        lines.append(_("The Plan of Action asked the group to follow up: %(topics)s.")
                     % {"topics": "; ".join(group.priority_topics)})
    agendas = [item for meeting in meetings for item in meeting.agenda_items]
    if agendas:
        lines.append(_("Agenda items: %(items)s.") % {"items": "; ".join(agendas)})
    return "\n\n".join(lines)


def _points(meetings: list[Meeting], kind: str) -> str:
    conclusions = Conclusion.objects.filter(meeting__in=meetings, kind=kind).order_by("meeting__start_date", "number")
    return "\n".join(conclusion.text.replace("\n", " ") for conclusion in conclusions)


def report_fill(report: WorkingGroupReport) -> WorkingGroupReport:
    """Write every section from the records, in the report's language (not saved)."""
    meetings = list(_group_meetings(report.group, report.period_start, report.period_end))
    with translation.override(report.language):
        report.title = str(format_lazy(_("Final report of {group}, {start}–{end}"), group=report.group,
                                       start=report.period_start.year, end=report.period_end.year))
        report.introduction = _introduction(report.group, meetings)
        report.topics_summary = _topics_summary(report.group, meetings)
    report.consensus = _points(meetings, Conclusion.Kind.CONSENSUS)
    report.further_work = _points(meetings, Conclusion.Kind.FURTHER_WORK)
    report.recommendations = _points(meetings, Conclusion.Kind.RECOMMENDATION)
    return report


def report_draft(*, group: WorkingGroup, period_start: datetime.date, period_end: datetime.date, language: str,
                 user) -> WorkingGroupReport:
    if not user.has_perm("meetings.add_workinggroupreport"):
        raise PermissionDenied
    report = WorkingGroupReport(group=group, period_start=period_start, period_end=period_end, language=language,
                                created_by=user)
    report_fill(report)
    with transaction.atomic():
        report.full_clean()
        save_logged(report, user=user, action=actions.REPORT_DRAFTED)
    return report


REPORT_TEXT_FIELDS = ("title", "introduction", "topics_summary", "consensus", "further_work", "recommendations")


def report_update(*, report: WorkingGroupReport, user, data: dict) -> WorkingGroupReport:
    """Save edited text; the status changes only through :func:`report_move`."""
    if not user.has_perm("meetings.change_workinggroupreport", report):
        raise PermissionDenied
    with transaction.atomic():
        for name in REPORT_TEXT_FIELDS:
            if name in data:
                setattr(report, name, data[name])
        report.full_clean()
        save_logged(report, user=user, action=actions.REPORT_EDITED)
    return report


def report_move(*, report: WorkingGroupReport, user, move: str) -> WorkingGroupReport:
    """Make a draft final (it becomes public) or set a final report back to draft."""
    if move not in REPORT.moves:
        raise ValidationError(_("Unknown action."))
    with transaction.atomic():
        report = WorkingGroupReport.objects.select_for_update().get(pk=report.pk)
        REPORT.move(report, move, user=user)
        save_logged(report, user=user, action=actions.REPORT_FINALISED if move == "finalise" else actions.REPORT_REOPENED)
    return report


def report_regenerate(*, report: WorkingGroupReport, user) -> WorkingGroupReport:
    """Replace the text with a fresh draft from the records (the history keeps the edited version)."""
    if not user.has_perm("meetings.change_workinggroupreport", report):
        raise PermissionDenied
    if report.status == WorkingGroupReport.Status.FINAL:
        raise ValidationError(_("A final report is not regenerated: set it back to draft first."))
    with transaction.atomic():
        report_fill(report)
        report.full_clean()
        save_logged(report, user=user, action=actions.REPORT_REGENERATED)
    return report


def report_carry_recommendations(*, report: WorkingGroupReport, plan: ConferenceDocument, user) -> list[Mandate]:
    """Add each recommendation to a draft Plan of Action as a proposed mandate (once)."""
    if not user.has_perm("meetings.carry_recommendations", report):
        raise PermissionDenied
    if plan.kind != ConferenceDocument.Kind.PLAN_OF_ACTION or plan.status != ConferenceDocument.Status.DRAFT:
        raise ValidationError(_("Recommendations can only be carried into a draft Plan of Action."))
    recommendations = WorkingGroupReport.points(report.recommendations)
    if not recommendations:
        raise ValidationError(_("This report has no recommendations to carry."))
    # The plan belongs to the conference: its service adds the mandates, under its own permission.
    return plan_propose_mandates(
        plan=plan, texts=recommendations, user=user,
        note=_("Proposed from the recommendations of “%(report)s”.") % {"report": report.title})


def report_record(*, parsed: dict, user, conference_number: int | None = None,
                  language: str = "en") -> WorkingGroupReport:
    """Record a Working Group final report read by the importer (``importer.uploads.parse_report_text``): its
    areas of consensus, issues for further work and recommendations, one point per line.

    The report is saved as a draft and then made final through the report workflow (``finalise``), so the
    history shows both steps and the same permission applies as on the page. A report recorded before and
    already final keeps its status: its text is replaced in place.

    The group is the one of that number in the conference given, else in the last conference held before
    the period began (the conference whose plan the group followed). Recording the same group, period and
    language again updates that report in place (history keeps the earlier text).
    """
    if not user.has_perm("meetings.add_workinggroupreport"):
        raise PermissionDenied
    number, period = parsed.get("group"), parsed.get("period") or ""
    if not number or "-" not in period:
        raise ValidationError(_("The report does not say which working group and period it covers."))
    start, end = (int(year) for year in period.split("-", 1))
    groups = WorkingGroup.objects.filter(number=number).select_related("conference")
    group = (groups.filter(conference__number=conference_number).first() if conference_number
             else groups.filter(conference__year__lte=start).order_by("-conference__number").first())
    if group is None:
        raise ValidationError(_("No Working Group %(number)s is recorded for that conference.") % {"number": number})
    report = (WorkingGroupReport.objects.filter(group=group, period_start__year=start, period_end__year=end,
                                                language=language).first()
              or WorkingGroupReport(group=group, language=language, created_by=user))
    report.period_start, report.period_end = datetime.date(start, 1, 1), datetime.date(end, 12, 31)
    with translation.override(language):
        report.title = report.title or str(format_lazy(_("Final report of {group}, {start}–{end}"), group=group,
                                                       start=start, end=end))
    report.consensus = "\n".join(_one_line(point) for point in parsed.get("consensus") or [])
    report.further_work = "\n".join(_one_line(point) for point in parsed.get("issues_for_further_work") or [])
    report.recommendations = "\n".join(_one_line(point) for point in parsed.get("recommendations") or [])
    meetings = "; ".join(f"{meeting['date']}, {meeting['place']}" for meeting in parsed.get("meetings") or [])
    if meetings and not report.introduction:
        report.introduction = _("Meetings: %(meetings)s.") % {"meetings": meetings}
    with transaction.atomic():
        report.full_clean()
        save_logged(report, user=user, action=actions.REPORT_RECORDED)
        if report.status == WorkingGroupReport.Status.DRAFT:
            report = report_move(report=report, user=user, move="finalise")
        report.conclusions_meeting, report.conclusions_added = _record_conclusions(report, parsed, user)
    return report


def _record_conclusions(report: WorkingGroupReport, parsed: dict, user) -> tuple[Meeting | None, int]:
    """The report's points as the conclusions of the meeting it closes: the last meeting it names that has
    been held (found among the group's recorded meetings by its date, else recorded from the report).

    The report speaks for the group's whole period; its points are filed under that last meeting so that a
    meeting page, the search and a report drafted again from the records (``report_fill``) show them. Points
    already recorded for that meeting are not added twice; no meeting held yet, nothing is filed.
    """
    today = datetime.date.today()
    held = [meeting for meeting in parsed.get("meetings") or []
            if datetime.date.fromisoformat(meeting["date"]) <= today]
    if not held:
        return None, 0
    if not user.has_perm("meetings.add_meeting"):
        raise PermissionDenied
    meetings = [_meeting_of(report.group, meeting["date"], meeting["place"], report, user) for meeting in held]
    last = max(meetings, key=lambda meeting: meeting.start_date)
    added = 0
    for kind, text in ((Conclusion.Kind.CONSENSUS, report.consensus),
                       (Conclusion.Kind.FURTHER_WORK, report.further_work),
                       (Conclusion.Kind.RECOMMENDATION, report.recommendations)):
        recorded = list(last.conclusions.filter(kind=kind).values_list("text", flat=True))
        number = len(recorded)
        for point in WorkingGroupReport.points(text):
            if point in recorded:
                continue
            number += 1
            save_logged(Conclusion(meeting=last, kind=kind, number=number, text=point), user=user,
                        action=actions.REPORT_CONCLUSION_RECORDED)
            added += 1
    return last, added


def _meeting_of(group: WorkingGroup, date: str, place: str, report: WorkingGroupReport, user) -> Meeting:
    """The group's meeting held on ``date``; recorded from the report when the platform does not hold it."""
    day = datetime.date.fromisoformat(date)
    existing = (Meeting.objects.active().filter(working_groups=group, start_date__lte=day)
                .filter(Q(end_date__gte=day) | Q(start_date=day)).order_by("start_date").first())
    if existing is not None:
        return existing
    titles = {}
    for language in LANGUAGE_CODES:
        with translation.override(language):
            titles[f"title_{language}"] = _("Meeting of %(group)s") % {"group": group}
    meeting = Meeting(kind=Meeting.Kind.WORKING_GROUP, start_date=day, city=place[:120],
                      conference=group.conference, is_published=True, verified=False,
                      source=(_("Final report of the group: %(title)s") % {"title": report.title})[:300],
                      **titles)
    meeting.full_clean()
    save_logged(meeting, user=user, action=actions.MEETING_RECORDED_FROM_REPORT,
                related={"working_groups": [group]})
    return meeting


def _one_line(point: str) -> str:
    """A point is one line of the report's section (``WorkingGroupReport.points`` splits on lines)."""
    return " ".join(point.split())
