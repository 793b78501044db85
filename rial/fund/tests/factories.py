import datetime
from decimal import Decimal

from rial.directory.demo import ministry_slug
from rial.directory.models import Institution
from rial.fund.services import record_contribution, record_expense

DAY = datetime.date(2026, 3, 2)


def ministry(iso2: str) -> Institution:
    return Institution.objects.get(slug=ministry_slug(iso2))


def contribution(user, amount="1000.00", currency="USD", iso2="CL", **kwargs):
    return record_contribution(user=user, contributor=ministry(iso2), amount=Decimal(amount), currency=currency,
                               date=kwargs.pop("date", DAY), **kwargs)


def expense(user, amount="100.00", currency="USD", category="workshop", **kwargs):
    return record_expense(user=user, amount=Decimal(amount), currency=currency, category=category,
                          date=kwargs.pop("date", DAY), description=kwargs.pop("description", "Test expense"),
                          **kwargs)
