"""Realistic synthetic programs and documents in four languages, generated from a fixed seed.

Sentences are built from the vocabulary of the network's work (topics, populations, actions) in
Spanish, English, Portuguese and French, plus invented proper names that give the long tail of rare
words a real corpus has. Everything is marked DEMO-free because it never leaves the benchmark database.
"""

import random

from rial.core.searchable import SearchDocument

COUNTRIES = ["AG", "AR", "BS", "BB", "BZ", "BO", "BR", "CA", "CL", "CO", "CR", "CU", "DM", "DO", "EC", "SV", "US", "GD", "GT", "GY", "HT", "HN", "JM", "MX", "NI", "PA", "PY", "PE", "KN", "LC", "VC", "SR", "TT", "UY", "VE"]
TOPICS = {
    "labor-inspection": ("inspección del trabajo", "labor inspection", "inspeção do trabalho", "inspection du travail"),
    "child-labor": ("trabajo infantil", "child labor", "trabalho infantil", "travail des enfants"),
    "youth-employment": ("empleo juvenil", "youth employment", "emprego juvenil", "emploi des jeunes"),
    "social-protection": ("protección social", "social protection", "proteção social", "protection sociale"),
    "pensions-agreements": ("convenios de seguridad social", "social security agreements",
                            "acordos de seguridade social", "accords de sécurité sociale"),
    "social-dialogue": ("diálogo social", "social dialogue", "diálogo social", "dialogue social"),
    "labor-migration": ("migración laboral", "labor migration", "migração laboral", "migration de main-d'œuvre"),
    "osh": ("seguridad y salud en el trabajo", "occupational safety and health", "segurança e saúde no trabalho",
            "sécurité et santé au travail"),
    "training-skills": ("formación profesional", "vocational training", "formação profissional",
                        "formation professionnelle"),
    "employment-services": ("servicios públicos de empleo", "public employment services",
                            "serviços públicos de emprego", "services publics de l'emploi"),
    "gender-equality": ("igualdad de género", "gender equality", "igualdade de gênero", "égalité entre les sexes"),
    "telework": ("teletrabajo", "telework", "teletrabalho", "télétravail"),
    "informality": ("economía informal", "informal economy", "economia informal", "économie informelle"),
    "modernization": ("transformación digital", "digital transformation", "transformação digital",
                      "transformation numérique"),
    "wages": ("salario mínimo", "minimum wage", "salário mínimo", "salaire minimum"),
    "platform-work": ("trabajo en plataformas", "platform work", "trabalho em plataformas", "travail de plateforme"),
}
LANGS = ("es", "en", "pt", "fr")
WORDS = {
    "es": {
        "program": ["Programa", "Estrategia", "Plan nacional", "Iniciativa", "Sistema"],
        "document": ["Estudio", "Guía", "Protocolo", "Informe", "Lecciones aprendidas"],
        "of": "de",
        "population": ["trabajadores rurales", "jóvenes", "mujeres trabajadoras", "personas migrantes",
                       "empleadores de mipymes", "trabajadoras domésticas", "inspectores del trabajo",
                       "personas con discapacidad"],
        "action": ["capacitaciones", "visitas de inspección", "mesas de diálogo", "campañas de difusión",
                   "asistencia técnica", "intercambios de experiencias", "certificaciones de competencias"],
        "outcome": ["cobertura", "formalización del empleo", "calidad de los servicios", "cumplimiento de la ley",
                    "reducción de accidentes", "inserción laboral"],
        "sentences": [
            "El {kind} fortalece {topic} mediante {action} dirigidas a {population}.",
            "Se realizaron {n} {action} en la región de {name} con apoyo del ministerio.",
            "Los resultados muestran mejoras en {topic} y en la {outcome}.",
            "La evaluación recomienda ampliar el {kind} a otros {population2} del país.",
            "El ministerio coordina con {name} para medir la {outcome} cada año.",
            "Entre {year} y {year2} participaron {n} {population}.",
        ],
    },
    "en": {
        "program": ["Program", "Strategy", "National plan", "Initiative", "System"],
        "document": ["Study", "Guide", "Protocol", "Report", "Lessons learned"],
        "of": "on",
        "population": ["rural workers", "young people", "women workers", "migrant workers", "small employers",
                       "domestic workers", "labor inspectors", "persons with disabilities"],
        "action": ["training courses", "inspection visits", "dialogue tables", "awareness campaigns",
                   "technical assistance", "experience exchanges", "skills certifications"],
        "outcome": ["coverage", "formalization of employment", "quality of services", "compliance with the law",
                    "reduction of accidents", "job placement"],
        "sentences": [
            "The {kind} strengthens {topic} through {action} for {population}.",
            "{n} {action} took place in the {name} region with the ministry's support.",
            "Results show improvements in {topic} and in {outcome}.",
            "The evaluation recommends extending the {kind} to other {population2} in the country.",
            "The ministry works with {name} to measure {outcome} every year.",
            "Between {year} and {year2}, {n} {population} took part.",
        ],
    },
    "pt": {
        "program": ["Programa", "Estratégia", "Plano nacional", "Iniciativa", "Sistema"],
        "document": ["Estudo", "Guia", "Protocolo", "Relatório", "Lições aprendidas"],
        "of": "de",
        "population": ["trabalhadores rurais", "jovens", "mulheres trabalhadoras", "pessoas migrantes",
                       "empregadores de micro e pequenas empresas", "trabalhadoras domésticas",
                       "auditores fiscais do trabalho", "pessoas com deficiência"],
        "action": ["capacitações", "visitas de inspeção", "mesas de diálogo", "campanhas de conscientização",
                   "assistência técnica", "intercâmbios de experiências", "certificações de competências"],
        "outcome": ["cobertura", "formalização do emprego", "qualidade dos serviços", "cumprimento da lei",
                    "redução de acidentes", "inserção no mercado de trabalho"],
        "sentences": [
            "O {kind} fortalece {topic} por meio de {action} para {population}.",
            "Foram realizadas {n} {action} na região de {name} com apoio do ministério.",
            "Os resultados mostram melhorias em {topic} e na {outcome}.",
            "A avaliação recomenda ampliar o {kind} para outros {population2} do país.",
            "O ministério coordena com {name} a medição da {outcome} todos os anos.",
            "Entre {year} e {year2} participaram {n} {population}.",
        ],
    },
    "fr": {
        "program": ["Programme", "Stratégie", "Plan national", "Initiative", "Système"],
        "document": ["Étude", "Guide", "Protocole", "Rapport", "Leçons apprises"],
        "of": "sur",
        "population": ["travailleurs ruraux", "jeunes", "travailleuses", "travailleurs migrants",
                       "employeurs des petites entreprises", "travailleuses domestiques", "inspecteurs du travail",
                       "personnes handicapées"],
        "action": ["formations", "visites d'inspection", "tables de dialogue", "campagnes de sensibilisation",
                   "assistance technique", "échanges d'expériences", "certifications de compétences"],
        "outcome": ["couverture", "formalisation de l'emploi", "qualité des services", "respect de la loi",
                    "réduction des accidents", "insertion professionnelle"],
        "sentences": [
            "Le {kind} renforce {topic} grâce à des {action} pour les {population}.",
            "{n} {action} ont eu lieu dans la région de {name} avec l'appui du ministère.",
            "Les résultats montrent des progrès en {topic} et en {outcome}.",
            "L'évaluation recommande d'étendre le {kind} à d'autres {population2} du pays.",
            "Le ministère travaille avec {name} pour mesurer la {outcome} chaque année.",
            "Entre {year} et {year2}, {n} {population} y ont participé.",
        ],
    },
}
SYLLABLES = ["ka", "ri", "mu", "te", "lo", "sa", "ne", "vi", "ra", "to", "pa", "chi", "qui", "hua", "ya", "co", "ma", "nu", "li", "be", "ta", "so"]


def _pick(rng: random.Random, items):
    # rng.choice is the generator's bottleneck at 100,000 records; this is the same draw, cheaper.
    return items[int(rng.random() * len(items))]


def _make_names(count: int) -> list[str]:
    rng = random.Random(7)
    return ["".join(_pick(rng, SYLLABLES) for _ in range(2 + int(rng.random() * 3))).capitalize()
            for _ in range(count)]


# Place and programme names: a pool of 20,000 drawn with a skew, so a few are common and most rare,
# as in real text (a fresh name per sentence would make every record's vocabulary unique).
NAMES = _make_names(20_000)


def _name(rng: random.Random) -> str:
    return NAMES[int(len(NAMES) * rng.random() ** 3)]


def _text(rng: random.Random, lang: str, kind: str, topic_slugs: list[str], sentences: int, year: int) -> str:
    words, index = WORDS[lang], LANGS.index(lang)
    out = []
    for _ in range(sentences):
        template = _pick(rng, words["sentences"])
        out.append(template.format(
            kind=_pick(rng, words[kind]).lower(), topic=TOPICS[_pick(rng, topic_slugs)][index],
            action=_pick(rng, words["action"]), population=_pick(rng, words["population"]),
            population2=_pick(rng, words["population"]), outcome=_pick(rng, words["outcome"]),
            name=_name(rng), n=3 + int(rng.random() * 900), year=year, year2=year + 1 + int(rng.random() * 4)))
    return " ".join(out)


def document(number: int, seed: int = 2026) -> SearchDocument:
    """The ``number``-th synthetic record: the same every run."""
    rng = random.Random(seed * 1_000_003 + number)
    kind = "program" if rng.random() < 0.6 else "document"
    lang = rng.choices(LANGS, weights=(45, 30, 15, 10))[0]
    topic_slugs = rng.sample(list(TOPICS), rng.randint(1, 3))
    year = rng.randint(2005, 2025)
    # Programs: a summary and objectives (~80–200 words); documents: extracted text (~250–600 words).
    sentences = rng.randint(6, 16) if kind == "program" else rng.randint(20, 45)

    def version(language: str) -> tuple[str, str]:
        words = WORDS[language]
        title = (f"{rng.choice(words[kind])} {words['of']} "
                 f"{TOPICS[topic_slugs[0]][LANGS.index(language)]} {_name(rng)}")
        return title, _text(rng, language, kind, topic_slugs, sentences, year)

    title, body = version(lang)
    translations = {}
    if rng.random() < 0.3:  # about a third have a translation, mostly between Spanish and English
        other = "en" if lang != "en" else "es"
        translations[other] = version(other)
    return SearchDocument(
        kind=kind, key=f"bench-{number}", url=f"/{'programs' if kind == 'program' else 'library'}/{number}/",
        language=lang, title=title, body=body, translations=translations,
        countries=tuple(rng.sample(COUNTRIES, rng.choice((1, 1, 1, 2)))), topics=tuple(topic_slugs), year=year)


def documents(start: int, stop: int):
    for number in range(start, stop):
        yield document(number)
