"""Form widgets every app shares."""

from dataclasses import dataclass

from django import forms


@dataclass
class _LinkedFile:
    name: str
    url: str

    def __str__(self) -> str:
        return self.name


class PrivateFileInput(forms.ClearableFileInput):
    """The clearable file input for a file in private storage (core.storage), which has no URL: "Currently"
    links to the app's permission-checked download view (``download_url``) instead of a /media/ address."""

    download_url = ""

    def is_initial(self, value) -> bool:
        return bool(value) and bool(getattr(value, "name", ""))

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if self.is_initial(value):
            context["widget"]["value"] = _LinkedFile(name=value.name.rsplit("/", 1)[-1], url=self.download_url)
        return context
