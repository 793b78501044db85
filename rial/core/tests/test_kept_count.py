"""A list's number of records ("1–25 of 100,000") is counted once and kept until the next committed write, and
never kept for a statement that reads a private table."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from rial.core.pagination import Paginator
from rial.notifications.models import Notification
from rial.portfolio.models import Program
from rial.portfolio.tests.factories import ProgramFactory

# Most of these tests commit (transaction=True): a test's own uncommitted writes make every count be built afresh.
committing = pytest.mark.django_db(transaction=True)


def _counts(queryset) -> tuple[int, int]:
    """The paginator's count and how many statements it ran."""
    with CaptureQueriesContext(connection) as queries:
        number = Paginator(queryset, 25).count
    return number, len(queries)


@committing
def test_a_count_is_kept_until_a_committed_write():
    ProgramFactory.create_batch(3)
    published = Program.objects.published()
    assert _counts(published) == (3, 1)
    assert _counts(published) == (3, 0)  # the same statement: kept
    assert _counts(published.filter(ministry__country__iso2="BR")) == (0, 1)  # another question, its own count
    ProgramFactory()  # committed: the token changes
    assert _counts(published) == (4, 1)


@committing
def test_a_transaction_that_wrote_counts_what_it_sees():
    ProgramFactory()
    assert _counts(Program.objects.published()) == (1, 1)
    with transaction.atomic():
        ProgramFactory()  # not committed yet: the token has not changed, the kept count would be old
        assert _counts(Program.objects.published()) == (2, 1)


@committing
def test_a_private_table_is_counted_every_time(django_user_model):
    user = django_user_model.objects.create_user("reader", password="x")
    Notification.objects.create(user=user, language="en", kind="test", key="count-1", subject="One", body="")
    mine = Notification.objects.filter(user=user)
    assert _counts(mine) == (1, 1)
    assert _counts(mine) == (1, 1)
    # A notification is written without changing the token (private tables do not): still counted afresh.
    Notification.objects.create(user=user, language="en", kind="test", key="count-2", subject="Two", body="")
    assert _counts(mine) == (2, 1)


@committing
def test_the_api_and_the_page_show_the_new_total_after_a_publish(client):
    ProgramFactory.create_batch(2)
    assert client.get("/api/v1/programs").json()["count"] == 2
    assert client.get(reverse("portfolio:list")).context["page"].paginator.count == 2
    ProgramFactory()
    assert client.get("/api/v1/programs").json()["count"] == 3
    assert client.get(reverse("portfolio:list")).context["page"].paginator.count == 3


@pytest.mark.django_db
def test_an_empty_question_is_zero_without_a_query():
    assert _counts(Program.objects.none()) == (0, 0)
    assert _counts(Program.objects.filter(pk__in=[])) == (0, 0)
