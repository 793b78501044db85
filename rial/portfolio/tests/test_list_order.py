"""The Portfolio's list is ordered by the ministry's country name in the reader's language, then the program's
name; the copy of the country name that orders it (Program.country_sort_*) follows every change under it."""

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation

from rial.directory.models import Country
from rial.directory.tests.factories import InstitutionFactory
from rial.portfolio import sorting
from rial.portfolio.models import Program
from rial.portfolio.queries import public_programs
from rial.portfolio.tests.factories import ProgramFactory, ministry

pytestmark = pytest.mark.django_db


def _listed(client, language: str) -> list[str]:
    response = client.get(reverse("portfolio:list").replace("/en/", f"/{language}/"))
    return [program.name_en for program in response.context["page"]]


def test_the_order_follows_the_country_names_of_the_readers_language(client):
    ProgramFactory(name_en="US apprenticeships", ministry=ministry("US"))
    ProgramFactory(name_en="Guatemala inspection", ministry=ministry("GT"))
    ProgramFactory(name_en="Brazil pensions", ministry=ministry("BR"))
    # Brazil, Guatemala, United States — but Brasil, Estados Unidos, Guatemala; Brésil, États-Unis, Guatemala.
    assert _listed(client, "en") == ["Brazil pensions", "Guatemala inspection", "US apprenticeships"]
    assert _listed(client, "es") == ["Brazil pensions", "US apprenticeships", "Guatemala inspection"]
    assert _listed(client, "fr")[0] == "Brazil pensions"


def test_within_a_country_programs_follow_their_names():
    ProgramFactory(name_en="Zeta", ministry=ministry("CL"))
    ProgramFactory(name_en="Alpha", ministry=ministry("CL"))
    with translation.override("en"):
        assert [p.name_en for p in public_programs()] == ["Alpha", "Zeta"]


def test_a_program_moved_to_another_ministry_moves_in_the_list():
    moved = ProgramFactory(name_en="Moved", ministry=ministry("US"))
    ProgramFactory(name_en="Stays", ministry=ministry("GT"))
    moved = Program.objects.get(pk=moved.pk)  # read back: save() must notice the new ministry itself
    moved.ministry = ministry("AR")
    moved.save()
    with translation.override("en"):
        assert [p.name_en for p in public_programs()] == ["Moved", "Stays"]
    assert Program.objects.get(pk=moved.pk).country_sort_es == "Argentina"


def test_a_renamed_country_and_a_ministry_moved_to_another_country_reorder_the_list():
    ProgramFactory(name_en="Chilean", ministry=ministry("CL"))
    ProgramFactory(name_en="Peruvian", ministry=ministry("PE"))

    def listed():
        with translation.override("en"):
            return [p.name_en for p in public_programs()]

    assert listed() == ["Chilean", "Peruvian"]
    chile = Country.objects.get(iso2="CL")
    chile.name_en = "Zchile (renamed for the test)"
    chile.save()
    assert listed() == ["Peruvian", "Chilean"]
    chilean_ministry = ministry("CL")
    chilean_ministry.country = Country.objects.get(iso2="AR")
    chilean_ministry.save()
    assert listed() == ["Chilean", "Peruvian"]


def test_refresh_fills_programs_written_in_bulk():
    Program.objects.bulk_create([Program(ministry=ministry("US"), name_en="Bulk", summary_en="In bulk.",
                                         status=Program.Status.PUBLISHED)])
    assert Program.objects.get(name_en="Bulk").country_sort_en == ""
    assert sorting.refresh() == 1
    bulk = Program.objects.get(name_en="Bulk")
    assert (bulk.country_sort_en, bulk.country_sort_es, bulk.country_sort_fr) == (
        "United States", "Estados Unidos", "États-Unis")
    assert sorting.refresh() == 0  # nothing left to change


def test_a_ministry_without_a_country_sorts_first_without_failing():
    stateless = InstitutionFactory(kind="ministry", country=None)
    program = ProgramFactory(name_en="Regional", ministry=stateless)
    ProgramFactory(name_en="Argentine", ministry=ministry("AR"))
    assert program.country_sort_en == ""
    assert sorting.refresh() == 0
    with translation.override("en"):
        assert [p.name_en for p in public_programs()] == ["Regional", "Argentine"]


def test_the_list_is_read_along_its_index_not_sorted():
    ProgramFactory.create_batch(3)
    with translation.override("es"):
        sql, params = public_programs()[:25].query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute("EXPLAIN " + sql, params)
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        plan = "\n".join(str(row) for row in cursor.fetchall())
    assert "program_list_es_idx" in plan, plan
    assert "TEMP B-TREE FOR ORDER BY" not in plan and "Sort Key" not in plan, plan
