"""Figures drawn from activities and outcomes: impact counts, the network of countries, partner suggestions.

Charts are drawn as inline SVG by the templates from the plain numbers computed here (no JavaScript, no
external service), each with a data table beside it for screen readers and for copying.
"""

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from rial.cooperation.models import Activity, Outcome
from rial.directory.models import Country, Institution
from rial.portfolio.models import Program
from rial.topics.models import Topic

BAR_HEIGHT, BAR_GAP, LABEL_WIDTH, CHART_WIDTH = 22, 8, 260, 640


@dataclass
class Bar:
    label: str
    value: int
    y: int = 0
    width: float = 0
    text_y: int = 0


@dataclass
class BarChart:
    key: str
    title: str
    bars: list[Bar] = field(default_factory=list)
    height: int = 0
    label_width: int = LABEL_WIDTH
    width: int = CHART_WIDTH

    @property
    def total(self) -> int:
        return sum(bar.value for bar in self.bars)


def bar_chart(key: str, title: str, rows) -> BarChart:
    """Horizontal bars scaled to the largest value; rows are (label, value) pairs."""
    chart = BarChart(key=key, title=title)
    rows = [(str(label), int(value)) for label, value in rows if label not in (None, "")]
    largest = max((value for _label, value in rows), default=0) or 1
    plot = CHART_WIDTH - LABEL_WIDTH - 40
    for index, (label, value) in enumerate(rows):
        y = index * (BAR_HEIGHT + BAR_GAP)
        chart.bars.append(Bar(label=label, value=value, y=y, width=round(plot * value / largest, 1),
                              text_y=y + BAR_HEIGHT - 6))
    chart.height = max(len(rows) * (BAR_HEIGHT + BAR_GAP), BAR_HEIGHT)
    return chart


def _names(model, ids) -> dict:
    """{id: name in the active language} of the records ``ids`` (1 query)."""
    return {record.pk: record.name for record in model.objects.filter(pk__in=[pk for pk in ids if pk is not None])}


def impact_charts(outcomes=None) -> list[BarChart]:
    """Outcomes of the six-month follow-ups by category, call, topic, country and year."""
    outcomes = Outcome.objects.all() if outcomes is None else outcomes
    labels = dict(Outcome.Category.choices)
    by_category = outcomes.values("category").annotate(n=Count("id")).order_by("-n", "category")
    by_call = outcomes.exclude(activity__call=None).values("activity__call__number").annotate(
        n=Count("id")).order_by("activity__call__number")
    by_topic = outcomes.values("activity__topics").annotate(n=Count("id", distinct=True)).order_by("-n")
    by_country = outcomes.values("institution__country").annotate(n=Count("id")).order_by("-n")
    # Names in the page's language: Outcome has no translated field, so its values() would read the
    # default-language column of a related name; the named records are read once each instead.
    topic_names = _names(Topic, [row["activity__topics"] for row in by_topic])
    country_names = _names(Country, [row["institution__country"] for row in by_country])
    by_year = outcomes.exclude(activity__year=None).values("activity__year").annotate(n=Count("id")).order_by(
        "activity__year")
    return [
        bar_chart("category", _("Outcomes by category"), [(labels[r["category"]], r["n"]) for r in by_category]),
        bar_chart("call", _("Outcomes by call"), [(_("Call %(number)s") % {"number": r["activity__call__number"]},
                                                    r["n"]) for r in by_call]),
        bar_chart("topic", _("Outcomes by topic"), [(topic_names.get(r["activity__topics"]), r["n"]) for r in by_topic]),
        bar_chart("country", _("Outcomes by country"), [(country_names.get(r["institution__country"]), r["n"])
                                                              for r in by_country]),
        bar_chart("year", _("Outcomes by year of the activity"), [(r["activity__year"], r["n"]) for r in by_year]),
    ]


# --- Network -------------------------------------------------------------------------------------------------


@dataclass
class Node:
    iso2: str
    name: str
    x: float
    y: float
    label_x: float
    label_y: float
    anchor: str
    activities: int


@dataclass
class Edge:
    a: Node
    b: Node
    count: int
    stroke: float


def network(*, topic=None, year_from: int | None = None, year_to: int | None = None, size: int = 560):
    """Countries placed on a circle; a line for each pair that cooperated, thicker with more activities."""
    activities = Activity.objects.public().exclude(state=Activity.State.CANCELLED)
    if topic is not None:
        activities = activities.filter(Q(topics=topic) | Q(topics__parent=topic))
    if year_from:
        activities = activities.filter(year__gte=year_from)
    if year_to:
        activities = activities.filter(year__lte=year_to)
    pairs = Counter()
    for first_iso, second_iso in activities.distinct().values_list(
            "first_party__country__iso2", "second_party__country__iso2"):
        pairs[tuple(sorted((first_iso, second_iso)))] += 1
    # The countries' names in the page's language (Activity's values() would read the English column).
    names = {country.iso2: country.name for country in Country.objects.filter(
        iso2__in={code for pair in pairs for code in pair})}
    per_country = Counter()
    for (a, b), count in pairs.items():
        per_country[a] += count
        per_country[b] += count
    codes = sorted(names, key=lambda code: names[code])
    centre, radius = size / 2, size / 2 - 110
    nodes = {}
    for index, code in enumerate(codes):
        angle = 2 * math.pi * index / max(len(codes), 1) - math.pi / 2
        x, y = centre + radius * math.cos(angle), centre + radius * math.sin(angle)
        label_x, label_y = centre + (radius + 12) * math.cos(angle), centre + (radius + 12) * math.sin(angle) + 4
        nodes[code] = Node(code, names[code], round(x, 1), round(y, 1), round(label_x, 1), round(label_y, 1),
                           "start" if math.cos(angle) >= 0 else "end", per_country[code])
    edges = [Edge(nodes[a], nodes[b], count, 1.5 + 1.5 * (count - 1)) for (a, b), count in sorted(pairs.items())]
    return {"nodes": list(nodes.values()), "edges": edges, "size": size}


# --- Partner suggestions -------------------------------------------------------------------------------------

WORD = re.compile(r"\w{4,}", re.UNICODE)


def _words(text: str) -> set[str]:
    return {word.lower() for word in WORD.findall(text or "")}


@dataclass
class Suggestion:
    institution: Institution
    score: int
    reasons: list[str]


def suggest_partners(*, need: str, topics, exclude_ids=(), limit: int = 10) -> list[Suggestion]:
    """Ministries with published programs or past activities on the same topics or words of the need; best first.

    A published program counts most (it is offered for cooperation); the provider of a past activity counts
    more than a requester: it has shown it can share the practice.
    """
    topic_ids = {topic.pk for topic in topics}
    need_words = _words(need)
    activities = (Activity.objects.public().exclude(state=Activity.State.CANCELLED)
                  .select_related("first_party__country", "second_party__country").prefetch_related("topics"))
    scores: dict[int, int] = defaultdict(int)
    reasons: dict[int, list[str]] = defaultdict(list)
    institutions = {}
    for activity in activities:
        shared_topics = [t for t in activity.topics.all() if t.pk in topic_ids or t.parent_id in topic_ids]
        shared_words = sorted(need_words & _words(activity.title))
        if not shared_topics and not shared_words:
            continue
        for institution, weight in ((activity.second_party, 2 if activity.direction_known else 1),
                                    (activity.first_party, 1)):
            if institution.pk in exclude_ids:
                continue
            institutions[institution.pk] = institution
            scores[institution.pk] += weight * (2 * len(shared_topics) + len(shared_words))
            if shared_topics:
                reasons[institution.pk].append(
                    _("Took part in “%(title)s” (%(year)s) on %(topics)s.") % {
                        "title": activity.title, "year": activity.year or _("year unknown"),
                        "topics": ", ".join(t.name for t in shared_topics)})
            else:
                reasons[institution.pk].append(
                    _("Took part in “%(title)s”, which mentions %(words)s.") % {
                        "title": activity.title, "words": ", ".join(shared_words)})
    # Published programs of the portfolio: a ministry that offers a matching program is a likely provider.
    programs = Program.objects.published().for_list().filter(Q(topics__in=topic_ids) | Q(topics__parent__in=topic_ids)
                                                             ) if topic_ids else Program.objects.none()
    candidates = {program.pk: program for program in programs.distinct()}
    if need_words:
        for program in Program.objects.published().for_list().exclude(pk__in=candidates):
            if need_words & _words(f"{program.name} {program.summary}"):
                candidates[program.pk] = program
    for program in candidates.values():
        institution = program.ministry
        if institution.pk in exclude_ids:
            continue
        shared_topics = [t for t in program.topic_list if t.pk in topic_ids or t.parent_id in topic_ids]
        shared_words = sorted(need_words & _words(f"{program.name} {program.summary}"))
        institutions[institution.pk] = institution
        scores[institution.pk] += 3 * (2 * len(shared_topics) + len(shared_words))
        if shared_topics:
            reasons[institution.pk].append(_("Offers the program “%(name)s” on %(topics)s.") % {
                "name": program.name, "topics": ", ".join(t.name for t in shared_topics)})
        else:
            reasons[institution.pk].append(_("Offers the program “%(name)s”, which mentions %(words)s.") % {
                "name": program.name, "words": ", ".join(shared_words)})
    ranked = sorted(scores, key=lambda pk: (-scores[pk], institutions[pk].name))[:limit]
    return [Suggestion(institutions[pk], scores[pk], reasons[pk]) for pk in ranked]
