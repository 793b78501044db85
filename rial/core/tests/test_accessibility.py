"""Every foundation page, in every language, passes the automated accessibility check."""

import pytest

from conftest import login
from rial.core.tests.a11y import accessibility_problems
from rial.directory.demo import ministry_slug

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ["/", "/countries/", "/countries/cl/", "/institutions/", f"/institutions/{ministry_slug('CL')}/",
                "/topics/", "/topics/child-labor/", "/accounts/login/", "/accounts/password/reset/",
                "/no-such-page/"]


@pytest.mark.parametrize("language", ["en", "es", "pt", "fr"])
@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_pass_the_check(client, language, path):
    response = client.get(f"/{language}{path}")
    assert response.status_code in (200, 404)
    assert accessibility_problems(response.content.decode()) == []
    assert f'<html lang="{language}">' in response.content.decode()


@pytest.mark.parametrize("path", ["/accounts/profile/", f"/institutions/{ministry_slug('CL')}/edit/",
                                  f"/institutions/{ministry_slug('CL')}/focal-points/"])
def test_pages_of_a_focal_point_pass_the_check(client, focal_cl, path):
    login(client, focal_cl)
    assert accessibility_problems(client.get(f"/es{path}").content.decode()) == []


def test_the_form_error_page_passes_the_check(client, focal_cl):
    login(client, focal_cl)
    response = client.post(f"/en/institutions/{ministry_slug('CL')}/edit/", {"email": "bad"})
    assert accessibility_problems(response.content.decode()) == []


def test_the_check_finds_what_it_looks_for():
    problems = accessibility_problems("<html><body><h1>a</h1><h1>b</h1><input name='q'><img src='x.png'>"
                                      "<a href='/'></a><p id='x'></p><p id='x'></p>"
                                      "<input id='y' aria-label='y' aria-describedby='nowhere'></body></html>")
    assert "<html> has no lang attribute" in problems
    assert "2 h1 headings instead of one" in problems
    assert "no <main> landmark" in problems
    assert "<input name='q'> has no label" in problems
    assert "image without alt text: x.png" in problems
    assert "duplicate ids: ['x']" in problems
    assert "aria-describedby points at missing ids: ['nowhere']" in problems
    assert any(problem.startswith("<a> without text") for problem in problems)
