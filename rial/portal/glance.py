"""The network at a glance: headline figures, the current cycle and the maps, computed from the records.

Each figure links to the list it counts, so a reader can check it. Every function runs a fixed number of
queries whatever the size of the data (aggregates in the database, never a loop over records).
"""

import datetime
from collections import Counter, defaultdict

from django.db.models import Count, F, Q
from django.db.models.functions import ExtractYear
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from rial.agreements.coverage import COVERED, COVERED_UNCERTAIN, pair_table
from rial.conference import queries
from rial.conference.models import ConferenceDocument, Mandate
from rial.cooperation.models import Activity, Call, Participant
from rial.core import derived
from rial.directory.models import Country
from rial.fund.queries import received_by_country, received_by_year
from rial.meetings.models import Meeting
from rial.newsletter.models import Issue
from rial.portal.atlas import Map, choropleth
from rial.portal.charts import bar_chart
from rial.portfolio.models import Program


def country_names() -> dict[str, str]:
    """The countries' names in the active language, by ISO code (1 query)."""
    return {country.iso2: str(country) for country in Country.objects.all()}


def headline_figures(today: datetime.date, fund_totals) -> list[dict]:
    """The network's main figures, each with the page that lists what it counts (6 queries)."""
    activities = Activity.objects.public().exclude(state=Activity.State.CANCELLED)
    # Distinct pairs of countries: at most one row per pair, however many activities there are.
    parties = activities.order_by().values_list("first_party__country_id", "second_party__country_id").distinct()
    countries = {country for pair in parties for country in pair if country}
    trained = Participant.objects.filter(activity__in=activities.completed()).count()
    held = Meeting.objects.published().filter(start_date__lt=today).count()
    return [
        {"value": number_format(Program.objects.published().count(), force_grouping=True),
         "label": _("programs in the portfolio"), "url": reverse("portfolio:list")},
        {"value": number_format(activities.count(), force_grouping=True),
         "label": _("cooperation activities"), "url": reverse("cooperation:home")},
        {"value": number_format(len(countries), force_grouping=True),
         "label": _("countries in cooperation activities"), "url": reverse("portal:network")},
        {"value": number_format(trained, force_grouping=True),
         "label": _("officials trained in cooperation activities"), "url": reverse("cooperation:home")},
        {"value": number_format(held, force_grouping=True),
         "label": _("meetings and events held"), "url": reverse("meetings:list")},
        {"value": "USD " + number_format(fund_totals.received, decimal_pos=0, force_grouping=True),
         "label": _("received by the Voluntary Contribution Fund"), "url": reverse("fund:home")},
        {"value": "USD " + number_format(fund_totals.spent, decimal_pos=0, force_grouping=True),
         "label": _("spent by the fund"), "url": reverse("fund:home")},
    ]


def current_plan() -> ConferenceDocument | None:
    """The Plan of Action in force (1 query)."""
    return queries.current_plan()


def current_cycle(today: datetime.date) -> dict:
    """The current plan's mandates by working group and status, and what is due next (3 queries)."""
    plan = current_plan()
    if plan is None:
        return {"plan": None}
    mandates = Mandate.objects.published().top_level().filter(plan=plan)
    rows = (mandates.values("group_id", "group__number", "group__title", "status")
            .annotate(n=Count("pk")).order_by("group__number"))
    groups: dict = defaultdict(lambda: {"counts": Counter(), "total": 0})
    for row in rows:
        group = groups[row["group_id"]]
        group["title"] = row["group__title"] or _("Actions of the network (RIAL)")
        group["counts"][row["status"]] += row["n"]
        group["total"] += row["n"]
    bars = []
    for group in groups.values():
        done = group["counts"][Mandate.Status.DONE] + group["counts"][Mandate.Status.ONGOING]
        bars.append({"title": group["title"], "total": group["total"],
                     "statuses": [(label, group["counts"][value]) for value, label in Mandate.Status.choices],
                     "done_percent": round(100 * done / group["total"]) if group["total"] else 0})
    open_mandates = mandates.exclude(status__in=[Mandate.Status.DONE, Mandate.Status.ONGOING])
    due_next = list(open_mandates.filter(due_date__gte=today).select_related("group__conference").order_by("due_date")[:5])
    overdue = open_mandates.filter(due_date__lt=today).count()
    return {"plan": plan, "groups": bars, "due_next": due_next, "overdue": overdue}


def open_calls() -> list[Call]:
    """Calls for proposals open now, the first to close first (1 query)."""
    return list(Call.objects.filter(state=Call.State.OPEN).order_by(F("closes_on").asc(nulls_last=True), "-number")[:3])


def latest_newsletter() -> Issue | None:
    """The latest issue in the public archive (1 query)."""
    return Issue.objects.published().first()


def cooperation_flows() -> dict[tuple[str, str], int]:
    """Who cooperated with whom: requesting country → providing country, activities counted (1 query)."""
    rows = (Activity.objects.public().exclude(state=Activity.State.CANCELLED)
            .values("first_party__country__iso2", "second_party__country__iso2").annotate(n=Count("pk")))
    return {(row["first_party__country__iso2"], row["second_party__country__iso2"]): row["n"] for row in rows
            if row["first_party__country__iso2"] and row["second_party__country__iso2"]}


def agreement_partners(today: datetime.date) -> dict[str, int]:
    """For each country, how many countries it shares a social security agreement in force with."""
    partners: Counter = Counter()
    for pair, cell in pair_table(today).items():
        if cell["state"] in (COVERED, COVERED_UNCERTAIN) and len(pair) == 2:
            for code in pair:
                partners[code] += 1
    return dict(partners)


def usd(value) -> str:
    return "USD " + number_format(value, decimal_pos=0, force_grouping=True)


def drawn(kind: str, map_id: str, today: datetime.date, *, highlight: str = "") -> Map:
    """One of the maps below, drawn (its ``html``) and kept until the next committed write (core.derived).

    A map with a thousand cooperation flows costs tens of milliseconds to compute and draw, and depends only on
    public records, the language (names, number formats) and, for agreements, the date: every reader of the same
    map in the same language gets the same drawing (1 query, or 2 to 5 when it is drawn again)."""
    builders = {"cooperation": lambda names: cooperation_map(names, highlight=highlight),
                "agreements": lambda names: agreements_map(names, today, highlight=highlight),
                "fund": lambda names: fund_map(names, highlight=highlight)}

    def draw() -> Map:
        result = builders[kind](country_names())
        result.html = render_to_string("portal/_map.html", {"map": result, "map_id": map_id})
        return result

    return derived.cached("portal-map", draw, kind, map_id, highlight, today.isoformat() if kind == "agreements" else "")


def cooperation_map(names: dict[str, str], *, highlight: str = "") -> Map:
    flows = cooperation_flows()
    if highlight:
        flows = {pair: n for pair, n in flows.items() if highlight in pair}
    involved: Counter = Counter()
    for (a, b), n in flows.items():
        involved[a] += n
        involved[b] += n
    return choropleth(
        title=_("Cooperation between ministries"),
        description=_("Countries shaded by the number of cooperation activities they took part in; "
                      "curves join the requesting and the providing country."),
        values=dict(involved), flows=flows, names=names, highlight=highlight,
        format_value=lambda v: number_format(round(v), force_grouping=True))


def agreements_map(names: dict[str, str], today: datetime.date, *, highlight: str = "") -> Map:
    return choropleth(
        title=_("Social security agreements"),
        description=_("Countries shaded by the number of countries they share a social security agreement "
                      "in force with, in the platform's records."),
        values=agreement_partners(today), names=names, highlight=highlight,
        format_value=lambda v: number_format(round(v), force_grouping=True))


def fund_map(names: dict[str, str], *, highlight: str = "") -> Map:
    return choropleth(
        title=_("Contributions to the Voluntary Contribution Fund"),
        description=_("Countries shaded by the contributions the fund received from them, in US dollars."),
        values=received_by_country(), names=names, highlight=highlight, format_value=usd)


# A country page's figures over time cover this many years, up to this one.
FIGURE_YEARS = 15


def country_figures(country, today: datetime.date) -> dict:
    """Per year, the country's cooperation activities (as requesting or providing country), the programs its
    ministries started (published ones) and the cash it gave the fund: three charts and one table (3 queries)."""
    years = list(range(today.year - FIGURE_YEARS + 1, today.year + 1))
    activities = (Activity.objects.public().exclude(state=Activity.State.CANCELLED)
                  .filter(Q(first_party__country=country) | Q(second_party__country=country), year__in=years)
                  .values("year").annotate(n=Count("pk", distinct=True)).order_by())
    by_year = {"activities": {row["year"]: row["n"] for row in activities}}
    programs = (Program.objects.published().filter(ministry__country=country, collection__isnull=True,
                                                   start__year__in=years)
                .annotate(started=ExtractYear("start")).values("started").annotate(n=Count("pk")).order_by())
    by_year["programs"] = {row["started"]: row["n"] for row in programs}
    by_year["fund"] = {year: total for year, total in received_by_year(country).items() if year in years}

    def count(value) -> str:
        return number_format(value, force_grouping=True)

    charts = [
        ("activities", bar_chart(
            title=_("Cooperation activities per year"),
            description=_("Cooperation activities the country's ministry requested or provided, by year."),
            points=[(year, by_year["activities"].get(year, 0)) for year in years], format_value=count)),
        ("programs", bar_chart(
            title=_("Programs started per year"),
            description=_("Programs of the country's ministries in the portfolio, by the year they started."),
            points=[(year, by_year["programs"].get(year, 0)) for year in years], format_value=count)),
        ("fund", bar_chart(
            title=_("Contributions to the fund per year"),
            description=_("Cash the Voluntary Contribution Fund received from the country, in US dollars, by year."),
            points=[(year, by_year["fund"].get(year, 0)) for year in years], format_value=usd)),
    ]
    rows = [(year, count(by_year["activities"].get(year, 0)), count(by_year["programs"].get(year, 0)),
             usd(by_year["fund"].get(year, 0))) for year in reversed(years)
            if any(by_year[kind].get(year) for kind in by_year)]
    return {"charts": [(f"figures-{country.iso2}-{kind}", chart) for kind, chart in charts if not chart.empty],
            "rows": rows, "first_year": years[0], "last_year": years[-1]}
