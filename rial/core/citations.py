"""What a reader may see of a record's ``source``: the citations they can follow.

Reference data keeps, beside each fact, where the project found it; part of that is for the maintainers
only (the file of the project's research it came from, "seed 003" for a document kept privately,
"research notes"). Public pages show the rest: addresses, document codes, titles of published reports.
"""

import re

# "shared/data iacml_conferences.csv: " — the research file a row was copied from.
_RESEARCH_FILE = re.compile(r"\bshared/[^:;]*:\s*")
# "seed 003", "(seed 003)" — a privately kept document, not something a reader can open.
_SEED_IN_BRACKETS = re.compile(r"\s*\(seed \d+[^)]*\)", re.IGNORECASE)
_INTERNAL_PART = re.compile(r"^(seed \d+\b.*|research notes?\b.*)$", re.IGNORECASE)


def public_citation(source: str | None) -> str:
    """``source`` without the maintainers' notes; empty when nothing a reader can follow is left."""
    if not source:
        return ""
    text = _SEED_IN_BRACKETS.sub("", _RESEARCH_FILE.sub("", source))
    parts = [part.strip() for part in text.split(";")]
    return "; ".join(part for part in parts if part and not _INTERNAL_PART.match(part))
