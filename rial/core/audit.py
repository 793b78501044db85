"""Audit trail helpers on top of django-simple-history.

Every domain model carries ``history = HistoricalRecords()``; the request middleware records who made
a change through a page. Workflow functions run outside a request too (commands, tasks, API), so they
call :func:`save_logged` to say who acted and why, with a dotted action code (pretix style).
"""

from django.apps import apps
from django.db import models
from django.dispatch import Signal
from django.utils.module_loading import autodiscover_modules
from simple_history.utils import get_m2m_reverse_field_name


def save_logged(obj: models.Model, *, user, action: str, related: dict | None = None, **save_kwargs) -> None:
    """Save ``obj`` and mark its history row with the acting user and an action code.

    ``related`` sets many-to-many fields in the same step (``{"topics": [...]}``): the one history row of
    this save then holds their new state. Set apart, each ``.set()`` would leave extra versions (one for
    the removals, one for the additions).
    """
    if user is not None and getattr(user, "is_authenticated", False):
        obj._history_user = user
    obj._change_reason = action
    obj.save(**save_kwargs)
    if related:
        obj.skip_history_when_saving = True  # django-simple-history's switch for its m2m_changed handler
        try:
            for name, values in related.items():
                getattr(obj, name).set(values)
        finally:
            del obj.skip_history_when_saving
        if hasattr(obj, "history") and recorded_m2m_fields(type(obj)):
            _snapshot_m2m(obj.history.latest("history_id"), obj)


def create_logged(records: list[tuple[models.Model, dict]], *, user, action: str) -> None:
    """Create new records, each with its many-to-many sets, each with one version that holds those sets —
    what ``save_logged(obj, related=...)`` does for one record, for many at once (an import creates hundreds).

    ``records`` is ``[(obj, {"topics": [...], ...}), ...]`` of unsaved objects of one model. Each is saved
    (one insert and its version; post_save signals fire as for any save); then the links of all of them are
    written with one insert per relation, and their copies in the versions with one read and one insert per
    relation: the cost of the links does not grow with the number of records.
    """
    if not records:
        return
    for obj, _related in records:
        if obj.pk is not None and not obj._state.adding:
            raise ValueError(f"create_logged creates records: {obj!r} is saved already")
        save_logged(obj, user=user, action=action)
    model = type(records[0][0])
    names = sorted({name for _obj, related in records for name in related})
    for name in names:
        field = model._meta.get_field(name)
        through = field.remote_field.through
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        through.objects.bulk_create([
            through(**{f"{source}_id": obj.pk, f"{target}_id": getattr(value, "pk", value)})
            for obj, related in records for value in dict.fromkeys(related.get(name) or [])])
    if not (hasattr(model, "history") and recorded_m2m_fields(model)):
        return
    pks = [obj.pk for obj, _related in records]
    versions = {}
    for version in model.history.filter(id__in=pks).order_by("-history_id"):
        versions.setdefault(version.id, version)  # the newest version of each: the one just written
    for field in recorded_m2m_fields(model):
        if field.name in names:
            _copy_links(field, {versions[pk]: pk for pk in pks})


def _copy_links(field, versions: dict) -> None:
    """Copy into each version (``{version: pk of its record}``) the link rows of ``field`` its record has now:
    one read and one insert for all of them."""
    through = field.remote_field.through
    columns = [f.attname for f in through._meta.fields]  # ids, not the linked records (no read per row)
    source = field.m2m_field_name()
    by_record = {}
    for row in through.objects.filter(**{f"{source}__in": list(versions.values())}):
        by_record.setdefault(getattr(row, f"{source}_id"), []).append(row)
    history_rows = getattr(next(iter(versions)), field.name).model
    history_rows.objects.bulk_create([
        history_rows(history=version, **{column: getattr(row, column) for column in columns})
        for version, pk in versions.items() for row in by_record.get(pk, [])])


def _snapshot_m2m(version, obj: models.Model) -> None:
    """Record on ``version`` the current many-to-many rows of ``obj`` (replacing what it held)."""
    for field in version._history_m2m_fields:
        getattr(version, field.name).all().delete()
        _copy_links(field, {version: obj.pk})


# Sent by the history page's restore (``core.views.restore_version``) after a version was saved back, inside
# its transaction, with ``sender`` (the model), ``instance`` (the restored record) and ``before`` (the
# many-to-many ids it held before the restore, ``{"responsible_institutions": {3, 7}, …}``, as
# ``m2m_state`` gives them). core knows no app: an app that must react to a change made this way (the
# conference app tells newly responsible institutions) connects a receiver in its ``AppConfig.ready``.
version_restored = Signal()


_ACTIONS: dict[str, object] = {}
_discovered = False


def declare_actions(actions: dict[str, object]) -> dict[str, object]:
    """Make an app's action codes known, each with its (lazily translated) label, e.g. in ``<app>/actions.py``:
    ``ACTIONS = declare_actions({PROGRAM_SUBMITTED: _("submitted for review")})``. Codes are constants the
    services pass to :func:`save_logged`; the history page shows their labels in the reader's language."""
    for code in actions:
        if not code.count(".") >= 1 or code != code.strip():
            raise ValueError(f"an action code is app.record.verb: {code!r}")
    _ACTIONS.update(actions)
    return actions


def declared_actions() -> dict[str, object]:
    """Every declared action code and its label (each app's ``actions`` module is imported once)."""
    global _discovered
    if not _discovered:
        autodiscover_modules("actions")
        _discovered = True
    return dict(_ACTIONS)


def action_label(code: str | None) -> str:
    """The label of an action code in the current language; a restore names the version it brought back
    (``core.restored.<history id>``); an undeclared code is shown as it is."""
    if not code:
        return ""
    actions = declared_actions()
    if code in actions:
        return str(actions[code])
    base, _dot, rest = code.rpartition(".")
    if base in actions and rest.isdigit():
        return f"{actions[base]} ({rest})"
    return code


def history_models() -> list[type[models.Model]]:
    """Every model of the platform whose changes are recorded (and so can be restored)."""
    return [
        model
        for model in apps.get_models()
        if model.__module__.startswith("rial.") and hasattr(model, "history")
        and not model._meta.label.startswith("accounts.")
    ]


def recorded_m2m_fields(model: type[models.Model]) -> list:
    """The many-to-many fields whose state each version of ``model`` keeps (``m2m_fields`` of its history)."""
    return list(getattr(model.history.model, "_history_m2m_fields", []))


def m2m_state(version) -> dict[str, list[int]]:
    """``{"topics": [3, 7], …}``: the related ids a history row recorded for each kept many-to-many field."""
    state = {}
    for field in version._history_m2m_fields:
        target = get_m2m_reverse_field_name(field)
        state[field.name] = sorted(getattr(row, f"{target}_id") for row in getattr(version, field.name).all())
    return state


def current_m2m_state(model: type[models.Model], pk) -> dict[str, set[int]]:
    """``{"topics": {3, 7}, …}``: the ids the record ``pk`` links now through each kept many-to-many field
    (empty sets for a record that no longer exists); one query per field."""
    state = {}
    for field in recorded_m2m_fields(model):
        through = field.remote_field.through
        state[field.name] = set(through.objects.filter(**{f"{field.m2m_field_name()}_id": pk})
                                .values_list(f"{field.m2m_reverse_field_name()}_id", flat=True))
    return state
