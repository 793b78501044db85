"""What an expense can be charged to, for the Secretariat's expense page.

Another app makes its records selectable there by registering them once, e.g. in its AppConfig.ready():

    from rial.fund import payable
    payable.register(Activity, lambda: Activity.objects.order_by("-start")[:200])

The services accept any saved record as ``paid_for`` whether registered or not; the registry only feeds
the page's list.
"""

from collections.abc import Callable

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

_registry: dict[str, tuple[type[models.Model], Callable[[], models.QuerySet]]] = {}


def register(model: type[models.Model], queryset: Callable[[], models.QuerySet] | None = None) -> None:
    _registry[model._meta.label_lower] = (model, queryset or (lambda: model._default_manager.all()[:200]))


def choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Grouped choices ("label_lower:pk", str(record)), one query per registered model."""
    groups = []
    for label, (model, queryset) in sorted(_registry.items()):
        groups.append((str(model._meta.verbose_name_plural).capitalize(),
                       [(f"{label}:{record.pk}", str(record)) for record in queryset()]))
    return groups


def resolve(value: str) -> models.Model | None:
    """The record a choice names, or None for an empty choice."""
    if not value:
        return None
    label, _sep, pk = value.rpartition(":")
    if label not in _registry or not pk.isdigit():
        raise ValidationError({"paid_for": _("Choose what the expense paid for from the list.")})
    model = ContentType.objects.get_by_natural_key(*label.split(".")).model_class()
    record = model._default_manager.filter(pk=int(pk)).first()
    if record is None:
        raise ValidationError({"paid_for": _("Choose what the expense paid for from the list.")})
    return record
