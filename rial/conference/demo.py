"""Reference data of the conference cycle (real facts with their sources): conferences, working groups
and the troikas the sources record. The Plans of Action themselves come in through the importer.
"""

import os
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from rial.conference import actions, services
from rial.conference.importer import uploads
from rial.conference.models import (
    Conference,
    ConferenceDocument,
    Mandate,
    ProgressReport,
    Troika,
    WorkingGroup,
)
from rial.conference.plan_import import plan_import
from rial.conference.services import _changed
from rial.conference.titles import refresh_titles
from rial.core.actions import REFERENCE_UPDATED
from rial.core.audit import save_logged
from rial.core.reference import data_rows, optional_date, sync
from rial.directory.models import Country

DATA = Path(__file__).resolve().parent / "data"


@transaction.atomic
def load_reference() -> str:
    countries = {country.name_en: country for country in Country.objects.all()}

    def country(name: str) -> Country | None:
        return countries[name] if name else None

    conferences = {}
    for row in data_rows(DATA / "conferences.csv"):
        conference, _created = sync(Conference, {"number": int(row["number"])}, {
            "year": int(row["year"]), "start": optional_date(row["start"]), "end": optional_date(row["end"]),
            "chair": country(row["chair"]), "city": row["city"], "is_virtual": row["virtual"] == "1",
            "theme_en": row["theme"], "theme_es": row["theme_es"], "theme_pt": row["theme_pt"],
            "theme_fr": row["theme_fr"], "notes_en": row["notes"], "notes_es": row["notes_es"],
            "notes_pt": row["notes_pt"], "notes_fr": row["notes_fr"], "source": row["source"],
            "verified": row["verified"] == "1",
        })
        conferences[conference.number] = conference
    for row in data_rows(DATA / "working_groups.csv"):
        group, _created = WorkingGroup.objects.get_or_create(
            conference=conferences[int(row["conference"])], number=int(row["group"]),
            defaults={"source": row["source"], "verified": row["verified"] == "1"},
        )
        # An imported plan may already have filled some facts; the reference file fills only what it knows
        # and never blanks what a plan said.
        # Imported plans come in English and Spanish: those two titles are filled only where empty. No plan
        # writes Portuguese or French, so the file owns those and a corrected translation reaches existing rows.
        before = (group.title_en, group.title_es, group.title_pt, group.title_fr, group.chair_id)
        for language, column in (("en", "title"), ("es", "title_es")):
            if row[column] and not getattr(group, f"title_{language}"):
                setattr(group, f"title_{language}", row[column])
        for language in ("pt", "fr"):
            if row[f"title_{language}"]:
                setattr(group, f"title_{language}", row[f"title_{language}"])
        if row["chair"]:
            group.chair = country(row["chair"])
        if (group.title_en, group.title_es, group.title_pt, group.title_fr, group.chair_id) != before:
            group.save()  # only a real change: `make run` reloads this file on every start
        if row["vice_chairs"]:
            group.vice_chairs.set([countries[name] for name in row["vice_chairs"].split(";")])
    for row in data_rows(DATA / "troikas.csv"):
        sync(Troika, {"conference": conferences[int(row["conference"])]}, {
            "year": int(row["year"]), "current_chair": country(row["current_chair"]),
            "previous_chair": country(row["previous_chair"]), "future_chair": country(row["future_chair"]),
            "source": row["source"], "verified": row["verified"] == "1",
        })
    # The names of the Declarations and Plans already recorded, in the four languages (data/document_titles.csv):
    # a corrected name in the file reaches the documents at the next load; unchanged ones are not saved.
    for conference_id, kind in (ConferenceDocument.objects.order_by().values_list("conference_id", "kind")
                                .distinct()):
        refresh_titles(Conference(pk=conference_id), kind, user=None, action=REFERENCE_UPDATED)
    return (f"{len(conferences)} conferences, {WorkingGroup.objects.count()} working groups, "
            f"{Troika.objects.count()} troikas")


DEMO_MARK = "DEMO"
# The demonstration plan, written for the project (never the seeds' text), in English and its Spanish,
# Portuguese and French versions: read by the importer at load time, the English first so that the mandates
# hang on it and each other version fills its language of the same mandates, groups and topics.
DEMO_PLANS = tuple(DATA / "demo" / f"plan_of_action.{language}.txt" for language in ("en", "es", "pt", "fr"))
DEMO_PLAN_TITLES = {
    "title_en": "Plan of Action of Demo City (DEMO)", "title_es": "Plan de Acción de Ciudad Demo (DEMO)",
    "title_pt": "Plano de Ação da Cidade Demo (DEMO)", "title_fr": "Plan d'action de Ville Démo (DEMO)",
}
DEMO_CONFERENCE = 25  # a conference of the future: the troika of today stays the real one
# How far each demonstration mandate has come, so every status shows with its progress.
DEMO_FOLLOW_UP = (
    ("wg1.01", Mandate.Status.DONE, 100, "The inventory was published with 24 programs."),
    ("wg1.02.1", Mandate.Status.DONE, 100, "The exchange on sector skills councils was held online."),
    ("wg1.02.2", Mandate.Status.IN_PROGRESS, 40, "Six ministries sent their labor market information notes."),
    ("wg1.03", Mandate.Status.IN_PROGRESS, 60, "The guide's first draft is under review."),
    ("wg2.01", Mandate.Status.IN_PROGRESS, 20, "Three ministries described their case-management tools."),
    ("wg2.02", Mandate.Status.ONGOING, 50, "The register lists eleven agreements."),
    ("rial.01", Mandate.Status.ONGOING, 70, "The portfolio was reviewed this quarter."),
    ("rial.02", Mandate.Status.DONE, 100, "This year's bilateral cooperation call is open."),
)


def _seeds_folder() -> Path:
    """Where the real plans may be (``RIAL_DEMO_SEEDS`` as a setting or in the environment)."""
    configured = getattr(settings, "RIAL_DEMO_SEEDS", None) or os.environ.get("RIAL_DEMO_SEEDS")
    return Path(configured) if configured else Path(__file__).resolve().parents[3] / "shared" / "seeds"


def load_demo() -> None:
    """The demonstration plan (always) and the real Plans of Action when the seed documents are at hand, with
    invented follow-up, marked DEMO, so the pages show a cycle: mandates at every status with progress.

    Safe to run again, and after people edited things: the importer recognises a text it already saved,
    and follow-up that no longer fits (a mandate already moved on) is left as people made it.
    """
    secretariat = next((user for user in get_user_model().objects.filter(is_active=True).order_by("pk")
                        if user.has_perm("conference.import_plan")), None)
    if secretariat is None:
        return
    seeds = _seeds_folder()
    for path in sorted(seeds.glob("*.txt")) if seeds.is_dir() else []:
        try:
            text = uploads.read_text(path)
            if uploads.detect_kind(text) == "plan_of_action":
                plan_import(parsed=uploads.parse_plan_text(text), user=secretariat)
        except (uploads.ImportProblem, ValidationError):
            continue
    _load_demo_plan(secretariat)
    if ProgressReport.objects.filter(text__startswith=DEMO_MARK).exclude(
            mandate__plan__conference__number=DEMO_CONFERENCE).exists():
        return
    for mandate in (Mandate.objects.active().top_level().filter(group__isnull=False, items__isnull=True)
                    .exclude(plan__conference__number=DEMO_CONFERENCE)[:3]):
        services.progress_report_add(mandate=mandate, user=secretariat, date=timezone.localdate(),
                                     text=f"{DEMO_MARK} A workshop was held on this mandate (invented example).",
                                     progress=50, status=Mandate.Status.IN_PROGRESS)
        services.evidence_add(mandates=[mandate], user=secretariat, url="https://www.oas.org/",
                              description=f"{DEMO_MARK} Workshop summary (invented example)")


def _load_demo_plan(secretariat) -> None:
    conference = Conference.objects.filter(number=DEMO_CONFERENCE).first()
    if conference is not None and not conference.source.startswith(DEMO_MARK):
        return  # a real conference of that number is recorded: the demonstration stays out of it
    if conference is not None and conference.documents.filter(archived_at__isnull=False).exists():
        return  # someone archived the demonstration plan: it stays archived
    plan = None
    for path in DEMO_PLANS:
        document = plan_import(parsed=uploads.parse_plan_text(uploads.read_text(path)), user=secretariat).document
        plan = plan or document
    conference = plan.conference
    demo_conference = {
        "source": f"{DEMO_MARK}: invented for the demonstration (rial/conference/data/demo)",
        "theme_en": f"{DEMO_MARK}: a conference invented to show the cycle of a Plan of Action",
        "theme_es": f"{DEMO_MARK}: una conferencia inventada para mostrar el ciclo de un Plan de Acción",
        "theme_pt": f"{DEMO_MARK}: uma conferência inventada para mostrar o ciclo de um Plano de Ação",
        "theme_fr": f"{DEMO_MARK} : une conférence inventée pour montrer le cycle d'un Plan d'action",
    }
    if _changed(conference, demo_conference):  # a second load changes nothing; a first one after an update fills the rest
        save_logged(conference, user=secretariat, action=actions.CONFERENCE_DEMO)
    # Each language version is named by the importer; the plan's name is the same in the four languages.
    for document in conference.documents.filter(kind=ConferenceDocument.Kind.PLAN_OF_ACTION):
        if _changed(document, DEMO_PLAN_TITLES):
            save_logged(document, user=secretariat, action=actions.CONFERENCE_DEMO)
    mandates = {mandate.import_key: mandate for mandate in Mandate.objects.filter(plan=plan)}
    if ProgressReport.objects.filter(mandate__plan=plan).exists():
        return
    for key, status, progress, text in DEMO_FOLLOW_UP:
        mandate = mandates.get(key)
        if mandate is None or mandate.is_archived:
            continue
        try:
            report = services.progress_report_add(
                mandate=mandate, user=secretariat, date=timezone.localdate(), progress=progress, status=status,
                text=f"{DEMO_MARK}: {text} (invented example)")
            if status == Mandate.Status.DONE:
                services.evidence_add(mandates=[mandate], user=secretariat, url="https://www.oas.org/",
                                      description=f"{DEMO_MARK}: record of the result (invented example)",
                                      report=report)
        except (ValidationError, PermissionDenied):
            continue  # someone moved this mandate on already: their follow-up stands
