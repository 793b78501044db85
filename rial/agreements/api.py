"""The agreements router of the REST API (mounted at /api/v1/ by rial/api.py). Reads are public."""

from ninja import Router, Schema

from rial.agreements.coverage import coverage
from rial.agreements.forms import CoverageForm

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
    return {"detail": "The question is not valid.",
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
