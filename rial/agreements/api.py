"""The agreements router of the REST API (mounted at /api/v1/ by rial/api.py). Reads are public."""

import datetime

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from rial.agreements.coverage import coverage
from rial.agreements.forms import AgreementFilterForm, CoverageForm
from rial.agreements.models import Agreement

router = Router(tags=["agreements"])


class FindingOut(Schema):
    title: str
    slug: str
    kind: str
    status: str
    since: str | None
    branches: list[str]
    totalization: bool | None
    certain: bool
    source: str
    verified: bool
    reason: str | None = None


class CoverageOut(Schema):
    a: str
    b: str
    on: str
    covered: bool
    agreements: list[FindingOut]
    alternatives: list[FindingOut]


class ErrorOut(Schema):
    detail: str
    errors: dict[str, list[str]]


def _form_errors(form) -> dict:
    return {"detail": _("The question is not valid."),
            "errors": {name: [str(message) for message in messages] for name, messages in form.errors.items()}}


@router.get("/agreements/coverage", response={200: CoverageOut, 422: ErrorOut}, url_name="agreements_coverage",
            summary="Which agreements cover a worker who contributed in countries a and b, on a date")
def coverage_lookup(request, a: str = "", b: str = "", on: str = ""):
    """`a` and `b` are ISO 3166 alpha-2 codes (e.g. CL, US); `on` is YYYY-MM-DD (today when absent).

    `since` is the date from which each agreement applies between the two; `certain` is false where a date
    or status behind the answer is unconfirmed. `alternatives` lists agreements both are party to that do
    not apply on that date, each with its `reason`.
    """
    form = CoverageForm.from_query({"a": a, "b": b, "on": on})
    if not form.is_valid():
        return 422, _form_errors(form)
    data = form.cleaned_data
    return 200, coverage(data["a"], data["b"], data["on"]).as_json()


class PartyOut(Schema):
    country: str = Field(..., alias="country.iso2")
    name: str = Field(..., alias="country.name")
    status: str
    status_certain: bool
    ratified: datetime.date | None
    deposited: datetime.date | None
    effective: datetime.date | None
    dates_certain: bool
    ended: datetime.date | None


class AgreementOut(Schema):
    slug: str
    title: str
    original_title: str
    kind: str
    status: str
    status_certain: bool
    status_note: str | None
    signed: datetime.date | None
    signed_precision: str
    signed_certain: bool
    in_force: datetime.date | None
    in_force_certain: bool
    ended: datetime.date | None
    branches: list[str]
    totalization: bool | None
    export_of_benefits: bool | None
    posted_workers: bool | None
    max_detachment_months: int | None
    administrative_arrangement: str
    parties: list[PartyOut]
    source: str
    verified: bool


@router.get("/agreements", response=list[AgreementOut],
            summary="Social security agreements (filters: country, kind, status, branch)")
@paginate
def list_agreements(request, country: str = "", kind: str = "", status: str = "", branch: str = ""):
    """`country` is an ISO alpha-2 code; `kind` is bilateral, multilateral or institutional; `status` is
    signed, in_force, suspended or terminated; `branch` is old_age, invalidity, survivors,
    occupational_injury, health_care, family or unemployment. An unknown value is refused (422)."""
    form = AgreementFilterForm({"country": country.upper(), "kind": kind, "status": status, "branch": branch})
    if not form.is_valid():
        errors = " ".join(f"{name}: {message}" for name, messages in form.errors.items() for message in messages)
        raise HttpError(422, _("The filters are not valid: %(errors)s") % {"errors": errors})
    return Agreement.objects.listing(request.user, form.cleaned_data)


@router.get("/agreements/{slug}", response=AgreementOut, summary="One agreement, its parties and their dates")
def get_agreement(request, slug: str):
    return get_object_or_404(Agreement.objects.visible_to(request.user).with_parties(), slug=slug)
