"""The programs' copies of their country's name (``Program.country_sort_*``), which order the public list.

``Program.save()`` fills them for its own ministry. What changes them from elsewhere is kept here: a country
renamed, a ministry moved to another country (receivers connected in apps.py), and writes that bypass save()
(``bulk_create``, ``update``), whose callers run ``refresh()`` afterwards.
"""

from django.db.models import OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from rial.directory.models import Country, Institution
from rial.portfolio.models import SORT_LANGUAGES, Program


def refresh(programs=None) -> int:
    """Write the country names onto ``programs`` (all by default) where they differ; return how many changed.
    Only differing rows are written: saving a country or a ministry whose country did not change costs a read."""
    programs = Program.objects.all() if programs is None else programs
    country = Country.objects.filter(institutions=OuterRef("ministry_id"))
    names = {f"country_sort_{code}": Coalesce(Subquery(country.values(f"name_{code}")[:1]), Value(""))
             for code in SORT_LANGUAGES}
    stale = Q()
    for field, name in names.items():
        stale |= ~Q(**{field: name})
    return programs.filter(stale).update(**names)


def country_saved(sender, instance: Country, **kwargs) -> None:
    refresh(Program.objects.filter(ministry__country=instance))


def institution_saved(sender, instance: Institution, **kwargs) -> None:
    if instance.kind == Institution.Kind.MINISTRY:
        refresh(Program.objects.filter(ministry=instance))
