"""The admin is the Secretariat's back office: every other role is refused, and nothing changes."""

import pytest

from conftest import login
from rial.directory.demo import ministry_slug
from rial.directory.models import Institution

pytestmark = pytest.mark.django_db

PERSONAS = ["focal_cl", "member_co", "cosate_rep", "ilo_rep"]


def _change_url() -> str:
    return f"/admin/directory/institution/{Institution.objects.get(slug=ministry_slug('CL')).pk}/change/"


@pytest.mark.parametrize("persona", PERSONAS)
def test_other_roles_are_refused_the_admin_even_with_the_staff_flag(client, request, persona):
    user = request.getfixturevalue(persona)
    user.is_staff = True
    user.save()
    login(client, user)
    for url in ("/admin/", "/admin/directory/institution/", _change_url()):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


def test_the_public_is_refused_the_admin(client):
    assert client.get("/admin/").status_code == 302


def test_a_focal_point_posting_to_the_admin_changes_nothing(client, focal_cl):
    focal_cl.is_staff = True
    focal_cl.save()
    login(client, focal_cl)
    client.post(_change_url(), {"name_en": "Hijacked", "kind": "ministry", "slug": ministry_slug("CL")})
    assert Institution.objects.get(slug=ministry_slug("CL")).name_en != "Hijacked"


def test_the_admin_login_form_refuses_a_non_secretariat_account(client, focal_cl):
    focal_cl.is_staff = True
    focal_cl.save()
    response = client.post("/admin/login/", {"username": "focal-cl", "password": "a-good-test-password"})
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


def test_the_secretariat_uses_the_admin_after_its_second_factor(client, secretariat):
    client.force_login(secretariat)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/two-factor/verify/" in response["Location"]
    login(client, secretariat)
    assert client.get("/admin/").status_code == 200
    assert client.get(_change_url()).status_code == 200


def test_a_superuser_without_a_second_factor_is_sent_to_set_one_up(client, django_user_model):
    root = django_user_model.objects.create_superuser("root", "root@example.org", "a-good-test-password")
    client.force_login(root)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/two-factor/setup/" in response["Location"]
