import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rial.agreements.models import BRANCHES, Agreement, Proposal, Status
from rial.directory.models import Country


def country_choices() -> list[tuple[str, str]]:
    return [(iso2, name) for iso2, name in Country.objects.order_by("name").values_list("iso2", "name")]


class CoverageForm(forms.Form):
    """The two countries and the date of a coverage question; the page and the API both validate with it."""

    a = forms.ChoiceField(label=_("I worked in"), error_messages={
        "required": _("Choose the first country."),
        "invalid_choice": _("Unknown country code “%(value)s”: use an ISO code such as CL or US.")})
    b = forms.ChoiceField(label=_("and in"), error_messages={
        "required": _("Choose the second country."),
        "invalid_choice": _("Unknown country code “%(value)s”: use an ISO code such as CL or US.")})
    on = forms.DateField(label=_("On the date"), required=False, input_formats=["%Y-%m-%d"],
                         widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                         help_text=_("Written YYYY-MM-DD; today when left empty."),
                         error_messages={"invalid": _("Write the date as YYYY-MM-DD, e.g. 2024-01-01.")})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = country_choices()
        self.fields["a"].choices = [("", _("Choose a country"))] + choices
        self.fields["b"].choices = [("", _("Choose a country"))] + choices

    def clean_a(self) -> str:
        return self.cleaned_data["a"].upper()

    def clean_b(self) -> str:
        return self.cleaned_data["b"].upper()

    def clean_on(self) -> datetime.date:
        return self.cleaned_data["on"] or timezone.localdate()

    def clean(self):
        data = super().clean()
        if data.get("a") and data.get("a") == data.get("b"):
            self.add_error("b", _("Choose two different countries."))
        return data

    @classmethod
    def from_query(cls, params) -> "CoverageForm":
        # Codes are accepted in any case: "cl" means CL.
        data = {name: (params.get(name) or "").strip() for name in ("a", "b", "on")}
        data["a"], data["b"] = data["a"].upper(), data["b"].upper()
        return cls(data)


class MatrixForm(forms.Form):
    on = forms.DateField(label=_("On the date"), required=False, input_formats=["%Y-%m-%d"],
                         widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                         error_messages={"invalid": _("Write the date as YYYY-MM-DD, e.g. 2024-01-01.")})

    def clean_on(self) -> datetime.date:
        return self.cleaned_data["on"] or timezone.localdate()


class AgreementFilterForm(forms.Form):
    """The filters of the list page, the export and the API (each value checked against a whitelist)."""

    country = forms.ChoiceField(label=_("Country"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False,
                             choices=[("", _("All kinds"))] + list(Agreement.Kind.choices))
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("All statuses"))] + list(Status.choices))
    branch = forms.ChoiceField(label=_("Branch"), required=False,
                               choices=[("", _("All branches"))] + list(BRANCHES.items()))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("All countries"))] + country_choices()

    def clean_country(self) -> str:
        return self.cleaned_data["country"].upper()


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV file"), help_text=_("UTF-8, one agreement per row, same columns as the export."))
    dry_run = forms.BooleanField(label=_("Dry run: show what would change, save nothing"), required=False,
                                 initial=True)


class ProposalForm(forms.Form):
    """A focal point's proposal: a correction to an agreement of their country, or a missing agreement."""

    kind = forms.ChoiceField(label=_("What do you propose?"), choices=Proposal.Kind.choices, widget=forms.RadioSelect)
    country = forms.ChoiceField(label=_("Your country"))
    agreement = forms.ChoiceField(label=_("Agreement to correct"), required=False,
                                  help_text=_("For a correction."))
    partner = forms.ChoiceField(label=_("Other country of the missing agreement"), required=False,
                                help_text=_("For a missing agreement."))
    title = forms.CharField(label=_("Title of the missing agreement"), max_length=300, required=False)
    signed = forms.DateField(label=_("Signed on"), required=False, input_formats=["%Y-%m-%d"],
                             widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                             error_messages={"invalid": _("Write the date as YYYY-MM-DD, e.g. 2024-01-01.")})
    in_force = forms.DateField(label=_("In force since"), required=False, input_formats=["%Y-%m-%d"],
                               widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                               error_messages={"invalid": _("Write the date as YYYY-MM-DD, e.g. 2024-01-01.")})
    description = forms.CharField(label=_("What should change, or what the agreement covers"), max_length=4000,
                                  widget=forms.Textarea(attrs={"rows": 5}))
    source = forms.CharField(label=_("Source"), max_length=300,
                             help_text=_("Where a reader can check it: an official gazette, a ministry's list, a treaty register."))
    source_url = forms.URLField(label=_("Address of the source"), max_length=500, required=False,
                                assume_scheme="https")

    def __init__(self, *args, countries, agreements, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [(c.iso2, c.name) for c in countries]
        self.fields["agreement"].choices = [("", _("Choose an agreement"))] + [(a.slug, a.title) for a in agreements]
        self.fields["partner"].choices = [("", _("Choose a country"))] + country_choices()


class ReviewForm(forms.Form):
    comment = forms.CharField(label=_("Comment for the focal point"), max_length=4000, required=False,
                              widget=forms.Textarea(attrs={"rows": 3}),
                              help_text=_("Required to return or reject a proposal."))


class ResubmitForm(forms.Form):
    description = forms.CharField(label=_("What should change, or what the agreement covers"), max_length=4000,
                                  widget=forms.Textarea(attrs={"rows": 5}))
    source = forms.CharField(label=_("Source"), max_length=300)
    source_url = forms.URLField(label=_("Address of the source"), max_length=500, required=False,
                                assume_scheme="https")
