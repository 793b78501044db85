"""Content fields stored once per language; see rial/core/translation.py."""

from rial.conference.models import Conference, ConferenceDocument, Mandate, WorkingGroup
from rial.core.translation import translated

translated(Conference, ("theme", "notes"))
translated(ConferenceDocument, ("title",))
translated(WorkingGroup, ("title", "priority_topics"))
translated(Mandate, ("text",), m2m_fields=("responsible_institutions", "topics"))
