"""Content fields stored once per language; see rial/core/translation.py."""

from rial.conference.models import Conference, WorkingGroup
from rial.core.translation import translated

translated(Conference, ("theme",))
translated(WorkingGroup, ("title",))
