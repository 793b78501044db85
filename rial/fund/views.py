"""The fund's pages. The ledger and the forms are the Secretariat's; the home page is public."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rial.accounts.roles import roles_for
from rial.core import derived
from rial.core.audit import save_logged
from rial.core.forms import add_service_error
from rial.core.pagination import Paginator
from rial.core.permissions import authorize
from rial.directory.models import Institution
from rial.fund import actions, charts, exports, reports
from rial.fund.forms import (
    AllocationForm,
    ContributionForm,
    ExpenseForm,
    LedgerFilterForm,
    PledgeForm,
    ReverseForm,
)
from rial.fund.models import Allocation, Entry
from rial.fund.services import balances, record_contribution, record_expense, reverse_entry

LEDGER_PAGE_SIZE = 50




def _money(form) -> dict:
    data = form.cleaned_data
    return {"amount": data["amount"], "currency": data["currency"], "usd_value": data["usd_value"] or None,
            "date": data["date"]}


@login_required
def ledger(request: HttpRequest) -> HttpResponse:
    authorize(request.user, "fund.view_ledger")
    filters = LedgerFilterForm(request.GET or None)
    entries = Entry.objects.select_related("contributor", "country", "reverses").prefetch_related(
        "reversed_by").order_by("-date", "-id")
    if filters.is_valid():
        data = filters.cleaned_data
        for name in ("kind", "category", "currency"):
            if data[name]:
                entries = entries.filter(**{name: data[name]})
        if data["year"]:
            entries = entries.filter(date__year=data["year"])
    page = Paginator(entries, LEDGER_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "fund/ledger.html", {"page": page, "filters": filters, "balances": balances(),
                                                "can_add": request.user.has_perm("fund.add_entry")})


@login_required
def entry_detail(request: HttpRequest, pk: int) -> HttpResponse:
    authorize(request.user, "fund.view_ledger")
    entry = get_object_or_404(Entry.objects.select_related("contributor", "country", "reverses", "paid_for_type",
                                                           "recorded_by"), pk=pk)
    reversal = Entry.objects.filter(reverses=entry).first()
    can_reverse = request.user.has_perm("fund.reverse_entry", entry) and reversal is None and not entry.reverses_id
    return render(request, "fund/entry_detail.html", {
        "entry": entry, "reversal": reversal, "form": ReverseForm() if can_reverse else None})


@login_required
@require_POST
def entry_reverse(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_object_or_404(Entry, pk=pk)
    authorize(request.user, "fund.reverse_entry", entry)
    form = ReverseForm(request.POST)
    if form.is_valid():
        try:
            reversal = reverse_entry(user=request.user, entry=entry, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The entry was reversed."))
            return redirect("fund:entry", pk=reversal.pk)
    return render(request, "fund/entry_detail.html", {"entry": entry, "reversal": None, "form": form},
                  status=400)


@login_required
def contribution_new(request: HttpRequest) -> HttpResponse:
    authorize(request.user, "fund.add_entry")
    form = ContributionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            entry = record_contribution(
                user=request.user, contributor=data["contributor"], contributor_name=data["contributor_name"],
                pledge=data["pledge"], funding=data["funding"], in_kind=data["in_kind"],
                country=data["country"], description=data["description"], fulfils=data["fulfils"],
                **_money(form))
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The contribution was recorded."))
            return redirect("fund:entry", pk=entry.pk)
    return render(request, "fund/entry_form.html", {"form": form, "title": _("Record a contribution")},
                  status=400 if form.errors else 200)


@login_required
def pledge_new(request: HttpRequest) -> HttpResponse:
    authorize(request.user, "fund.open_pledge_form")
    institutions = Institution.objects.active().order_by("name")
    if not request.user.has_perm("fund.add_entry"):
        institutions = institutions.filter(pk__in=roles_for(request.user).focal_point_for)
    form = PledgeForm(request.POST or None, institutions=institutions)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            record_contribution(user=request.user, contributor=data["contributor"], pledge=True,
                                description=data["description"], **_money(form))
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The pledge was recorded. Thank you."))
            return redirect("fund:home")
    return render(request, "fund/entry_form.html", {"form": form, "title": _("Announce a pledge")},
                  status=400 if form.errors else 200)


@login_required
def expense_new(request: HttpRequest) -> HttpResponse:
    authorize(request.user, "fund.add_entry")
    form = ExpenseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            entry = record_expense(user=request.user, kind=data["kind"], category=data["category"],
                                   in_kind=data["in_kind"], description=data["description"],
                                   paid_for=data["paid_for"], **_money(form))
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The expense was recorded."))
            return redirect("fund:entry", pk=entry.pk)
    return render(request, "fund/entry_form.html", {"form": form, "title": _("Record an expense")},
                  status=400 if form.errors else 200)


@login_required
def allocations(request: HttpRequest) -> HttpResponse:
    authorize(request.user, "fund.view_allocation")
    can_add = request.user.has_perm("fund.add_allocation")
    form = AllocationForm(request.POST or None) if can_add else None
    if request.method == "POST":
        authorize(request.user, "fund.add_allocation")
        if form.is_valid():
            allocation = form.save(commit=False)
            allocation.recorded_by = request.user
            save_logged(allocation, user=request.user, action=actions.ALLOCATION_DECIDED)
            messages.success(request, _("The allocation was recorded."))
            return redirect("fund:allocations")
    return render(request, "fund/allocations.html", {
        "allocations": Allocation.objects.all(), "against_spending": reports.allocations_against_spending(),
        "form": form}, status=400 if form and form.errors else 200)


def _chart(rows, chart_id: str, title: str, colour: str) -> str:
    return render_to_string("fund/bar_chart.html", {"chart": charts.bar_chart(rows), "id": chart_id, "title": title,
                                                    "colour": colour})


def public_figures() -> dict:
    """What the public page shows every reader alike: the totals, the contributing countries and the two charts by
    year, drawn. Drawing the charts (a bar, its value and its label per year, every number localised) was most of
    the page's cost."""
    return {
        "totals": reports.totals(),
        "countries": reports.contributing_countries(),
        "contributions_chart": _chart(reports.contributions_by_year(), "chart-contributions",
                                      _("Contributions received by year (USD)"), "#1f5f8b"),
        "spending_chart": _chart(reports.spending_by_year(), "chart-spending", _("Spending by year (USD)"), "#8b3a1f"),
        "has_demo": Entry.objects.filter(is_demo=True).exists(),
    }


def home(request: HttpRequest) -> HttpResponse:
    """Public: the fund's totals, the contributing countries and the charts by year."""
    # The same for every reader in a language: kept until the next committed write (core.derived), so a signed-in
    # reader or the first visit after a change is the only one that reads the summary and draws the charts.
    figures = derived.cached("fund-public", public_figures)
    return render(request, "fund/home.html", {
        **figures,
        "figures_html": derived.fragment("fund-public-html", "fund/includes/public_figures.html", figures),
        "can_see_ledger": request.user.has_perm("fund.view_ledger"),
        "can_pledge": request.user.has_perm("fund.open_pledge_form"),
    })


@login_required
def reports_page(request: HttpRequest) -> HttpResponse:
    authorize(request.user, "fund.view_reports")
    categories, spending_rows = reports.spending_by_year_and_category()
    periods, country_rows = reports.contributions_by_country_and_year()
    return render(request, "fund/reports.html", {
        "totals": reports.totals(),
        "balance_rows": reports.balance_by_year(),
        "category_columns": [(value, reports.category_label(value)) for value in categories],
        "spending_rows": spending_rows,
        "periods": periods,
        "country_rows": country_rows,
    })


@login_required
def report_xlsx(request: HttpRequest) -> HttpResponse:
    authorize(request.user, "fund.view_reports")
    response = HttpResponse(exports.financial_report_xlsx(),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = 'attachment; filename="rial-fund-financial-report.xlsx"'
    return response


@login_required
def report_pdf(request: HttpRequest) -> HttpResponse:
    authorize(request.user, "fund.view_reports")
    response = HttpResponse(exports.financial_report_pdf(), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="rial-fund-financial-report.pdf"'
    return response
