"""Forms of the forum pages. Limits and rules are the services'; the forms only collect the fields."""

from django import forms
from django.utils.translation import gettext_lazy as _

from rial.forums.models import MAX_POST_CHARS, MAX_REASON_CHARS, MAX_TITLE_CHARS, Forum

BODY_HELP = _("Markdown: **bold**, *italic*, [a link](https://…), > a quotation, - a list. "
              "HTML is shown as text.")


def _body_field():
    # No max_length here: the service refuses an over-long post with a sentence that gives both lengths.
    return forms.CharField(label=_("Your post"), help_text=BODY_HELP, strip=False,
                           error_messages={"required": _("Write something before sending the post.")},
                           widget=forms.Textarea(attrs={"rows": 10, "maxlength": MAX_POST_CHARS}))


class ThreadForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=MAX_TITLE_CHARS,
                            error_messages={"required": _("Give the thread a title.")})
    body = _body_field()


class ReplyForm(forms.Form):
    body = _body_field()
    reply_to = forms.IntegerField(required=False, widget=forms.HiddenInput)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason (the author will read it)"), max_length=MAX_REASON_CHARS,
                             widget=forms.Textarea(attrs={"rows": 3}))


class ThreadModerationForm(ReasonForm):
    ACTIONS = [
        ("lock", _("Lock: no new posts")),
        ("unlock", _("Unlock: posts allowed again")),
        ("hide", _("Hide the thread")),
        ("show", _("Show the thread again")),
        ("move", _("Move to another forum")),
    ]
    action = forms.ChoiceField(label=_("Action"), choices=ACTIONS, widget=forms.RadioSelect)
    to_forum = forms.ModelChoiceField(label=_("Move to"), queryset=Forum.objects.active(), required=False)

    field_order = ["action", "to_forum", "reason"]

    def clean(self):
        data = super().clean()
        if data.get("action") == "move" and not data.get("to_forum"):
            self.add_error("to_forum", _("Choose the forum to move the thread to."))
        return data
