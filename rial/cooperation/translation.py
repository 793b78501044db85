"""Content fields stored once per language; see rial/core/translation.py.

The historic calls and activities of the reference data carry their notes and titles in the four languages
(data/calls.csv, data/activities.csv); a call or activity written on the platform has them in the language
it was written in, shown in the others until someone translates it.
"""

from rial.cooperation.models import Activity, Call
from rial.core.translation import translated

translated(Call, ("notes",), m2m_fields=("authority_evaluators",))
translated(Activity, ("title", "notes"))
