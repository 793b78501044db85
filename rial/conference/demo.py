"""Reference data of the conference cycle (real facts with their sources): conferences, working groups
and the troikas the sources record. The Plans of Action themselves come in through the importer.
"""

import os
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from rial.conference import imports, services
from rial.conference.models import Conference, Mandate, ProgressReport, Troika, WorkingGroup
from rial.conference.plan_import import plan_import
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
            "theme_en": row["theme"], "notes": row["notes"], "source": row["source"],
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
        before = (group.title_en, group.chair_id)
        if row["title"] and not group.title_en:
            group.title_en = row["title"]
        if row["chair"]:
            group.chair = country(row["chair"])
        if (group.title_en, group.chair_id) != before:
            group.save()  # only a real change: `make run` reloads this file on every start
        if row["vice_chairs"]:
            group.vice_chairs.set([countries[name] for name in row["vice_chairs"].split(";")])
    for row in data_rows(DATA / "troikas.csv"):
        sync(Troika, {"conference": conferences[int(row["conference"])]}, {
            "year": int(row["year"]), "current_chair": country(row["current_chair"]),
            "previous_chair": country(row["previous_chair"]), "future_chair": country(row["future_chair"]),
            "source": row["source"], "verified": row["verified"] == "1",
        })
    return (f"{len(conferences)} conferences, {WorkingGroup.objects.count()} working groups, "
            f"{Troika.objects.count()} troikas")


DEMO_SEEDS = Path(os.environ.get("RIAL_DEMO_SEEDS", Path(__file__).resolve().parents[3] / "shared" / "seeds"))


def load_demo() -> None:
    """Import the real Plans of Action when the seed documents are at hand (``RIAL_DEMO_SEEDS``), and add
    invented follow-up, marked DEMO, to a few mandates so the pages show what progress looks like."""
    secretariat = next((user for user in get_user_model().objects.filter(is_active=True).order_by("pk")
                        if user.has_perm("conference.import_plan")), None)
    if secretariat is None or not DEMO_SEEDS.is_dir():
        return
    for path in sorted(DEMO_SEEDS.glob("*.txt")):
        try:
            text = imports.read_text(path)
            if imports.detect_kind(text) == "plan_of_action":
                plan_import(parsed=imports.parse_plan_text(text), user=secretariat)
        except imports.ImportProblem:
            continue
    if ProgressReport.objects.filter(text__startswith=DEMO_MARK).exists():
        return
    for mandate in Mandate.objects.active().top_level().filter(group__isnull=False, items__isnull=True)[:3]:
        services.progress_report_add(mandate=mandate, user=secretariat, date=timezone.localdate(),
                                     text=f"{DEMO_MARK} A workshop was held on this mandate (invented example).",
                                     progress=50, status=Mandate.Status.IN_PROGRESS)
        services.evidence_add(mandates=[mandate], user=secretariat, url="https://www.oas.org/",
                              description=f"{DEMO_MARK} Workshop summary (invented example)")


DEMO_MARK = "DEMO"
