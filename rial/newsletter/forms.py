from django import forms
from django.utils.translation import gettext_lazy as _

from rial.core.languages import LANGUAGE_CHOICES, LANGUAGE_CODES
from rial.newsletter import segments
from rial.newsletter.models import FREE_SECTIONS, REQUIRED_LANGUAGES, Issue, IssueItem, Section

OPTIONAL_EDITIONS = [("pt", _("Portuguese edition written")), ("fr", _("French edition written"))]


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("Email address"), max_length=254,
                             error_messages={"invalid": _("Enter a valid email address, such as name@example.org.")})
    name = forms.CharField(label=_("Name (optional)"), max_length=200, required=False)
    language = forms.ChoiceField(label=_("Language of the newsletter"), choices=LANGUAGE_CHOICES,
                                 help_text=_("Issues are written in English and Spanish, and in Portuguese and "
                                             "French when possible; otherwise you receive the English edition."))


class IssueForm(forms.ModelForm):
    extra_languages = forms.MultipleChoiceField(label=_("Further editions"), choices=OPTIONAL_EDITIONS,
                                                required=False, widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Issue
        fields = ["number", "title_en", "introduction_en", "title_es", "introduction_es", "title_pt",
                  "introduction_pt", "title_fr", "introduction_fr"]
        labels = {
            "title_en": _("Title (English)"), "introduction_en": _("Introduction (English)"),
            "title_es": _("Title (Spanish)"), "introduction_es": _("Introduction (Spanish)"),
            "title_pt": _("Title (Portuguese)"), "introduction_pt": _("Introduction (Portuguese)"),
            "title_fr": _("Title (French)"), "introduction_fr": _("Introduction (French)"),
        }
        widgets = {f"introduction_{code}": forms.Textarea(attrs={"rows": 4}) for code in LANGUAGE_CODES}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title_en"].required = True
        self.fields["title_es"].required = True
        self.fields["extra_languages"].initial = [code for code in (self.instance.languages or [])
                                                  if code not in REQUIRED_LANGUAGES]

    def clean(self):
        cleaned = super().clean()
        for code in cleaned.get("extra_languages") or []:
            if not cleaned.get(f"title_{code}"):
                self.add_error(f"title_{code}", _("Write the title of this edition, or untick it."))
        return cleaned

    def save(self, commit=True):
        issue = super().save(commit=False)
        issue.languages = [*REQUIRED_LANGUAGES, *self.cleaned_data.get("extra_languages", [])]
        return issue


class ItemForm(forms.ModelForm):
    """An item's texts in each language; for a free item also its section."""

    class Meta:
        model = IssueItem
        fields = ["section", "date", "title_en", "summary_en", "link_en", "title_es", "summary_es", "link_es",
                  "title_pt", "summary_pt", "link_pt", "title_fr", "summary_fr", "link_fr"]
        labels = {
            "title_en": _("Title (English)"), "summary_en": _("Text (English)"), "link_en": _("Link (English)"),
            "title_es": _("Title (Spanish)"), "summary_es": _("Text (Spanish)"), "link_es": _("Link (Spanish)"),
            "title_pt": _("Title (Portuguese)"), "summary_pt": _("Text (Portuguese)"),
            "link_pt": _("Link (Portuguese)"),
            "title_fr": _("Title (French)"), "summary_fr": _("Text (French)"), "link_fr": _("Link (French)"),
        }
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
            **{f"summary_{code}": forms.Textarea(attrs={"rows": 3}) for code in LANGUAGE_CODES},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title_en"].required = True
        if self.instance.source:
            del self.fields["section"]
        else:
            self.fields["section"].choices = [(key, label) for key, label in Section.choices if key in FREE_SECTIONS]
        for code in LANGUAGE_CODES:
            self.fields[f"link_{code}"].help_text = _("An address starting with https://, or a page of this platform.")

    def clean(self):
        cleaned = super().clean()
        for code in LANGUAGE_CODES:
            link = (cleaned.get(f"link_{code}") or "").strip()
            if link and not link.startswith(("https://", "/")):
                self.add_error(f"link_{code}", _("A link starts with https:// (or / for a page of this platform)."))
        return cleaned


class AudienceForm(forms.Form):
    audience = forms.ChoiceField(label=_("Send to"), choices=())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["audience"].choices = segments.choices()


class SendForm(AudienceForm):
    expected = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class TestEmailForm(forms.Form):
    language = forms.ChoiceField(label=_("Edition"), choices=LANGUAGE_CHOICES)

    def __init__(self, *args, issue: Issue, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [(code, label) for code, label in LANGUAGE_CHOICES if code in issue.languages]

