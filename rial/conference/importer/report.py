"""Parse the final report of an IACML Working Group into a JSON-able dict.

A report opens with an introduction (the topics the plan gave the group, its meetings with dates and
places, who attended), summarises the discussions, then lists the areas of consensus and the issues for
further work (often in one numbered section) and the group's recommendations for the next plan.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from rial.conference.importer.errors import NotAWorkingGroupReport
from rial.conference.importer.plan import TOPIC_WORD_RE, WG_MENTION_RE, find_title, tidy_item, tidy_topic
from rial.conference.importer.text import (
    MONTH_NUMBERS,
    SPACES_RE,
    Block,
    clean_lines,
    is_upper_text,
    split_blocks,
)
from rial.conference.importer.vocabulary import LANGUAGES, Vocabulary, month_names, words

# Section headings, recognised by their words ("III. AREAS OF CONSENSUS AND ISSUES FOR FURTHER WORK").
CONSENSUS_HEADING_RE = re.compile(words("consensus_heading"), re.I)
FURTHER_WORK_HEADING_RE = re.compile(words("further_work_heading"), re.I)
RECOMMENDATIONS_HEADING_RE = re.compile(rf"\b{words('recommendations')}\b", re.I)

# Wording that marks an item of a mixed consensus section as an issue for further work.
FURTHER_WORK_ITEM_RE = re.compile(words("further_work_item"), re.I)

# The period covered: "the biennium 2016-2017", "el bienio 2016-2017"; else any "2016-2017".
PERIOD_RE = re.compile(
    rf"{words('period_word')}\s+(?P<start>(?:19|20)\d{{2}})\s*[-–/]\s*(?P<end>(?:19|20)\d{{2}})",
    re.I,
)
YEAR_RANGE_RE = re.compile(r"\b(?P<start>(?:19|20)\d{2})\s*[-–]\s*(?P<end>(?:19|20)\d{2})\b")

MEETING_WORD_RE = re.compile(words("meeting_word"), re.I)
# Events that are not meetings of the group, cut off before looking for meeting dates.
OTHER_EVENT_RE = re.compile(words("other_event"), re.I)
# A place: capitalised words, possibly joined by small words ("Port of Spain", "San José", "Rio de Janeiro").
PLACE = r"[A-ZÀ-Þ][\w.'’-]*(?:\s+(?:(?:of|de|del|la|do|da|du|des)\s+)?[A-ZÀ-Þ][\w.'’-]*)*"


def _date_shape(vocabulary: Vocabulary, shape: str) -> str:
    return shape.format(day=r"(?P<day>\d{1,2})", month=rf"(?P<month>{month_names(vocabulary)})",
                        year=r"(?P<year>\d{4})")


def _meeting_date_patterns(vocabulary: Vocabulary) -> list[re.Pattern[str]]:
    """One language's two ways of naming a meeting: "June 29th, 2016 in Washington D.C" / "29 de junio de
    2016 en Washington", and "in Asuncion, Paraguay, on April 28, 2017" / "em Brasília, no dia 3 de maio de
    2040". The place keeps its capitals, so the second pattern is case-sensitive (as documents write months
    in Spanish, Portuguese and French: in lower case)."""
    in_place = "(?:" + "|".join(vocabulary.in_place) + ")"
    on_date = "(?:" + "|".join(vocabulary.on_date) + ")"
    patterns = []
    for shape in vocabulary.meeting_date:
        date = _date_shape(vocabulary, shape)
        # The place keeps its capitals even here: "en San José y otra" ends at "José".
        patterns.append(re.compile(rf"{date},?\s+{in_place}\s+(?P<place>(?-i:{PLACE}))", re.I))
        patterns.append(re.compile(
            rf"\b{in_place}\s+(?P<place>{PLACE})(?:,\s*[A-ZÀ-Þ][\w ]*)?,?\s+{on_date}\s+{date}"))
    return patterns


# Tried in order, language by language: the first pattern naming a date gives its place.
MEETING_DATE_PATTERNS = [pattern for vocabulary in LANGUAGES for pattern in _meeting_date_patterns(vocabulary)]

# The attendance sentence of the meetings: "The two meetings were attended by ...".
ATTENDED_RE = re.compile(words("attended_by"), re.I)
# An organisation's acronym in brackets after its name: "(ILO)", "(CEATAL)", "(ILO-CINTERFOR)".
ACRONYM_RE = re.compile(r"\((?P<acronym>[A-Z][A-Za-z-]*[A-Z])\)")
# Where one organisation ends and the next begins in an attendance list.
ORGANIZATION_SPLIT_RE = re.compile(rf",\s*|\)\s+{words('and_word')}\s+|\s+{words('such_as')}\s+")
# An organisation named without acronym: "the World Bank", "el Banco Mundial", "the OAS".
BARE_ORGANIZATION_RE = re.compile(
    r"^(?:(?:and|y|e)\s+)?(?:the|el|la|los|las)\s+(?P<name>[A-Z][\w'’-]*(?:\s+(?:of|for|on|de|del|para|[A-Z][\w'’-]*)){0,7})\.?$"
)


@dataclass
class _Sections:
    """The report's blocks sorted by the section they sit in."""

    intro: list[Block] = field(default_factory=list)
    consensus: list[Block] = field(default_factory=list)
    further_work: list[Block] = field(default_factory=list)
    mixed: list[Block] = field(default_factory=list)
    recommendations: list[Block] = field(default_factory=list)
    seen_headings: set[str] = field(default_factory=set)


def parse_report(text: str) -> dict[str, Any]:
    """The structure of a Working Group report (it names places, not chairs: no country list is needed);
    raises ``NotAWorkingGroupReport`` for any other text."""
    lines = clean_lines(text)
    _refuse_if_not_report(text, lines)
    sections = _split_sections(split_blocks(lines))
    warnings: list[str] = []
    intro_text = " ".join(block.text for block in sections.intro)
    consensus, issues = _consensus_and_issues(sections, warnings)
    result = {
        "kind": "working_group_report",
        "group": _group_number(text, warnings),
        "period": _period(intro_text or text, warnings),
        "meetings": _meetings(sections.intro, warnings),
        "organizations": _organizations(sections.intro),
        "consensus": consensus,
        "recommendations": _list_items(sections.recommendations),
        "issues_for_further_work": issues,
        "topics": _topics(sections.intro),
        "warnings": warnings,
    }
    if not result["recommendations"]:
        warnings.append("The report lists no recommendations.")
    return result


def _refuse_if_not_report(text: str, lines: list[str]) -> None:
    if find_title(lines) is not None:
        raise NotAWorkingGroupReport(
            "This document does not look like a Working Group report: it is titled as a Plan of Action."
        )
    if not WG_MENTION_RE.search(text):
        raise NotAWorkingGroupReport(
            "This document does not look like a Working Group report: it never names a Working Group."
        )
    headings = [line for line in lines if line and is_upper_text(line)]
    if not any(RECOMMENDATIONS_HEADING_RE.search(h) or CONSENSUS_HEADING_RE.search(h) for h in headings):
        raise NotAWorkingGroupReport(
            "This document does not look like a Working Group report: it has no section of "
            "recommendations or areas of consensus."
        )


def _split_sections(blocks: list[Block]) -> _Sections:
    sections = _Sections()
    target = sections.intro
    for block in blocks:
        if block.kind in ("section", "plain") and is_upper_text(block.text):
            target = _section_for(block.text, sections)
            continue
        target.append(block)
    return sections


def _section_for(heading: str, sections: _Sections) -> list[Block]:
    """Which list the blocks under ``heading`` go to; an unknown heading after the intro is ignored."""
    consensus = bool(CONSENSUS_HEADING_RE.search(heading))
    further = bool(FURTHER_WORK_HEADING_RE.search(heading))
    if RECOMMENDATIONS_HEADING_RE.search(heading):
        sections.seen_headings.add("recommendations")
        return sections.recommendations
    if consensus and further:
        sections.seen_headings.add("mixed")
        return sections.mixed
    if consensus:
        return sections.consensus
    if further:
        return sections.further_work
    # Introduction and summary sections: both describe the period, its meetings and attendance.
    return sections.intro if not sections.seen_headings else []


def _list_items(blocks: list[Block]) -> list[str]:
    """The numbered, lettered or bulleted items of a section, without the paragraph introducing them."""
    return [tidy_item(block.text) for block in blocks if block.kind in ("number", "item", "bullet")]


def _consensus_and_issues(sections: _Sections, warnings: list[str]) -> tuple[list[str], list[str]]:
    consensus = _list_items(sections.consensus)
    issues = _list_items(sections.further_work)
    mixed = _list_items(sections.mixed)
    moved = [item for item in mixed if FURTHER_WORK_ITEM_RE.search(item)]
    consensus += [item for item in mixed if not FURTHER_WORK_ITEM_RE.search(item)]
    issues += moved
    if mixed:
        warnings.append(
            "The report lists areas of consensus and issues for further work in one section; "
            f"{len(moved)} of its {len(mixed)} items were read as issues for further work from their "
            "wording (such as 'deserves more reflection'), the others as consensus."
        )
    return consensus, issues


def _group_number(text: str, warnings: list[str]) -> int | None:
    """The Working Group the report is about: the one it names most often."""
    numbers = Counter(int(m.group("number") or m.group("short")) for m in WG_MENTION_RE.finditer(text))
    if not numbers:
        warnings.append("The report does not say which Working Group it is about.")
        return None
    (number, _), *others = numbers.most_common()
    if others:
        warnings.append(
            f"The report names several Working Groups; it was read as the report of Working Group {number}."
        )
    return number


def _period(text: str, warnings: list[str]) -> str | None:
    match = PERIOD_RE.search(text) or YEAR_RANGE_RE.search(text)
    if match is None:
        warnings.append("The period the report covers could not be found.")
        return None
    return f"{match.group('start')}-{match.group('end')}"


def _meetings(intro: list[Block], warnings: list[str]) -> list[dict[str, str]]:
    """Dates and places of the group's meetings, from the introduction's sentence about them."""
    meetings: dict[str, dict[str, str]] = {}
    for block in intro:
        for match in _meeting_matches(block.text):
            date = _iso_date(match)
            meetings.setdefault(date, {"date": date, "place": _tidy_place(match.group("place"))})
    if not meetings:
        warnings.append("The dates and places of the group's meetings could not be found.")
    return sorted(meetings.values(), key=lambda meeting: meeting["date"])


def _meeting_matches(text: str) -> list[re.Match[str]]:
    word = MEETING_WORD_RE.search(text)
    if word is None:
        return []
    # Keep the text from the sentence that mentions the meetings up to the first other event.
    start = max(text.rfind(". ", 0, word.start()) + 1, 0)
    other = OTHER_EVENT_RE.search(text, word.end())
    region = text[start : other.start() if other else len(text)]
    return [match for pattern in MEETING_DATE_PATTERNS for match in pattern.finditer(region)]


def _iso_date(match: re.Match[str]) -> str:
    month, day, year = match.group("month"), match.group("day"), match.group("year")
    return f"{year}-{MONTH_NUMBERS[month.lower()]:02d}-{int(day):02d}"


def _tidy_place(place: str) -> str:
    place = SPACES_RE.sub(" ", place).strip().rstrip(".")
    # "Washington D.C" lost its final full stop to the comma after it.
    return place + "." if place.endswith("D.C") else place


def _organizations(intro: list[Block]) -> list[str]:
    """Organisations present at the meetings, by acronym where the report gives one."""
    sentence = next(
        (
            block.text
            for block in intro
            if ATTENDED_RE.search(block.text) and MEETING_WORD_RE.search(block.text)
        ),
        "",
    )
    match = ATTENDED_RE.search(sentence)
    if match is None:
        return []
    tail = sentence[match.end() :].split(". ")[0]
    found: list[str] = []
    for piece in ORGANIZATION_SPLIT_RE.split(tail):
        name = _organization_in(piece.strip())
        if name and name not in found:
            found.append(name)
    return found


def _organization_in(piece: str) -> str | None:
    # The split removed the ")" of a name followed by "and": put it back before looking for the acronym.
    acronyms = ACRONYM_RE.findall(piece + ")" if "(" in piece and not piece.endswith(")") else piece)
    if acronyms:
        return acronyms[-1]
    bare = BARE_ORGANIZATION_RE.match(piece)
    return bare.group("name") if bare else None


def _topics(intro: list[Block]) -> list[str]:
    """The bullet list the introduction gives as the group's topics."""
    topics: list[str] = []
    collecting = False
    for block in intro:
        if block.kind in ("bullet", "item") and collecting:
            topics.append(tidy_topic(block.text))
        elif block.kind not in ("bullet", "item"):
            if topics:
                break
            collecting = bool(TOPIC_WORD_RE.search(block.text) and block.text.rstrip().endswith(":"))
    return topics
