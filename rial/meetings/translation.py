"""Content fields stored once per language; see rial/core/translation.py."""

from rial.core.translation import translated
from rial.meetings.models import Meeting

translated(Meeting, ("title", "notes"))
