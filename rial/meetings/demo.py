"""Reference meetings of the IACML (real facts with their sources) and a DEMO cycle of records."""

import csv
import datetime
from pathlib import Path

from django.db import transaction

from rial.conference.models import Conference, WorkingGroup
from rial.directory.models import Country
from rial.meetings.models import Meeting

DATA = Path(__file__).resolve().parent / "data"


def _rows(name: str) -> list[dict]:
    with open(DATA / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@transaction.atomic
def load_reference() -> str:
    countries = {country.iso2: country for country in Country.objects.all()}
    conferences = sorted(Conference.objects.all(), key=lambda conference: conference.began_on)
    groups = {(group.conference_id, group.number): group for group in WorkingGroup.objects.all()}
    for row in _rows("meetings.csv"):
        start = datetime.date.fromisoformat(row["start"])
        cycle = cycle_of(start, conferences)
        meeting, _created = Meeting.objects.update_or_create(start_date=start, kind=row["kind"], is_demo=False, defaults={
            "title_en": row["title_en"], "title_es": row["title_es"],
            "end_date": datetime.date.fromisoformat(row["end"]) if row["end"] else None,
            "city": row["city"], "country": countries.get(row["country_iso2"]),
            "is_virtual": row["is_virtual"] == "1", "time_zone": row["time_zone"],
            "reported_ministries": int(row["reported_ministries"]) if row["reported_ministries"] else None,
            "notes": row["notes"], "source": row["source"], "verified": row["verified"] == "1",
            "is_published": True, "conference": cycle,
        })
        numbers = [int(number) for number in row["groups"].split(";") if number]
        meeting.working_groups.set([groups[(cycle.pk, number)] for number in numbers
                                    if cycle and (cycle.pk, number) in groups])
    return f"{Meeting.objects.filter(is_demo=False).count()} reference meetings"



def cycle_of(day: datetime.date, conferences: list[Conference]) -> Conference | None:
    """The conference whose cycle runs on ``day``: the last one held before it."""
    held = [conference for conference in conferences if conference.began_on <= day]
    return held[-1] if held else None
