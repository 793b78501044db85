from django import template

register = template.Library()


def _form_errors(form) -> list[tuple[str, str]]:
    errors = [("", error) for error in form.non_field_errors()]
    for field in form:
        errors += [(field.id_for_label, f"{field.label}: {error}") for error in field.errors]
    return errors


@register.simple_tag
def error_summary(form, formsets=None) -> list[tuple[str, str]]:
    """Every error of ``form`` and of its bound ``formsets`` (a dict or a list), each with the id of the
    field it belongs to, for the summary at the top of a form (``includes/form_errors.html``); the same
    errors also stand next to their fields."""
    # A tag, not a filter: a template without formsets (or without a form) passes "" instead of failing.
    errors = _form_errors(form) if getattr(form, "is_bound", False) else []
    if isinstance(formsets, dict):
        formsets = formsets.values()
    for formset in formsets or ():
        if not getattr(formset, "is_bound", False):
            continue
        errors += [("", error) for error in formset.non_form_errors()]
        for subform in formset:
            errors += _form_errors(subform)
    return errors
