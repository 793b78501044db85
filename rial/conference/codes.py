"""The OAS's official document codes, written once: found on a document's first page by the importer and
checked when a person types one (``OEA/Ser.K/XII.21.1``, ``CIDI/TRABAJO/doc.5/21``; a revision ``rev.2``
is separate). A code found in a text is stored without the spaces some documents put after the dots."""

import re

OAS_CODE = re.compile(r"OEA/Ser\.\s?[A-Z]+/[A-Z]+(?:\.\s?[0-9A-Z]+)+", re.IGNORECASE)
CIDI_CODE = re.compile(r"CIDI/[A-Z]+/(?:doc|INF|RES)\.\s?[0-9]+/[0-9]{2}", re.IGNORECASE)
REVISION = re.compile(r"\brev\.\s?(\d+)", re.IGNORECASE)


def normalised(code: str) -> str:
    """``OEA/Ser. K/XII.21.1`` → ``OEA/Ser.K/XII.21.1``."""
    return re.sub(r"\s", "", code)


def is_oas_code(value: str) -> bool:
    return OAS_CODE.fullmatch(value) is not None


def is_cidi_code(value: str) -> bool:
    return CIDI_CODE.fullmatch(value) is not None


def find_codes(text: str) -> dict[str, object]:
    """The first OAS and CIDI codes and revision number in ``text`` ("" and 0 when absent)."""
    oas, cidi, revision = OAS_CODE.search(text), CIDI_CODE.search(text), REVISION.search(text)
    return {
        "code": normalised(oas.group(0)) if oas else "",
        "cidi_code": normalised(cidi.group(0)) if cidi else "",
        "revision": int(revision.group(1)) if revision else 0,
    }
