"""Forms of the meetings app. Model validation (dates in order, file types) runs through full_clean."""

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from rial.conference.models import ConferenceDocument, Mandate, WorkingGroup
from rial.core.forms import (
    InstitutionChoiceField,
    InstitutionMultipleChoiceField,
    MandateChoiceField,
    MandateMultipleChoiceField,
)
from rial.core.widgets import PrivateFileInput
from rial.directory.models import Institution, Person
from rial.meetings.models import (
    Conclusion,
    Consultation,
    ConsultationAnswer,
    DraftForum,
    GuidingQuestion,
    Meeting,
    MeetingDocument,
    Participant,
    PlannedActivity,
    WorkingGroupReport,
    WorkPlan,
    WorkPlanRevision,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class MeetingFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("All kinds")), *Meeting.Kind.choices])
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1963, max_value=2100)


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["title_en", "title_es", "kind", "start_date", "end_date", "start_time", "end_time", "time_zone",
                  "is_virtual", "venue", "city", "country", "conference", "working_groups", "objectives", "agenda", "topics",
                  "reported_ministries", "funding_note", "notes", "is_published"]
        widgets = {"start_date": DATE, "end_date": DATE, "start_time": TIME, "end_time": TIME,
                   "topics": forms.CheckboxSelectMultiple, "working_groups": forms.CheckboxSelectMultiple}
        labels = {"title_en": _("Title (English)"), "title_es": _("Title (Spanish)")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title_en"].required = True
        self.fields["working_groups"].queryset = WorkingGroup.objects.select_related("conference").order_by(
            "-conference__number", "number")

    def clean(self):
        data = super().clean()
        if not data.get("is_virtual") and not data.get("city"):
            self.add_error("city", _("Give the city, or mark the meeting as virtual."))
        if data.get("end_time") and not data.get("start_time"):
            self.add_error("start_time", _("Give the starting time too."))
        return data


class ParticipantForm(forms.ModelForm):
    class Meta:
        model = Participant
        fields = ["institution", "person", "name", "role", "attended"]
        field_classes = {"institution": InstitutionChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].queryset = Institution.objects.active().order_by("name")
        self.fields["person"].queryset = Person.objects.active()


class QuestionForm(forms.ModelForm):
    class Meta:
        model = GuidingQuestion
        fields = ["number", "panel", "text", "answers_due"]
        widgets = {"answers_due": DATETIME, "text": forms.Textarea(attrs={"rows": 2})}


class ConclusionForm(forms.ModelForm):
    class Meta:
        model = Conclusion
        fields = ["kind", "number", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}


class DocumentForm(forms.ModelForm):
    class Meta:
        model = MeetingDocument
        fields = ["title", "code", "kind", "language", "file", "is_public"]
        widgets = {"file": PrivateFileInput(download_url=MeetingDocument.get_download_url)}


ParticipantFormSet = inlineformset_factory(Meeting, Participant, form=ParticipantForm, extra=2, can_delete=True)
QuestionFormSet = inlineformset_factory(Meeting, GuidingQuestion, form=QuestionForm, extra=1, can_delete=True)
ConclusionFormSet = inlineformset_factory(Meeting, Conclusion, form=ConclusionForm, extra=2, can_delete=True)
DocumentFormSet = inlineformset_factory(Meeting, MeetingDocument, form=DocumentForm, extra=1, can_delete=True)


class AnswerForm(forms.Form):
    institution = InstitutionChoiceField(label=_("Delegation"), queryset=Institution.objects.none())
    text = forms.CharField(label=_("Written answer"), widget=forms.Textarea(attrs={"rows": 6}), max_length=20000)

    def __init__(self, *args, institutions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].queryset = Institution.objects.filter(pk__in=[i.pk for i in institutions])
        if len(institutions) == 1:
            self.fields["institution"].initial = institutions[0].pk


class MandateLinkForm(forms.Form):
    mandate = MandateChoiceField(label=_("Mandate"), queryset=Mandate.objects.none())
    conclusion = forms.ModelChoiceField(label=_("Conclusion (optional)"), queryset=Conclusion.objects.none(),
                                        required=False,
                                        help_text=_("Leave empty when the meeting as a whole answers the mandate."))

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        mandates = Mandate.objects.active().select_related("plan")
        if meeting.conference_id:
            mandates = mandates.filter(plan__conference_id=meeting.conference_id)
        self.fields["mandate"].queryset = mandates
        self.fields["conclusion"].queryset = meeting.conclusions.all()


class CalendarFilterForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1963, max_value=2100)


class WorkPlanForm(forms.ModelForm):
    as_of = forms.DateField(label=_("Adopted or updated as of"), widget=DATE)

    class Meta:
        model = WorkPlan
        fields = ["title", "first_year", "last_year", "conference", "planning_meeting"]


class RevisionForm(forms.Form):
    as_of = forms.DateField(label=_("Updated as of"), widget=DATE)
    note = forms.CharField(label=_("What changed"), max_length=300, required=False)


class ActivityForm(forms.ModelForm):
    class Meta:
        model = PlannedActivity
        fields = ["title", "description", "start_date", "end_date", "start_time", "end_time", "time_zone", "place",
                  "is_virtual", "country", "responsible", "responsible_note", "funding_source", "funding_amount",
                  "currency", "status", "mandates", "meeting"]
        widgets = {"start_date": DATE, "end_date": DATE, "start_time": TIME, "end_time": TIME,
                   "responsible": forms.SelectMultiple(attrs={"size": 8})}
        field_classes = {"responsible": InstitutionMultipleChoiceField, "mandates": MandateMultipleChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = Institution.objects.active().order_by("kind", "name")
        plan = self.instance.revision.plan if self.instance.revision_id else None
        mandates = Mandate.objects.active().select_related("plan")
        if plan and plan.conference_id:
            mandates = mandates.filter(plan__conference_id=plan.conference_id)
        self.fields["mandates"].queryset = mandates
        self.fields["meeting"].queryset = Meeting.objects.active().order_by("-start_date")

    def clean(self):
        data = super().clean()
        if data.get("end_time") and not data.get("start_time"):
            self.add_error("start_time", _("Give the starting time too."))
        if data.get("funding_amount") is not None and not data.get("funding_source"):
            self.add_error("funding_source", _("Say who pays this amount."))
        return data


class ConsultationForm(forms.ModelForm):
    class Meta:
        model = Consultation
        fields = ["title", "subject", "description", "document", "work_plan_revision", "deadline",
                  "silence_is_approval", "consulted"]
        widgets = {"deadline": DATETIME, "consulted": forms.SelectMultiple(attrs={"size": 10}),
                   "document": PrivateFileInput(download_url=Consultation.get_document_url)}
        field_classes = {"consulted": InstitutionMultipleChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consulted"].queryset = Institution.objects.active().order_by("kind", "name")
        self.fields["work_plan_revision"].queryset = WorkPlanRevision.objects.select_related("plan")


class ConsultationAnswerForm(forms.Form):
    institution = InstitutionChoiceField(label=_("Answering for"), queryset=Institution.objects.none())
    answer = forms.ChoiceField(label=_("Answer"), widget=forms.RadioSelect, choices=[
        (value, label) for value, label in ConsultationAnswer.Answer.choices
        if value != ConsultationAnswer.Answer.TACIT])
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
                              max_length=10000, help_text=_("Required for an objection or a comment."))

    def __init__(self, *args, institutions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].queryset = Institution.objects.filter(pk__in=[i.pk for i in institutions])
        if len(institutions) == 1:
            self.fields["institution"].initial = institutions[0].pk


class ReportDraftForm(forms.Form):
    group = forms.ModelChoiceField(label=_("Working group"), queryset=WorkingGroup.objects.none())
    period_start = forms.DateField(label=_("Period from"), widget=DATE)
    period_end = forms.DateField(label=_("Period until"), widget=DATE)
    language = forms.ChoiceField(label=_("Language of the report"), choices=[("en", _("English")), ("es", _("Spanish"))])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = WorkingGroup.objects.select_related("conference").order_by(
            "-conference__number", "number")

    def clean(self):
        data = super().clean()
        if data.get("period_start") and data.get("period_end") and data["period_end"] < data["period_start"]:
            self.add_error("period_end", _("The period must end after it starts."))
        return data


class ReportForm(forms.ModelForm):
    class Meta:
        model = WorkingGroupReport
        fields = ["title", "introduction", "topics_summary", "consensus", "further_work", "recommendations", "status"]
        widgets = {name: forms.Textarea(attrs={"rows": 10}) for name in
                   ("introduction", "topics_summary", "consensus", "further_work", "recommendations")}


class CarryForm(forms.Form):
    plan = forms.ModelChoiceField(
        label=_("Draft Plan of Action"),
        queryset=ConferenceDocument.objects.filter(kind=ConferenceDocument.Kind.PLAN_OF_ACTION,
                                                   status=ConferenceDocument.Status.DRAFT).select_related("conference"))


class ForumForm(forms.ModelForm):
    text = forms.CharField(label=_("Text of the draft"), widget=forms.Textarea(attrs={"rows": 16}), max_length=500_000,
                           required=False,
                           help_text=_("Paste the draft; separate paragraphs with a blank line. Leave empty to "
                                       "use the Word or text file of the chosen draft."))

    class Meta:
        model = DraftForum
        fields = ["title", "draft", "introduction", "opens_at", "closes_at"]
        widgets = {"opens_at": DATETIME, "closes_at": DATETIME}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["draft"].queryset = ConferenceDocument.objects.filter(
            status=ConferenceDocument.Status.DRAFT).select_related("conference")


class ForumCommentForm(forms.Form):
    institution = forms.ModelChoiceField(label=_("On behalf of"), queryset=Institution.objects.none())
    text = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)

    def __init__(self, *args, institutions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].queryset = Institution.objects.filter(pk__in=[i.pk for i in institutions])
        if len(institutions) == 1:
            self.fields["institution"].initial = institutions[0].pk
