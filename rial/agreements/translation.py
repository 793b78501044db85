"""Content fields stored once per language; see rial/core/translation.py."""

from rial.agreements.models import Agreement
from rial.core.translation import translated

# The provisions note is read on every agreement page, so it is shown in the reader's language too.
translated(Agreement, ("title", "status_note", "provisions_source", "notes"))
