"""What every form view shares: a service's refusal shown on the form that asked for it, and the one
fields for choosing institutions and mandates."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


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
    messages.error(request, gettext("Nothing was saved: %(errors)s") % {"errors": " ".join(error.messages)})


class _ByCountry(forms.models.ModelChoiceIterator):
    """Institutions in one group per country (alphabetical in the page language), then the bodies that
    belong to no country (COSATE, CEATAL, the ILO…): eight ministries all called "Ministry of Labour"
    are told apart by their country."""

    def __iter__(self):
        institutions = list(self.queryset.select_related("country"))
        # A required choice with one institution (a focal point of one ministry acting for it) is made
        # already: without the empty line, the browser selects the only option.
        if self.field.empty_label is not None and not (self.field.required and len(institutions) == 1):
            yield ("", self.field.empty_label)
        groups: dict[str, list] = {}
        regional = []
        for institution in institutions:
            choice = self.choice(institution)
            if institution.country_id:
                groups.setdefault(institution.country.name, []).append(choice)
            else:
                regional.append(choice)
        for country in sorted(groups):
            yield (country, sorted(groups[country], key=lambda choice: str(choice[1])))
        if regional:
            yield (_("Regional and international bodies"), sorted(regional, key=lambda choice: str(choice[1])))


class _InstitutionLabels:
    iterator = _ByCountry

    def label_from_instance(self, institution) -> str:
        # The country leads so typing its first letters in the list finds the ministry.
        if institution.country_id:
            return f"{institution.country.name} — {institution.name}"
        return institution.name


class InstitutionChoiceField(_InstitutionLabels, forms.ModelChoiceField):
    """The one way to choose an institution: country and name, grouped by country."""


class InstitutionMultipleChoiceField(_InstitutionLabels, forms.ModelMultipleChoiceField):
    """The one way to choose several institutions: country and name, grouped by country."""


class _ByPlanAndGroup(forms.models.ModelChoiceIterator):
    """Mandates in one group per plan and working group, in the plan's order: every plan restarts its
    labels at a), so a label alone says nothing."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        groups: dict[tuple, list] = {}
        for mandate in self.queryset.select_related("plan", "group").order_by("plan__date", "plan_id", "position"):
            heading = f"{mandate.plan.title} — {mandate.group}" if mandate.group_id else mandate.plan.title
            groups.setdefault((mandate.plan_id, heading), []).append(self.choice(mandate))
        for (_plan, heading), choices in groups.items():
            yield (heading, choices)


class _MandateLabels:
    iterator = _ByPlanAndGroup

    def label_from_instance(self, mandate) -> str:
        group = _("WG %(number)s") % {"number": mandate.group.number} if mandate.group_id else ""
        label = f"{mandate.label})" if mandate.label else ""
        return " ".join(part for part in (group, label, mandate.text[:90]) if part)


class MandateChoiceField(_MandateLabels, forms.ModelChoiceField):
    """The one way to choose a mandate: grouped by plan and working group, with its label."""


class MandateMultipleChoiceField(_MandateLabels, forms.ModelMultipleChoiceField):
    """The one way to choose several mandates: grouped by plan and working group, with their labels."""
