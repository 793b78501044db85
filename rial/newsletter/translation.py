"""Content fields stored once per language; see rial/core/translation.py."""

from rial.core.translation import translated
from rial.newsletter.models import Issue, IssueItem

translated(Issue, ("title", "introduction"))
translated(IssueItem, ("title", "summary", "link"))
