"""What the portfolio adds to country and topic pages (see rial/directory/profile.py)."""

from django.db.models import Q
from django.utils.translation import gettext as _

from rial.portfolio.models import Program

LIMIT = 10


def _section(programs, more_query: str) -> dict | None:
    programs = list(programs.select_related("ministry__country").order_by("name", "pk")[:LIMIT])
    if not programs:
        return None
    return {"title": _("Programs"), "template": "portfolio/includes/section.html", "order": 30,
            "context": {"programs": programs, "more_query": more_query}}


def country_section(country):
    return _section(Program.objects.published().filter(ministry__country=country, collection__isnull=True),
                    f"country={country.iso2}")


def topic_section(topic):
    programs = Program.objects.published().filter(collection__isnull=True).filter(
        pk__in=Program.objects.filter(Q(topics=topic) | Q(topics__parent=topic)).values("pk"))
    return _section(programs, f"topic={topic.slug}")
