"""Reference lists of the portfolio (target populations, collections) and DEMO programs."""

import datetime
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from rial.core.languages import LANGUAGE_CODES
from rial.core.reference import data_rows, demo_texts, sync
from rial.directory.demo import ministry_slug
from rial.directory.models import Institution
from rial.portfolio import services
from rial.portfolio.models import Collection, Program, ProgramTransition, TargetPopulation
from rial.topics.models import Topic

DATA = Path(__file__).resolve().parent / "data"


@transaction.atomic
def load_reference() -> str:
    populations = data_rows(DATA / "target_populations.csv")
    for position, row in enumerate(populations):
        sync(TargetPopulation, {"slug": row["slug"]}, {
            "position": position, **{f"name_{lang}": row[f"name_{lang}"] for lang in LANGUAGE_CODES}})
    collections = data_rows(DATA / "collections.csv")
    for row in collections:
        sync(Collection, {"slug": row["slug"]}, {
            **{f"name_{lang}": row[f"name_{lang}"] for lang in LANGUAGE_CODES},
            **{f"description_{lang}": row[f"description_{lang}"] for lang in LANGUAGE_CODES}})
    return f"{len(populations)} target populations, {len(collections)} collection(s)"


# Invented programs, named DEMO, to show the portfolio; no real program is described here.
DEMO_PROGRAMS = [
    ("CL", None, "DEMO Youth apprenticeship bridge", "DEMO Programa puente de aprendices jóvenes",
     "An invented program that pairs young jobseekers with firms for paid apprenticeships.",
     ["youth-employment", "training-skills"], ["youth", "unemployed"], 400),
    ("CL", None, "DEMO Digital labor inspection", "DEMO Inspección del trabajo digital",
     "An invented program that plans labor inspections from complaint data.",
     ["labor-inspection"], ["labor-officials"], 30),
    ("BR", None, "DEMO Domestic work registration drive", "DEMO Campaña de registro del trabajo doméstico",
     "An invented program that helps households register domestic workers for social security.",
     ["informality", "social-protection"], ["domestic-workers", "women"], 60),
    ("CO", None, "DEMO Rural employment services", "DEMO Servicios de empleo rural",
     "An invented program that brings the public employment service to rural towns by mobile units.",
     ["employment-services"], ["rural-workers"], 200),
    ("CL", "covid-19", "DEMO Job retention subsidy", "DEMO Subsidio de conservación del empleo",
     "An invented COVID-19 measure: a wage subsidy for firms that kept their workers during lockdowns.",
     ["employment"], ["employers-msmes"], 500),
    ("BR", "covid-19", "DEMO Remote work guidance", "DEMO Guía de teletrabajo",
     "An invented COVID-19 measure: guidance for employers on remote work and health at home.",
     ["future-of-work", "osh"], [], 500),
]


OBJECTIVES = {
    "en": "DEMO objectives: show how the portfolio presents a program.",
    "es": "Objetivos DEMO: mostrar cómo el portafolio presenta un programa.",
    "pt": "Objetivos DEMO: mostrar como o portfólio apresenta um programa.",
    "fr": "Objectifs DEMO : montrer comment le portefeuille présente un programme.",
}
# The demo programs' texts in the languages the table above does not give (the project's own wording).
DEMO_TEXTS = {
    "DEMO Youth apprenticeship bridge": {
        "name_pt": "DEMO Ponte de aprendizagem para jovens", "name_fr": "DEMO Passerelle d'apprentissage pour les jeunes",
        "summary_es": "Un programa inventado que pone en contacto a jóvenes que buscan empleo con empresas que ofrecen aprendizajes remunerados.",
        "summary_pt": "Um programa inventado que aproxima jovens que procuram emprego de empresas com aprendizagens remuneradas.",
        "summary_fr": "Un programme inventé qui met en relation de jeunes demandeurs d'emploi avec des entreprises offrant des apprentissages rémunérés."},
    "DEMO Digital labor inspection": {
        "name_pt": "DEMO Inspeção do trabalho digital", "name_fr": "DEMO Inspection du travail numérique",
        "summary_es": "Un programa inventado que planifica las inspecciones del trabajo a partir de los datos de las denuncias.",
        "summary_pt": "Um programa inventado que planeja as inspeções do trabalho a partir dos dados das denúncias.",
        "summary_fr": "Un programme inventé qui planifie les inspections du travail à partir des données des plaintes."},
    "DEMO Domestic work registration drive": {
        "name_pt": "DEMO Campanha de registro do trabalho doméstico", "name_fr": "DEMO Campagne d'enregistrement du travail domestique",
        "summary_es": "Un programa inventado que ayuda a los hogares a inscribir a las trabajadoras domésticas en la seguridad social.",
        "summary_pt": "Um programa inventado que ajuda as famílias a inscrever as trabalhadoras domésticas na seguridade social.",
        "summary_fr": "Un programme inventé qui aide les ménages à affilier les travailleuses domestiques à la sécurité sociale."},
    "DEMO Rural employment services": {
        "name_pt": "DEMO Serviços de emprego rural", "name_fr": "DEMO Services de l'emploi en milieu rural",
        "summary_es": "Un programa inventado que lleva el servicio público de empleo a los pueblos rurales con unidades móviles.",
        "summary_pt": "Um programa inventado que leva o serviço público de emprego às cidades rurais com unidades móveis.",
        "summary_fr": "Un programme inventé qui amène le service public de l'emploi dans les villages ruraux par des unités mobiles."},
    "DEMO Job retention subsidy": {
        "name_pt": "DEMO Subsídio de manutenção do emprego", "name_fr": "DEMO Subvention au maintien de l'emploi",
        "summary_es": "Una medida COVID-19 inventada: un subsidio salarial para las empresas que conservaron a sus trabajadores durante los confinamientos.",
        "summary_pt": "Uma medida COVID-19 inventada: um subsídio salarial para as empresas que mantiveram seus trabalhadores durante os confinamentos.",
        "summary_fr": "Une mesure COVID-19 inventée : une subvention salariale pour les entreprises qui ont gardé leurs salariés pendant les confinements."},
    "DEMO Remote work guidance": {
        "name_pt": "DEMO Guia de teletrabalho", "name_fr": "DEMO Guide du télétravail",
        "summary_es": "Una medida COVID-19 inventada: orientaciones para los empleadores sobre el teletrabajo y la salud en el hogar.",
        "summary_pt": "Uma medida COVID-19 inventada: orientações para os empregadores sobre o teletrabalho e a saúde em casa.",
        "summary_fr": "Une mesure COVID-19 inventée : des conseils aux employeurs sur le télétravail et la santé à domicile."},
}

# Programs on their way through the review, so that each desk shows work waiting for it: Brazil's waits for
# the Secretariat's review, Chile's came back with comments, another of Chile's is still a draft. Each moves
# through the portfolio's services, as a person would move it, so the notices go out too.
DEMO_REVIEW = (
    ("BR", "submitted", ["labor-migration"], {
        "name_en": "DEMO Labor migration one-stop shop", "name_es": "DEMO Ventanilla única de migración laboral",
        "name_pt": "DEMO Balcão único de migração laboral", "name_fr": "DEMO Guichet unique de la migration de travail",
        "summary_en": "An invented program: one office where migrant workers register, find jobs and learn their rights.",
        "summary_es": "Un programa inventado: una sola oficina donde los trabajadores migrantes se registran, buscan empleo y conocen sus derechos.",
        "summary_pt": "Um programa inventado: um só escritório onde os trabalhadores migrantes se registram, procuram emprego e conhecem seus direitos.",
        "summary_fr": "Un programme inventé : un seul bureau où les travailleurs migrants s'inscrivent, trouvent un emploi et apprennent leurs droits."}),
    ("CL", "returned", ["osh", "rural-work"], {
        "name_en": "DEMO Safety at work in agriculture", "name_es": "DEMO Seguridad en el trabajo agrícola",
        "name_pt": "DEMO Segurança no trabalho agrícola", "name_fr": "DEMO Sécurité au travail dans l'agriculture",
        "summary_en": "An invented program that trains seasonal farm workers and their employers in safe work.",
        "summary_es": "Un programa inventado que forma a los temporeros agrícolas y a sus empleadores en el trabajo seguro.",
        "summary_pt": "Um programa inventado que capacita os trabalhadores rurais temporários e seus empregadores em trabalho seguro.",
        "summary_fr": "Un programme inventé qui forme les saisonniers agricoles et leurs employeurs au travail en sécurité."}),
    ("CL", "draft", ["green-transition", "training-skills"], {
        "name_en": "DEMO Green jobs training", "name_es": "DEMO Formación para empleos verdes",
        "name_pt": "DEMO Formação para empregos verdes", "name_fr": "DEMO Formation aux emplois verts",
        "summary_en": "An invented program that retrains workers for jobs in renewable energy.",
        "summary_es": "Un programa inventado que recalifica a trabajadores para empleos en energías renovables.",
        "summary_pt": "Um programa inventado que requalifica trabalhadores para empregos em energias renováveis.",
        "summary_fr": "Un programme inventé qui reconvertit des travailleurs vers les emplois des énergies renouvelables."}),
)
DEMO_RETURN_COMMENT = "DEMO: please add the results so far and the legal basis of the program (invented comment)."


def _load_review_cycle() -> None:
    users = {user.username: user for user in get_user_model().objects.filter(
        username__in=["demo-secretariat", "demo-focal-cl", "demo-focal-br"])}
    if len(users) < 3:
        return  # the demo accounts are not loaded: nobody to move the programs
    for iso2, stage, topic_slugs, texts in DEMO_REVIEW:
        ministry = Institution.objects.filter(slug=ministry_slug(iso2)).first()
        if ministry is None:
            continue
        loaded = Program.objects.filter(ministry=ministry, name_en=texts["name_en"], revision_of__isnull=True).first()
        if loaded is not None:
            if loaded.is_demo:  # texts added here since reach programs loaded before
                demo_texts(loaded, texts)
            continue  # where people moved it since, it stays where they left it
        focal_point = users[f"demo-focal-{iso2.lower()}"]
        program = services.program_create(
            user=focal_point, data={"ministry": ministry, "is_demo": True, "languages": ["en", "es"], **texts},
            topics=list(Topic.objects.filter(slug__in=topic_slugs)))
        if stage in ("submitted", "returned"):
            services.program_submit(program=program, user=focal_point)
        if stage == "returned":
            services.program_return(program=program, user=users["demo-secretariat"], comment=DEMO_RETURN_COMMENT)



@transaction.atomic
def load_demo() -> None:
    today = timezone.localdate()
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    populations = {population.slug: population for population in TargetPopulation.objects.all()}
    for iso2, collection_slug, name_en, name_es, summary, topic_slugs, population_slugs, age in DEMO_PROGRAMS:
        ministry = Institution.objects.filter(slug=ministry_slug(iso2)).first()
        if ministry is None:
            continue
        collection = Collection.objects.filter(slug=collection_slug).first() if collection_slug else None
        # Loaded before when a program (not a revision) of that name exists: users may since have opened
        # a revision of it, a second row of the same name, or written one of their own.
        loaded = Program.objects.filter(ministry=ministry, name_en=name_en, revision_of__isnull=True).first()
        if loaded is not None:
            if loaded.is_demo:  # texts added to this file since reach programs loaded before
                demo_texts(loaded, {**DEMO_TEXTS[name_en], **{f"objectives_{lang}": text for lang, text in OBJECTIVES.items()}})
            continue
        program = Program.objects.create(ministry=ministry, name_en=name_en, **{
            "name_es": name_es, "summary_en": summary, "collection": collection, "is_demo": True,
            "status": Program.Status.PUBLISHED, "languages": ["en", "es"],
            **DEMO_TEXTS[name_en], **{f"objectives_{lang}": text for lang, text in OBJECTIVES.items()},
            "start": datetime.date(2021, 3, 1),
            "last_reviewed_at": today - datetime.timedelta(days=age),
            "source_url": "https://example.org/demo" if collection else "",
            "updated_as_of": datetime.date(2021, 6, 30) if collection else None,
        })
        program.topics.set([topics[slug] for slug in topic_slugs if slug in topics])
        program.populations.set([populations[slug] for slug in population_slugs if slug in populations])
        ProgramTransition.objects.create(program=program, action="publish", from_status="submitted",
                                         to_status="published", comment="DEMO")
    _load_review_cycle()
