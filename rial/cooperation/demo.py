"""Real reference data (historic calls and activities, with sources) and one DEMO call run end to end."""

import datetime
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from rial.cooperation import actions, services
from rial.cooperation.models import Activity, Call, DestinationRate, Modality, Outcome, Proposal
from rial.core.audit import save_logged
from rial.core.reference import data_rows, demo_texts, optional_date, sync
from rial.directory.demo import ministry_slug
from rial.directory.models import Country, Institution
from rial.topics.models import Topic

DATA = Path(__file__).resolve().parent / "data"
DEMO_CALL = 17
DEMO_OPEN_CALL = 18  # open now, its proposals at each stage a call accepts


def _int(text: str) -> int | None:
    return int(text) if text else None


@transaction.atomic
def load_reference() -> str:
    for row in data_rows(DATA / "calls.csv"):
        modalities = row["modalities"].split()
        notes = "; ".join(part for part in (f"opened {row['opened_note']}" if row["opened_note"] else "", row["notes"])
                          if part)
        sync(Call, {"number": int(row["number"])}, {
            "year": int(row["year"]), "opens_on": optional_date(row["opened"]), "closes_on": optional_date(row["deadline"]),
            "reported_proposals": _int(row["proposals"]), "reported_ministries": _int(row["ministries_proposing"]),
            "reported_selected": _int(row["selected"]), "notes_en": notes[:300], "notes_es": row["notes_es"][:300],
            "notes_pt": row["notes_pt"][:300], "notes_fr": row["notes_fr"][:300], "source": row["source"],
            "verified": row["verified"] == "1", "state": Call.State.PUBLISHED,
            "allows_provider_visit": "provider_visit" in modalities, "allows_expert_visit": "expert_visit" in modalities,
            "allows_virtual": "virtual" in modalities,
        })
    calls = {call.number: call for call in Call.objects.all()}
    ministries = {m.country.iso2: m for m in Institution.objects.ministries().select_related("country")}
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    for row in data_rows(DATA / "activities.csv"):
        first, second = ministries[row["first_party"]], ministries[row["second_party"]]
        # The source's words (English) are the record's original text and its key; es/pt/fr are the
        # project's translations (the file's translations_source column).
        activity, _created = sync(Activity, {"proposal": None, "first_party": first, "second_party": second, "title_en": row["topic_text"]}, {
                "title_es": row["title_es"], "title_pt": row["title_pt"], "title_fr": row["title_fr"],
                "call": calls.get(_int(row["call"])), "direction_known": row["direction_known"] == "1",
                "starts_on": optional_date(row["starts_on"]), "ends_on": optional_date(row["ends_on"]), "year": _int(row["year"]),
                "state": Activity.State.COMPLETED, "notes_en": row["notes"], "notes_es": row["notes_es"],
                "notes_pt": row["notes_pt"], "notes_fr": row["notes_fr"], "source": row["source"],
                "verified": row["verified"] == "1",
            })
        activity.topics.set([topics[slug] for slug in row["topics"].split() if slug in topics])
        if row["outcome"]:
            Outcome.objects.get_or_create(activity=activity, institution=first, category=row["outcome"], defaults={
                "description": row["notes"], "evidence": row["source"]})
    return f"{len(calls)} calls, {Activity.objects.filter(proposal=None).count()} historic activities"


# --- DEMO: the 17th call, run from opening to six-month outcomes by the demo accounts of the directory. -----

DEMO_RATES = {  # destination: (economy airfare, per diem), USD — invented for the demo
    "CL": (Decimal("950.00"), Decimal("260.00")),
    "BR": (Decimal("1100.00"), Decimal("240.00")),
    "AR": (Decimal("700.00"), Decimal("230.00")),
    "CO": (Decimal("850.00"), Decimal("210.00")),
}


def _user(username: str):
    return get_user_model().objects.get(username=username)


# The demo calls' notes and the selected activity's name in the four languages (the project's own wording),
# given on every load so that calls loaded before get them too. Proposals stay as their authors wrote them.
DEMO_CALL_NOTES = {
    DEMO_CALL: {
        "notes_en": "DEMO call: invented to show the workflow",
        "notes_es": "Convocatoria DEMO: inventada para mostrar el flujo de trabajo",
        "notes_pt": "Convocatória DEMO: inventada para mostrar o fluxo de trabalho",
        "notes_fr": "Appel DEMO : inventé pour montrer le déroulement"},
    DEMO_OPEN_CALL: {
        "notes_en": "DEMO call open now: invented to show proposals at each stage",
        "notes_es": "Convocatoria DEMO abierta: inventada para mostrar propuestas en cada etapa",
        "notes_pt": "Convocatória DEMO aberta: inventada para mostrar propostas em cada etapa",
        "notes_fr": "Appel DEMO ouvert : inventé pour montrer des propositions à chaque étape"},
}
DEMO_ACTIVITY_TITLES = {
    "DEMO Electronic labor inspection case management": {
        "title_es": "DEMO Gestión electrónica de casos de inspección laboral",
        "title_pt": "DEMO Gestão eletrônica de casos de inspeção do trabalho",
        "title_fr": "DEMO Gestion électronique des dossiers d'inspection du travail"},
}


def _translate_demo() -> None:
    for call in Call.objects.filter(number__in=DEMO_CALL_NOTES, is_demo=True):
        demo_texts(call, DEMO_CALL_NOTES[call.number])
    for activity in Activity.objects.filter(title_en__in=DEMO_ACTIVITY_TITLES, is_demo=True):
        demo_texts(activity, DEMO_ACTIVITY_TITLES[activity.title_en])


def load_demo() -> list[tuple[str, str]]:
    _load_published_call()
    _load_open_call()
    _translate_demo()
    return []


def _open_demo_call(number: int, *, opened_days_ago: int, closes_in_days: int, budget: Decimal, notes: str,
                    user) -> Call:
    """A DEMO call with the demo destination rates, opened through the workflow."""
    today = timezone.localdate()
    call = Call(number=number, year=today.year, opens_on=today - datetime.timedelta(days=opened_days_ago),
                closes_on=today + datetime.timedelta(days=closes_in_days), budget=budget, max_travellers=3,
                max_days=5, notes=notes, is_demo=True)
    save_logged(call, user=user, action=actions.CALL_CREATED)
    for iso2, (airfare, per_diem) in DEMO_RATES.items():
        DestinationRate.objects.create(call=call, country=Country.objects.get(iso2=iso2), airfare=airfare,
                                       per_diem=per_diem)
    return services.call_set_state(call=call, user=user, state=Call.State.OPEN)


@transaction.atomic
def _load_open_call() -> None:
    """A DEMO call open today: one proposal still a draft, one submitted waiting for the providing ministry's
    commitment, one submitted with the commitment confirmed."""
    if Call.objects.filter(number=DEMO_OPEN_CALL).exists():
        return
    secretariat, focal_cl, focal_br = _user("demo-secretariat"), _user("demo-focal-cl"), _user("demo-focal-br")
    chile, brazil = (Institution.objects.get(slug=ministry_slug(code)) for code in ("CL", "BR"))
    call = _open_demo_call(DEMO_OPEN_CALL, opened_days_ago=10, closes_in_days=45, budget=Decimal("9000.00"),
                           notes="DEMO call open now: invented to show proposals at each stage", user=secretariat)
    topic = Topic.objects.get(slug="employment-services")
    stages = (
        ("draft", chile, brazil, focal_cl, "DEMO Skills forecasting with employers' councils (draft)"),
        ("submitted", brazil, chile, focal_br, "DEMO Labor market information for young job seekers"),
        ("committed", chile, brazil, focal_cl, "DEMO Apprenticeship contracts in small firms"),
    )
    for stage, requesting, providing, focal, title in stages:
        proposal = Proposal(call=call, requesting=requesting, providing=providing, is_demo=True,
                            modality=Modality.PROVIDER_VISIT, title=title, travellers=2, days=3,
                            objectives="DEMO: learn from the providing ministry's experience (invented example).",
                            expected_results="DEMO: a short plan to adapt what was seen (invented example).",
                            agenda="Day 1: presentations\nDay 2: visits\nDay 3: adaptation plan")
        services.proposal_save(proposal=proposal, user=focal, topics=[topic])
        if stage != "draft":
            services.proposal_submit(proposal=proposal, user=focal)
        if stage == "committed":
            services.proposal_confirm_commitment(proposal=proposal, user=focal_br)


@transaction.atomic
def _load_published_call() -> None:
    if Call.objects.filter(number=DEMO_CALL).exists():
        return
    secretariat, focal_cl, focal_br = _user("demo-secretariat"), _user("demo-focal-cl"), _user("demo-focal-br")
    chile, brazil = (Institution.objects.get(slug=ministry_slug(code)) for code in ("CL", "BR"))
    call = _open_demo_call(DEMO_CALL, opened_days_ago=260, closes_in_days=1, budget=Decimal("8000.00"),
                           notes="DEMO call: invented to show the workflow", user=secretariat)
    today = timezone.localdate()

    inspection, employment = Topic.objects.get(slug="labor-inspection"), Topic.objects.get(slug="employment-services")
    first = Proposal(call=call, requesting=chile, providing=brazil, is_demo=True, modality=Modality.PROVIDER_VISIT,
                     title="DEMO Electronic labor inspection case management", travellers=2, days=4,
                     objectives="DEMO: learn how the provider plans and follows inspections with an electronic case file.",
                     expected_results="DEMO: a plan to adapt the case file to the requesting ministry's inspectorate.",
                     agenda="Day 1: presentation of the inspection system\nDay 2: field visit with inspectors\n"
                            "Day 3: data and case management\nDay 4: adaptation plan and closing")
    services.proposal_save(proposal=first, user=focal_cl, topics=[inspection])
    services.proposal_submit(proposal=first, user=focal_cl)
    services.proposal_confirm_commitment(proposal=first, user=focal_br)
    second = Proposal(call=call, requesting=brazil, providing=chile, is_demo=True, modality=Modality.EXPERT_VISIT,
                      title="DEMO Public employment services for young job seekers", travellers=3, days=5,
                      objectives="DEMO: advice from the provider's experts on profiling young job seekers.",
                      expected_results="DEMO: a revised profiling protocol for the requesting ministry's offices.",
                      agenda="Day 1: diagnosis\nDay 2: profiling tools\nDay 3: office visits\nDay 4: workshop\n"
                             "Day 5: recommendations")
    services.proposal_save(proposal=second, user=focal_br, topics=[employment])
    services.proposal_submit(proposal=second, user=focal_br)
    services.proposal_confirm_commitment(proposal=second, user=focal_cl)
    call = services.call_set_state(call=call, user=secretariat, state=Call.State.CLOSED)

    services.evaluation_record(proposal=first, user=secretariat, relevance=9, opportunity=8, clarity=9, commitment=9,
                               comments="DEMO: clear objectives, both ministries committed.")
    services.evaluation_record(proposal=second, user=secretariat, relevance=8, opportunity=7, clarity=7, commitment=8,
                               comments="DEMO: relevant; the agenda could be more specific.")
    [activity] = services.call_select(call=call, user=secretariat, proposals=services.fitting_selection(call))
    call = services.call_publish(call=call, user=secretariat)

    # Past dates, so the activity took place about six months ago and its follow-up is due now.
    call.closes_on = today - datetime.timedelta(days=220)
    save_logged(call, user=secretariat, action=actions.DEMO_DATES_SHIFTED)
    activity = services.activity_record_execution(
        activity=activity, user=secretariat, starts_on=today - datetime.timedelta(days=190),
        ends_on=today - datetime.timedelta(days=187),
        travellers="DEMO Inspector One, labor inspector, Chile\nDEMO Inspector Two, head of unit, Chile",
        agenda_carried_out=first.agenda)
    for category, amount, what in (("airfare", "2200.00", "economy airfare, 2 travellers"),
                                   ("per_diem", "1920.00", "per diem, 2 travellers × 4 days")):
        services.activity_charge_expense(activity=activity, user=secretariat, amount=amount, currency="USD",
                                         category=category, date=activity.starts_on,
                                         description=f"DEMO {what}")
    for institution, name in ((chile, "DEMO Inspector One"), (chile, "DEMO Inspector Two"), (brazil, "DEMO Host Expert")):
        participant = services.participant_add(activity=activity, user=secretariat, institution=institution,
                                               full_name=name)
        services.questionnaire_answer(participant=participant, user=secretariat, objectives_met=5, usefulness=5,
                                      organisation=4, will_apply="DEMO: the electronic case file.")
    for institution, focal in ((chile, focal_cl), (brazil, focal_br)):
        services.report_file(activity=activity, user=focal, institution=institution,
                             summary="DEMO report: the visit followed the agenda; see the adaptation plan.")
    services.activity_complete(activity=activity, user=secretariat)
    services.outcome_record(activity=activity, user=focal_cl, institution=chile, category=Outcome.Category.PROCESS,
                            description="DEMO: inspections are now planned from the electronic case file.",
                            evidence="DEMO: internal resolution on inspection planning (invented).")
    services.outcome_record(activity=activity, user=focal_cl, institution=chile, category=Outcome.Category.TRAINING,
                            description="DEMO: a course for new inspectors on the case file.",
                            evidence="DEMO: course programme (invented).")
