import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_country_list_shows_the_35_member_states(client):
    response = client.get(reverse("directory:countries"))
    assert response.status_code == 200
    assert len(response.context["member_states"]) == 35
    assert "Trinidad and Tobago" in response.content.decode()


def test_country_page_shows_its_ministry_and_marks_an_unverified_name(client):
    response = client.get(reverse("directory:country", kwargs={"iso2": "ar"}))
    page = response.content.decode()
    assert "Secretaría de Trabajo, Empleo y Seguridad Social" in page
    assert "name not verified" in page


def test_country_page_in_spanish_uses_spanish_country_names(client):
    response = client.get("/es/countries/us/")
    assert response.status_code == 200
    assert "<h1>Estados Unidos</h1>" in response.content.decode()


def test_unknown_country_is_a_404(client):
    assert client.get(reverse("directory:country", kwargs={"iso2": "zz"})).status_code == 404


def test_institution_page_lists_focal_points(client, focal_cl):
    response = client.get(reverse("directory:institution", kwargs={"slug": "ministry-cl"}))
    assert "Focal Cl" in response.content.decode()


def test_country_list_runs_a_constant_number_of_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        client.get(reverse("directory:countries"))


def test_status_notes_are_in_spanish_on_spanish_pages(client):
    page = client.get("/es/countries/").content.decode()
    assert "Retiro efectivo en noviembre de 2023." in page
    assert "Withdrawal effective November 2023." in client.get("/en/countries/").content.decode()


def test_every_status_note_of_a_country_is_written_in_the_four_languages():
    from rial.directory.models import Country

    noted = Country.objects.filter(status_note_en__gt="")
    assert noted.count() >= 7
    missing = [(country.iso2, language) for country in noted for language in ("es", "pt", "fr")
               if not getattr(country, f"status_note_{language}")]
    assert missing == []
