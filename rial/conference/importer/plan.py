"""Parse the text of an IACML Plan of Action (English or Spanish) into a JSON-able dict.

A plan names the conference and its troika (the chair pro tempore, the previous and the future chair),
then has a section per Working Group with its topics (a bullet list after "the following topics") and
its activities (labelled "a.", "b)" ..., sometimes with sub-bullets), a paragraph naming each group's
chair and vice-chairs, and a section on the Inter-American Network for Labor Administration (RIAL).
The parser reads the document as blocks (see ``text.split_blocks``) and walks them once.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_noop

from rial.conference.importer.countries import CountryNames, alias_key
from rial.conference.importer.errors import NotAPlanOfAction
from rial.conference.importer.parsed import (
    ADOPTED,
    DRAFT,
    Activity,
    ConferenceInfo,
    Deadline,
    Group,
    ParsedPlan,
    ParseWarning,
)
from rial.conference.importer.text import (
    MONTH,
    MONTH_NUMBERS,
    SPACES_RE,
    Block,
    clean_lines,
    is_upper_text,
    split_blocks,
)
from rial.conference.importer.vocabulary import LANGUAGES, ROMAN, words

# --- Patterns -------------------------------------------------------------------------------------------
#
# Built from the word tables of every language (``vocabulary.py``); ``words("chair")`` is the alternation
# of every language's words for the role.

# The title line: "PLAN OF ACTION OF PORT OF SPAIN 2007", "DRAFT PLAN OF ACTION OF CANCÚN", "PLAN DE
# ACCIÓN DE ...". It must start the line: the words inside a sentence do not make a plan.
PLAN_TITLE_RE = re.compile(rf"^(?:{words('draft')}\s+)?{words('plan_of_action')}(?!\w)", re.I)
DRAFT_TITLE_RE = re.compile(rf"^\s*{words('draft')}\s", re.I)
# The city in the title, before an optional year: "... OF PORT OF SPAIN 2007" -> "PORT OF SPAIN".
TITLE_CITY_RE = re.compile(
    rf"{words('plan_of_action')}\s*{words('title_of')}\s*(?P<city>.+?)(?:\s+\d{{4}})?\s*$", re.I
)
TITLE_MAX_LENGTH = 150

GROUP_SHORT = "(?-i:" + words("group_abbreviation") + ")"
# A Working Group heading: "WORKING GROUP 1: TITLE", "Working Group 2 (WG2): Title", "GRUPO DE TRABAJO 1:".
# The title may be empty when it is typed on the next line.
WG_HEADING_RE = re.compile(
    rf"^(?:[A-Z]\.\s*)?{words('working_group')}\s+(?P<number>\d+)\s*"
    rf"(?:\(\s*{GROUP_SHORT}\s*\d+\s*\))?\s*(?:[:–—-]\s*(?P<title>.*))?$",
    re.I,
)
# Any mention of a numbered Working Group, used to find whose authorities a sentence names.
WG_MENTION_RE = re.compile(
    rf"{words('working_group')}\s+(?P<number>\d+)|\b{GROUP_SHORT}(?P<short>\d)\b", re.I
)
# The RIAL section heading and mentions of the network.
NETWORK_RE = re.compile(rf"{words('network')}|\bRIAL\b", re.I)

# What a list introduces: "the following (priority) topics:", "las siguientes actividades:".
FOLLOWING_RE = re.compile(rf"(?P<topics>{words('topics_intro')})|(?P<activities>{words('activities_intro')})", re.I)
TOPIC_WORD_RE = re.compile(words("topic_word"), re.I)
ACTIVITY_WORD_RE = re.compile(words("activity_word"), re.I)

# The troika. The chair pro tempore is named in brackets right after its title, the previous and future
# chairs in brackets after theirs, or together: "the previous and future Chairs (Colombia and *****)".
PRO_TEMPORE_RE = re.compile(rf"{words('chair_pro_tempore')}\b[^()]{{0,80}}?\((?P<names>[^)]*)\)", re.I)
PREVIOUS_AND_NEXT_RE = re.compile(rf"{words('previous_and_next_chairs')}\s*\((?P<names>[^)]*)\)", re.I)
PREVIOUS_RE = re.compile(rf"{words('previous_chair')}\s*\((?P<names>[^)]*)\)", re.I)
NEXT_RE = re.compile(rf"{words('next_chair')}\s*\((?P<names>[^)]*)\)", re.I)

# Working Group authorities, three ways of writing them:
# "Ministers of Labor of Brazil (Chair), the United States (Vice Chair), and Guyana (Vice Chair)";
ROLE_PAIR_RE = re.compile(
    rf"(?P<who>[^,;()]*?)\s*\((?P<role>{words('vice_chair')}|{words('chair')})\)", re.I
)
VICE_ROLE_RE = re.compile(rf"^{words('vice_chair')}$", re.I)
# "... will be chaired by Brazil, with the United States and Guyana as vice-chairs" (and in Spanish);
CHAIRED_BY_RE = re.compile(rf"{words('chaired_by')}\s+(?P<who>[^,;.]+)", re.I)
VICES_WITH_RE = re.compile(
    rf"\b{words('with_word')}\s+(?P<who>[^;.]+?)\s+{words('as_word')}\s+(?:{words('its')}\s+)?{words('vice_chair')}",
    re.I,
)
# "Chair: Brazil; Vice-chairs: the United States and Guyana" (and "Presidencia: ...; Vicepresidencias: ...").
CHAIR_COLON_RE = re.compile(rf"(?<![\w-]){words('chair')}\s*:\s*(?P<who>[^;.]+)", re.I)
VICES_COLON_RE = re.compile(rf"{words('vice_chair')}\s*:\s*(?P<who>[^;.]+)", re.I)
# Words around a name in an authority list: "Ministers of Labor of", "and the", "y".
AUTHORITY_FILLER_RE = re.compile(
    rf"^(?:.*?:\s*)?(?:{words('ministers_of_labor_of')}\s+)?(?:{words('and_word')}\s+)?(?:{words('articles')}\s+)?",
    re.I,
)

# Where a chair not yet chosen is written as a placeholder: "COUNTRY", "***", "*****", "PAÍS", "[...]".
PLACEHOLDER_RE = re.compile(rf"\*{{3,}}|_{{3,}}|\b{words('placeholder')}\b|\[[^\]]*\]|\bX{{3,}}\b|\.{{3,}}|…")

# The conference number, in Roman numerals before the conference's name ("XV Inter-American Conference",
# "XXI IACML", "XV CIMT"). The numeral itself must be upper-case, hence the scoped (?-i:...).
CONFERENCE_RE = re.compile(rf"\b(?P<roman>{ROMAN})\s+{words('conference_name')}", re.I)
# The opening paragraph, "We, the Ministers ..." / "Nosotros, los Ministros ...", which gives place and year.
INTRO_RE = re.compile(rf"^{words('we_the_ministers')}", re.I)
YEAR_RE = re.compile(r"\b(?:19|20)\d{2}\b")
SMALL_WORDS = {word for vocabulary in LANGUAGES for word in vocabulary.small_words}
_SMALL = "(?:" + "|".join(sorted(SMALL_WORDS, key=len, reverse=True)) + ")"
# Where the ministers met: "gathered in the city of Mexico City", "meeting in Port-of-Spain", "reunidos en".
# Capitalised words joined by spaces or small words make up the city; case matters, so no re.I.
MEETING_PLACE_RE = re.compile(
    rf"{words('met_in')}\s+(?:{words('city_of')}\s+)?"
    rf"(?P<city>[A-ZÀ-Þ][\w'’.-]*(?:\s+(?:{_SMALL}\s+)?[A-ZÀ-Þ][\w'’.-]*)*)"
)

# Deadlines with a calendar date: "by February 2008", "no later than March 2016", "before the end of 2016",
# "a más tardar en marzo de 2016", "antes de febrero de 2008". An optional day is read and not kept.
_DATE_OF = words("date_of")
DATED_DEADLINE_RE = re.compile(
    rf"\b{words('by')}\s+"
    rf"(?:(?:\d{{1,2}}\s+(?:{_DATE_OF}\s+)?)?(?P<month>{MONTH})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?,?\s+(?:{_DATE_OF}\s+)?)?"
    r"(?P<year>(?:19|20)\d{2})\b",
    re.I,
)
# Deadlines tied to an event, not a date: "at least twice before the next conference", "before the XVI
# IACML", "al menos dos veces antes de la próxima Conferencia".
EVENT_DEADLINE_RE = re.compile(words("before_next_conference"), re.I)
# List joiners left at the end of an item: "...; and", "..., and", "...; y".
TRAILING_JOINER_RE = re.compile(rf"(?:[;,]?\s*\b{words('and_word')}\b)?[\s;,]*$", re.I)


# --- Output pieces ----------------------------------------------------------------------------------------


@dataclass
class Name:
    """A country as written in an authority slot: its canonical name, or the placeholder in its place."""

    canonical: str | None = None
    placeholder: str | None = None
    written: str = ""


@dataclass
class WorkingGroup:
    number: int
    title: str
    topics: list[str] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    chair: Name | None = None
    vice_chairs: list[Name] = field(default_factory=list)

    def parsed(self) -> Group:
        return Group(number=self.number, title=self.title, chair=self.chair.canonical if self.chair else None,
                     vice_chairs=[vice.canonical for vice in self.vice_chairs], topics=self.topics,
                     activities=self.activities)


@dataclass
class _ListContext:
    """What the list under the current paragraph holds: "topics", "activities", or unknown (None)."""

    intro: str | None = None
    activity: Activity | None = None


# --- Entry points -----------------------------------------------------------------------------------------


def parse_plan(text: str, countries: CountryNames) -> ParsedPlan:
    """The structure of a Plan of Action; raises ``NotAPlanOfAction`` for any other text."""
    lines = clean_lines(text)
    title = find_title(lines)
    if title is None:
        raise NotAPlanOfAction(
            "This document does not look like a Plan of Action: it has no title line "
            "starting with 'Plan of Action' or 'Plan de Acción'."
        )
    blocks = split_blocks(lines, is_heading_start=lambda line: bool(WG_HEADING_RE.match(line)))
    warnings: list[ParseWarning] = []
    groups = parse_working_groups(blocks, warnings)
    if not groups:
        raise NotAPlanOfAction(
            "This document does not look like a Plan of Action: it has no Working Group sections."
        )
    body = "\n".join(block.full_text for block in blocks)
    shouted = [group for group in groups.values() if is_upper_text(group.title)]
    if shouted:
        running_text = " ".join(block.text for block in blocks if not is_upper_text(block.text))
        for group in shouted:
            group.title = restore_case(group.title, running_text)
    read_authorities(blocks, groups, countries, warnings)
    troika = read_troika(blocks, countries, warnings)
    return ParsedPlan(
        title=title,
        language=detect_language(body),
        status=DRAFT if DRAFT_TITLE_RE.match(title) else ADOPTED,
        conference=read_conference(blocks, title, warnings),
        chair=troika["chair"],
        previous_chair=troika["previous_chair"],
        next_chair=troika["next_chair"],
        working_groups=[group.parsed() for group in sorted(groups.values(), key=lambda g: g.number)],
        network_actions=read_network_actions(blocks, groups, warnings),
        deadlines=find_deadlines(body),
        warnings=warnings,
    )


def find_title(lines: list[str]) -> str | None:
    """The first short line that starts with "Plan of Action" / "Plan de Acción" (or their drafts)."""
    for line in lines:
        if line and len(line) <= TITLE_MAX_LENGTH and PLAN_TITLE_RE.match(line):
            return SPACES_RE.sub(" ", line).strip()
    return None


def detect_language(text: str) -> str:
    """The code of the language whose function words the text uses most (English on a tie)."""
    counts = Counter(re.findall(r"[^\W\d_]+", text.lower()))
    scores = {vocabulary.code: sum(counts[word] for word in vocabulary.function_words) for vocabulary in LANGUAGES}
    return max(scores, key=lambda code: scores[code])


# --- Working groups ---------------------------------------------------------------------------------------


def heading_of(block: Block) -> tuple[str, Any]:
    """("wg", (number, title)), ("section", text) or ("", None) for a block that is not a heading."""
    if block.kind in ("item", "bullet", "number"):
        return "", None
    match = WG_HEADING_RE.match(block.text)
    if match and not _names_authorities(block.text):
        return "wg", (int(match.group("number")), _tidy_title(match.group("title") or ""))
    if block.kind == "section" and (
        is_upper_text(block.text) or len(block.text) < 150 and not block.text.endswith(".")
    ):
        return "section", block.text
    if block.kind == "plain" and is_upper_text(block.text) and len(block.text) < 300:
        return "section", block.text
    return "", None


def _names_authorities(text: str) -> bool:
    return bool(ROLE_PAIR_RE.search(text) or CHAIRED_BY_RE.search(text) or CHAIR_COLON_RE.search(text))


# Punctuation around a word that is not part of how it is spelled.
EDGE_PUNCTUATION = ".,;:!?\"'“”‘’«»()[]"


def restore_case(heading: str, running_text: str) -> str:
    """A heading typed in capitals, written as a sentence with each word cased as the plan's running text
    cases it: "COVID-19", "RIAL" and "Americas" keep their capitals, "AND" becomes "and". A word the text
    never uses is lower-cased unless it holds a digit (a code such as "COVID-19" or "2030")."""
    tokens = SPACES_RE.sub(" ", heading).strip().split(" ")
    cores = [token.strip(EDGE_PUNCTUATION) for token in tokens]
    forms = _forms_in(running_text, {core.lower() for core in cores if core})
    cased = []
    for token, core in zip(tokens, cores, strict=True):
        seen = forms.get(core.lower())
        if seen and core.lower() in seen:
            word = core.lower()
        elif seen:
            # Seen only capitalised: a name, unless every use opens a sentence (then it is lower-cased too).
            word = seen.most_common(1)[0][0]
            if word[:1].isupper() and word[1:].islower() and not _used_mid_sentence(word, running_text):
                word = core.lower()
        elif any(char.isdigit() for char in core):
            word = core
        else:
            word = core.lower()
        start = token.find(core) if core else len(token)
        cased.append(token[:start] + word + token[start + len(core):])
    text = " ".join(cased)
    return text[:1].upper() + text[1:]


def _forms_in(running_text: str, wanted: set[str]) -> dict[str, Counter[str]]:
    """How the running text spells each wanted word (lower-cased key → spellings counted)."""
    cores = [token.strip(EDGE_PUNCTUATION) for token in running_text.split()]
    forms: dict[str, Counter[str]] = {}
    for index, core in enumerate(cores):
        key = core.lower()
        if key not in wanted:
            continue
        # A word in capitals beside another in capitals is emphasis ("DECENT WORK"), not how it is spelled.
        beside = cores[index - 1:index] + cores[index + 1:index + 2]
        if _shouted(core) and any(_shouted(word) for word in beside):
            continue
        forms.setdefault(key, Counter())[core] += 1
    return forms


def _shouted(word: str) -> bool:
    return word.isupper() and sum(char.isalpha() for char in word) >= 2


def _used_mid_sentence(word: str, running_text: str) -> bool:
    """True when ``word`` appears capitalised after a word that does not end a sentence."""
    return bool(re.search(rf"[\w,;:)]\s+{re.escape(word)}\b", running_text))


def _tidy_title(title: str) -> str:
    return SPACES_RE.sub(" ", title).strip().rstrip(".").strip()


def parse_working_groups(blocks: list[Block], warnings: list[ParseWarning]) -> dict[int, WorkingGroup]:
    """Topics and activities of each Working Group section, in document order."""
    groups: dict[int, WorkingGroup] = {}
    current: WorkingGroup | None = None
    context = _ListContext()
    for block in blocks:
        kind, value = heading_of(block)
        if kind == "wg":
            number, title = value
            current = groups.setdefault(number, WorkingGroup(number, title))
            context = _ListContext()
        elif kind == "section":
            current = None
        elif current is not None:
            _add_to_group(current, block, context, warnings)
    for group in groups.values():
        _warn_about_group(group, warnings)
    return groups


def _add_to_group(group: WorkingGroup, block: Block, context: _ListContext, warnings: list[ParseWarning]) -> None:
    """Place one block of a Working Group section: an introducing paragraph, a topic, activity or item."""
    if block.kind in ("number", "plain", "section"):
        context.intro = list_intro(block.text)
        context.activity = None
    elif block.kind == "item":
        if context.intro == "topics":
            group.topics.append(tidy_topic(block.text))
        else:
            context.activity = Activity(label=block.label, text=block.text)
            group.activities.append(context.activity)
    elif context.activity is not None:
        context.activity.items.append(tidy_item(block.text))
    elif context.intro == "activities":
        group.activities.append(Activity(text=block.text))
    else:
        if context.intro is None:
            warnings.append(ParseWarning(
                gettext_noop("A list in Working Group %(group)s follows a paragraph that names neither topics "
                "nor activities; its item '%(item)s' was read as a topic."),
                {"group": group.number, "item": _short(block.text)}))
        group.topics.append(tidy_topic(block.text))


def list_intro(text: str) -> str | None:
    """What a paragraph introduces: "topics", "activities", or None when it introduces no list."""
    match = FOLLOWING_RE.search(text)
    if match:
        return "topics" if match.group("topics") else "activities"
    if TOPIC_WORD_RE.search(text) and text.rstrip().endswith(":"):
        return "topics"
    if ACTIVITY_WORD_RE.search(text) or text.rstrip().endswith(":"):
        return "activities"
    return None


def tidy_item(text: str) -> str:
    """A list item without the joiners that tie it to the next one ("; and")."""
    return TRAILING_JOINER_RE.sub("", text).strip()


def tidy_topic(text: str) -> str:
    """A topic is a noun phrase: no joiners and no final full stop."""
    return tidy_item(text).rstrip(".").strip()


def _short(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _warn_about_group(group: WorkingGroup, warnings: list[ParseWarning]) -> None:
    if not group.activities:
        warnings.append(ParseWarning(gettext_noop("Working Group %(group)s has no activities listed."), {"group": group.number}))
    labels = [activity.label for activity in group.activities if activity.label]
    # A list starts again when its first label ("a", "i", "1") comes back later.
    restarts = labels[1:].count(labels[0]) if labels else 0
    if restarts:
        # One sentence per count form, so each can be translated whole.
        template = (
            gettext_noop("The activity labels of Working Group %(group)s start again %(count)s time (for example a second "
            "'a.'); the activities are kept in document order.") if restarts == 1 else
            gettext_noop("The activity labels of Working Group %(group)s start again %(count)s times (for example a second "
            "'a.'); the activities are kept in document order.")
        )
        warnings.append(ParseWarning(template, {"group": group.number, "count": restarts}))


# --- Authorities ------------------------------------------------------------------------------------------


def names_in(fragment: str, countries: CountryNames) -> list[Name]:
    """The countries and placeholders written in ``fragment``, in order."""
    found = [(country.start, Name(canonical=country.canonical, written=fragment[country.start : country.end]))
             for country in countries.find_all(fragment)]  # fmt: skip
    found += [(match.start(), Name(placeholder=match.group(0), written=match.group(0)))
              for match in PLACEHOLDER_RE.finditer(fragment)]  # fmt: skip
    return [name for _, name in sorted(found, key=lambda pair: pair[0])]


def _one_name(fragment: str, countries: CountryNames) -> Name:
    """The name in a slot for one country; an unknown name is kept as written so it can be reported."""
    names = names_in(fragment, countries)
    if names:
        return names[-1]
    return Name(written=AUTHORITY_FILLER_RE.sub("", fragment).strip(" ,.;:"))


def read_authorities(
    blocks: list[Block], groups: dict[int, WorkingGroup], countries: CountryNames, warnings: list[ParseWarning]
) -> None:
    """Find each group's chair and vice-chairs wherever the plan states them."""
    for block in blocks:
        for number, segment in _segments_by_group(block.text):
            chair, vices = _authorities_in(segment, countries)
            if chair is None and not vices:
                continue
            group = groups.get(number)
            if group is None:
                warnings.append(ParseWarning(
                    gettext_noop("The plan names authorities for Working Group %(group)s, which has no section."),
                    {"group": number}))
                continue
            group.chair, group.vice_chairs = chair, vices
    for group in groups.values():
        _warn_about_authorities(group, warnings)


def _segments_by_group(text: str) -> list[tuple[int, str]]:
    """Split a paragraph at each "Working Group N" so each part talks about one group."""
    mentions = list(WG_MENTION_RE.finditer(text))
    segments = []
    for index, mention in enumerate(mentions):
        end = mentions[index + 1].start() if index + 1 < len(mentions) else len(text)
        number = int(mention.group("number") or mention.group("short"))
        segments.append((number, text[mention.end() : end]))
    return segments


def _authorities_in(segment: str, countries: CountryNames) -> tuple[Name | None, list[Name]]:
    pairs = list(ROLE_PAIR_RE.finditer(segment))
    if pairs:
        chair, vices = None, []
        for pair in pairs:
            name = _one_name(pair.group("who"), countries)
            if VICE_ROLE_RE.match(pair.group("role")):
                vices.append(name)
            else:
                chair = name
        return chair, vices
    chaired = CHAIRED_BY_RE.search(segment) or CHAIR_COLON_RE.search(segment)
    vices_match = VICES_WITH_RE.search(segment) or VICES_COLON_RE.search(segment)
    chair = _one_name(chaired.group("who"), countries) if chaired else None
    vices = names_in(vices_match.group("who"), countries) if vices_match else []
    return chair, vices


def _warn_about_authorities(group: WorkingGroup, warnings: list[ParseWarning]) -> None:
    if group.chair is None:
        warnings.append(ParseWarning(gettext_noop("The plan does not name the chair of Working Group %(group)s."),
                                     {"group": group.number}))
    else:
        _check_name(group.chair, gettext_noop("The chair of Working Group %(group)s"), {"group": group.number}, warnings)
    for index, vice in enumerate(group.vice_chairs, start=1):
        _check_name(vice, gettext_noop("Vice-chair %(index)s of Working Group %(group)s"), {"group": group.number, "index": index},
                    warnings)


# The sentences about a role, each written whole for every role so that it translates as one sentence.
NOT_NAMED_YET = gettext_noop("%(role)s is not named yet (placeholder '%(placeholder)s').")
NOT_A_COUNTRY = gettext_noop("%(role)s is given as '%(written)s', which is not a known country; it was left empty.")


def _check_name(name: Name, role: str, role_params: dict[str, Any], warnings: list[ParseWarning]) -> None:
    """Warn about a placeholder or an unknown country in a role; both leave the role empty (null).

    ``role`` is itself a template (``"The chair of Working Group %(group)s"``): the warning's ``role``
    parameter is a nested warning, translated before it is put in the sentence.
    """
    role_warning = ParseWarning(role, role_params)
    if name.placeholder:
        warnings.append(ParseWarning(NOT_NAMED_YET, {"role": role_warning, "placeholder": name.placeholder}))
    elif name.canonical is None:
        warnings.append(ParseWarning(NOT_A_COUNTRY, {"role": role_warning, "written": name.written}))


# --- Troika and conference --------------------------------------------------------------------------------


def read_troika(
    blocks: list[Block], countries: CountryNames, warnings: list[ParseWarning]
) -> dict[str, str | None]:
    """The chair pro tempore and the previous and future chairs, from the organisation paragraph."""
    paragraph = next((block.text for block in blocks if PRO_TEMPORE_RE.search(block.text)), "")
    roles: dict[str, Name | None] = {"chair": None, "previous_chair": None, "next_chair": None}
    match = PRO_TEMPORE_RE.search(paragraph)
    if match:
        roles["chair"] = _one_name(match.group("names"), countries)
    both = PREVIOUS_AND_NEXT_RE.search(paragraph)
    if both:
        names = names_in(both.group("names"), countries)
        roles["previous_chair"] = names[0] if names else None
        roles["next_chair"] = names[1] if len(names) > 1 else None
    for role, regex in (("previous_chair", PREVIOUS_RE), ("next_chair", NEXT_RE)):
        single = regex.search(paragraph)
        if single and roles[role] is None:
            roles[role] = _one_name(single.group("names"), countries)
    unnamed = {
        "chair": gettext_noop("The plan does not name the chair pro tempore."),
        "previous_chair": gettext_noop("The plan does not name the previous chair."),
        "next_chair": gettext_noop("The plan does not name the future chair."),
    }
    described = {"chair": gettext_noop("The chair pro tempore"), "previous_chair": gettext_noop("The previous chair"),
                 "next_chair": gettext_noop("The future chair")}
    result: dict[str, str | None] = {}
    for role, name in roles.items():
        if name is None:
            warnings.append(ParseWarning(unnamed[role]))
        else:
            _check_name(name, described[role], {}, warnings)
        result[role] = name.canonical if name else None
    return result


def read_conference(blocks: list[Block], title: str, warnings: list[ParseWarning]) -> ConferenceInfo:
    """Number (Roman), city and year of the conference that adopts the plan."""
    intro = next((block.text for block in blocks if INTRO_RE.match(block.text)), "")
    body = "\n".join(block.text for block in blocks)
    number_match = CONFERENCE_RE.search(intro) or CONFERENCE_RE.search(body)
    year_match = YEAR_RE.search(intro) or YEAR_RE.search(title) or YEAR_RE.search(body)
    city = _conference_city(intro, title)
    conference = ConferenceInfo(
        number=number_match.group("roman") if number_match else None,
        city=city,
        year=int(year_match.group(0)) if year_match else None,
    )
    missing = {"number": gettext_noop("The conference number could not be found in the plan."),
               "city": gettext_noop("The conference city could not be found in the plan."),
               "year": gettext_noop("The conference year could not be found in the plan.")}
    for key, sentence in missing.items():
        if getattr(conference, key) is None:
            warnings.append(ParseWarning(sentence))
    return conference


def _conference_city(intro: str, title: str) -> str | None:
    """Where the ministers met; the title's city when the text only says "gathered virtually"."""
    title_match = TITLE_CITY_RE.search(title)
    title_city = _title_case(title_match.group("city")) if title_match else None
    meeting = MEETING_PLACE_RE.search(intro)
    if meeting is None:
        return title_city
    city = meeting.group("city").rstrip(".")
    if city.endswith("D.C"):
        city += "."
    # "Port-of-Spain" in the text and "PORT OF SPAIN" in the title: keep the spaced spelling.
    if title_city and alias_key(city) == alias_key(title_city):
        return city.replace("-", " ")
    return city


def _title_case(text: str) -> str:
    words = SPACES_RE.sub(" ", text).strip().split(" ")
    cased = [
        word.lower() if index and word.lower() in SMALL_WORDS else word.capitalize()
        for index, word in enumerate(words)
    ]
    return " ".join(cased)


# --- RIAL -------------------------------------------------------------------------------------------------


def read_network_actions(
    blocks: list[Block], groups: dict[int, WorkingGroup], warnings: list[ParseWarning]
) -> list[str]:
    """The actions listed for the RIAL.

    Plans give the network its own section, where a paragraph such as "The RIAL will carry out the
    following activities:" introduces the list; those items are the actions. A section with no such
    list gives its numbered paragraphs instead. An early plan (Mexico 2005) has no section: there the
    Working Group activities about the network are taken, with a warning.
    """
    section = _network_section(blocks)
    if section is None:
        actions = [
            activity.text
            for group in groups.values()
            for activity in group.activities
            if NETWORK_RE.search(activity.text)
        ]
        warnings.append(ParseWarning(
            gettext_noop("The plan has no section on the Inter-American Network for Labor Administration (RIAL); "
            "%(count)s Working Group activity about the network taken as its actions.") if len(actions) == 1 else
            gettext_noop("The plan has no section on the Inter-American Network for Labor Administration (RIAL); "
            "%(count)s Working Group activities about the network taken as its actions."),
            {"count": len(actions)}))
        return actions
    listed = _listed_actions(section)
    if listed:
        return listed
    return [block.text for block in section if block.kind == "number"]


def _network_section(blocks: list[Block]) -> list[Block] | None:
    section: list[Block] | None = None
    for block in blocks:
        kind, value = heading_of(block)
        if kind == "section" and NETWORK_RE.search(value):
            section = []
        elif kind:
            if section is not None:
                return section
        elif section is not None:
            section.append(block)
    return section


def _listed_actions(section: list[Block]) -> list[str]:
    actions: list[str] = []
    collecting = False
    for block in section:
        if block.kind in ("number", "plain"):
            match = FOLLOWING_RE.search(block.text)
            collecting = bool(match and match.group("activities"))
        elif collecting and block.kind in ("item", "bullet"):
            actions.append(tidy_item(block.text))
    return actions


# --- Deadlines --------------------------------------------------------------------------------------------


def find_deadlines(text: str) -> list[Deadline]:
    """Every deadline phrase in ``text`` in order, with its date ("YYYY-MM", "YYYY" or None)."""
    text = SPACES_RE.sub(" ", text)
    found: list[tuple[int, int, Deadline]] = []
    for match in DATED_DEADLINE_RE.finditer(text):
        month = match.group("month")
        date = match.group("year")
        if month:
            date = f"{date}-{MONTH_NUMBERS[month.lower()]:02d}"
        found.append((match.start(), match.end(), Deadline(text=match.group(0), date=date)))
    for match in EVENT_DEADLINE_RE.finditer(text):
        if not any(start < match.end() and match.start() < end for start, end, _ in found):
            found.append((match.start(), match.end(), Deadline(text=match.group(0))))
    return [deadline for _, _, deadline in sorted(found, key=lambda item: item[0])]


# --- Kind of document -------------------------------------------------------------------------------------

# Headings of a Working Group report: its recommendations and its consensus section.
REPORT_RECOMMENDATIONS_RE = re.compile(rf"^(?:[IVX]+\.\s*)?{words('recommendations')}\b", re.I | re.M)
REPORT_CONSENSUS_RE = re.compile(rf"^(?:[IVX]+\.\s*)?{words('consensus')}\b", re.I | re.M)


def detect_kind(text: str) -> str | None:
    """The kind of document: plan_of_action, working_group_report, or None when it is neither."""
    lines = clean_lines(text)
    mentions_groups = bool(WG_MENTION_RE.search(text))
    if find_title(lines) is not None and mentions_groups:
        return "plan_of_action"
    joined = "\n".join(lines)
    if mentions_groups and REPORT_RECOMMENDATIONS_RE.search(joined) and REPORT_CONSENSUS_RE.search(joined):
        return "working_group_report"
    return None
