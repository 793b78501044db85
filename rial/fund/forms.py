"""The Secretariat's forms. They only collect input: the services validate amounts and write the entry."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from rial.core.forms import InstitutionChoiceField
from rial.directory.models import Country, Institution
from rial.fund import payable
from rial.fund.currencies import Currency
from rial.fund.models import Allocation, Category, Entry

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
AMOUNT_WIDGET = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})


class CurrencyField(forms.ChoiceField):
    default_error_messages = {
        "invalid_choice": _("The fund does not know the currency “%(value)s”; choose one from the list."),
    }

    def __init__(self, **kwargs):
        # Lazy, so the currency names follow the language of each request.
        super().__init__(choices=[(code, format_lazy("{} — {}", code, label)) for code, label in Currency.choices],
                         **kwargs)


class MoneyForm(forms.Form):
    # Amounts are text here on purpose: the service parses them exactly and says what is wrong.
    amount = forms.CharField(label=_("Amount"), max_length=30, widget=AMOUNT_WIDGET,
                             help_text=_("In figures, with at most two decimals, e.g. 1250.50."))
    currency = CurrencyField(label=_("Currency"), initial=Currency.USD)
    usd_value = forms.CharField(label=_("Value in USD at the date"), max_length=30, required=False,
                                widget=AMOUNT_WIDGET,
                                help_text=_("Required unless the currency is USD."))
    date = forms.DateField(label=_("Date"), widget=DATE_WIDGET)


class ContributionForm(MoneyForm):
    pledge = forms.TypedChoiceField(
        label=_("Status"), coerce=lambda value: value == "pledge", initial="received", widget=forms.RadioSelect,
        choices=[("received", _("Received")), ("pledge", _("Pledged, not yet received"))])
    funding = forms.ChoiceField(label=_("Funding"), choices=Entry.Funding.choices, initial=Entry.Funding.VOLUNTARY)
    in_kind = forms.BooleanField(
        label=_("In-kind support (services or goods at a stated value, kept apart from cash)"), required=False)
    contributor = InstitutionChoiceField(
        label=_("Contributor in the directory"), required=False,
        queryset=Institution.objects.active(),
        help_text=_("A ministry or another institution of the directory."))
    contributor_name = forms.CharField(label=_("Or the contributor's name"), max_length=300, required=False,
                                       help_text=_("For a body that is not in the directory."))
    country = forms.ModelChoiceField(label=_("Country"), required=False, queryset=Country.objects.order_by("name"),
                                     help_text=_("Defaults to the contributor's country."))
    fulfils = forms.ModelChoiceField(
        label=_("Pays the pledge"), required=False,
        queryset=Entry.objects.filter(kind=Entry.Kind.PLEDGE, reverses__isnull=True, reversed_by__isnull=True)
        .select_related("contributor").order_by("-date"),
        help_text=_("For a contribution received against an earlier pledge."))
    description = forms.CharField(label=_("Description"), max_length=500, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fulfils"].label_from_instance = (
            lambda pledge: f"{pledge.contributor_label} · {pledge.date:%Y-%m-%d} · {pledge.amount} {pledge.currency}")

    def clean(self):
        data = super().clean()
        if not data.get("contributor") and not (data.get("contributor_name") or "").strip():
            self.add_error("contributor", _("Name the contributor: choose one from the directory or type a name."))
        return data


class PledgeForm(MoneyForm):
    """A focal point announces a pledge of a ministry they act for (the Secretariat, of any institution)."""

    contributor = InstitutionChoiceField(label=_("Ministry"), queryset=Institution.objects.none())
    description = forms.CharField(label=_("Description"), max_length=500, required=False)

    def __init__(self, *args, institutions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contributor"].queryset = institutions


class ExpenseForm(MoneyForm):
    kind = forms.ChoiceField(label=_("Type"), initial=Entry.Kind.EXPENDITURE, choices=[
        (kind.value, kind.label) for kind in (Entry.Kind.EXPENDITURE, Entry.Kind.DISBURSEMENT,
                                              Entry.Kind.COMMITMENT)])
    category = forms.ChoiceField(label=_("Category"), choices=Category.choices)
    in_kind = forms.BooleanField(label=_("In kind (not paid from the fund's cash)"), required=False)
    description = forms.CharField(label=_("What it paid for"), max_length=500)
    paid_for = forms.ChoiceField(label=_("Charged to"), required=False,
                                 help_text=_("The cooperation activity, event or study this expense paid for."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["paid_for"].choices = [("", _("Nothing in particular")), *payable.choices()]

    def clean_paid_for(self):
        return payable.resolve(self.cleaned_data["paid_for"])


class ReverseForm(forms.Form):
    reason = forms.CharField(label=_("Why is this entry reversed?"), max_length=500,
                             widget=forms.Textarea(attrs={"rows": 2}))


class AllocationForm(forms.ModelForm):
    currency = CurrencyField(label=_("Currency"), initial=Currency.USD)

    class Meta:
        model = Allocation
        fields = ["meeting", "decided_on", "category", "amount", "currency", "note"]
        widgets = {"decided_on": DATE_WIDGET}

    def clean_amount(self):
        amount = self.cleaned_data["amount"]
        if amount is not None and amount <= 0:
            raise forms.ValidationError(_("The amount must be greater than zero."))
        return amount


class LedgerFilterForm(forms.Form):
    """Whitelisted filters of the ledger page."""

    kind = forms.ChoiceField(label=_("Type"), required=False, choices=[("", _("All"))] + Entry.Kind.choices)
    category = forms.ChoiceField(label=_("Category"), required=False, choices=[("", _("All"))] + Category.choices)
    currency = forms.ChoiceField(label=_("Currency"), required=False, choices=[("", _("All"))] + Currency.choices)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1990, max_value=2100)
