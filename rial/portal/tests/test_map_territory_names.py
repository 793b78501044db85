"""The map's shapes outside the directory (territories of the Americas) are named in the page's language, not
with the map source's abbreviated English names."""

import html

import pytest
from django.utils import translation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language, name", [
    ("en", "Turks and Caicos Islands"),
    ("es", "Islas Turcas y Caicos"),
    ("pt", "Ilhas Geórgia do Sul e Sandwich do Sul"),
    ("fr", "Îles Falkland (Malvinas)"),
])
def test_territories_on_the_home_page_map_read_in_the_pages_language(client, language, name):
    with translation.override("en"):
        text = html.unescape(client.get(f"/{language}/").text)
    assert f"<title>{name}</title>" in text
    assert "Turks and Caicos Is.<" not in text and "S. Geo. and the Is." not in text
