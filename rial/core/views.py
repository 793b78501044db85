"""Record history for the Secretariat: who changed what and when, and restoring an earlier version; the
site's icon."""

from pathlib import Path

from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_POST

from rial.core.audit import history_models, save_logged
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


def _changes(records):
    """Pair each version with the one before it and describe the fields that changed."""
    rows = []
    for newer, older in zip(records, [*records[1:], None], strict=True):
        changes = []
        if older is not None:
            delta = newer.diff_against(older)
            # The field's label in the reader's language ("contact email"), not its column name.
            changes = [(_label(newer.instance_type, c.field), c.old, c.new) for c in delta.changes]
        rows.append({"record": newer, "changes": changes, "what": _history_type_label(newer.history_type)})
    return rows


def _missing_references(instance) -> list[str]:
    """The foreign keys of ``instance`` that point at rows deleted since (restoring would break them)."""
    missing = []
    for field in instance._meta.concrete_fields:
        value = getattr(instance, field.attname) if field.many_to_one or field.one_to_one else None
        if value is not None and not field.related_model._base_manager.filter(pk=value).exists():
            missing.append(str(field.verbose_name))
    return missing


@login_required
def record_history(request, app_label: str, model_name: str, pk: int):
    authorize(request.user, "core.view_history")
    model = _history_model(app_label, model_name)
    records = list(model.history.filter(id=pk).select_related("history_user").order_by("-history_id")[:200])
    if not records:
        raise Http404
    page = Paginator(_changes(records), 25).get_page(request.GET.get("page"))
    current = model._default_manager.filter(pk=pk).first()
    return render(request, "core/history.html", {
        "page": page, "current": current, "model_name": model._meta.verbose_name,
        "app_label": app_label, "model_key": model_name, "pk": pk,
        "restorable": getattr(model, "history_restorable", True),
    })


@login_required
@require_POST
def restore_version(request, app_label: str, model_name: str, pk: int, history_id: int):
    authorize(request.user, "core.restore_history")
    model = _history_model(app_label, model_name)
    version = get_object_or_404(model.history, id=pk, history_id=history_id)
    if not getattr(model, "history_restorable", True):
        messages.error(request, _("Nothing was restored: this record is never changed once written; record a "
                                  "correction instead."))
        return redirect("core:history", app_label=app_label, model_name=model_name, pk=pk)
    instance = version.instance
    missing = _missing_references(instance)
    if missing:
        messages.error(request, _("Nothing was restored: this version refers to records that no longer exist "
                                  "(%(fields)s). Restore those first.") % {"fields": ", ".join(missing)})
        return redirect("core:history", app_label=app_label, model_name=model_name, pk=pk)
    with transaction.atomic():
        save_logged(instance, user=request.user, action=f"core.restored.{version.history_id}")
    messages.success(request, _("The version of %(date)s was restored.") % {
        "date": version.history_date.strftime("%Y-%m-%d %H:%M")})
    return redirect("core:history", app_label=app_label, model_name=model_name, pk=pk)


FAVICON = Path(__file__).resolve().parent / "static" / "rial" / "favicon.ico"


@cache_control(max_age=86400, public=True)
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says: answer it rather than log a 404 for each visit."""
    return FileResponse(FAVICON.open("rb"), content_type="image/x-icon")
