"""A person's roles, Django permissions and readable forums are read once and kept until the next committed write
(core.derived): a change made in the directory, the groups or a forum's members applies from the next request."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import login
from rial.accounts.roles import roles_for
from rial.directory.models import FocalPointDesignation
from rial.directory.tests.factories import UserFactory
from rial.forums.rules import visible_forum_ids
from rial.forums.tests.factories import make_forum

# These tests commit (transaction=True): a test's own uncommitted writes make every value be read afresh.
pytestmark = pytest.mark.django_db(transaction=True)


def _fresh(user):
    """The user as the next request loads them (nothing remembered on the object)."""
    return get_user_model().objects.get(pk=user.pk)


def _statements(action) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        action()
    return [query["sql"] for query in queries]


def test_roles_are_kept_and_a_designation_ended_applies_at_the_next_request(focal_cl):
    client = login(Client(), focal_cl)
    assert "Focal point" in client.get(reverse("portal:desk")).content.decode()
    statements = _statements(lambda: client.get(reverse("portal:desk")))
    assert not any("directory_focalpointdesignation" in sql for sql in statements)  # kept, not read again

    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    FocalPointDesignation.objects.filter(person__user=focal_cl).update(since=yesterday, until=yesterday)  # committed
    page = client.get(reverse("portal:desk")).content.decode()
    assert "Focal point" not in page and "Ministry member" in page
    assert roles_for(_fresh(focal_cl)).focal_point_for == frozenset()


def test_a_django_permission_granted_applies_at_the_next_request():
    user = UserFactory(username="granted-later")
    assert not _fresh(user).has_perm("directory.change_country")
    kept = _fresh(user)
    assert not any("auth_permission" in sql for sql in _statements(lambda: kept.has_perm("directory.change_country")))

    user.user_permissions.add(Permission.objects.get(codename="change_country"))  # committed
    assert _fresh(user).has_perm("directory.change_country")
    user.user_permissions.clear()
    assert not _fresh(user).has_perm("directory.change_country")


def test_a_forum_member_added_reads_the_restricted_forum_at_the_next_request(focal_cl):
    forum = make_forum(title="Restricted to its members", is_restricted=True)
    assert forum.pk not in visible_forum_ids(_fresh(focal_cl))
    forum.member_people.add(focal_cl.person)  # committed
    assert forum.pk in visible_forum_ids(_fresh(focal_cl))
    forum.member_people.clear()
    assert forum.pk not in visible_forum_ids(_fresh(focal_cl))


def test_the_session_user_is_kept_and_an_account_deactivated_is_signed_out_at_the_next_request(focal_cl):
    client = login(Client(), focal_cl)
    assert client.get(reverse("portal:desk")).status_code == 200
    statements = _statements(lambda: client.get(reverse("portal:desk")))
    assert not any('FROM "accounts_user"' in sql for sql in statements)  # kept, not read again

    get_user_model().objects.filter(pk=focal_cl.pk).update(is_active=False)  # committed
    response = client.get(reverse("portal:desk"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_a_password_changed_elsewhere_ends_the_other_sessions_at_the_next_request(focal_cl):
    client = login(Client(), focal_cl)
    assert client.get(reverse("portal:desk")).status_code == 200
    user = get_user_model().objects.get(pk=focal_cl.pk)
    user.set_password("a-new-and-long-passphrase")
    user.save(update_fields=["password"])  # committed
    assert client.get(reverse("portal:desk")).status_code == 302
