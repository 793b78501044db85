"""Content fields stored once per language; see rial/core/translation.py."""

from rial.core.translation import translated
from rial.meetings.models import Meeting

# The objectives, agenda and funding note are what a visitor reads about a meeting or event: in each language
# too (the text written before migration 0008 is the English one, shown in the others until translated).
translated(Meeting, ("title", "notes", "objectives", "agenda", "funding_note"))
