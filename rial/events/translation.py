"""Content fields stored once per language; see rial/core/translation.py.

Whom an event is for and what it achieved are read by visitors of every language; the text written before
migration 0002 is the English one, shown in the others until translated.
"""

from rial.core.translation import translated
from rial.events.models import Event

translated(Event, ("target_participants", "results", "lessons_learned"))
