"""A program's topics and target populations as every reader shows them: ``Program.topic_list`` and
``population_list``, filled for a whole list by ``ProgramQuerySet.for_list()`` and read alone otherwise."""

import re

import pytest
from django.urls import reverse

from conftest import login
from rial.cooperation import analysis
from rial.portfolio import search, services
from rial.portfolio.models import Program
from rial.portfolio.tests.factories import ProgramFactory, ministry
from rial.topics.models import Topic

pytestmark = pytest.mark.django_db


def _card(page: str, name: str) -> str:
    """The list's card of the program called ``name``."""
    return re.search(rf'<li class="card">\s*<h2><a [^>]*>{name}</a>.*?</li>', page, re.S).group(0)


def test_a_listed_program_reads_its_topics_and_populations_without_a_query(django_assert_num_queries):
    ProgramFactory(name_en="Listed", topics=["labor-inspection", "youth-employment"], populations=["youth", "women"])
    in_order = [topic.slug for topic in Topic.objects.filter(slug__in=["labor-inspection", "youth-employment"])]
    program = Program.objects.published().for_list().get(name_en="Listed")
    with django_assert_num_queries(0):
        assert [topic.slug for topic in program.topic_list] == in_order
        assert {population.slug for population in program.population_list} == {"youth", "women"}


def test_a_program_read_alone_reads_its_topics_once():
    program = Program.objects.get(pk=ProgramFactory(topics=["labor-inspection"]).pk)
    assert [topic.slug for topic in program.topic_list] == ["labor-inspection"]
    assert program.population_list == []


def test_the_list_shows_each_program_with_its_own_topics(client):
    ProgramFactory(name_en="Inspection program", topics=["labor-inspection"])
    ProgramFactory(name_en="Youth program", topics=["youth-employment"])
    ProgramFactory(name_en="Program without topics")
    page = client.get(reverse("portfolio:list")).content.decode()
    assert '<p class="meta">Labor inspection</p>' in _card(page, "Inspection program")
    assert '<p class="meta">Youth employment</p>' in _card(page, "Youth program")
    without = _card(page, "Program without topics")
    assert "Labor inspection" not in without and "Youth employment" not in without


def test_the_program_page_and_its_pending_update_show_topics_and_populations(client, focal_cl):
    program = ProgramFactory(name_en="Faceted", topics=["labor-inspection"], populations=["women"])
    page = client.get(program.get_absolute_url()).content.decode()
    topic = Topic.objects.get(slug="labor-inspection")
    assert f'<a href="{topic.get_absolute_url()}">Labor inspection</a>' in page
    assert "<dt>Target populations</dt><dd>Women</dd>" in page
    revision = services.program_start_revision(program=program, user=focal_cl)
    login(client, focal_cl)
    page = client.get(reverse("portfolio:revision", args=[revision.pk])).content.decode()
    assert f'<a href="{topic.get_absolute_url()}">Labor inspection</a>' in page
    assert "<dt>Target populations</dt><dd>Women</dd>" in page


def test_the_search_rebuild_gives_the_same_topics_and_populations_as_one_program_read_alone():
    program = ProgramFactory(name_en="Indexed", topics=["labor-inspection", "youth-employment"],
                             populations=["labor-officials"])
    alone = search.ProgramSource().document(Program.objects.get(pk=program.pk))
    rebuilt = {document.key: document for document in search.ProgramSource().documents()}[str(program.pk)]
    assert rebuilt == alone
    assert rebuilt.topics == ("employment", "labor", "labor-inspection", "youth-employment")
    assert "Labor ministry officials and inspectors" in rebuilt.body


def test_partner_suggestions_name_the_topics_a_program_shares():
    # No word of the need is in the program: it is suggested for its topic alone, which the reason names.
    ProgramFactory(ministry=ministry("UY"), name_en="Collective bargaining support", summary_en="Assistance.",
                   topics=["dispute-resolution"])
    suggestions = analysis.suggest_partners(need="", topics=[Topic.objects.get(slug="dispute-resolution")])
    assert suggestions[0].institution == ministry("UY")
    assert ("Offers the program “Collective bargaining support” on Dispute resolution, mediation and conciliation."
            in suggestions[0].reasons)
