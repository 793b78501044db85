"""Every email the platform writes reads in the recipient's language: each message template of every app,
rendered in Spanish, Portuguese and French, holds no sentence of its English rendering.

The messages' own tests prove who receives what in which language for a few of them; this one catches a
sentence added to any template without ``{% translate %}`` or without its translation in the catalogs.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from rial.core.emails import Recipient

RIAL = Path(settings.BASE_DIR) / "rial"
# "portfolio/email/program_returned.txt": the name the template loader knows.
TEMPLATES = sorted(str(path.relative_to(path.parents[2])) for path in RIAL.glob("*/templates/*/email/*.*"))
STYLE = re.compile(r"<style.*?</style>", re.DOTALL)
SENTENCE = re.compile(r"[A-Za-z][^\n.:?!]*[a-z][^\n.:?!]*")


class Sample(int):
    """Any value a template may ask for: true, a number for plurals, one item when looped over, text."""

    def __new__(cls):
        return super().__new__(cls, 2)

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return Sample()

    def __getitem__(self, key):
        return Sample()

    def __iter__(self):
        return iter([Sample()])

    def __len__(self):
        return 1

    def __str__(self):
        return "SAMPLE"


def _sentences(text: str) -> set[str]:
    """The runs of three words or more that are not just the sample values (an HTML message's tags apart)."""
    found = set()
    for match in SENTENCE.findall(re.sub(r"<[^>]*>", "\n", STYLE.sub("", text)).replace("SAMPLE", "")):
        words = match.split()
        if len(words) >= 3:
            found.add(" ".join(words))
    return found


class _Context(dict):
    """A context that answers every name with a sample value (and the recipient with a real one)."""

    def __contains__(self, key):
        return True

    def __missing__(self, key):
        return Sample()


def _render(template: str, language: str) -> str:
    context = _Context(recipient=Recipient(email="person@example.org", language=language),
                       site_url="https://rial.example.org")
    with translation.override(language):
        return render_to_string(template, context)


def test_the_email_templates_are_found():
    assert len(TEMPLATES) >= 60


@pytest.mark.parametrize("language", ["es", "pt", "fr"])
@pytest.mark.parametrize("template", TEMPLATES)
def test_an_email_template_reads_in_the_recipients_language(template, language):
    english = _sentences(_render(template, "en"))
    assert _sentences(_render(template, language)) & english == set()
