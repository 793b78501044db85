"""Search across apps: records made through each app's own workflow functions are found
by the public on /search/ and /api/v1/search (in Spanish), and disappear when they stop being public.

Nothing here writes the index directly: every entry comes from an app's save, through the commit hooks
(``committed()`` runs the on-commit callbacks, as a real commit would).
"""

import datetime

import pytest
from django.utils import translation

from rial.agreements.models import Agreement
from rial.agreements.tests.factories import AgreementFactory, party
from rial.conference.importer import uploads
from rial.conference.models import Mandate
from rial.conference.plan_import import plan_import
from rial.cooperation import services as cooperation
from rial.cooperation.models import Activity
from rial.cooperation.tests.factories import close, make_proposal, open_call
from rial.cooperation.tests.factories import ministry as coop_ministry
from rial.directory.models import Country
from rial.library import services as library
from rial.library.models import DocumentFile
from rial.library.tests.factories import docx_bytes, pdf_bytes, upload
from rial.meetings.tests.factories import MeetingFactory
from rial.portfolio import services as portfolio
from rial.portfolio.tests.factories import ministry
from rial.topics.models import Topic

pytestmark = pytest.mark.django_db

SCORES = {"relevance": 9, "opportunity": 8, "clarity": 9, "commitment": 10}


@pytest.fixture(autouse=True)
def _english():
    # A request to /es/ leaves Spanish active in the thread; each test starts in English.
    with translation.override("en"):
        yield


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what the app does on commit (index updates, immediate background tasks) when the block ends."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def found(client, q, **filters) -> list[str]:
    """The addresses the public search page lists for ``q``, in Spanish, that contain every word (records with
    only some of the words follow them)."""
    response = client.get("/es/search/", {"q": q, **filters})
    assert response.status_code == 200
    return [hit.url for hit in response.context["results"].complete_hits]


def api(client, q, **filters) -> dict:
    """The API's answer, its results limited to those that contain every word."""
    response = client.get("/api/v1/search", {"q": q, **filters})
    assert response.status_code == 200
    data = response.json()
    data["results"] = [hit for hit in data["results"] if hit["complete"]]
    return data


def submitted(focal, committed, data: dict, topics=("labor-inspection",)):
    """A program a focal point drafted and submitted for review."""
    with committed():
        program = portfolio.program_create(user=focal, data=data, topics=Topic.objects.filter(slug__in=topics))
    with committed():
        portfolio.program_submit(program=program, user=focal)
    return program


def publish(program, secretariat, committed):
    with committed():
        return portfolio.program_publish(program=program, user=secretariat)


ENGLISH_WITH_SPANISH = {
    "name_en": "Digital planning of labour inspections", "summary_en": "Inspectors plan visits with risk data.",
    "name_es": "Planificación digital de la inspección del trabajo",
    "summary_es": "Los inspectores planifican las visitas con datos de riesgo.",
    "start": datetime.date(2021, 3, 1),
}
SPANISH_ONLY = {
    "name_es": "Programa de inspecciones en faenas agrícolas", "name_en": "",
    "summary_es": "Fiscalizaciones en temporada de cosecha.", "start": datetime.date(2023, 1, 1),
}


def test_a_submitted_program_is_found_in_spanish_only_once_the_secretariat_publishes_it(
        client, focal_cl, secretariat, committed):
    program = submitted(focal_cl, committed, {"ministry": ministry("CL"), **ENGLISH_WITH_SPANISH})
    url = f"/es/programs/{program.pk}/"
    assert url not in found(client, "planificación inspección")  # submitted, not yet published
    assert api(client, "planificación inspección", kind="program")["total"] == 0

    publish(program, secretariat, committed)

    assert url in found(client, "planificación inspección")
    assert url in found(client, "planificacion inspecciones")  # no accents, another form of the word
    data = api(client, "planificación de inspecciones", kind="program")
    assert [hit["url"] for hit in data["results"]] == [f"/en/programs/{program.pk}/"]
    assert data["results"][0]["kind_label"] == "Programs"
    assert "<mark>" in data["results"][0]["title_html"]


def test_a_program_written_in_spanish_is_found_by_another_form_of_its_words(client, focal_cl, secretariat, committed):
    program = submitted(focal_cl, committed, {"ministry": ministry("CL"), **SPANISH_ONLY})
    publish(program, secretariat, committed)
    page = client.get("/es/search/", {"q": "inspección agrícola"}).content.decode()
    assert f'href="/es/programs/{program.pk}/"' in page
    assert "<mark>inspecciones</mark>" in page  # "inspección" found "inspecciones", highlighted
    assert f"/es/programs/{program.pk}/" in found(client, "fiscalización cosechas")


def test_an_archived_program_disappears(client, focal_cl, secretariat, secretariat_client, committed):
    program = submitted(focal_cl, committed, {"ministry": ministry("CL"), **SPANISH_ONLY})
    publish(program, secretariat, committed)
    assert f"/es/programs/{program.pk}/" in found(client, "faenas agrícolas")
    with committed():  # the Secretariat archives it through the admin's action
        response = secretariat_client.post("/admin/portfolio/program/", {
            "action": "archive_selected", "_selected_action": [program.pk]})
    assert response.status_code == 302
    assert found(client, "faenas agrícolas") == []


def test_a_library_file_is_found_by_words_only_in_its_content(client, secretariat, committed):
    with committed():
        document = library.document_save(user=secretariat, data={
            "title": "Annual report", "summary": "", "date": datetime.date(2024, 2, 1), "language": "en"},
            relations={"countries": Country.objects.filter(iso2="PE")})
    with committed():  # the text is extracted in the background (tasks run at once in tests)
        library.document_add_file(document=document, user=secretariat, language="es",
                                  upload=upload("informe.docx", docx_bytes("Fiscalización portuaria en Callao")))
        library.document_add_file(document=document, user=secretariat, language="en",
                                  upload=upload("report.pdf", pdf_bytes("Stevedores and dockside accidents")))
    assert set(DocumentFile.objects.values_list("extraction", flat=True)) == {DocumentFile.Extraction.DONE}
    url = f"/es/library/{document.pk}/"
    # A draft is not found (other records may be: the vocabulary's "trabajadores portuarios" is a known spelling).
    assert url not in found(client, "portuaria") and url not in found(client, "fiscalizaciones portuarias")
    with committed():
        library.document_publish(document=document, user=secretariat)

    assert found(client, "fiscalizaciones portuarias") == [url]
    assert found(client, "stevedore accident") == [url]
    page = client.get("/es/search/", {"q": "portuaria"}).content.decode()
    assert "<mark>portuaria</mark>" in page

    with committed():
        library.document_unpublish(document=document, user=secretariat)
    assert found(client, "portuaria") == []


def test_a_mandate_imported_from_a_seed_plan_is_found(client, secretariat, seeds_dir, committed):
    seed = sorted(seeds_dir.glob("001_*.txt"))[0]
    with committed():
        outcome = plan_import(parsed=uploads.parse_plan_text(uploads.read_text(seed)), user=secretariat)
    mandate = Mandate.objects.filter(plan=outcome.document).exclude(text_en="").order_by("pk").first()
    assert mandate is not None
    # Three uncommon words of the mandate's own text find it.
    words = [word for word in mandate.text_en.replace(",", " ").split() if len(word) > 8][:3]
    data = api(client, " ".join(words), kind="mandate")
    assert mandate.get_absolute_url() in [hit["url"] for hit in data["results"]]
    assert data["results"][0]["kind_label"] == "Mandates"


def test_a_published_meeting_is_found_and_a_draft_is_not(client, committed):
    with committed():
        meeting = MeetingFactory(title_en="Technical workshop on occupational safety",
                                 title_es="Taller técnico sobre seguridad ocupacional",
                                 country=Country.objects.get(iso2="CR"), start_date=datetime.date(2025, 9, 2),
                                 end_date=datetime.date(2025, 9, 3))
        MeetingFactory(title_en="Draft workshop on occupational safety", is_published=False)
    # Plural query words, singular title words: "talleres"/"taller" meet as "técnicos"/"técnico" do.
    hits = api(client, "talleres técnicos de seguridad ocupacional", kind="meeting")["results"]
    assert [hit["url"] for hit in hits] == [meeting.get_absolute_url()]
    assert hits[0]["kind_label"] == "Meetings" and hits[0]["countries"] == ["CR"]


def test_an_agreement_is_found_by_its_parties_in_spanish(client, committed):
    with committed():
        agreement = AgreementFactory(title_en="Agreement on social security between Chile and Ecuador",
                                     title_es="Convenio de seguridad social entre Chile y Ecuador")
        party(agreement, "CL")
        party(agreement, "EC")
    hits = api(client, "convenio seguridad social chile ecuador", kind="agreement")["results"]
    # The Ibero-American multilateral convention (reference data) binds both too; the bilateral one ranks first.
    assert hits[0]["url"] == f"/en/agreements/{agreement.slug}/"
    assert set(hits[0]["countries"]) == {"CL", "EC"}
    with committed():
        agreement.archive()
        agreement.save()
    remaining = api(client, "convenio seguridad social chile ecuador", kind="agreement")["results"]
    assert f"/en/agreements/{agreement.slug}/" not in [hit["url"] for hit in remaining]
    assert Agreement.objects.filter(pk=agreement.pk).exists()


def test_a_completed_cooperation_activity_is_found(client, focal_cl, focal_br, secretariat, committed):
    with committed():
        call = open_call()
        proposal = make_proposal(call, focal_cl, submit=False)
        cooperation.proposal_submit(proposal=proposal, user=focal_cl)
        cooperation.proposal_confirm_commitment(proposal=proposal, user=focal_br)
        call = close(call)
        cooperation.evaluation_record(proposal=proposal, user=secretariat, **SCORES)
        [activity] = cooperation.call_select(call=call, user=secretariat, proposals=[proposal])
        cooperation.call_publish(call=call, user=secretariat)
    today = datetime.date.today()
    with committed():
        cooperation.activity_record_execution(
            activity=activity, user=secretariat, starts_on=today - datetime.timedelta(days=12),
            ends_on=today - datetime.timedelta(days=10), travellers="Inspector, Chile", agenda_carried_out="Visits")
        cooperation.outcome_record(activity=activity, user=focal_cl, institution=coop_ministry("CL"),
                                   category="training", description="Checklist for sawmill inspections adopted",
                                   evidence="Circular 12")
        for iso2, user in (("CL", focal_cl), ("BR", focal_br)):
            cooperation.report_file(activity=activity, user=user, institution=coop_ministry(iso2), summary="Done")
        cooperation.activity_complete(activity=activity, user=secretariat)
    assert Activity.objects.get(pk=activity.pk).state == Activity.State.COMPLETED
    # The outcome a party recorded is part of what the activity is found by.
    hits = api(client, "sawmill inspections", kind="cooperation_activity")["results"]
    assert [hit["url"] for hit in hits] == [activity.get_absolute_url()]
    assert set(hits[0]["countries"]) == {"BR", "CL"}


def test_facets_count_a_small_known_set(client, focal_cl, focal_br, secretariat, committed):
    """Two programs and a library document share one uncommon word ("vendimia"): the facets count them."""
    chile = submitted(focal_cl, committed, {
        "ministry": ministry("CL"), "name_es": "Inspección en la vendimia", "name_en": "",
        "summary_es": "Visitas a viñedos durante la vendimia.", "start": datetime.date(2021, 2, 1)})
    brazil = submitted(focal_br, committed, {
        "ministry": ministry("BR"), "name_en": "Child labour checks at the grape harvest",
        "summary_en": "Checks in vineyards.", "name_es": "Control del trabajo infantil en la vendimia",
        "summary_es": "Controles en viñedos.", "start": datetime.date(2023, 3, 1)}, topics=("child-labor",))
    for program in (chile, brazil):
        publish(program, secretariat, committed)
    with committed():
        document = library.document_save(user=secretariat, data={
            "title": "Seasonal work in vineyards", "summary": "How the vendimia season is inspected.",
            "date": datetime.date(2021, 6, 1), "language": "en", "source_url": "https://example.org/vendimia"},
            relations={"countries": Country.objects.filter(iso2="PE"),
                       "topics": Topic.objects.filter(slug="labor-inspection")})
        library.document_publish(document=document, user=secretariat)

    data = api(client, "vendimia")
    counts = {name: {f["value"]: f["count"] for f in values} for name, values in data["facets"].items()}
    assert data["total"] == 3
    assert counts["kind"] == {"program": 2, "document": 1}
    assert counts["country"] == {"CL": 1, "BR": 1, "PE": 1}
    assert counts["year"] == {"2021": 2, "2023": 1}
    # The language facet counts the versions a reader can read: Brazil's program is in English and Spanish.
    assert counts["lang"] == {"es": 2, "en": 2}
    assert counts["topic"]["labor-inspection"] == 2 and counts["topic"]["child-labor"] == 1

    narrowed = api(client, "vendimia", kind="program", country="CL")
    assert [hit["url"] for hit in narrowed["results"]] == [f"/en/programs/{chile.pk}/"]
    page = client.get("/es/search/", {"q": "vendimia"}).content.decode()
    assert "Programas" in page and "Documentos" in page  # the kind facet, in Spanish
