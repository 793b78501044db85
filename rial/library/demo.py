"""DEMO documents, so that the library shows how it works. Nothing here describes a real study."""

import datetime
import io

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from reportlab.pdfgen import canvas

from rial.core.files import sniff
from rial.core.reference import demo_texts
from rial.directory.models import Institution
from rial.library import services
from rial.library.models import Document, DocumentFile
from rial.library.tasks import extract_file_text
from rial.topics.models import Topic

DEMO_DOCUMENTS = [
    ("DEMO Study on the portability of pension rights", "DEMO Estudio sobre la portabilidad de pensiones",
     Document.Kind.STUDY, "pensions-agreements", datetime.date(2024, 3, 1),
     "DEMO text: totalization of contribution periods between two countries."),
    ("DEMO Lessons learned from virtual labor inspection", "DEMO Lecciones aprendidas de la inspección virtual",
     Document.Kind.LESSONS, "labor-inspection", datetime.date(2023, 9, 15),
     "DEMO text: remote inspections, complaint data and planning."),
]


def _pdf(text: str) -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, text)
    page.save()
    return buffer.getvalue()


SUMMARY = {
    "summary_en": "An invented document that shows how the library presents a study.",
    "summary_es": "Un documento inventado que muestra cómo la biblioteca presenta un estudio.",
    "summary_pt": "Um documento inventado que mostra como a biblioteca apresenta um estudo.",
    "summary_fr": "Un document inventé qui montre comment la bibliothèque présente une étude.",
}
# The names and summaries in the languages the table above does not give (the project's own wording).
DEMO_TEXTS = {
    "DEMO Study on the portability of pension rights": {
        "title_pt": "DEMO Estudo sobre a portabilidade das pensões", "title_fr": "DEMO Étude sur la portabilité des pensions"},
    "DEMO Lessons learned from virtual labor inspection": {
        "title_pt": "DEMO Lições aprendidas da inspeção virtual", "title_fr": "DEMO Enseignements de l'inspection virtuelle"},
    "DEMO Platform work and social protection in the Americas": {
        "title_es": "DEMO Trabajo en plataformas y protección social en las Américas",
        "title_pt": "DEMO Trabalho em plataformas e proteção social nas Américas",
        "title_fr": "DEMO Travail de plateforme et protection sociale dans les Amériques",
        "summary_es": "Un estudio inventado enviado para revisión, para mostrar la cola de revisión de la biblioteca.",
        "summary_pt": "Um estudo inventado enviado para revisão, para mostrar a fila de revisão da biblioteca.",
        "summary_fr": "Une étude inventée soumise pour examen, pour montrer la file d'examen de la bibliothèque."},
}


def _translate_demo() -> None:
    """Every demo document's texts in the four languages, also for documents loaded before."""
    for title_en, texts in DEMO_TEXTS.items():
        document = Document.objects.filter(title_en=title_en, is_demo=True).first()
        if document is not None:
            demo_texts(document, texts if title_en == SUBMITTED_TITLE else {**texts, **SUMMARY})


@transaction.atomic
def load_demo() -> None:
    for title_en, title_es, kind, topic_slug, date, text in DEMO_DOCUMENTS:
        document, created = Document.objects.get_or_create(title_en=title_en, defaults={
            "title_es": title_es, "kind": kind, "date": date, "is_demo": True, "authors": "DEMO authors",
            **SUMMARY, "status": Document.Status.PUBLISHED})
        if not created:
            continue
        document.topics.set(Topic.objects.filter(slug=topic_slug))
        upload = SimpleUploadedFile("demo.pdf", _pdf(text))
        document_file = DocumentFile(document=document, language="en", original_name="demo.pdf", size=upload.size,
                                     file_type=sniff(upload))
        document_file.file.save("demo.pdf", upload, save=True)
        # Here and now, not queued: `load_demo` often runs where no worker does (CI, a first setup), and the
        # demo should be found by its files' text right after loading. Same function as the worker's.
        extract_file_text.call(document_file.pk)

    _submitted_by_a_partner()
    _translate_demo()


SUBMITTED_TITLE = "DEMO Platform work and social protection in the Americas"


def _submitted_by_a_partner() -> None:
    """A DEMO study the ILO submitted and the Secretariat has not reviewed yet: it waits in the review queue
    and on the Secretariat's desk, through the same services (and notices) as a real submission."""
    submitter = get_user_model().objects.filter(username="demo-ilo").first()
    ilo = Institution.objects.filter(slug="ilo").first()
    if submitter is None or ilo is None or Document.objects.filter(title_en=SUBMITTED_TITLE).exists():
        return
    document = services.document_save(user=submitter, relations={}, data={
        "title_en": SUBMITTED_TITLE, "kind": Document.Kind.STUDY, "date": datetime.date(2026, 10, 1),
        "language": "en", "is_demo": True, "authors": "DEMO ILO Specialist",
        "summary_en": "An invented study submitted for review, to show the library's review queue.",
        "source_url": "https://example.org/demo-platform-work"})
    services.document_submit(document=document, user=submitter)
