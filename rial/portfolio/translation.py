"""Content fields stored once per language; see rial/core/translation.py."""

from rial.core.translation import translated
from rial.portfolio.models import SORT_FIELDS, Collection, Program, TargetPopulation

translated(TargetPopulation, ("name",))
translated(Collection, ("name", "description"))
translated(Program, ("name", "summary", "objectives", "results", "legal_basis", "funding"),
           m2m_fields=("topics", "populations"), history_excluded=SORT_FIELDS)
