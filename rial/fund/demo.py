"""Reference data of the fund (real figures, with their sources) and a few demo entries (marked DEMO).

The history is the February 2016 RIAL financial report: USD 649,734 received (297,734 from 17 member
states, 200,000 from Canada, 152,000 co-financing) and USD 587,955 spent in 2011–2015, by category.
"""

import datetime
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from rial.core.reference import data_rows, optional_date, sync
from rial.directory.demo import ministry_slug
from rial.directory.models import Country, Institution
from rial.fund.models import Allocation, ContributingCountry, Entry
from rial.fund.services import lock_currency, refuse_overdraft

DATA = Path(__file__).resolve().parent / "data"


@transaction.atomic
def load_reference() -> str:
    countries = {country.iso2: country for country in Country.objects.all()}
    for row in data_rows(DATA / "contributing_countries.csv"):
        sync(ContributingCountry, {"country": countries[row["iso2"]]}, {
            "source": row["source"], "verified": row["verified"] == "1"})
    loaded = set(Entry.objects.exclude(reference_key="").values_list("reference_key", flat=True))
    # Entries are immutable: a row already loaded stays as it is (a correction would be a reversing entry).
    for row in data_rows(DATA / "history_2016.csv"):
        if row["key"] in loaded:
            continue
        entry = Entry(
            kind=row["kind"], funding=row["funding"], category=row["category"], amount=Decimal(row["amount"]),
            currency=row["currency"], usd_value=Decimal(row["amount"]), date=optional_date(row["date"]), aggregate=True,
            period_start=optional_date(row["period_start"]), country=countries.get(row["country_iso2"]),
            contributor_name=row["contributor_name"], description=row["description"], source=row["source"],
            verified=row["verified"] == "1", reference_key=row["key"],
        )
        entry.full_clean()
        if entry.cash_effect and entry.cash_effect < 0:
            lock_currency(entry.currency)
            refuse_overdraft(currency=entry.currency, cash_effect=entry.cash_effect)
        entry.save()
    history = Entry.objects.filter(reference_key__startswith="2016-").count()
    return f"{ContributingCountry.objects.count()} contributing countries, {history} entries of the 2016 report"


DEMO_MEETING = "DEMO Planning meeting of the RIAL, 2026"


@transaction.atomic
def load_demo() -> None:
    """A DEMO contribution, expense and allocations for 2026, so the yearly charts show a current year."""
    if Entry.objects.filter(is_demo=True).exists():
        return
    chile = Institution.objects.get(slug=ministry_slug("CL"))
    day = datetime.date(2026, 2, 2)
    Entry.objects.create(kind=Entry.Kind.CONTRIBUTION, funding=Entry.Funding.VOLUNTARY, amount=Decimal("25000.00"),
                         currency="USD", usd_value=Decimal("25000.00"), date=day, contributor=chile,
                         country=chile.country, description="DEMO contribution", is_demo=True, verified=False)
    Entry.objects.create(kind=Entry.Kind.PLEDGE, funding=Entry.Funding.VOLUNTARY, amount=Decimal("30000000.00"),
                         currency="COP", usd_value=Decimal("7300.00"), date=day,
                         contributor=Institution.objects.get(slug=ministry_slug("CO")),
                         country=Country.objects.get(iso2="CO"), description="DEMO pledge", is_demo=True,
                         verified=False)
    Entry.objects.create(kind=Entry.Kind.CONTRIBUTION, in_kind=True, amount=Decimal("80000.00"), currency="USD",
                         usd_value=Decimal("80000.00"), date=day, contributor_name="DEMO OAS in-kind support",
                         description="DEMO staff time and premises of the Technical Secretariat", is_demo=True,
                         verified=False)
    lock_currency("USD")
    refuse_overdraft(currency="USD", cash_effect=Decimal("-4350.00"))
    Entry.objects.create(kind=Entry.Kind.EXPENDITURE, category="workshop", amount=Decimal("4350.00"),
                         currency="USD", usd_value=Decimal("4350.00"), date=datetime.date(2026, 3, 16),
                         description="DEMO hemispheric workshop: interpretation and venue", is_demo=True,
                         verified=False)
    for category, amount in (("bilateral", "60000.00"), ("workshop", "40000.00"), ("communications", "8000.00")):
        Allocation.objects.get_or_create(meeting=DEMO_MEETING, category=category, defaults={
            "decided_on": datetime.date(2026, 1, 20), "amount": Decimal(amount), "is_demo": True})
