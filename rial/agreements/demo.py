"""Reference data: the real social security agreements of the Americas, with their sources.

Rows whose dates or status the sources leave unconfirmed are loaded with ``*_certain = False`` and
``verified = False`` so every page shows them as such. There is no demo data: the agreements are facts.
"""

import datetime
from pathlib import Path

from django.db import transaction

from rial.agreements import actions
from rial.agreements.importer import apply_row, parse_row
from rial.agreements.models import Agreement, AgreementParty
from rial.core.languages import LANGUAGE_CODES
from rial.core.reference import data_rows, sync
from rial.directory.models import Country

DATA = Path(__file__).resolve().parent / "data"
# What a date in parties.csv means, and the party field it goes into.
DATE_MEANINGS = {"ratification": "ratified", "deposit": "deposited", "effective application": "effective"}


def load_partner_countries() -> None:
    """Countries outside the OAS that are parties to an agreement with a member state (Italy, Japan…).

    The directory's own list holds the member states and the parties it needed first (Spain, Portugal,
    Montserrat); these are added here, as countries outside the OAS, only if absent.
    """
    for row in data_rows(DATA / "partner_countries.csv"):
        if Country.objects.filter(iso2=row["iso2"]).exists():
            continue
        sync(Country, {"iso2": row["iso2"]}, {
            **{f"name_{lang}": row[f"name_{lang}"] for lang in LANGUAGE_CODES},
            "language": row["language"], "kind": Country.Kind.NON_MEMBER, "source": row["source"], "verified": True,
        })


@transaction.atomic
def load_reference() -> str:
    load_partner_countries()
    countries = {country.iso2: country for country in Country.objects.all()}
    for line, row in enumerate(data_rows(DATA / "agreements.csv"), start=2):
        parsed = parse_row(row, line, countries)
        if parsed.errors:
            raise ValueError(f"agreements.csv line {line}: {'; '.join(parsed.errors)}")
        apply_row(parsed, action=actions.AGREEMENT_REFERENCE_LOADED)
    for row in data_rows(DATA / "parties.csv"):
        party = AgreementParty.objects.select_related("agreement").get(
            agreement__slug=row["agreement"], country__iso2=row["party_iso2"])
        values = {DATE_MEANINGS[row["date_meaning"]]: datetime.date.fromisoformat(row["date"]),
                  "dates_certain": row["date_certain"] == "1", "source": row["source"],
                  "verified": row["verified"] == "1"}
        if all(getattr(party, name) == value for name, value in values.items()):
            continue  # unchanged: no empty history row on each `make run`
        for name, value in values.items():
            setattr(party, name, value)
        party.full_clean()
        party.save()
    return f"{Agreement.objects.count()} agreements, {AgreementParty.objects.count()} parties"
