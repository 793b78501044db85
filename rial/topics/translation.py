from rial.core.translation import translated
from rial.topics.models import Topic

translated(Topic, ("name",))
