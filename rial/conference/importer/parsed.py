"""What the plan parser returns: typed records, with the fixed JSON shape of ``import_plan --json``.

The upload page signs the parse between the preview and the save, so a ``ParsedPlan`` goes to a plain
dict and back (``to_dict`` / ``from_dict``) without losing anything.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# The keys of ``import_plan --json``, in their order.
PLAN_KEYS = ("kind", "title", "conference", "chair", "previous_chair", "next_chair", "working_groups",
             "network_actions", "deadlines", "warnings")

DRAFT = "draft"
ADOPTED = "adopted"


@dataclass
class ParseWarning:
    """Something the parser was unsure about. ``template`` is an English sentence with ``%(name)s``
    placeholders; it is also the message id of its translations, filled with ``params``."""

    template: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.template % self.params if self.params else self.template

    def __str__(self) -> str:
        return self.text

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | str) -> ParseWarning:
        """A warning from ``to_dict`` (a parameter may itself be a warning); a bare string is kept as it is."""
        if isinstance(data, str):
            return cls(data.replace("%", "%%"))
        params = {name: cls.from_dict(value) if isinstance(value, dict) else value
                  for name, value in (data.get("params") or {}).items()}
        return cls(data["template"], params)


@dataclass
class Activity:
    label: str | None = None
    text: str = ""
    items: list[str] = field(default_factory=list)


@dataclass
class Group:
    number: int
    title: str = ""
    chair: str | None = None  # a country's English name; None when not named or a placeholder
    vice_chairs: list[str | None] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)


@dataclass
class ConferenceInfo:
    number: str | None = None  # Roman numeral
    city: str | None = None
    year: int | None = None


@dataclass
class Deadline:
    text: str
    date: str | None = None  # "YYYY-MM", "YYYY" or None (tied to an event)


@dataclass
class DocumentCodes:
    code: str = ""
    cidi_code: str = ""
    revision: int = 0


@dataclass
class ParsedPlan:
    title: str
    language: str = "en"
    status: str = ADOPTED  # what the document states: a "Draft Plan of Action" is a draft
    conference: ConferenceInfo = field(default_factory=ConferenceInfo)
    chair: str | None = None
    previous_chair: str | None = None
    next_chair: str | None = None
    working_groups: list[Group] = field(default_factory=list)
    network_actions: list[str] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    codes: DocumentCodes = field(default_factory=DocumentCodes)
    kind: str = "plan_of_action"

    def as_json(self) -> dict[str, Any]:
        """Exactly the keys of ``import_plan --json``, warnings as English sentences."""
        data = self.to_dict()
        data["warnings"] = [warning.text for warning in self.warnings]
        return {key: data[key] for key in PLAN_KEYS}

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ParsedPlan:
        return cls(
            title=data["title"], language=data.get("language") or "en", status=data.get("status") or ADOPTED,
            conference=ConferenceInfo(**(data.get("conference") or {})),
            chair=data.get("chair"), previous_chair=data.get("previous_chair"), next_chair=data.get("next_chair"),
            working_groups=[
                Group(number=group["number"], title=group.get("title") or "", chair=group.get("chair"),
                      vice_chairs=list(group.get("vice_chairs") or []), topics=list(group.get("topics") or []),
                      activities=[Activity(**activity) for activity in group.get("activities") or []])
                for group in data.get("working_groups") or []
            ],
            network_actions=list(data.get("network_actions") or []),
            deadlines=[Deadline(**deadline) for deadline in data.get("deadlines") or []],
            warnings=[ParseWarning.from_dict(warning) for warning in data.get("warnings") or []],
            codes=DocumentCodes(**(data.get("codes") or {})),
            kind=data.get("kind") or "plan_of_action",
        )
