"""The only ways to write to the fund's books. Keyword-only, permission-checked, atomic, logged.

Other apps (cooperation charges its activities' expenses here) call these functions; see
docs/apps/fund.md for the stable interface.
"""

import datetime
import logging
import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Case, DecimalField, F, Sum, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from rial.core.amounts import format_amount
from rial.core.audit import save_logged
from rial.directory.models import Country, Institution
from rial.fund import actions
from rial.fund.currencies import Currency
from rial.fund.models import Category, CurrencyAccount, Entry, content_type_for

logger = logging.getLogger("rial.fund")

CENT = Decimal("0.01")
MAX_AMOUNT = Decimal("999999999999.99")
# Figures only, as people write amounts in the forms and the API: Decimal() alone would also take
# "1_000", "1e3", "+5" or digits of other scripts, which a person reading the books would not.
AMOUNT_TEXT = re.compile(r"-?[0-9]+(\.[0-9]+)?")
# The fund's books start with its creation; an entry dated before, or far in the future, is a typing
# error that would show in the public summary (year 1, year 9999).
EARLIEST_DATE = datetime.date(2000, 1, 1)
FUTURE_DAYS = 366


def parse_amount(value, *, field: str = "amount", allow_zero: bool = False) -> Decimal:
    """An exact, positive amount with at most two decimals, or a ValidationError that says why.

    Floats are refused: 0.1 + 0.2 is not 0.3 in binary, and the books must add up to the cent.
    """
    if isinstance(value, float | bool):
        raise ValidationError({field: _("Give the amount as a number written in figures, e.g. 1250.50.")})
    if not isinstance(value, Decimal | int) and not AMOUNT_TEXT.fullmatch(str(value).strip()):
        raise ValidationError({field: _("“%(value)s” is not an amount: write it in figures, e.g. 1250.50.")
                               % {"value": value}})
    try:
        amount = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise ValidationError({field: _("“%(value)s” is not an amount: write it in figures, e.g. 1250.50.")
                               % {"value": value}}) from None
    if not amount.is_finite():
        raise ValidationError({field: _("“%(value)s” is not an amount: write it in figures, e.g. 1250.50.")
                               % {"value": value}})
    if amount < 0 or (amount == 0 and not allow_zero):
        raise ValidationError({field: _("The amount must be greater than zero; to correct an entry, reverse it.")})
    if amount > MAX_AMOUNT:
        raise ValidationError({field: _("The amount is too large.")})
    if amount != amount.quantize(CENT):
        raise ValidationError({field: _("An amount has at most two decimals (cents).")})
    return amount.quantize(CENT)


def parse_currency(value) -> str:
    code = str(value or "").strip().upper()
    if code not in Currency.values:
        raise ValidationError({"currency": _("The fund does not know the currency “%(code)s”; use an ISO 4217 code "
                                             "such as USD, CAD or MXN.") % {"code": value}})
    return code


def _usd_value(*, amount: Decimal, currency: str, usd_value) -> Decimal:
    if currency == Currency.USD:
        if usd_value not in (None, "") and parse_amount(usd_value, field="usd_value") != amount:
            raise ValidationError({"usd_value": _("An amount in US dollars is its own USD value.")})
        return amount
    if usd_value in (None, ""):
        raise ValidationError({"usd_value": _("Give the USD value of the amount at its date.")})
    return parse_amount(usd_value, field="usd_value")


def _check_date(date) -> datetime.date:
    if not isinstance(date, datetime.date):
        raise ValidationError({"date": _("Give the date of the entry.")})
    latest = timezone.localdate() + datetime.timedelta(days=FUTURE_DAYS)
    if not EARLIEST_DATE <= date <= latest:
        raise ValidationError({"date": _("The date must be between %(earliest)s and %(latest)s.")
                               % {"earliest": EARLIEST_DATE.isoformat(), "latest": latest.isoformat()}})
    return date


def balance(currency: str) -> Decimal:
    """The cash balance of one currency: contributions received less money spent (in-kind excluded)."""
    currency = parse_currency(currency)
    total = Entry.objects.filter(currency=currency, in_kind=False).aggregate(total=Sum(Case(
        When(kind=Entry.Kind.CONTRIBUTION, then=F("amount")),
        When(kind__in=Entry.SPENDING, then=-F("amount")),
        default=Value(Decimal("0")),
        output_field=DecimalField(max_digits=14, decimal_places=2),
    )))["total"]
    return (total or Decimal("0")).quantize(CENT)


def balances() -> dict[str, Decimal]:
    """Cash balance of every currency that has entries."""
    currencies = Entry.objects.cash().order_by().values_list("currency", flat=True).distinct()
    return {code: balance(code) for code in sorted(set(currencies))}


def lock_currency(currency: str) -> None:
    """Take the currency's lock row for the rest of the transaction (created on first use)."""
    if not CurrencyAccount.objects.filter(currency=currency).exists():
        try:
            with transaction.atomic():
                CurrencyAccount.objects.create(currency=currency)
        except IntegrityError:
            pass  # someone else created it at the same moment: fine, we lock theirs
    CurrencyAccount.objects.select_for_update().get(currency=currency)


def _write(entry: Entry, *, user, action: str) -> Entry:
    entry.recorded_by = user if getattr(user, "is_authenticated", False) else None
    entry.full_clean()
    save_logged(entry, user=user, action=action)
    return entry


def refuse_overdraft(*, currency: str, cash_effect: Decimal) -> None:
    available = balance(currency)
    if available + cash_effect < 0:
        raise ValidationError({"amount": _(
            "Refused: this would take the fund's %(currency)s balance below zero. The balance available is "
            "%(available)s %(currency)s and this needs %(needed)s %(currency)s."
        ) % {"currency": currency, "available": format_amount(available), "needed": format_amount(-cash_effect)}})


def record_contribution(*, user, contributor: Institution | None = None, contributor_name: str = "",
                        amount, currency: str, date: datetime.date, usd_value=None, pledge: bool = False,
                        in_kind: bool = False, funding: str = Entry.Funding.VOLUNTARY,
                        country: Country | None = None, description: str = "", source: str = "",
                        fulfils: Entry | None = None) -> Entry:
    """Record a contribution received (or, with ``pledge=True``, pledged) by a ministry or another body.

    ``fulfils`` names the pledge a received contribution pays (in part or in full).
    ``in_kind=True`` records support in services or goods at its stated value, kept apart from cash.
    ``country`` defaults to the contributor's country.
    """
    # A focal point may record a cash pledge of their own ministry; everything else is the Secretariat's.
    own_pledge = pledge and not in_kind and contributor is not None and user.has_perm("fund.add_pledge", contributor)
    if not (user.has_perm("fund.add_entry") or own_pledge):
        raise PermissionDenied
    amount = parse_amount(amount)
    currency = parse_currency(currency)
    usd = _usd_value(amount=amount, currency=currency, usd_value=usd_value)
    date = _check_date(date)
    if contributor is None and not contributor_name.strip():
        raise ValidationError({"contributor": _("Name the contributor: a ministry or another body.")})
    if funding not in Entry.Funding.values:
        raise ValidationError({"funding": _("Unknown kind of funding.")})
    if country is None and contributor is not None:
        country = contributor.country
    if fulfils is not None and (pledge or fulfils.kind != Entry.Kind.PLEDGE or fulfils.reverses_id
                                or Entry.objects.filter(reverses=fulfils).exists()):
        raise ValidationError({"fulfils": _("A received contribution can only fulfil a pledge that stands.")})
    kind = Entry.Kind.PLEDGE if pledge else Entry.Kind.CONTRIBUTION
    if not description:
        description = _("Pledge from %(who)s") if pledge else _("Contribution from %(who)s")
        description %= {"who": contributor or contributor_name}
    entry = Entry(kind=kind, in_kind=in_kind, amount=amount, currency=currency, usd_value=usd, date=date,
                  funding=funding, contributor=contributor, contributor_name=contributor_name.strip(),
                  country=country, description=description, source=source, fulfils=fulfils)
    with transaction.atomic():
        _write(entry, user=user, action=actions.ENTRY_PLEDGED if pledge else actions.ENTRY_CONTRIBUTION_RECEIVED)
    logger.info("fund %s %s %s recorded by %s", kind, amount, currency, user)
    return entry


EXPENSE_ACTIONS = {Entry.Kind.COMMITMENT: actions.ENTRY_COMMITMENT, Entry.Kind.DISBURSEMENT: actions.ENTRY_DISBURSEMENT,
                   Entry.Kind.EXPENDITURE: actions.ENTRY_EXPENDITURE}


def record_expense(*, user, amount, currency: str, category: str, paid_for=None, date: datetime.date,
                   description: str, usd_value=None, kind: str = Entry.Kind.EXPENDITURE,
                   in_kind: bool = False, is_demo: bool = False) -> Entry:
    """Record money going out: an expenditure (default), a disbursement, or a commitment.

    ``paid_for`` is any saved model instance (a cooperation activity, an event, a study). A cash
    expense beyond the currency's balance is refused with a ValidationError, even when two people
    record expenses at the same moment: the currency's lock row makes them take turns.
    """
    if not user.has_perm("fund.add_entry"):
        raise PermissionDenied
    amount = parse_amount(amount)
    currency = parse_currency(currency)
    usd = _usd_value(amount=amount, currency=currency, usd_value=usd_value)
    date = _check_date(date)
    if kind not in Entry.OUTGOING:
        raise ValidationError({"kind": _("An expense is a commitment, a disbursement or an expenditure.")})
    if category not in Category.values:
        raise ValidationError({"category": _("Choose one of the fund's spending categories.")})
    if not (description or "").strip():
        raise ValidationError({"description": _("Say what the expense was for.")})
    if paid_for is not None and paid_for.pk is None:
        raise ValidationError({"paid_for": _("What the expense paid for must be saved first.")})
    entry = Entry(kind=kind, in_kind=in_kind, amount=amount, currency=currency, usd_value=usd, date=date,
                  category=category, description=description.strip(), is_demo=is_demo)
    if paid_for is not None:
        entry.paid_for_type = content_type_for(paid_for)
        entry.paid_for_id = paid_for.pk
    with transaction.atomic():
        if entry.cash_effect:
            lock_currency(currency)
            refuse_overdraft(currency=currency, cash_effect=entry.cash_effect)
        _write(entry, user=user, action=EXPENSE_ACTIONS[kind])
    logger.info("fund %s %s %s (%s) recorded by %s", kind, amount, currency, category, user)
    return entry


def reverse_entry(*, user, entry: Entry, reason: str) -> Entry:
    """Cancel ``entry`` by a new entry with the opposite amount. An entry is reversed at most once."""
    if not user.has_perm("fund.reverse_entry", entry):
        raise PermissionDenied
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Say why the entry is reversed.")})
    if entry.reverses_id is not None:
        raise ValidationError(_("A reversing entry cannot itself be reversed; record a new entry instead."))
    reversal = Entry(
        kind=entry.kind, in_kind=entry.in_kind, amount=-entry.amount, currency=entry.currency,
        usd_value=-entry.usd_value, date=timezone.localdate(), period_start=None, category=entry.category,
        funding=entry.funding, contributor=entry.contributor, contributor_name=entry.contributor_name,
        country=entry.country, paid_for_type=entry.paid_for_type, paid_for_id=entry.paid_for_id,
        description=reason.strip(), reverses=entry, is_demo=entry.is_demo, fulfils=entry.fulfils,
    )
    with transaction.atomic():
        if reversal.cash_effect:
            lock_currency(entry.currency)
        if Entry.objects.filter(reverses=entry).exists():
            raise ValidationError(_("This entry has already been reversed."))
        if reversal.cash_effect and reversal.cash_effect < 0:
            refuse_overdraft(currency=entry.currency, cash_effect=reversal.cash_effect)
        _write(reversal, user=user, action=actions.ENTRY_REVERSED)
    logger.info("fund entry %s reversed by %s", entry.pk, user)
    return reversal
