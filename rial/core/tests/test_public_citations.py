"""Public pages cite only sources a reader can follow, never the maintainers' research notes."""

import pytest
from django.urls import reverse

from rial.core.citations import public_citation
from rial.meetings.models import Meeting


@pytest.mark.parametrize(("source", "shown"), [
    ("shared/data iacml_conferences.csv: seed 002", ""),
    ("shared/data iacml_troikas.csv: seed 001 (current, previous, future)", ""),
    ("shared/data iacml_working_groups.csv: research notes", ""),
    ("shared/data iacml_conferences.csv: oas.org cpo_trab_minist; press E-426/13", "oas.org cpo_trab_minist; press E-426/13"),
    ("Final report of Working Group 2 2016-2017 (seed 003)", "Final report of Working Group 2 2016-2017"),
    ("https://rialnet.org/?q=en/node/140", "https://rialnet.org/?q=en/node/140"),
    ("", ""),
    (None, ""),
])
def test_the_maintainers_notes_are_left_out(source, shown):
    assert public_citation(source) == shown


@pytest.mark.django_db
def test_pages_show_no_research_file_or_seed(client):
    conference = client.get(reverse("conference:conference", args=[1])).content.decode()
    assert "shared/data" not in conference and "oas.org cpo_trab_minist" in conference
    meeting = Meeting.objects.filter(source__contains="seed").first()
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "seed 003" not in page and "Final report of Working Group 2 2016-2017" in page
