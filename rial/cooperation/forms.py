from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from rial.accounts.roles import roles_for
from rial.cooperation.models import SCORE_MAX, SCORE_MIN, Call, Modality, Outcome, Proposal
from rial.cooperation.services import EXPENSE_CATEGORIES
from rial.core.files import sniff
from rial.core.forms import InstitutionChoiceField, InstitutionMultipleChoiceField
from rial.core.questionnaires import QuestionnaireForm  # noqa: F401 (the shared questionnaire, used by views)
from rial.core.widgets import PrivateFileInput
from rial.directory.models import Country, Institution
from rial.portfolio.models import Program
from rial.topics.models import Topic


class ProposalForm(forms.ModelForm):
    class Meta:
        model = Proposal
        fields = ["requesting", "providing", "beneficiaries", "modality", "topics", "program", "title", "objectives",
                  "expected_results", "agenda", "travellers", "days"]
        widgets = {"beneficiaries": forms.CheckboxSelectMultiple, "topics": forms.CheckboxSelectMultiple,
                   "objectives": forms.Textarea(attrs={"rows": 4}), "expected_results": forms.Textarea(attrs={"rows": 4}),
                   "agenda": forms.Textarea(attrs={"rows": 6})}
        field_classes = {"requesting": InstitutionChoiceField, "providing": InstitutionChoiceField,
                         "beneficiaries": InstitutionMultipleChoiceField}

    def __init__(self, *args, call: Call, user, **kwargs):
        super().__init__(*args, **kwargs)
        ministries = Institution.objects.active().ministries().select_related("country").order_by("name")
        roles = roles_for(user)
        # A focal point proposes only for a ministry they act for; the Secretariat may enter any.
        self.fields["requesting"].queryset = (ministries if roles.is_secretariat
                                              else ministries.filter(pk__in=roles.focal_point_for))
        if not self.is_bound and not self.instance.pk and len(roles.focal_point_for) == 1:
            # A focal point of one ministry proposes for it: already chosen.
            self.fields["requesting"].initial = next(iter(roles.focal_point_for))
        self.fields["providing"].queryset = ministries
        self.fields["beneficiaries"].queryset = ministries
        self.fields["beneficiaries"].required = False
        self.fields["topics"].queryset = Topic.objects.exclude(parent=None).order_by("position")
        self.fields["program"].queryset = Program.objects.published().select_related("ministry").order_by("name")
        self.fields["modality"].choices = [(m.value, m.label) for m in Modality if m in call.modalities]
        self.fields["travellers"].widget.attrs["max"] = call.max_travellers
        self.fields["days"].widget.attrs["max"] = call.max_days


class EvaluationForm(forms.Form):
    relevance = forms.IntegerField(label=_("Relevance"), min_value=SCORE_MIN, max_value=SCORE_MAX)
    opportunity = forms.IntegerField(label=_("Opportunity"), min_value=SCORE_MIN, max_value=SCORE_MAX)
    clarity = forms.IntegerField(label=_("Clarity of objectives"), min_value=SCORE_MIN, max_value=SCORE_MAX)
    commitment = forms.IntegerField(label=_("Commitment of all parties"), min_value=SCORE_MIN, max_value=SCORE_MAX)
    comments = forms.CharField(label=_("Comments"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 4}))


class ExecutionForm(forms.Form):
    starts_on = forms.DateField(label=_("Started on"), widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(label=_("Ended on"), widget=forms.DateInput(attrs={"type": "date"}))
    travellers = forms.CharField(label=_("Travellers"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
                                 help_text=_("One line per traveller: name, position, ministry."))
    agenda_carried_out = forms.CharField(label=_("Agenda carried out"), max_length=6000,
                                         widget=forms.Textarea(attrs={"rows": 6}))


class ExpenseForm(forms.Form):
    amount = forms.CharField(label=_("Amount"), max_length=20, help_text=_("For example 1250.50"))
    currency = forms.CharField(label=_("Currency"), max_length=3, initial="USD", help_text=_("ISO code, e.g. USD"))
    category = forms.ChoiceField(label=_("Category"), choices=[(c.value, c.label) for c in EXPENSE_CATEGORIES])
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    description = forms.CharField(label=_("Description"), max_length=400)


class PartyForm(forms.Form):
    """Base for forms filed on behalf of one party ministry of an activity."""

    institution = InstitutionChoiceField(label=_("Ministry"), queryset=Institution.objects.none())

    def __init__(self, *args, parties, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].queryset = parties


class ReportForm(PartyForm):
    summary = forms.CharField(label=_("What was done and learned"), max_length=8000,
                              widget=forms.Textarea(attrs={"rows": 8}))


class OutcomeForm(PartyForm):
    category = forms.ChoiceField(label=_("Category"), choices=Outcome.Category.choices)
    description = forms.CharField(label=_("Description"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4}))
    evidence = forms.CharField(label=_("Evidence"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}),
                               help_text=_("Where the outcome can be checked: a resolution, a web page, a document."))
    adopted_program = forms.ModelChoiceField(label=_("Portfolio program adopted (optional)"), required=False,
                                             queryset=Program.objects.published().order_by("name"))


class ParticipantForm(PartyForm):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    email = forms.EmailField(label=_("Email"), required=False)


class PartnerSearchForm(forms.Form):
    need = forms.CharField(label=_("What does your ministry need?"), max_length=1000,
                           widget=forms.Textarea(attrs={"rows": 3}))
    topics = forms.ModelMultipleChoiceField(label=_("Topics"), queryset=Topic.objects.exclude(parent=None),
                                            required=False, widget=forms.CheckboxSelectMultiple)


class NetworkFilterForm(forms.Form):
    topic = forms.ModelChoiceField(label=_("Topic"), queryset=Topic.objects.all(), required=False,
                                   to_field_name="slug", empty_label=_("All topics"))
    year_from = forms.IntegerField(label=_("From year"), min_value=2000, max_value=2100, required=False)
    year_to = forms.IntegerField(label=_("To year"), min_value=2000, max_value=2100, required=False)


class CallForm(forms.ModelForm):
    """The Secretariat's page for a call's rules (the destination rates come in ``RateFormSet`` below)."""

    class Meta:
        model = Call
        fields = ["number", "year", "opens_on", "closes_on", "guidelines", "budget", "allows_provider_visit",
                  "allows_expert_visit", "allows_virtual", "max_travellers", "max_days", "weight_relevance",
                  "weight_opportunity", "weight_clarity", "weight_commitment", "authorities_evaluate",
                  "authority_evaluators", "report_days", "notes"]
        widgets = {"opens_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "closes_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "authority_evaluators": forms.SelectMultiple(attrs={"size": 6}),
                   "guidelines": PrivateFileInput(download_url=Call.get_guidelines_url)}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["budget"].min_value = Decimal("0")
        self.fields["budget"].widget.attrs["min"] = "0"
        self.fields["authority_evaluators"].queryset = (get_user_model().objects.filter(is_active=True)
                                                        .order_by("last_name", "first_name", "username"))
        self.fields["authority_evaluators"].required = False

    def clean_guidelines(self):
        # The library's checks: the size limit, and a PDF, DOCX, XLSX or PPTX by its content, whatever its name
        # says (an HTML or SVG page renamed .pdf would run in the browser of whoever opens it).
        upload = self.cleaned_data.get("guidelines")
        if isinstance(upload, UploadedFile):
            sniff(upload)
        return upload

    def clean(self):
        data = super().clean()
        weights = [data.get(name) for name in ("weight_relevance", "weight_opportunity", "weight_clarity",
                                               "weight_commitment")]
        if None not in weights and sum(weights) != 100:
            self.add_error("weight_relevance", _("The evaluation weights must add up to 100 (now %(total)s).")
                           % {"total": sum(weights)})
        if data.get("opens_on") and data.get("closes_on") and data["closes_on"] < data["opens_on"]:
            self.add_error("closes_on", _("The call must close on or after the day it opens."))
        return data


class RateForm(forms.Form):
    country = forms.ModelChoiceField(label=_("Destination"), queryset=Country.objects.order_by("name"))
    airfare = forms.DecimalField(label=_("Economy airfare per traveller (USD)"), min_value=Decimal("0"),
                                 max_digits=12, decimal_places=2)
    per_diem = forms.DecimalField(label=_("Per diem (USD a day)"), min_value=Decimal("0"), max_digits=12,
                                  decimal_places=2)


class BaseRateFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        countries = [form.cleaned_data["country"] for form in self.forms
                     if form.cleaned_data and not form.cleaned_data.get("DELETE") and "country" in form.cleaned_data]
        if len(countries) != len(set(countries)):
            raise forms.ValidationError(_("Each destination can have only one rate."))

    def rates(self) -> list[dict]:
        return [{"country": f.cleaned_data["country"], "airfare": f.cleaned_data["airfare"],
                 "per_diem": f.cleaned_data["per_diem"]}
                for f in self.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]


RateFormSet = forms.formset_factory(RateForm, formset=BaseRateFormSet, extra=3, can_delete=True, max_num=60,
                                    validate_max=True)
