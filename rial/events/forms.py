from django import forms
from django.utils.translation import gettext_lazy as _

from rial.core.forms import InstitutionChoiceField
from rial.core.languages import LANGUAGE_CHOICES
from rial.directory.models import Country, Institution
from rial.meetings.models import Meeting
from rial.topics.models import Topic


class EventFilterForm(forms.Form):
    WHEN = [("upcoming", _("Upcoming")), ("past", _("Past")), ("all", _("All"))]
    when = forms.ChoiceField(label=_("When"), choices=WHEN, required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False,
                             choices=[("", _("All kinds"))] + [(value, label) for value, label in Meeting.Kind.choices
                                                                if value in Meeting.EVENT_KINDS])
    topic = forms.ModelChoiceField(label=_("Topic"), queryset=Topic.objects.all(), required=False,
                                   to_field_name="slug", empty_label=_("All topics"))
    country = forms.ModelChoiceField(label=_("Host country"), queryset=Country.objects.all(), required=False,
                                     to_field_name="iso2", empty_label=_("All countries"))


class DelegateForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    email = forms.EmailField(label=_("Email"), max_length=254)
    language = forms.ChoiceField(label=_("Language of the messages"), choices=LANGUAGE_CHOICES, initial="es")


DelegateFormSet = forms.formset_factory(DelegateForm, extra=3, max_num=30, validate_max=True)


class DelegationForm(forms.Form):
    institution = InstitutionChoiceField(label=_("Ministry"), queryset=Institution.objects.none())

    def __init__(self, *args, institutions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].queryset = institutions if institutions is not None else Institution.objects.none()


class AttendanceForm(forms.Form):
    attended = forms.MultipleChoiceField(label=_("Attended"), required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, registrations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attended"].choices = [(str(r.pk), f"{r.full_name} ({r.institution or '—'})") for r in registrations]


class ReportForm(forms.Form):
    results = forms.CharField(label=_("Results"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    lessons_learned = forms.CharField(label=_("Lessons learned"), required=False,
                                      widget=forms.Textarea(attrs={"rows": 4}))


class VerifyForm(forms.Form):
    code = forms.CharField(label=_("Verification code"), max_length=20,
                           help_text=_("Printed at the bottom of the certificate, e.g. ABCD-EFGH-JKLM."))
