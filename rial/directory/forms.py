from django import forms
from django.utils.translation import gettext_lazy as _

from rial.directory.models import Institution, Person, Position, today


class InstitutionContactForm(forms.ModelForm):
    """What a focal point keeps up to date for their ministry."""

    website = forms.URLField(label=_("website"), max_length=300, required=False, assume_scheme="https")

    class Meta:
        model = Institution
        fields = ["website", "email", "phone", "address"]
        widgets = {"address": forms.Textarea(attrs={"rows": 3})}


class DesignationForm(forms.Form):
    """A focal point designates a colleague: someone with a current position at the same institution."""

    person = forms.ModelChoiceField(label=_("Colleague"), queryset=Person.objects.none(),
                                    help_text=_("People who work at this institution according to the directory."))
    since = forms.DateField(label=_("Focal point since"), initial=today,
                            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    note = forms.CharField(label=_("Note"), max_length=300, required=False,
                           help_text=_("For example the number of the designation letter."))

    def __init__(self, *args, institution: Institution, **kwargs):
        super().__init__(*args, **kwargs)
        colleagues = Position.objects.current().filter(institution=institution).values("person_id")
        self.fields["person"].queryset = Person.objects.active().filter(pk__in=colleagues).order_by("full_name")
