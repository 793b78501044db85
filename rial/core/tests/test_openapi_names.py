"""The OpenAPI document declares each field with its own model's values: no two schemas share a name.

django-ninja files every operation's schemas under their class names, so the nested ``Kind`` choices of
countries, institutions, meetings, documents and ledger entries overwrote each other (the countries'
``kind`` filter was declared with the ledger's kinds, and a valid request was refused), and the
agreements' and the cooperation's ``ProposalOut`` declared one another's answers. Found by the fuzzer
(test_api_fuzz.py).
"""

import pytest
from django.core.exceptions import ImproperlyConfigured
from ninja import Router, Schema

from rial.api import api
from rial.cooperation.models import Proposal as CooperationProposal
from rial.core.openapi import RialNinjaAPI
from rial.directory.models import Country, Institution
from rial.fund.models import Entry
from rial.library.models import Document
from rial.meetings.models import Meeting

SCHEMA = api.get_openapi_schema()


def _query_values(path: str, name: str) -> list[str]:
    parameter = next(p for p in SCHEMA["paths"][path]["get"]["parameters"] if p["name"] == name)
    options = parameter["schema"].get("anyOf", [parameter["schema"]])
    return next(option["enum"] for option in options if "enum" in option)


@pytest.mark.parametrize(("path", "name", "choices"), [
    ("/api/v1/countries", "kind", Country.Kind),
    ("/api/v1/institutions", "kind", Institution.Kind),
    ("/api/v1/meetings", "kind", Meeting.Kind),
    ("/api/v1/documents", "kind", Document.Kind),
    ("/api/v1/fund/ledger", "kind", Entry.Kind),
    ("/api/v1/cooperation/proposals", "state", CooperationProposal.State),
])
def test_each_filter_declares_its_own_models_values(path, name, choices):
    assert _query_values(path, name) == list(choices.values)


def test_a_declared_country_kind_is_accepted(client, db):
    assert client.get("/api/v1/countries", {"kind": Country.Kind.TERRITORY}).status_code == 200


def test_the_two_kinds_of_proposal_are_documented_apart():
    def answer(path, method, code):
        responses = SCHEMA["paths"][path][method]["responses"]
        declared = responses.get(code) or responses[int(code)]  # django-ninja's own answers are keyed by number
        reference = declared["content"]["application/json"]["schema"]
        return reference.get("$ref") or reference["items"]["$ref"]

    agreement = answer("/api/v1/agreement-proposals", "post", "201")
    cooperation = answer("/api/v1/cooperation/proposals", "post", "201")
    assert agreement != cooperation
    assert answer("/api/v1/agreement-proposals", "get", "200").endswith(agreement.split("/")[-1])  # its page


def test_two_different_schemas_under_one_name_are_refused():
    first, second = Router(), Router()

    class Out(Schema):
        a: int

    @first.get("/one", response=list[Out])
    def one(request):
        return []

    class Out(Schema):  # noqa: F811 — the same class name for a different schema is the fault
        b: str

    class Wrapper(Schema):
        item: Out

    @second.get("/two", response=Wrapper)
    def two(request):
        return {}

    probe = RialNinjaAPI(urls_namespace="probe-names")
    probe.add_router("/", first)
    probe.add_router("/", second)
    with pytest.raises(ImproperlyConfigured, match="'Out'"):
        probe.get_openapi_schema(path_prefix="/")
