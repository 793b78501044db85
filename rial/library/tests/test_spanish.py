import pytest

from rial.library.tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db


def test_the_library_speaks_spanish(client):
    DocumentFactory(title_en="Agreements study", title_es="Estudio de convenios")
    page = client.get("/es/library/").content.decode()
    assert "Biblioteca de conocimiento" in page and "Estudio de convenios" in page
    assert "1 documento encontrado." in page
