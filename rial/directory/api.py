from typing import Annotated

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, FilterSchema, Query, Router, Schema
from ninja.filter_schema import FilterLookup
from ninja.pagination import paginate

from rial.core.api_auth import token_auth
from rial.directory.models import Country, Institution
from rial.directory.services import institution_update_contact

router = Router(tags=["directory"])


class CountryOut(Schema):
    iso2: str
    name: str
    kind: str
    oas_status: str
    joined_oas: int | None
    status_note: str
    source: str
    verified: bool


class InstitutionOut(Schema):
    slug: str
    name: str
    acronym: str
    kind: str
    country: str | None = Field(None, alias="country.iso2")
    website: str
    email: str
    phone: str
    address: str
    verified: bool


class InstitutionFilter(FilterSchema):
    country: Annotated[str | None, FilterLookup("country__iso2__iexact"),
                       Field(max_length=2, description="ISO 3166 alpha-2 code, e.g. CL")] = None
    kind: Annotated[Institution.Kind | None, FilterLookup("kind")] = None


class ContactIn(Schema):
    website: str | None = Field(None, max_length=300)
    email: str | None = Field(None, max_length=254)
    phone: str | None = Field(None, max_length=40)
    address: str | None = Field(None, max_length=500)


@router.get("/countries", response=list[CountryOut], summary="Countries and territories")
def list_countries(request: HttpRequest, kind: Country.Kind | None = None):
    countries = Country.objects.order_by("name")
    if kind:
        countries = countries.filter(kind=kind)
    return countries


@router.get("/institutions", response=list[InstitutionOut], summary="Institutions (filter by country and kind)")
@paginate
def list_institutions(request: HttpRequest, filters: Query[InstitutionFilter]):
    return filters.filter(Institution.objects.active().select_related("country").order_by("name"))


@router.get("/institutions/{slug}", response=InstitutionOut)
def get_institution(request: HttpRequest, slug: str):
    return get_object_or_404(Institution.objects.active().select_related("country"), slug=slug)


@router.patch("/institutions/{slug}", response=InstitutionOut, auth=token_auth,
              summary="Change an institution's contact details (its focal points and the Secretariat)")
def update_institution_contact(request: HttpRequest, slug: str, payload: ContactIn):
    institution = get_object_or_404(Institution.objects.active().select_related("country"), slug=slug)
    data = {name: value or "" for name, value in payload.dict(exclude_unset=True).items()}
    institution_update_contact(institution=institution, user=request.auth, data=data)
    return institution
