"""What every form view shares: a service's refusal shown on the form that asked for it."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def add_service_error(form: forms.BaseForm, error: ValidationError) -> None:
    """Put a service's ``ValidationError`` on ``form``: next to the field it names when the form has that
    field, else at the top of the form (the non-field errors every form template shows first)."""
    if hasattr(error, "error_dict"):
        for name, messages in error.message_dict.items():
            form.add_error(name if name in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


def add_service_message(request, error: ValidationError) -> None:
    """Show a service's refusal as an error message, for a button that posts no form (the page redirects):
    "Nothing was saved: " and the service's reasons."""
    messages.error(request, _("Nothing was saved: %(errors)s") % {"errors": " ".join(error.messages)})
