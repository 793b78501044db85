"""Content fields stored once per language; see rial/core/translation.py."""

from rial.agreements.models import Agreement
from rial.core.translation import translated

translated(Agreement, ("title", "status_note", "notes"))
