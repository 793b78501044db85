"""The platform's interface languages, named once: the four official languages of the OAS.

Everything that loops over languages (translated fields, catalogs, search, exports) reads this module,
so a fifth language is one line in ``settings.LANGUAGES``.
"""

from django.conf import settings

#: ("en", "es", "pt", "fr"), in the order of ``settings.LANGUAGES``.
LANGUAGE_CODES: tuple[str, ...] = tuple(code for code, _name in settings.LANGUAGES)

#: (code, translated name) pairs for model and form choices.
LANGUAGE_CHOICES: list[tuple[str, str]] = list(settings.LANGUAGES)


def translated_field_names(field: str) -> list[str]:
    """``name`` → ``["name_en", "name_es", "name_pt", "name_fr"]`` (the columns django-modeltranslation adds)."""
    return [f"{field}_{code}" for code in LANGUAGE_CODES]


def supported(code: str | None) -> str | None:
    """``code`` if it is one of ours (``"pt-br"`` counts as ``"pt"``), else None."""
    if not code:
        return None
    code = code.lower().split("-")[0].split("_")[0]
    return code if code in LANGUAGE_CODES else None
