"""Suggest taxonomy topics for a mandate from its wording, so a topic's timeline across conferences
fills itself when a plan is imported. The Secretariat corrects the topics afterwards; this only starts them.
"""

import re

from rial.conference.importer.countries import fold

# Topic slug → words that, found in a mandate (English or Spanish, without accents), suggest it.
KEYWORDS: dict[str, tuple[str, ...]] = {
    "child-labor": ("child labor", "child labour", "trabajo infantil"),
    "forced-labor": ("forced labor", "forced labour", "trabajo forzoso"),
    "osh": ("occupational safety", "occupational health", "seguridad y salud en el trabajo"),
    "labor-inspection": ("labor inspection", "labour inspection", "inspeccion del trabajo", "inspeccion laboral"),
    "fundamental-rights": ("fundamental principles and rights", "principios y derechos fundamentales"),
    "wages": ("minimum wage", "salario minimo"),
    "employment-services": ("employment service", "servicios de empleo", "servicio de empleo"),
    "labor-market-information": ("labor market information", "observator", "informacion del mercado laboral"),
    "training-skills": ("vocational training", "skills", "certification of competenc", "formacion profesional",
                        "competencias laborales"),
    "youth-employment": ("youth employment", "young people", "empleo juvenil", "jovenes"),
    "labor-migration": ("migra",),
    "informality": ("informal", "informalidad"),
    "enterprises-msmes": ("msme", "small and medium", "pymes", "mipymes"),
    "social-dialogue": ("social dialogue", "dialogo social", "tripartit"),
    "freedom-of-association": ("freedom of association", "collective bargaining", "libertad sindical",
                               "negociacion colectiva"),
    "social-protection": ("social protection", "proteccion social"),
    "pensions-agreements": ("social security agreement", "convenios de seguridad social", "pension"),
    "social-security": ("social security", "seguridad social"),
    "international-cooperation": ("cooperation", "cooperacion", "rial", "portfolio", "portafolio"),
    "gender-equality": ("gender", "genero", "women", "mujeres"),
    "future-of-work": ("future of work", "futuro del trabajo"),
    "telework": ("telework", "teletrabajo"),
    "green-transition": ("green jobs", "just transition", "empleos verdes", "transicion justa"),
    "platform-work": ("platform work", "digital platforms", "plataformas digitales"),
    "modernization": ("moderniz", "digital transformation", "transformacion digital"),
}

_PATTERNS = {slug: re.compile(r"\b(?:" + "|".join(re.escape(word) for word in words) + ")")
             for slug, words in KEYWORDS.items()}


def suggested_topics(text: str) -> list[str]:
    """The slugs of the topics whose words appear in ``text``, in the table's order."""
    folded = fold(text)
    return [slug for slug, pattern in _PATTERNS.items() if pattern.search(folded)]


def suggested_institutions(text: str, acronyms: dict[str, int]) -> list[int]:
    """The institutions named by acronym in ``text`` ("the ILO", "la OIT", "the Technical Secretariat").

    ``acronyms`` maps an acronym (any language) to an institution id; the match is on whole words and
    case-sensitive, since acronyms are written in capitals and "CIM" must not match "cim" inside a word.
    """
    found = []
    for acronym, institution_id in acronyms.items():
        if institution_id not in found and re.search(rf"(?<![\w/]){re.escape(acronym)}(?![\w/])", text):
            found.append(institution_id)
    return found


SECRETARIAT_WORDS = re.compile(r"\b(?:Technical Secretariat|Secretar[ií]a T[eé]cnica)\b", re.I)
