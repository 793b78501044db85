"""Forms of the conference pages: follow-up of a mandate, reports, evidence, and the plan import."""

import dataclasses

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rial.conference.importer.parsed import (
    ADOPTED,
    DRAFT,
    Activity,
    ConferenceInfo,
    DocumentCodes,
    Group,
    ParsedPlan,
)
from rial.conference.models import ConferenceDocument, Evidence, Mandate
from rial.core.forms import InstitutionMultipleChoiceField
from rial.core.widgets import PrivateFileInput
from rial.directory.models import Country, Institution
from rial.topics.models import Topic


class FollowUpForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Mandate.Status.choices)
    progress = forms.IntegerField(label=_("Progress (%)"), min_value=0, max_value=100, required=False,
                                  help_text=_("Leave empty for a mandate with items: their average is used."))
    notes = forms.CharField(label=_("Notes"), widget=forms.Textarea(attrs={"rows": 3}), required=False,
                            max_length=5000)


class ProgressReportForm(forms.Form):
    date = forms.DateField(label=_("Date"), initial=timezone.localdate,
                           widget=forms.DateInput(attrs={"type": "date"}))
    text = forms.CharField(label=_("What was done"), widget=forms.Textarea(attrs={"rows": 4}), max_length=10000)
    progress = forms.IntegerField(label=_("Progress now (%)"), min_value=0, max_value=100, required=False)


class EvidenceForm(forms.Form):
    description = forms.CharField(label=_("Description"), max_length=500)
    url = forms.URLField(label=_("Link"), max_length=500, assume_scheme="https")
    visibility = forms.ChoiceField(label=_("Visibility"), choices=Evidence.Visibility.choices)


class PlanUploadForm(forms.Form):
    file = forms.FileField(label=_("Plan of Action"), help_text=_("A .txt, .docx or .pdf file."))


def _country_choices() -> list[tuple[str, str]]:
    return [("", _("— not chosen yet —"))] + [(name, name) for name in
                                              Country.objects.order_by("name_en").values_list("name_en", flat=True)]


def _lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


@dataclasses.dataclass
class GroupLayout:
    """One working group's part of the preview."""

    number: int
    title: str
    fields: list
    activities: list[dict]
    needs_correction: bool

    @property
    def activity_errors(self) -> bool:
        return any(field.errors for activity in self.activities for field in activity.values())

    @property
    def has_errors(self) -> bool:
        return any(field.errors for field in self.fields) or self.activity_errors


class PlanCorrectionForm(forms.Form):
    """The parsed plan, every part editable before it is saved. Field names follow the parse's structure."""

    conference_number = forms.CharField(label=_("Conference number (roman numerals)"), max_length=10)
    conference_year = forms.IntegerField(label=_("Year"), min_value=1963, max_value=2100)
    conference_city = forms.CharField(label=_("City"), max_length=100, required=False)
    title = forms.CharField(label=_("Title"), max_length=300)
    language = forms.ChoiceField(
        label=_("Language of this text"), choices=ConferenceDocument.Language.choices,
        help_text=_("A plan in another language than a plan already saved for this conference is saved as its "
                    "language version: its texts attach to the same mandates."))
    status = forms.ChoiceField(
        label=_("Status the document states"),
        choices=[(DRAFT, ConferenceDocument.Status.DRAFT.label), (ADOPTED, ConferenceDocument.Status.ADOPTED.label)],
        help_text=_("A draft is saved as a draft; adopting it is a separate step on the plan's page."))
    code = forms.CharField(label=_("Document code"), max_length=60, required=False)
    cidi_code = forms.CharField(label=_("CIDI code"), max_length=60, required=False)
    revision = forms.IntegerField(label=_("Revision"), min_value=0, max_value=99)
    chair = forms.ChoiceField(label=_("Chair pro tempore"), required=False)
    previous_chair = forms.ChoiceField(label=_("Previous chair"), required=False)
    next_chair = forms.ChoiceField(label=_("Next chair"), required=False)
    network_actions = forms.CharField(label=_("Actions of the network (one per line)"), required=False,
                                      widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, parsed: ParsedPlan, *args, **kwargs):
        self.parsed = parsed
        conference = parsed.conference
        initial = {
            "conference_number": conference.number, "conference_year": conference.year,
            "conference_city": conference.city, "title": parsed.title, "language": parsed.language,
            "status": parsed.status, "code": parsed.codes.code, "cidi_code": parsed.codes.cidi_code,
            "revision": parsed.codes.revision, "chair": parsed.chair, "previous_chair": parsed.previous_chair,
            "next_chair": parsed.next_chair, "network_actions": "\n".join(parsed.network_actions),
        }
        super().__init__(*args, initial=initial, **kwargs)
        choices = _country_choices()
        for name in ("chair", "previous_chair", "next_chair"):
            self.fields[name].choices = choices
        self.layout = []
        for group in parsed.working_groups:
            prefix = f"wg{group.number}"
            vice = [*group.vice_chairs, None, None]
            self._add(f"{prefix}_title", forms.CharField(label=_("Title"), max_length=400, required=False),
                      group.title)
            self._add(f"{prefix}_chair", forms.ChoiceField(label=_("Chair"), choices=choices, required=False),
                      group.chair)
            for index in (1, 2):
                self._add(f"{prefix}_vice{index}", forms.ChoiceField(
                    label=_("Vice-chair %(number)s") % {"number": index}, choices=choices, required=False),
                    vice[index - 1])
            self._add(f"{prefix}_topics", forms.CharField(label=_("Topics followed (one per line)"), required=False,
                                                          widget=forms.Textarea(attrs={"rows": 4})),
                      "\n".join(group.topics))
            activities = []
            for number, activity in enumerate(group.activities, start=1):
                key = f"{prefix}_a{number}"
                self._add(f"{key}_label", forms.CharField(label=_("Label"), max_length=10, required=False),
                          activity.label)
                self._add(f"{key}_text", forms.CharField(
                    label=_("Activity"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                    help_text=_("Empty the text to leave this activity out.")), activity.text)
                self._add(f"{key}_items", forms.CharField(label=_("Items (one per line)"), required=False,
                                                          widget=forms.Textarea(attrs={"rows": 2})),
                          "\n".join(activity.items))
                activities.append({"label": self[f"{key}_label"], "text": self[f"{key}_text"],
                                   "items": self[f"{key}_items"]})
            self.layout.append(GroupLayout(
                number=group.number, title=group.title,
                fields=[self[f"{prefix}_{name}"] for name in ("title", "chair", "vice1", "vice2", "topics")],
                activities=activities,
                # What needs a look first: a chair or vice-chair not named, no activities.
                needs_correction=group.chair is None or None in group.vice_chairs or not group.activities,
            ))

    def _add(self, name: str, field: forms.Field, initial) -> None:
        self.fields[name] = field
        self.initial[name] = initial

    @property
    def document_fields(self) -> list:
        """The fields about the conference and the document (not those of one group or the network)."""
        return [self[name] for name in self.fields if not name.startswith("wg") and name != "network_actions"]

    def corrected(self) -> ParsedPlan:
        """The parse with the corrections applied, ready for ``plan_import``."""
        data = self.cleaned_data
        groups = []
        for group in self.parsed.working_groups:
            prefix = f"wg{group.number}"
            activities = []
            for number, _activity in enumerate(group.activities, start=1):
                key = f"{prefix}_a{number}"
                if data[f"{key}_text"].strip():
                    activities.append(Activity(label=data[f"{key}_label"], text=data[f"{key}_text"].strip(),
                                               items=_lines(data[f"{key}_items"])))
            groups.append(Group(
                number=group.number, title=data[f"{prefix}_title"], chair=data[f"{prefix}_chair"] or None,
                vice_chairs=[data[f"{prefix}_vice1"] or None, data[f"{prefix}_vice2"] or None],
                topics=_lines(data[f"{prefix}_topics"]), activities=activities,
            ))
        return dataclasses.replace(
            self.parsed,
            conference=ConferenceInfo(number=data["conference_number"].strip().upper(), year=data["conference_year"],
                                      city=data["conference_city"] or None),
            title=data["title"], language=data["language"], status=data["status"],
            codes=DocumentCodes(code=data["code"], cidi_code=data["cidi_code"], revision=data["revision"]),
            chair=data["chair"] or None, previous_chair=data["previous_chair"] or None,
            next_chair=data["next_chair"] or None, network_actions=_lines(data["network_actions"]),
            working_groups=groups,
        )


class MandateEditForm(forms.ModelForm):
    """What the Secretariat corrects after an import: the group, topics, responsible institutions, due date."""

    class Meta:
        model = Mandate
        fields = ["group", "topics", "responsible_institutions", "due_date", "due_text"]
        widgets = {"due_date": forms.DateInput(attrs={"type": "date"}),
                   "topics": forms.CheckboxSelectMultiple, "responsible_institutions": forms.SelectMultiple(
                       attrs={"size": 8})}
        field_classes = {"responsible_institutions": InstitutionMultipleChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        conference = self.instance.plan.conference
        self.fields["group"].queryset = conference.working_groups.all()
        self.fields["topics"].queryset = Topic.objects.order_by("position")
        self.fields["responsible_institutions"].queryset = Institution.objects.active().order_by("kind", "name")


class DeclarationForm(forms.ModelForm):
    # The title as the text in ``language`` writes it; the names in the other languages are filled from
    # the reference names or the other versions (rial/conference/titles.py), never from this field.
    title = forms.CharField(label=_("Title"), max_length=300)

    class Meta:
        model = ConferenceDocument
        fields = ["language", "original", "code", "cidi_code", "revision", "date", "file"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "file": PrivateFileInput(download_url=ConferenceDocument.get_file_url)}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        others = ConferenceDocument.objects.active().filter(conference=self.instance.conference,
                                                            kind=ConferenceDocument.Kind.DECLARATION)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        self.fields["original"].queryset = others
        if self.instance.pk:
            self.fields["title"].initial = getattr(self.instance, f"title_{self.instance.language}")
        self.order_fields(["language", "original", "title"])
        self.fields["original"].required = False
        self.fields["file"].help_text = _("The text as adopted or drafted (PDF, DOCX). Public once adopted.")

    def _post_clean(self):
        super()._post_clean()
        if self.cleaned_data.get("title") and self.instance.language:
            setattr(self.instance, f"title_{self.instance.language}", self.cleaned_data["title"])
