"""Pages of the agreements app: thin views over coverage.py, the model querysets and services.py."""

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from rial.agreements import matrix
from rial.agreements.coverage import country_rows, coverage, party_start
from rial.agreements.exports import as_csv, as_xlsx
from rial.agreements.forms import AgreementFilterForm, CoverageForm, ImportForm, MatrixForm
from rial.agreements.models import Agreement, AgreementParty
from rial.agreements.proposals import records_reviewed
from rial.agreements.services import agreements_import
from rial.core.files import check_size
from rial.core.pagination import Paginator
from rial.core.permissions import authorize
from rial.core.spreadsheets import spreadsheet_safe
from rial.directory.models import Country

SECRETARIAT_SLUG = "oas-technical-secretariat"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def coverage_lookup(request: HttpRequest) -> HttpResponse:
    # A link that names one country (a country page's "with another country") opens the form with that
    # country chosen; the question is asked once the form sends the second country, even empty.
    asked = "b" in request.GET
    if asked:
        form = CoverageForm.from_query(request.GET)
    else:
        form = CoverageForm(initial={"a": (request.GET.get("a") or "").strip().upper()})
    result = None
    names = {}
    status = 200
    if asked:
        if form.is_valid():
            data = form.cleaned_data
            result = coverage(data["a"], data["b"], data["on"])
            names = dict(Country.objects.filter(iso2__in=[data["a"], data["b"]]).values_list("iso2", "name"))
        else:
            status = 400
    return render(request, "agreements/coverage.html", {
        "form": form, "result": result,
        "name_a": names.get(result.a) if result else "", "name_b": names.get(result.b) if result else "",
        # What the records know is said with the day they were last reviewed, and how to report a gap.
        "reviewed": records_reviewed() if result is not None else None,
        "can_propose": request.user.has_perm("agreements.propose_change"),
        "secretariat_url": reverse("directory:institution", kwargs={"slug": SECRETARIAT_SLUG}),
    }, status=status)


def country_agreements(request: HttpRequest, iso2: str) -> HttpResponse:
    """Every agreement a country is party to, and whether it applies today."""
    country = get_object_or_404(Country, iso2=iso2.upper())
    visible = Agreement.objects.visible_to(request.user)
    parties = list(AgreementParty.objects.filter(country=country, agreement__in=visible)
                   .select_related("agreement").order_by("agreement__kind", "agreement__title"))
    today = timezone.localdate()
    rows = country_rows(parties, today)
    return render(request, "agreements/country.html", {
        "country": country, "rows": rows, "today": today, "reviewed": records_reviewed(),
        "can_propose": request.user.has_perm("agreements.propose_change"),
    })


def agreement_list(request: HttpRequest) -> HttpResponse:
    form = AgreementFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    agreements = Agreement.objects.listing(request.user, filters)
    page = Paginator(agreements, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "agreements/list.html", {
        "form": form, "page": page, "query": query.urlencode(),
        "can_import": request.user.has_perm("agreements.import_agreements"),
    }, status=200 if not form.is_bound or form.is_valid() else 400)


def agreement_detail(request: HttpRequest, slug: str) -> HttpResponse:
    agreement = get_object_or_404(Agreement.objects.visible_to(request.user).with_parties(), slug=slug)
    return render(request, "agreements/detail.html", {
        "agreement": agreement,
        "parties": [(party, party_start(agreement, party)) for party in agreement.parties.all()],
        "can_see_history": request.user.has_perm("core.view_history"),
        "can_change": request.user.has_perm("agreements.change_agreement", agreement),
        "can_propose": request.user.has_perm("agreements.propose_change"),
    })


def agreement_export(request: HttpRequest) -> HttpResponse:
    """The filtered list as CSV or XLSX. Public data; archived rows only for those who may see them."""
    form = AgreementFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return HttpResponseBadRequest(_("The filters are not valid."))
    agreements = Agreement.objects.listing(request.user, form.cleaned_data if form.is_bound else {})
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(as_xlsx(agreements), content_type=XLSX)
        response["Content-Disposition"] = 'attachment; filename="agreements.xlsx"'
        return response
    response = HttpResponse(as_csv(agreements), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="agreements.csv"'
    return response


def coverage_matrix(request: HttpRequest) -> HttpResponse:
    form = MatrixForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return render(request, "agreements/matrix.html", {"form": form}, status=400)
    on = form.cleaned_data["on"] if form.is_bound else timezone.localdate()
    focus = (request.GET.get("focus") or "").upper()
    focus = focus if focus in matrix.TILES else ""
    context = matrix.build(on, focus)
    if request.GET.get("format") == "csv":
        response = HttpResponse(matrix_csv(context), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="agreement-coverage-{on.isoformat()}.csv"'
        return response
    focus_country = next((tile.country for tile in context["tiles"] if tile.country.iso2 == focus), None)
    return render(request, "agreements/matrix.html", {
        **context, "form": form, "on": on, "on_iso": on.isoformat(), "focus": focus_country,
        "coverage_url": reverse("agreements:coverage"),
    })


def matrix_csv(context: dict) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["", *[spreadsheet_safe(country.iso2) for country in context["countries"]]])
    for row, cells in context["rows"]:
        writer.writerow([spreadsheet_safe(value) for value in (row.iso2, *[cell.state if cell else "" for cell in cells])])
    return buffer.getvalue()


@login_required
def agreement_import(request: HttpRequest) -> HttpResponse:
    authorize(request.user, "agreements.import_agreements")
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            if not upload.name.lower().endswith(".csv"):
                raise ValueError(_("Upload a .csv file (UTF-8 text); other file types are refused."))
            check_size(upload)  # the platform's one upload limit
            try:
                text = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                raise ValueError(_("The file is not UTF-8 text.")) from exc
            report = agreements_import(text=text, user=request.user, dry_run=form.cleaned_data["dry_run"])
        except ValidationError as error:
            form.add_error("file", error)
        except ValueError as exc:
            form.add_error("file", str(exc))
        else:
            if report.saved:
                messages.success(request, _("The file was imported."))
            elif report.dry_run:
                messages.info(request, _("Dry run: nothing was saved."))
            else:
                messages.error(request, _("Nothing was saved: correct the refused rows and import again."))
    return render(request, "agreements/import.html", {"form": form, "report": report},
                  status=400 if request.method == "POST" and not form.is_valid() else 200)
