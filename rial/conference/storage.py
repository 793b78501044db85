"""Conference documents' files live outside MEDIA_ROOT, like the library's: a draft must not be reachable by
guessing a /media/ URL. They are served by ``views.document_file``, which checks permission."""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import cached_property


class PrivateStorage(FileSystemStorage):
    # Same root as rial.library.models.PrivateStorage (that module imports this app, so it cannot be shared
    # without a cycle); the two apps write under their own folders.
    @cached_property
    def base_location(self):
        default = getattr(settings, "RIAL_PRIVATE_MEDIA_ROOT", Path(settings.MEDIA_ROOT).parent / "private-media")
        return self._value_or_setting(self._location, default)

    @cached_property
    def base_url(self):
        return None


private_storage = PrivateStorage()
