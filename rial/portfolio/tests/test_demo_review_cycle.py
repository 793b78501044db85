"""The demo shows programs on their way through the review, moved as people move them: one of Brazil's waits for
the Secretariat, one of Chile's came back with comments, another of Chile's is a draft; each told whom it should."""

import pytest
from django.contrib.auth import get_user_model

from rial.directory import demo as directory_demo
from rial.portfolio import demo
from rial.portfolio.models import Program

pytestmark = pytest.mark.django_db


def _user(username: str):
    return get_user_model().objects.get(username=username)


def test_the_demo_programs_wait_at_each_step_of_the_review():
    directory_demo.load_demo()
    demo.load_demo()
    in_review = {(program.ministry.country.iso2, program.status) for program in
                 Program.objects.filter(is_demo=True).exclude(status=Program.Status.PUBLISHED)}
    assert in_review == {("BR", "submitted"), ("CL", "returned"), ("CL", "draft")}
    returned = Program.objects.get(status=Program.Status.RETURNED, is_demo=True)
    assert returned.review_comment == demo.DEMO_RETURN_COMMENT and returned.name_fr.startswith("DEMO")
    assert _user("demo-secretariat").notifications.filter(kind="portfolio.program.submitted").count() == 2
    assert _user("demo-focal-cl").notifications.filter(kind="portfolio.program.returned").count() == 1
    count = Program.objects.count()
    demo.load_demo()
    assert Program.objects.count() == count


def test_without_the_demo_accounts_the_programs_in_review_are_left_out():
    demo.load_demo()
    assert not Program.objects.filter(is_demo=True).exclude(status=Program.Status.PUBLISHED).exists()
