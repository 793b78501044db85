"""Every kind an app contributes is named in Spanish on /es/search/ (each label lives in its app's catalog)."""

import pytest
from django.utils import translation

from rial.search.sources import kinds

pytestmark = pytest.mark.django_db

SPANISH = {
    "institution": "Instituciones", "topic": "Temas", "mandate": "Mandatos", "plan": "Planes de Acción",
    "meeting": "Reuniones", "program": "Programas", "document": "Documentos",
    "cooperation_activity": "Actividades de cooperación", "agreement": "Convenios de seguridad social",
    "forum_post": "Mensajes de los foros", "event": "Eventos",
}


def test_every_kind_of_every_app_has_a_spanish_label():
    with translation.override("es"):
        assert {kind: str(label) for kind, label in kinds().items()} == SPANISH


def test_the_spanish_page_names_every_kind_in_spanish(client):
    # Every kind selected as a filter is listed in the kind facet, even where nothing matches.
    page = client.get("/es/search/", {"q": "trabajo", "kind": list(SPANISH)}).content.decode()
    facets = page[page.index('class="search-facets"'):]  # not the navigation, which names some apps too
    for label in SPANISH.values():
        assert label in facets, label
    with translation.override("en"):
        english = {str(label) for label in kinds().values()}
    assert not english & set(SPANISH.values())
