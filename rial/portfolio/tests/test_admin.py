import pytest

from conftest import login
from rial.library.tests.factories import DocumentFactory
from rial.portfolio.tests.factories import ProgramFactory

pytestmark = pytest.mark.django_db


def _urls():
    program, document = ProgramFactory(), DocumentFactory()
    return ["/admin/portfolio/program/", f"/admin/portfolio/program/{program.pk}/change/",
            "/admin/library/document/", f"/admin/library/document/{document.pk}/change/",
            "/admin/portfolio/targetpopulation/"]


@pytest.mark.parametrize("persona", ["focal_cl", "member_co", "ilo_rep"])
def test_the_admin_is_closed_to_everyone_but_the_secretariat(client, request, persona):
    urls = _urls()
    user = request.getfixturevalue(persona)
    user.is_staff = True  # even a staff flag does not open it: the rules decide
    user.save()
    login(client, user)
    for url in urls:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "/admin/login/" in response.get("Location", "/admin/login/"), url


def test_the_secretariat_uses_the_admin(secretariat_client):
    for url in _urls():
        assert secretariat_client.get(url).status_code == 200, url
