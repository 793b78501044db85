"""Reference lists of the portfolio (target populations, collections) and DEMO programs."""

import datetime
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from rial.core.reference import data_rows, sync
from rial.directory.demo import ministry_slug
from rial.directory.models import Institution
from rial.portfolio.models import Collection, Program, ProgramTransition, TargetPopulation
from rial.topics.models import Topic

DATA = Path(__file__).resolve().parent / "data"
LANGS = ("en", "es", "pt", "fr")


@transaction.atomic
def load_reference() -> str:
    populations = data_rows(DATA / "target_populations.csv")
    for position, row in enumerate(populations):
        sync(TargetPopulation, {"slug": row["slug"]}, {
            "position": position, **{f"name_{lang}": row[f"name_{lang}"] for lang in LANGS}})
    collections = data_rows(DATA / "collections.csv")
    for row in collections:
        sync(Collection, {"slug": row["slug"]}, {
            **{f"name_{lang}": row[f"name_{lang}"] for lang in LANGS},
            **{f"description_{lang}": row[f"description_{lang}"] for lang in LANGS}})
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
        if Program.objects.filter(ministry=ministry, name_en=name_en, revision_of__isnull=True).exists():
            continue
        program = Program.objects.create(ministry=ministry, name_en=name_en, **{
            "name_es": name_es, "summary_en": summary, "collection": collection, "is_demo": True,
            "status": Program.Status.PUBLISHED, "languages": ["en", "es"],
            "objectives_en": "DEMO objectives: show how the portfolio presents a program.",
            "start": datetime.date(2021, 3, 1),
            "last_reviewed_at": today - datetime.timedelta(days=age),
            "source_url": "https://example.org/demo" if collection else "",
            "updated_as_of": datetime.date(2021, 6, 30) if collection else None,
        })
        program.topics.set([topics[slug] for slug in topic_slugs if slug in topics])
        program.populations.set([populations[slug] for slug in population_slugs if slug in populations])
        ProgramTransition.objects.create(program=program, action="publish", from_status="submitted",
                                         to_status="published", comment="DEMO")
