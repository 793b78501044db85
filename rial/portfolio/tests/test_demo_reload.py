"""`make run` loads the demo programs every time: after users opened a revision of one (a draft row with
the same name) the loader still runs, and adds nothing twice."""

import pytest

from rial.directory.demo import ministry_slug
from rial.portfolio import demo, services
from rial.portfolio.models import Program

pytestmark = pytest.mark.django_db


def test_the_demo_loads_again_after_a_published_demo_program_got_a_draft_revision(focal_cl):
    demo.load_demo()
    published = Program.objects.get(ministry__slug=ministry_slug("CL"), name_en="DEMO Digital labor inspection")
    revision = services.program_start_revision(program=published, user=focal_cl)
    assert revision.name_en == published.name_en
    count = Program.objects.count()

    demo.load_demo()

    assert Program.objects.count() == count
    assert Program.objects.get(pk=revision.pk).revision_of_id == published.pk
