"""What the home page shows, each part built by the app that owns it, in a fixed number of queries.

The portal owns no data: it asks each app's own functions (the conference's troika, the fund's totals,
the portfolio's published programs, the meetings' calendar, cooperation's public activities) so that
the home page never disagrees with the app's own pages.
"""

import datetime

from django.conf import settings
from django.db.models import F, Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from rial.conference.models import Conference
from rial.conference.services import troika_on
from rial.cooperation.models import Activity, Outcome
from rial.directory.models import Country, Institution
from rial.fund.reports import totals
from rial.meetings.calendar_feed import calendar_entries
from rial.portal import glance
from rial.portfolio.models import Program

LATEST = 5


def network() -> dict:
    """The directory's figures (3 queries)."""
    return {
        "member_state_count": Country.objects.filter(kind=Country.Kind.MEMBER_STATE).count(),
        "ministry_count": Institution.objects.active().ministries().count(),
        "partner_count": Institution.objects.active().filter(kind=Institution.Kind.PARTNER).count(),
    }


def conference(today: datetime.date) -> dict:
    """The troika in office and the next conference recorded after the current one (3 queries)."""
    troika = troika_on(today)
    upcoming = Conference.objects.select_related("chair").filter(
        number__gt=troika.conference.number if troika.conference else 0).order_by("number").first()
    return {"troika": troika, "next_conference": upcoming}


def latest_programs() -> list[Program]:
    """The programs most recently published or reviewed (1 query)."""
    return list(Program.objects.published().select_related("ministry__country")
                .order_by("-last_reviewed_at", "-pk")[:LATEST])


def upcoming(today: datetime.date) -> list:
    """The next entries of the public calendar: meetings and planned activities (4 to 6 queries)."""
    entries = calendar_entries(today.year) + calendar_entries(today.year + 1)
    soon = [entry for entry in entries if entry.last_day >= today and not entry.cancelled][:LATEST]
    # The feed's addresses are absolute for calendar programs; on the site a path is enough.
    return [(entry, entry.url.removeprefix(settings.SITE_URL)) for entry in soon]


def cooperation_results() -> list[Activity]:
    """The latest public cooperation activities that took place, with their recorded outcomes (2 queries)."""
    return list(Activity.objects.public().completed()
                .select_related("first_party__country", "second_party__country")
                .prefetch_related(Prefetch("outcomes", queryset=Outcome.objects.order_by("recorded_at")))
                .order_by(F("ends_on").desc(nulls_last=True), F("year").desc(nulls_last=True), "-pk")[:LATEST])


def country_section(country) -> list[dict]:
    """A country page's map (the country highlighted, with the countries it cooperated with) and its figures
    over time (7 queries)."""
    cooperation_map = glance.drawn("cooperation", f"country-map-{country.iso2}", timezone.localdate(),
                                   highlight=country.iso2)
    return [
        {"title": _("%(country)s on the map") % {"country": country}, "template": "portal/country_section.html",
         "context": {"map": cooperation_map}, "order": 5},
        {"title": _("Figures over time"), "template": "portal/country_figures.html", "order": 6,
         "context": glance.country_figures(country, timezone.localdate())},
    ]


def home_context() -> dict:
    today = timezone.localdate()
    return {**network(), **conference(today), "programs": latest_programs(), "upcoming": upcoming(today),
            "activities": cooperation_results(), "fund": totals()}
