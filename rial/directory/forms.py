from django import forms
from django.utils.translation import gettext_lazy as _

from rial.directory.models import Institution


class InstitutionContactForm(forms.ModelForm):
    """What a focal point keeps up to date for their ministry."""

    website = forms.URLField(label=_("website"), max_length=300, required=False, assume_scheme="https")

    class Meta:
        model = Institution
        fields = ["website", "email", "phone", "address"]
        widgets = {"address": forms.Textarea(attrs={"rows": 3})}
