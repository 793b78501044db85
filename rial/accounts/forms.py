from django import forms
from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_totp.models import TOTPDevice

from rial.core.languages import LANGUAGE_CHOICES
from rial.directory.recipients import recipient_for_user


class TokenCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        min_length=6, max_length=6,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "pattern": "[0-9]{6}"}),
    )

    def __init__(self, *args, device: TOTPDevice, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip()
        if not code.isdigit() or not self.device.verify_token(code):
            raise forms.ValidationError(_("This code is not valid. Check your device's clock and try the current code."))
        return code


class ApiTokenForm(forms.Form):
    label = forms.CharField(label=_("What the token is for"), max_length=100,
                            help_text=_("For example: “monthly export script”."))
    days = forms.TypedChoiceField(label=_("Valid for"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        longest = settings.RIAL_API_TOKEN_DAYS
        lifetimes = sorted({days for days in (30, 90, 180) if days < longest} | {longest})
        self.fields["days"].choices = [
            (days, ngettext("%(count)d day", "%(count)d days", days) % {"count": days}) for days in lifetimes]
        self.fields["days"].initial = longest


class LocalizedPasswordResetForm(PasswordResetForm):
    """The reset email speaks the recipient's language, whatever page the request came from."""

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        recipient = recipient_for_user(context["user"])
        with translation.override(recipient.language if recipient is not None else settings.LANGUAGE_CODE):
            super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)


class PreferredLanguageForm(forms.Form):
    preferred_language = forms.ChoiceField(label=_("Language of the emails you receive"), required=False,
                                           choices=[("", _("The language of my country")), *LANGUAGE_CHOICES])
