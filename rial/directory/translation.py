"""Content fields stored once per language; see rial/core/translation.py."""

from rial.core.translation import translated
from rial.directory.models import Country, Institution

translated(Country, ("name", "status_note"))
translated(Institution, ("name", "acronym"))
