"""One way to declare translated content fields, with their history.

django-modeltranslation adds one column per language (``name_en``, ``name_es``…) when the app registry is
ready; django-simple-history must build the model's history table after that, or the history would
lack those columns. So a model with translated fields does not declare ``history = HistoricalRecords()``
itself: its app's ``translation.py`` calls :func:`translated` instead, which does both in order.
"""

import simple_history
from modeltranslation.translator import TranslationOptions, translator


def translated(model, fields: tuple[str, ...], *, m2m_fields: tuple[str, ...] = (),
               history_excluded: tuple[str, ...] = ()) -> None:
    """Register ``fields`` as translated and record the model's history, including the many-to-many
    ``m2m_fields`` (their state is kept with every version, so a restore brings them back too) and leaving out
    ``history_excluded`` (values derived from other records, which are not a version's content)."""
    options = type(f"{model.__name__}TranslationOptions", (TranslationOptions,), {"fields": fields})
    translator.register(model, options)
    simple_history.register(model, app=model._meta.app_config.name, m2m_fields=list(m2m_fields),
                            excluded_fields=list(history_excluded))
