"""Content fields stored once per language; see rial/core/translation.py."""

from rial.core.translation import translated
from rial.library.models import Document

translated(Document, ("title", "summary"))
