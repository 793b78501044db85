"""The home page: the network at a glance, from the directory's real figures."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_home_page_counts_member_states_ministries_and_partners(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        response = client.get("/en/")
    page = response.content.decode()
    assert "35 member states" in page
    assert "35 ministries of labor in the directory." in page
    assert response.context["partner_count"] >= 10


def test_the_root_address_sends_to_a_language(client):
    assert client.get("/")["Location"] == "/en/"
    assert client.get("/", headers={"accept-language": "fr"})["Location"] == "/fr/"


def test_the_demo_banner_shows_only_on_the_demo_site(client, monkeypatch):
    assert "Demonstration site" not in client.get("/en/").content.decode()
    monkeypatch.setenv("RIAL_DEMO", "1")
    assert "Demonstration site" in client.get("/en/").content.decode()
