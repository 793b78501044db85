"""Files that must not be public by address: library documents, conference documents and uploads,
cooperation call guidelines.

They live outside MEDIA_ROOT (``RIAL_PRIVATE_MEDIA_ROOT``, by default ``private-media`` beside it) and have
no URL: each app serves them through a view that checks permission, so a draft cannot be reached by
guessing a /media/ address. Each app writes under its own folder.
"""

from pathlib import Path, PurePath

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse, Http404
from django.utils.functional import cached_property


class PrivateStorage(FileSystemStorage):
    @cached_property
    def base_location(self):
        default = getattr(settings, "RIAL_PRIVATE_MEDIA_ROOT", Path(settings.MEDIA_ROOT).parent / "private-media")
        return self._value_or_setting(self._location, default)

    @cached_property
    def base_url(self):
        return None


private_storage = PrivateStorage()


def move_files(names, source, target) -> None:
    """Move stored files (same names) between storages: for migrations that make a public FileField private,
    so files uploaded earlier leave public media. A missing file, or one already moved, is skipped."""
    for name in names:
        if name and source.exists(name) and not target.exists(name):
            with source.open(name, "rb") as handle:
                target.save(name, handle)
            source.delete(name)


def file_response(field_file, filename: str = "") -> FileResponse:
    """The stored file as a download, once the view has checked permission; 404 when there is no file or
    it is missing from storage (a lost file is "not found", not a server error)."""
    if not field_file:
        raise Http404
    try:
        handle = field_file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(handle, as_attachment=True, filename=filename or PurePath(field_file.name).name)
