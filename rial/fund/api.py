"""The fund router of the REST API (mounted at /api/v1/ by rial/api.py).

The summary is public; the ledger and the writes are the Secretariat's (bearer token, or a session that
passed the second factor). Amounts are exact decimals, serialized as strings ("649734.00").
"""

import datetime
from decimal import Decimal
from typing import Annotated

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, FilterSchema, Query, Router, Schema
from ninja.filter_schema import FilterLookup
from ninja.pagination import paginate
from ninja.security import django_auth

from rial.core.api_auth import token_auth
from rial.core.permissions import authorize
from rial.directory.models import Institution
from rial.fund import reports
from rial.fund.currencies import Currency
from rial.fund.models import Category, Entry
from rial.fund.services import balances, record_contribution, record_expense

router = Router(tags=["fund"])
SECRETARIAT_AUTH = [token_auth, django_auth]


class SummaryOut(Schema):
    currency: str = "USD"
    received: Decimal
    voluntary: Decimal
    co_financing: Decimal
    spent: Decimal
    balance: Decimal
    in_kind: Decimal
    pledged: Decimal
    pledges_outstanding: Decimal
    contributions_by_year: dict[str, Decimal]
    spending_by_year: dict[str, Decimal]
    contributing_countries: list[str] = Field(description="ISO 3166 alpha-2 codes")


class EntryOut(Schema):
    id: int
    kind: str
    iati_transaction_type: str = Field(alias="iati_code")
    in_kind: bool
    amount: Decimal
    currency: str
    usd_value: Decimal
    date: datetime.date
    period: str = Field(alias="period_label")
    category: str
    funding: str
    contributor: str = Field(alias="contributor_label")
    country: str | None = Field(None, alias="country.iso2")
    paid_for_type: str | None = None
    paid_for_id: int | None
    description: str
    reverses: int | None = Field(None, alias="reverses_id")
    fulfils: int | None = Field(None, alias="fulfils_id")
    source: str
    verified: bool
    is_demo: bool

    @staticmethod
    def resolve_paid_for_type(entry: Entry) -> str | None:
        kind = entry.paid_for_type
        return f"{kind.app_label}.{kind.model}" if kind else None


class LedgerFilter(FilterSchema):
    kind: Annotated[Entry.Kind | None, FilterLookup("kind")] = None
    currency: Annotated[Currency | None, FilterLookup("currency")] = None
    category: Annotated[Category | None, FilterLookup("category")] = None
    year: Annotated[int | None, FilterLookup("date__year"), Field(ge=1990, le=2100)] = None


class ContributionIn(Schema):
    contributor: str | None = Field(None, description="Slug of a directory institution, e.g. ministry-cl")
    contributor_name: str = Field("", max_length=300)
    amount: str | int = Field(description="In figures, at most two decimals, e.g. \"1250.50\"")
    currency: str = Field(max_length=10, description="ISO 4217 code the fund knows, e.g. USD")
    usd_value: str | None = Field(None, max_length=30)
    date: datetime.date
    pledge: bool = False
    in_kind: bool = False
    funding: Entry.Funding = Entry.Funding.VOLUNTARY
    description: str = Field("", max_length=500)


class ExpenseIn(Schema):
    amount: str | int = Field(description="In figures, at most two decimals, e.g. \"1250.50\"")
    currency: str = Field(max_length=10)
    usd_value: str | None = Field(None, max_length=30)
    date: datetime.date
    category: Category
    kind: Entry.Kind = Entry.Kind.EXPENDITURE
    in_kind: bool = False
    description: str = Field(max_length=500)


def _entries():
    return Entry.objects.select_related("contributor", "country", "paid_for_type").order_by("-date", "-id")


@router.get("/fund/summary", response=SummaryOut, summary="The fund's public totals in USD")
def summary(request: HttpRequest):
    totals = reports.totals()
    return {
        "received": totals.received, "voluntary": totals.voluntary, "co_financing": totals.co_financing,
        "spent": totals.spent, "balance": totals.balance, "in_kind": totals.in_kind, "pledged": totals.pledged,
        "pledges_outstanding": totals.pledges_outstanding,
        "contributions_by_year": dict(reports.contributions_by_year()),
        "spending_by_year": dict(reports.spending_by_year()),
        "contributing_countries": [item.country.iso2 for item in reports.contributing_countries()],
    }


@router.get("/fund/balances", response=dict[str, Decimal], auth=SECRETARIAT_AUTH,
            summary="Cash balance per currency (Secretariat)")
def currency_balances(request: HttpRequest):
    authorize(request.auth, "fund.view_ledger")
    return balances()


@router.get("/fund/ledger", response=list[EntryOut], auth=SECRETARIAT_AUTH,
            summary="Every ledger entry, newest first (Secretariat)")
@paginate
def ledger(request: HttpRequest, filters: Query[LedgerFilter]):
    authorize(request.auth, "fund.view_ledger")
    return filters.filter(_entries())


@router.get("/fund/ledger/{entry_id}", response=EntryOut, auth=SECRETARIAT_AUTH, summary="One ledger entry")
def ledger_entry(request: HttpRequest, entry_id: int):
    authorize(request.auth, "fund.view_ledger")
    return get_object_or_404(_entries(), pk=entry_id)


@router.post("/fund/contributions", response={201: EntryOut}, auth=token_auth,
             summary="Record a contribution received or pledged (Secretariat)")
def create_contribution(request: HttpRequest, payload: ContributionIn):
    authorize(request.auth, "fund.add_entry")
    contributor = None
    if payload.contributor:
        contributor = get_object_or_404(Institution.objects.active(), slug=payload.contributor)
    entry = record_contribution(
        user=request.auth, contributor=contributor, contributor_name=payload.contributor_name,
        amount=payload.amount, currency=payload.currency, usd_value=payload.usd_value, date=payload.date,
        pledge=payload.pledge, in_kind=payload.in_kind, funding=payload.funding, description=payload.description)
    return 201, entry


@router.post("/fund/expenses", response={201: EntryOut}, auth=token_auth,
             summary="Record an expense, a disbursement or a commitment (Secretariat)")
def create_expense(request: HttpRequest, payload: ExpenseIn):
    authorize(request.auth, "fund.add_entry")
    entry = record_expense(
        user=request.auth, amount=payload.amount, currency=payload.currency, usd_value=payload.usd_value,
        date=payload.date, category=payload.category, kind=payload.kind, in_kind=payload.in_kind,
        description=payload.description)
    return 201, entry
