"""Content fields stored once per language; see rial/core/translation.py."""

from rial.core.translation import translated
from rial.forums.models import Forum

translated(Forum, ("title", "description"))
