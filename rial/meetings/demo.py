"""Reference meetings of the IACML (real facts with their sources) and a DEMO cycle of records."""

import datetime
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from rial.conference.models import Conference, WorkingGroup
from rial.core.languages import LANGUAGE_CODES
from rial.core.reference import data_rows, demo_texts, sync
from rial.directory.models import Country, Institution
from rial.meetings.models import (
    Conclusion,
    Consultation,
    DraftForum,
    ForumParagraph,
    GuidingQuestion,
    Meeting,
    Participant,
    PlannedActivity,
    WorkingGroupReport,
    WorkPlan,
    WorkPlanRevision,
)
from rial.meetings.services.consultation import consultation_open
from rial.meetings.services.report import report_fill
from rial.topics.models import Topic

DATA = Path(__file__).resolve().parent / "data"


@transaction.atomic
def load_reference() -> str:
    countries = {country.iso2: country for country in Country.objects.all()}
    conferences = sorted(Conference.objects.all(), key=lambda conference: conference.began_on)
    groups = {(group.conference_id, group.number): group for group in WorkingGroup.objects.all()}
    for row in data_rows(DATA / "meetings.csv"):
        start = datetime.date.fromisoformat(row["start"])
        cycle = cycle_of(start, conferences)
        meeting, _created = sync(Meeting, {"start_date": start, "kind": row["kind"], "is_demo": False}, {
            **{f"title_{lang}": row[f"title_{lang}"] for lang in LANGUAGE_CODES},
            "end_date": datetime.date.fromisoformat(row["end"]) if row["end"] else None,
            "city": row["city"], "country": countries.get(row["country_iso2"]),
            "is_virtual": row["is_virtual"] == "1", "time_zone": row["time_zone"],
            "reported_ministries": int(row["reported_ministries"]) if row["reported_ministries"] else None,
            "notes_en": row["notes"], **{f"notes_{lang}": row[f"notes_{lang}"] for lang in ("es", "pt", "fr")},
            "source": row["source"], "verified": row["verified"] == "1", "is_published": True, "conference": cycle,
        })
        numbers = [int(number) for number in row["groups"].split(";") if number]
        meeting.working_groups.set([groups[(cycle.pk, number)] for number in numbers
                                    if cycle and (cycle.pk, number) in groups])
    return f"{Meeting.objects.filter(is_demo=False).count()} reference meetings"


def cycle_of(day: datetime.date, conferences: list[Conference]) -> Conference | None:
    """The conference whose cycle runs on ``day``: the last one held before it."""
    held = [conference for conference in conferences if conference.began_on <= day]
    return held[-1] if held else None


# --- DEMO records: invented to show the cycle, every title says DEMO -------------------------------------

DEMO_PARAGRAPHS = [
    "DEMO. The Ministers of Labor commit to strengthen labor inspection in urban and rural areas.",
    "DEMO. They will exchange experiences on labor migration through the RIAL.",
    "DEMO. They invite partner organizations to support these efforts.",
]


def _institutions(*slugs: str) -> list[Institution]:
    return list(Institution.objects.filter(slug__in=slugs))


WG_MEETING_TEXTS = {  # the project's own wording
    "title_es": "Reunión DEMO del Grupo de Trabajo 1", "title_pt": "Reunião DEMO do Grupo de Trabalho 1",
    "title_fr": "Réunion DEMO du Groupe de travail 1",
    "agenda_en": "DEMO opening\nDEMO panel on labor inspection\nDEMO report of the Technical Secretariat",
    "agenda_es": "Apertura DEMO\nPanel DEMO sobre inspección laboral\nInforme DEMO de la Secretaría Técnica",
    "agenda_pt": "Abertura DEMO\nPainel DEMO sobre inspeção do trabalho\nRelatório DEMO da Secretaria Técnica",
    "agenda_fr": "Ouverture DEMO\nTable ronde DEMO sur l'inspection du travail\nRapport DEMO du Secrétariat technique",
    "objectives_en": "DEMO: exchange experiences on labor inspection.",
    "objectives_es": "DEMO: intercambiar experiencias sobre inspección laboral.",
    "objectives_pt": "DEMO: trocar experiências sobre inspeção do trabalho.",
    "objectives_fr": "DEMO : échanger des expériences sur l'inspection du travail.",
}


@transaction.atomic
def load_demo() -> None:
    group = WorkingGroup.objects.filter(number=1).order_by("-conference__number").first()
    if group is None:
        return
    today = timezone.localdate()
    meeting = Meeting.objects.filter(title_en="DEMO meeting of Working Group 1", is_demo=True).first()
    if meeting is not None:  # loaded before: its name in the four languages all the same
        demo_texts(meeting, WG_MEETING_TEXTS)
    meeting, created = Meeting.objects.get_or_create(title_en="DEMO meeting of Working Group 1", is_demo=True, defaults={
        **WG_MEETING_TEXTS, "kind": Meeting.Kind.WORKING_GROUP,
        "start_date": today + datetime.timedelta(days=30), "start_time": datetime.time(9, 0),
        "end_time": datetime.time(17, 0), "time_zone": "America/New_York", "venue": "OAS headquarters",
        "city": "Washington, D.C.", "country": Country.objects.get(iso2="US"), "conference": group.conference,
        "is_published": True})
    if created:
        meeting.working_groups.set([group])
        meeting.topics.set(Topic.objects.filter(slug="labor-inspection"))
        for slug, role in (("ministry-cl", Participant.Role.CHAIR), ("ministry-br", Participant.Role.VICE_CHAIR),
                           ("ministry-co", Participant.Role.HEAD), ("ilo", Participant.Role.SPEAKER),
                           ("cosate", Participant.Role.OBSERVER)):
            Participant.objects.create(meeting=meeting, institution=Institution.objects.get(slug=slug), role=role)
        GuidingQuestion.objects.create(
            meeting=meeting, number=1, panel="DEMO panel", text="DEMO: what has your ministry done to reach rural workplaces?",
            answers_due=timezone.now() + datetime.timedelta(days=20))
        for kind, number, text in ((Conclusion.Kind.CONSENSUS, 1, "DEMO: labor inspection needs more resources."),
                                   (Conclusion.Kind.FURTHER_WORK, 1, "DEMO: which tools most improve compliance?"),
                                   (Conclusion.Kind.RECOMMENDATION, 1, "DEMO: share remote inspection tools through the RIAL.")):
            Conclusion.objects.create(meeting=meeting, kind=kind, number=number, text=text)

    plan, created = WorkPlan.objects.get_or_create(title="DEMO Work Plan", is_demo=True, defaults={
        "first_year": today.year, "last_year": today.year + 1, "conference": group.conference})
    if created:
        first = WorkPlanRevision.objects.create(plan=plan, number=1, as_of=today - datetime.timedelta(days=60))
        webinar = PlannedActivity.objects.create(
            revision=first, title="DEMO webinar on telework", start_date=today + datetime.timedelta(days=45),
            start_time=datetime.time(10, 0), end_time=datetime.time(12, 0), time_zone="America/Bogota", is_virtual=True,
            funding_source="DEMO: in kind, OAS")
        workshop = PlannedActivity.objects.create(
            revision=first, title="DEMO hemispheric workshop", start_date=today + datetime.timedelta(days=90),
            end_date=today + datetime.timedelta(days=91), place="Lima", country=Country.objects.get(iso2="PE"),
            funding_source="DEMO: RIAL Voluntary Contribution Fund (travel)", funding_amount=Decimal("15000.00"))
        webinar.responsible.set(_institutions("ilo"))
        workshop.responsible.set(_institutions("ministry-pe", "oas-technical-secretariat"))
        second = WorkPlanRevision.objects.create(plan=plan, number=2, as_of=today - datetime.timedelta(days=10),
                                                 note="DEMO: workshop moved by a week")
        for activity in (webinar, workshop):
            responsible = list(activity.responsible.all())
            activity.pk, activity._state.adding, activity.revision = None, True, second
            if activity.title == "DEMO hemispheric workshop":
                activity.start_date += datetime.timedelta(days=7)
                activity.end_date += datetime.timedelta(days=7)
                activity.status = PlannedActivity.Status.RESCHEDULED
            activity.save()
            activity.responsible.set(responsible)

    # Put to ministries and to the advisory bodies and a partner organization, which answer consultations too;
    # opened through the service, as the Secretariat opens one, so each authority is told.
    secretariat = get_user_model().objects.filter(username="demo-secretariat").first()
    if secretariat is not None and not Consultation.objects.filter(title="DEMO consultation on the work plan",
                                                                   is_demo=True).exists():
        consultation_open(consultation=Consultation(
            title="DEMO consultation on the work plan", is_demo=True, subject=Consultation.Subject.WORK_PLAN,
            description="DEMO: do you approve revision 2 of the work plan?",
            work_plan_revision=plan.revisions.order_by("-number").first(),
            deadline=timezone.now() + datetime.timedelta(days=14), silence_is_approval=True),
            consulted=_institutions("ministry-cl", "ministry-br", "ministry-co", "cosate", "ceatal", "ilo"),
            user=secretariat)

    now = timezone.now()
    forum, created = DraftForum.objects.get_or_create(title="DEMO forum on a draft Plan of Action", is_demo=True,
                                                      defaults={"opens_at": now - datetime.timedelta(days=1),
                                                                "closes_at": now + datetime.timedelta(days=30)})
    if created:
        ForumParagraph.objects.bulk_create(ForumParagraph(forum=forum, number=number, text=text)
                                           for number, text in enumerate(DEMO_PARAGRAPHS, start=1))

    if not WorkingGroupReport.objects.filter(is_demo=True).exists():
        report = WorkingGroupReport(group=group, is_demo=True, language="en", period_start=today.replace(month=1, day=1),
                                    period_end=today.replace(month=12, day=31) + datetime.timedelta(days=365))
        report_fill(report)
        report.title = f"DEMO {report.title}"
        report.save()
