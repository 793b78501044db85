"""Form widgets every app shares."""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.db import models


@dataclass
class _LinkedFile:
    name: str
    url: str

    def __str__(self) -> str:
        return self.name


class PrivateFileInput(forms.ClearableFileInput):
    """The clearable file input for a file in private storage (core.storage), which has no URL: "Currently"
    links to the app's permission-checked download view, ``download_url(record)``, not to a /media/ address."""

    def __init__(self, attrs=None, *, download_url: Callable[[models.Model], str]):
        super().__init__(attrs)
        self.download_url = download_url

    def is_initial(self, value) -> bool:
        return bool(value) and getattr(value, "instance", None) is not None

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if self.is_initial(value):
            context["widget"]["value"] = _LinkedFile(name=value.name.rsplit("/", 1)[-1],
                                                     url=self.download_url(value.instance))
        return context
