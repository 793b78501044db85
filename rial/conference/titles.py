"""The name of each Declaration and Plan of Action in the four languages.

A document row holds one language version of the text, but its *name* is given in every language, so a
reader of the Spanish site meets "Plan de Acción de Puerto España" for the English text too (the page says
which language the text itself is in). Where the names come from, first match wins for each language:

1. ``data/document_titles.csv``: the names the OAS uses, each language with its source, or marked
   ``project translation`` where no official name was found;
2. the title of the language version in that language (an imported Spanish plan names the English one);
3. the name it has already in that language (given by a person, the demo, or once by 4.);
4. "Plan of Action of <city>" / "Declaration of <city>" in the language (the project's own wording).

A draft's name starts with "Draft" in each language. The document's own language keeps its title as
written when the file does not know the document.
"""

import functools
from pathlib import Path

from django.utils import translation
from django.utils.translation import gettext as _

from rial.core.languages import LANGUAGE_CODES
from rial.core.reference import data_rows

DATA = Path(__file__).resolve().parent / "data" / "document_titles.csv"


@functools.cache
def reference_titles() -> dict[tuple[int, str], dict[str, str]]:
    """{(conference number, kind): {language: name}} from the data file."""
    rows = {}
    for row in data_rows(DATA):
        rows[(int(row["conference"]), row["kind"])] = {
            language: row["title" if language == "en" else f"title_{language}"] for language in LANGUAGE_CODES}
    return rows


def _pattern(kind: str, city: str) -> str:
    if kind == "declaration":
        return _("Declaration of %(city)s") % {"city": city}
    return _("Plan of Action of %(city)s") % {"city": city}


def titles_for(document, versions=()) -> dict[str, str]:
    """The name of ``document`` in each language; ``versions``: its other language versions."""
    from rial.conference.models import ConferenceDocument

    known = reference_titles().get((document.conference.number, document.kind), {})
    own = {version.language: getattr(version, f"title_{version.language}") for version in versions}
    titles = {}
    for language in LANGUAGE_CODES:
        with translation.override(language):
            if known.get(language):
                name = known[language]
                if document.status == ConferenceDocument.Status.DRAFT:
                    name = _("Draft %(title)s") % {"title": name}
            elif language == document.language:
                name = getattr(document, f"title_{language}") or ""
            elif own.get(language):
                name = own[language]
            elif getattr(document, f"title_{language}"):
                name = getattr(document, f"title_{language}")  # named already (by the pattern or a person)
            elif document.conference.city:
                name = _pattern(document.kind, document.conference.city)
                if document.status == ConferenceDocument.Status.DRAFT:
                    name = _("Draft %(title)s") % {"title": name}
            else:
                name = getattr(document, f"title_{document.language}") or ""
        titles[language] = name[:300]
    return titles


def fill_titles(document, versions=()) -> bool:
    """Set the document's name in each language; True when one changed (nothing to save otherwise)."""
    changed = False
    for language, name in titles_for(document, versions).items():
        if name and getattr(document, f"title_{language}") != name:
            setattr(document, f"title_{language}", name)
            changed = True
    return changed


def refresh_titles(conference, kind: str, *, user, action: str) -> None:
    """Name every language version of one of a conference's documents again (after one was imported,
    written or moved to another status); only a version whose names changed is saved, so running it twice
    leaves one history row."""
    from rial.conference.models import ConferenceDocument
    from rial.core.audit import save_logged

    documents = list(ConferenceDocument.objects.filter(conference=conference, kind=kind).select_related("conference"))
    for document in documents:
        if fill_titles(document, [other for other in documents if other.pk != document.pk]):
            save_logged(document, user=user, action=action)
