from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from rial.conference.models import Mandate
from rial.core.forms import InstitutionMultipleChoiceField, MandateMultipleChoiceField
from rial.core.languages import LANGUAGE_CHOICES, supported
from rial.directory.models import Country, Institution
from rial.library.models import Document
from rial.portfolio.models import Program
from rial.topics.models import Topic


class DocumentFilterForm(forms.Form):
    q = forms.CharField(label=_("Text"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", _("All kinds")), *Document.Kind.choices], required=False)
    topic = forms.ModelChoiceField(label=_("Topic"), queryset=Topic.objects.all(), required=False,
                                   to_field_name="slug", empty_label=_("All topics"))
    country = forms.ModelChoiceField(label=_("Country"), queryset=Country.objects.order_by("name"), required=False,
                                     to_field_name="iso2", empty_label=_("All countries"))


class DocumentForm(forms.ModelForm):
    institutions = InstitutionMultipleChoiceField(label=_("Institutions"), required=False,
                                                  queryset=Institution.objects.active())
    topics = forms.ModelMultipleChoiceField(label=_("Topics"), queryset=Topic.objects.all(), required=False,
                                            widget=forms.CheckboxSelectMultiple)
    countries = forms.ModelMultipleChoiceField(label=_("Countries"), queryset=Country.objects.order_by("name"),
                                               required=False)
    related_programs = forms.ModelMultipleChoiceField(label=_("Related programs"), required=False,
                                                      queryset=Program.objects.published().order_by("name"))
    related_mandates = MandateMultipleChoiceField(label=_("Related mandates"), required=False,
                                                      queryset=Mandate.objects.published().select_related("plan"))
    source_url = forms.URLField(label=_("source link"), max_length=500, required=False, assume_scheme="https")

    class Meta:
        model = Document
        fields = ["title", "summary", "kind", "authors", "institutions", "date", "language", "topics", "countries",
                  "related_programs", "related_mandates", "source_url"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "summary": forms.Textarea(attrs={"rows": 4})}

    RELATIONS = ("institutions", "topics", "countries", "related_programs", "related_mandates")

    def model_data(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields if name not in self.RELATIONS}
        lang = (get_language() or "en")[:2]
        lang = supported(lang) or "en"
        for name in ("title", "summary"):
            data[f"{name}_{lang}"] = data.pop(name)
        return data

    def relations(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.RELATIONS}


class UploadForm(forms.Form):
    file = forms.FileField(label=_("File (PDF, DOCX, XLSX or PPTX)"))
    language = forms.ChoiceField(label=_("Language of this version"), choices=LANGUAGE_CHOICES)


class ReturnForm(forms.Form):
    comment = forms.CharField(label=_("What must change (the submitter reads this)"), max_length=3000,
                              widget=forms.Textarea(attrs={"rows": 4}))
