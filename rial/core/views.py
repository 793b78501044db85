"""Record history for the Secretariat: who changed what and when, and restoring an earlier version; the
site's icon."""

from pathlib import Path

from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_POST
from simple_history.utils import get_m2m_reverse_field_name

from rial.core.actions import restored
from rial.core.audit import (
    action_label,
    current_m2m_state,
    history_models,
    m2m_state,
    recorded_m2m_fields,
    save_logged,
    version_restored,
)
from rial.core.pagination import Paginator
from rial.core.permissions import authorize


def _history_model(app_label: str, model_name: str):
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as exc:
        raise Http404 from exc
    if model not in history_models():
        raise Http404
    return model


def _history_type_label(history_type: str) -> str:
    # django-simple-history ships no Spanish for its type names; say them in our own catalog.
    return {"+": _("Created"), "~": _("Changed"), "-": _("Deleted")}.get(history_type, history_type)


def _label(model, field_name: str) -> str:
    try:
        return str(model._meta.get_field(field_name).verbose_name)
    except FieldDoesNotExist:
        return field_name


def _linked_ids(versions: list, fields: list) -> dict[str, dict[int, frozenset[int]]]:
    """``{"topics": {history_id: {3, 7}}, …}``: the ids each version links, read with one query per relation
    for all the versions together (not one per version)."""
    linked = {}
    for field in fields:
        ids: dict[int, set[int]] = {version.history_id: set() for version in versions}
        if versions:
            rows = getattr(versions[0], field.name).model.objects  # the history of this field's link rows
            for history_id, linked_id in rows.filter(history_id__in=list(ids)).values_list(
                    "history_id", f"{get_m2m_reverse_field_name(field)}_id"):
                ids[history_id].add(linked_id)
        linked[field.name] = {history_id: frozenset(values) for history_id, values in ids.items()}
    return linked


def _changes(model, records: list, older_than_last=None) -> list[dict]:
    """Pair each version with the one before it and describe the fields that changed, the links of each
    many-to-many field as the names of the linked records ("Gender, Youth"). The number of queries does not
    grow with the number of versions: one per relation for the links, one per relation for their names."""
    fields = recorded_m2m_fields(model)
    versions = [*records, older_than_last] if older_than_last is not None else list(records)
    linked = _linked_ids(versions, fields)
    names = {field.name: field.related_model._base_manager.in_bulk(set().union(*linked[field.name].values()))
             for field in fields}

    def shown(field_name: str, ids: frozenset[int]) -> str:
        return ", ".join(sorted(str(names[field_name][pk]) for pk in ids if pk in names[field_name]))

    rows = []
    for newer, older in zip(records, [*records[1:], older_than_last], strict=True):
        changes = []
        if older is not None:
            delta = newer.diff_against(older, excluded_fields=list(linked))
            changes = [(c.field, c.old, c.new) for c in delta.changes]
            changes += [(name, shown(name, ids[older.history_id]), shown(name, ids[newer.history_id]))
                        for name, ids in linked.items() if ids[older.history_id] != ids[newer.history_id]]
            # The field's label in the reader's language ("contact email"), not its column name.
            changes = [(_label(model, name), old, new) for name, old, new in sorted(changes, key=lambda c: c[0])]
        rows.append({"record": newer, "changes": changes, "what": _history_type_label(newer.history_type),
                     "action": action_label(newer.history_change_reason)})
    return rows


def _missing_references(instance, related: dict[str, list[int]]) -> list[str]:
    """The foreign keys of ``instance`` and the many-to-many ``related`` ids that point at rows deleted
    since (restoring would break them)."""
    missing = []
    for field in instance._meta.concrete_fields:
        value = getattr(instance, field.attname) if field.many_to_one or field.one_to_one else None
        if value is not None and not field.related_model._base_manager.filter(pk=value).exists():
            missing.append(str(field.verbose_name))
    for name, ids in related.items():
        field = instance._meta.get_field(name)
        if field.related_model._base_manager.filter(pk__in=ids).count() != len(set(ids)):
            missing.append(str(field.verbose_name))
    return missing


@login_required
def record_history(request: HttpRequest, app_label: str, model_name: str, pk: int) -> HttpResponse:
    authorize(request.user, "core.view_history")
    model = _history_model(app_label, model_name)
    records = list(model.history.filter(id=pk).select_related("history_user").order_by("-history_id")[:200])
    if not records:
        raise Http404
    page = Paginator(records, 25).get_page(request.GET.get("page"))
    # Only the shown versions are compared (a comparison reads each version's many-to-many rows).
    last = records.index(page.object_list[-1])
    page.object_list = _changes(model, list(page.object_list), records[last + 1] if last + 1 < len(records) else None)
    current = model._default_manager.filter(pk=pk).first()
    return render(request, "core/history.html", {
        "page": page, "current": current, "model_name": model._meta.verbose_name,
        "app_label": app_label, "model_key": model_name, "pk": pk,
        "restorable": getattr(model, "history_restorable", True),
    })


@login_required
@require_POST
def restore_version(request: HttpRequest, app_label: str, model_name: str, pk: int, history_id: int) -> HttpResponse:
    authorize(request.user, "core.restore_history")
    model = _history_model(app_label, model_name)
    version = get_object_or_404(model.history, id=pk, history_id=history_id)
    if not getattr(model, "history_restorable", True):
        messages.error(request, _("Nothing was restored: this record is never changed once written; record a "
                                  "correction instead."))
        return redirect("core:history", app_label=app_label, model_name=model_name, pk=pk)
    instance = version.instance
    related = m2m_state(version)
    missing = _missing_references(instance, related)
    if missing:
        messages.error(request, _("Nothing was restored: this version refers to records that no longer exist "
                                  "(%(fields)s). Restore those first.") % {"fields": ", ".join(missing)})
        return redirect("core:history", app_label=app_label, model_name=model_name, pk=pk)
    with transaction.atomic():
        # What the record links now, so the apps told of the restore can see what it changed.
        before = current_m2m_state(model, pk)
        save_logged(instance, user=request.user, action=restored(version.history_id), related=related)
        version_restored.send(sender=model, instance=instance, before=before)
    messages.success(request, _("The version of %(date)s was restored.") % {
        "date": version.history_date.strftime("%Y-%m-%d %H:%M")})
    return redirect("core:history", app_label=app_label, model_name=model_name, pk=pk)


FAVICON = Path(__file__).resolve().parent / "static" / "rial" / "favicon.ico"


@cache_control(max_age=86400, public=True)
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page says: answer it rather than log a 404 for each visit."""
    return FileResponse(FAVICON.open("rb"), content_type="image/x-icon")
