"""The real workshops as events (reference data with sources) and two DEMO events: one ahead, with
registrations, one awaiting confirmation and a waiting list; one past, attended and evaluated."""

import datetime
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from rial.core.reference import data_rows, demo_texts, sync
from rial.directory.models import Country, Institution, Person
from rial.events.models import Evaluation, Event, Organizer, Registration, new_certificate_code
from rial.meetings.models import Meeting, Participant
from rial.topics.models import Topic

DATA = Path(__file__).resolve().parent / "data"
S = Registration.Status


@transaction.atomic
def load_reference() -> str:
    institutions = {institution.slug: institution for institution in Institution.objects.all()}
    loaded = 0
    for row in data_rows(DATA / "events.csv"):
        meeting = Meeting.objects.filter(start_date=datetime.date.fromisoformat(row["meeting_start"]),
                                         kind=row["meeting_kind"], is_demo=False).first()
        if meeting is None:
            continue
        event, _ = sync(Event, {"meeting": meeting}, {"target_participants": row["target_participants"]})
        for column, role in (("organizers", Organizer.Role.ORGANIZER), ("co_organizers", Organizer.Role.CO_ORGANIZER)):
            for slug in filter(None, row[column].split(";")):
                if slug in institutions:
                    sync(Organizer, {"event": event, "institution": institutions[slug]}, {"role": role})
        loaded += 1
    return f"{loaded} reference events"


def _person(username: str) -> Person | None:
    return Person.objects.filter(user__username=username).select_related("user").first()


def _register(event, *, name, email, institution, kind=Registration.Kind.INDIVIDUAL, status=S.CONFIRMED,
              person=None, language="en", attended=False, minutes_ago=0, registered_by=None):
    registration, _ = Registration.objects.get_or_create(event=event, email=email, defaults={
        "full_name": name, "institution": institution, "kind": kind, "status": status, "person": person,
        "language": language, "registered_by": registered_by or (person.user if person is not None else None),
        "registered_at": timezone.now() - datetime.timedelta(minutes=minutes_ago),
        "confirmed_at": timezone.now() if status == S.CONFIRMED else None, "attended": attended,
        "certificate_code": new_certificate_code() if attended else None})
    return registration


# The demo events' names in the languages the loader below does not give (the project's own wording).
DEMO_TEXTS = {
    "DEMO hemispheric workshop on labor inspection": {
        "title_es": "Taller hemisférico DEMO sobre inspección laboral",
        "title_pt": "Oficina hemisférica DEMO sobre inspeção do trabalho",
        "title_fr": "Atelier hémisphérique DEMO sur l'inspection du travail",
        "objectives_es": "DEMO: compartir cómo los ministerios planifican y focalizan las inspecciones del trabajo.",
        "objectives_pt": "DEMO: compartilhar como os ministérios planejam e direcionam as inspeções do trabalho.",
        "objectives_fr": "DEMO : partager la façon dont les ministères planifient et ciblent les inspections du travail.",
        "agenda_es": "Apertura DEMO\nPanel DEMO 1: planificar las inspecciones con datos\nPanel DEMO 2: lugares de trabajo "
                     "rurales\nConclusiones DEMO",
        "agenda_pt": "Abertura DEMO\nPainel DEMO 1: planejar as inspeções com dados\nPainel DEMO 2: locais de trabalho "
                     "rurais\nConclusões DEMO",
        "agenda_fr": "Ouverture DEMO\nTable ronde DEMO 1 : planifier les inspections avec des données\nTable ronde DEMO 2 : "
                     "lieux de travail ruraux\nConclusions DEMO",
        "funding_note_es": "DEMO: Fondo de Aportes Voluntarios de la RIAL (viaje de un delegado por ministerio)",
        "funding_note_pt": "DEMO: Fundo de Contribuições Voluntárias da RIAL (viagem de um delegado por ministério)",
        "funding_note_fr": "DEMO : Fonds de contributions volontaires de la RIAL (voyage d'un délégué par ministère)"},
    "DEMO webinar on labor migration and recruitment": {
        "title_es": "Webinario DEMO sobre migración laboral y reclutamiento",
        "title_pt": "Webinário DEMO sobre migração laboral e recrutamento",
        "title_fr": "Webinaire DEMO sur la migration de main-d'œuvre et le recrutement",
        "objectives_es": "DEMO: presentar las prácticas de reclutamiento equitativo de tres ministerios.",
        "objectives_pt": "DEMO: apresentar as práticas de recrutamento equitativo de três ministérios.",
        "objectives_fr": "DEMO : présenter les pratiques de recrutement équitable de trois ministères."},
}
EVENT_TEXTS = {
    "DEMO hemispheric workshop on labor inspection": {
        "target_participants_es": "DEMO: jefes de inspección del trabajo de los ministerios de trabajo",
        "target_participants_pt": "DEMO: chefes da inspeção do trabalho dos ministérios do trabalho",
        "target_participants_fr": "DEMO : responsables de l'inspection du travail des ministères du travail"},
    "DEMO webinar on labor migration and recruitment": {
        "target_participants_es": "DEMO: funcionarios de las unidades de migración de los ministerios",
        "target_participants_pt": "DEMO: funcionários das unidades de migração dos ministérios",
        "target_participants_fr": "DEMO : fonctionnaires des unités de migration des ministères",
        "results_es": "DEMO: tres ministerios presentaron sus normas de reclutamiento; dos pidieron cooperación bilateral.",
        "results_pt": "DEMO: três ministérios apresentaram suas normas de recrutamento; dois pediram cooperação bilateral.",
        "results_fr": "DEMO : trois ministères ont présenté leurs règles de recrutement ; deux ont demandé une coopération "
                      "bilatérale.",
        "lessons_learned_es": "DEMO: noventa minutos fueron poco para las preguntas; enviar las presentaciones antes.",
        "lessons_learned_pt": "DEMO: noventa minutos foram pouco para as perguntas; enviar as apresentações antes.",
        "lessons_learned_fr": "DEMO : quatre-vingt-dix minutes étaient trop courtes pour les questions ; envoyer les "
                              "présentations à l'avance."},
}


def _translate_demo() -> None:
    """Every demo event's name in the four languages, also for events loaded before."""
    for title_en, texts in DEMO_TEXTS.items():
        meeting = Meeting.objects.filter(title_en=title_en, is_demo=True).first()
        if meeting is not None:
            demo_texts(meeting, texts)
            event = Event.objects.filter(meeting=meeting).first()
            if event is not None:
                demo_texts(event, EVENT_TEXTS[title_en])


@transaction.atomic
def load_demo() -> None:
    today = timezone.localdate()
    peru = Country.objects.filter(iso2="PE").first()
    inst = {i.slug: i for i in Institution.objects.filter(slug__in=[
        "oas-technical-secretariat", "ilo", "ministry-pe", "ministry-cl", "ministry-br", "ministry-co", "ministry-mx",
        "cosate"])}
    if len(inst) < 8:
        return
    topics = list(Topic.objects.filter(slug__in=["labor-inspection", "labor-migration"]))

    ahead, created = Meeting.objects.get_or_create(title_en="DEMO hemispheric workshop on labor inspection",
                                                   is_demo=True, defaults={
        "title_es": "Taller hemisférico DEMO sobre inspección laboral", "kind": Meeting.Kind.WORKSHOP,
        "start_date": today + datetime.timedelta(days=40), "end_date": today + datetime.timedelta(days=41),
        "start_time": datetime.time(9, 0), "end_time": datetime.time(17, 0), "time_zone": "America/Lima",
        "venue": "DEMO venue", "city": "Lima", "country": peru, "is_published": True,
        "objectives": "DEMO: share how ministries plan and target labor inspections.",
        "agenda": "DEMO opening\nDEMO panel 1: planning inspections with data\nDEMO panel 2: rural workplaces\n"
                  "DEMO conclusions", "funding_note": "DEMO: RIAL Voluntary Contribution Fund (travel of one "
                                                     "delegate per ministry)"})
    if created:
        ahead.topics.set(topics[:1])
        event = Event.objects.create(
            meeting=ahead, capacity=4, delegations_need_confirmation=True,
            registration_opens=timezone.now() - datetime.timedelta(days=10),
            registration_closes=timezone.now() + datetime.timedelta(days=30),
            online_link="https://meet.example.org/demo-rial-workshop",
            target_participants="DEMO: heads of labor inspection of the ministries of labor")
        Organizer.objects.create(event=event, institution=inst["oas-technical-secretariat"])
        Organizer.objects.create(event=event, institution=inst["ministry-pe"], role=Organizer.Role.ORGANIZER)
        Organizer.objects.create(event=event, institution=inst["ilo"], role=Organizer.Role.CO_ORGANIZER)
        colombia, ilo = _person("demo-member-co"), _person("demo-ilo")
        _register(event, name=colombia.full_name if colombia else "DEMO Official Colombia",
                  email=colombia.email if colombia and colombia.email else "demo-member-co@example.org",
                  institution=inst["ministry-co"], person=colombia, language="es", minutes_ago=300)
        _register(event, name=ilo.full_name if ilo else "DEMO ILO Specialist",
                  email=ilo.email if ilo and ilo.email else "demo-ilo@example.org", institution=inst["ilo"],
                  person=ilo, minutes_ago=240)
        # A government delegation registered by Chile's focal point, awaiting the Secretariat's confirmation.
        focal_cl = _person("demo-focal-cl")
        _register(event, name="DEMO Chilean labor inspector", email="demo-inspector-cl@example.org",
                  institution=inst["ministry-cl"], kind=Registration.Kind.DELEGATION, status=S.PENDING,
                  language="es", minutes_ago=180, registered_by=focal_cl.user if focal_cl else None)
        _register(event, name="DEMO Mexican inspection director", email="demo-inspection-mx@example.org",
                  institution=inst["ministry-mx"], kind=Registration.Kind.DELEGATION, language="es", minutes_ago=120)
        # Full: the next two wait, in order.
        _register(event, name="DEMO COSATE delegate", email="demo-cosate-delegate@example.org",
                  institution=inst["cosate"], status=S.WAITLISTED, language="es", minutes_ago=60)
        _register(event, name="DEMO Brazilian inspector", email="demo-inspector-br@example.org",
                  institution=inst["ministry-br"], kind=Registration.Kind.DELEGATION, status=S.WAITLISTED,
                  language="pt", minutes_ago=30)

    past, created = Meeting.objects.get_or_create(title_en="DEMO webinar on labor migration and recruitment",
                                                  is_demo=True, defaults={
        "title_es": "Webinario DEMO sobre migración laboral y reclutamiento", "kind": Meeting.Kind.WEBINAR,
        "start_date": today - datetime.timedelta(days=20), "start_time": datetime.time(11, 0),
        "end_time": datetime.time(12, 30), "time_zone": "America/Bogota", "is_virtual": True, "is_published": True,
        "objectives": "DEMO: present fair recruitment practices of three ministries."})
    if created:
        past.topics.set(topics[1:])
        event = Event.objects.create(
            meeting=past, capacity=100, delegations_need_confirmation=False,
            online_link="https://meet.example.org/demo-rial-webinar",
            registration_closes=timezone.now() - datetime.timedelta(days=21),
            target_participants="DEMO: officials of the ministries' migration units",
            results="DEMO: three ministries presented their recruitment rules; two asked for bilateral cooperation.",
            lessons_learned="DEMO: ninety minutes were too short for questions; send the presentations beforehand.")
        Organizer.objects.create(event=event, institution=inst["oas-technical-secretariat"])
        Organizer.objects.create(event=event, institution=inst["ilo"], role=Organizer.Role.CO_ORGANIZER)
        people = [("DEMO Focal Point Chile", "demo-focal-cl", "ministry-cl", "es", 5, 5, 4),
                  ("DEMO Focal Point Brazil", "demo-focal-br", "ministry-br", "pt", 4, 5, 4),
                  ("DEMO Official Colombia", "demo-member-co", "ministry-co", "es", 5, 4, 3)]
        for name, username, slug, language, objectives, usefulness, organisation in people:
            person = _person(username)
            registration = _register(event, name=name, email=(person.email if person and person.email
                                                              else f"{username}@example.org"),
                                     institution=inst[slug], person=person, language=language, attended=True)
            Participant.objects.create(meeting=past, institution=inst[slug], person=person, name=name,
                                       role=Participant.Role.OBSERVER, attended=True)
            Evaluation.objects.create(registration=registration, objectives_met=objectives, usefulness=usefulness,
                                      organisation=organisation, will_apply="DEMO: review our recruitment agencies' register.")
        _register(event, name="DEMO absent participant", email="demo-absent@example.org", institution=inst["ministry-pe"])
    _translate_demo()


