from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from rial.accounts.roles import roles_for
from rial.core.forms import InstitutionChoiceField
from rial.directory.models import Country, Institution
from rial.portfolio.models import LANGUAGE_CHOICES, Program, TargetPopulation
from rial.topics.models import Topic


class ProgramFilterForm(forms.Form):
    """The public filters of the program list, the API and the exports (whitelisted values only)."""

    q = forms.CharField(label=_("Text"), max_length=200, required=False)
    country = forms.ModelChoiceField(label=_("Country"), queryset=Country.objects.filter(
        institutions__kind=Institution.Kind.MINISTRY).distinct().order_by("name"), required=False,
        to_field_name="iso2", empty_label=_("All countries"))
    topic = forms.ModelChoiceField(label=_("Topic"), queryset=Topic.objects.select_related("parent"), required=False,
                                   to_field_name="slug", empty_label=_("All topics"))
    population = forms.ModelChoiceField(label=_("Target population"), queryset=TargetPopulation.objects.all(),
                                        required=False, to_field_name="slug", empty_label=_("All populations"))
    cooperation = forms.BooleanField(label=_("Offered for cooperation only"), required=False)


class ProgramForm(forms.ModelForm):
    """What a focal point writes. Translated fields are edited in the writer's language (the original)."""

    languages = forms.MultipleChoiceField(label=_("Languages available"), choices=LANGUAGE_CHOICES, required=False,
                                          widget=forms.CheckboxSelectMultiple)
    topics = forms.ModelMultipleChoiceField(label=_("Topics"), queryset=Topic.objects.all(), required=False,
                                            widget=forms.CheckboxSelectMultiple)
    populations = forms.ModelMultipleChoiceField(label=_("Target populations"),
                                                 queryset=TargetPopulation.objects.all(), required=False,
                                                 widget=forms.CheckboxSelectMultiple)
    website = forms.URLField(label=_("website"), max_length=300, required=False, assume_scheme="https")
    source_url = forms.URLField(label=_("source link"), max_length=500, required=False, assume_scheme="https")

    class Meta:
        model = Program
        fields = ["ministry", "collection", "name", "summary", "objectives", "results", "populations", "topics",
                  "start", "end", "budget", "budget_currency", "funding", "legal_basis", "contact_name",
                  "contact_email", "contact_phone", "languages", "offered_for_cooperation", "website",
                  "source_url", "updated_as_of"]
        widgets = {
            "start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "updated_as_of": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "summary": forms.Textarea(attrs={"rows": 4}),
            "objectives": forms.Textarea(attrs={"rows": 4}),
            "results": forms.Textarea(attrs={"rows": 4}),
            "legal_basis": forms.Textarea(attrs={"rows": 3}),
        }
        field_classes = {"ministry": InstitutionChoiceField}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        ministries = Institution.objects.active().ministries().select_related("country")
        if not roles_for(user).is_secretariat:
            # A focal point acts only for their own ministry.
            ministries = ministries.filter(pk__in=roles_for(user).focal_point_for)
        self.fields["ministry"].queryset = ministries
        own = list(ministries[:2])
        if len(own) == 1:
            # A focal point of one ministry has nothing to choose.
            self.fields["ministry"].empty_label = None
            self.fields["ministry"].initial = own[0].pk
        if self.instance.pk:
            self.fields["ministry"].disabled = True
        self.fields["summary"].required = True

    def clean_budget_currency(self):
        value = self.cleaned_data["budget_currency"].strip().upper()
        if value and (len(value) != 3 or not value.isalpha()):
            raise forms.ValidationError(_("Write the currency as three letters, e.g. USD."))
        return value

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("The end cannot come before the start."))
        if cleaned.get("budget") is not None and cleaned["budget"] < 0:
            self.add_error("budget", _("A budget cannot be negative."))
        if cleaned.get("budget") is not None and not cleaned.get("budget_currency"):
            self.add_error("budget_currency", _("Say in which currency the budget is."))
        return cleaned

    def model_data(self) -> dict:
        """Validated values for the service, translated fields under the writer's language column."""
        data = {name: self.cleaned_data[name] for name in self.Meta.fields
                if name not in ("topics", "populations") and name in self.cleaned_data}
        if self.instance.pk:
            data.pop("ministry", None)
        lang = (get_language() or "en")[:2]
        lang = lang if lang in dict(LANGUAGE_CHOICES) else "en"
        for name in ("name", "summary", "objectives", "results", "legal_basis", "funding"):
            data[f"{name}_{lang}"] = data.pop(name)
        return data


class ReturnForm(forms.Form):
    comment = forms.CharField(label=_("Comments for the focal point"), max_length=3000,
                              widget=forms.Textarea(attrs={"rows": 4}))


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV or XLSX file"))
    dry_run = forms.BooleanField(label=_("Check only (dry run): show what would happen, save nothing"),
                                 required=False, initial=True)
