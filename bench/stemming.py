"""What the word-family rules (rial/search/stemming.py) join beyond Snowball, and what they wrongly join.

    python -m bench stemming

Three measures, each for Snowball alone (with the Spanish plural rule that came before) and for the rules:

- families: pairs of words of one family in one language (singular/plural, noun/verb/agent, British/American
  spelling) that get one term;
- across languages: a Spanish word and its Portuguese cognate (and back) that meet when the query is stemmed
  in the record's language (formalización → Portuguese text "formalização");
- false friends: pairs of unrelated words that must keep apart.

Then every word of the relevance benchmark's records and of the vocabulary's labels is stemmed both ways,
and the words the rules newly join are listed, so that a reader can judge each merge.
"""

import csv
import re
import sys
import unicodedata
from itertools import combinations
from pathlib import Path

from bench.relevance_data import RECORDS
from rial.search.stemming import snowball, stem

VOCABULARY = Path(__file__).resolve().parent.parent / "rial" / "search" / "data" / "vocabulary.csv"

FAMILIES = {
    "en": [
        "labor labour labors labours laborer labourer", "migrant migrants migration migrations migrate",
        "inspection inspections inspector inspectors inspect", "organization organisation organizations organisations",
        "program programme programs programmes", "center centre centers centres",
        "formalization formalisation formalize formalise", "participant participants participation participate",
        "consultant consultants consultation", "behavior behaviour behavioral behavioural",
        "analyze analyse analyzed analysed", "defense defence", "license licence", "enrollment enrolment",
        "traveled travelled traveling travelling", "modeling modelling", "immigrant immigrants immigration",
        "director directors direction", "protector protection", "mobilization mobilisation mobilize mobilise",
        "harmonization harmonisation", "recognize recognise recognized recognised", "prioritize prioritise",
        "favorable favourable", "neighborhood neighbourhood", "counselor counsellor", "aging ageing",
        "judgment judgement", "fulfillment fulfilment", "catalog catalogue", "instructor instruction",
        "contractor contractors contract", "regularization regularisation", "specialized specialised",
        "applicant applicants application", "claimant claim", "color colour", "honor honour",
    ],
    "es": [
        "formalización formalizaciones formalizar", "inspección inspecciones inspector inspectores inspectora",
        "migración migraciones migrante migrantes migrar", "esclavitud esclavo esclavos", "protección protector",
        "dirección director directora", "producción productor productores", "negociación negociaciones negociar",
        "capacitación capacitaciones capacitar", "taller talleres", "mujer mujeres", "joven jóvenes",
        "conducción conductor conductores", "instrucción instructor", "construcción constructor",
        "trabajador trabajadores trabajadora", "informalidad informal", "contratación contratar",
        "participación participante participantes", "inmigración inmigrante inmigrantes",
        "solicitante solicitantes", "fiscalización fiscalizar", "pensión pensiones", "comisión comisiones",
    ],
    "pt": [
        "formalização formalizações formalizar formalizacao", "inspeção inspeções inspetor inspetores inspecção",
        "migração migrações migrante migrantes migrar migracao", "escravidão escravo escravos escravidao",
        "proteção protetor protecao", "direção diretor diretora", "produção produtor produtores",
        "negociação negociações negociar", "capacitação capacitações capacitar", "fiscalização fiscalizar",
        "qualificação qualificações qualificar", "contratação contratações contratar", "informalidade informal",
        "trabalhador trabalhadores trabalhadora", "participação participante participantes",
        "imigração imigrante imigrantes", "comissão comissões", "pensão pensões", "construção construtor",
        "condição condições", "educação educacao", "previdência previdencia", "segurança seguranca",
    ],
    "fr": [
        "migration migrations migrant migrants", "inspection inspections inspecteur inspecteurs",
        "formation formations former", "négociation négociations négocier", "formalisation formaliser",
        "protection protecteur", "direction directeur directeurs", "production producteur producteurs",
        "immigration immigrant immigrants", "participation participant participants", "travailleur travailleurs",
        "qualification qualifications qualifier", "consultation consultant consultants",
    ],
}
CROSS = [  # (Spanish, Portuguese): each must find the other when the query is stemmed in the record's language
    ("formalización", "formalização"), ("inspección", "inspeção"), ("migración", "migração"),
    ("protección", "proteção"), ("negociación", "negociação"), ("capacitación", "capacitação"),
    ("informalidad", "informalidade"), ("dirección", "direção"), ("producción", "produção"),
    ("solución", "solução"), ("condición", "condição"), ("contribución", "contribuição"),
    ("educación", "educação"), ("organización", "organização"), ("población", "população"),
    ("fiscalización", "fiscalização"), ("discriminación", "discriminação"), ("participación", "participação"),
    ("formación", "formação"), ("comisión", "comissão"), ("pensión", "pensão"), ("inspector", "inspetor"),
    ("construcción", "construção"), ("contratación", "contratação"), ("cualificación", "qualificação"),
    ("seguridad", "seguridade"), ("productividad", "produtividade"), ("migrantes", "migrantes"),
    ("capacidades", "capacidades"), ("prevención", "prevenção"), ("mediación", "mediação"),
    ("conciliación", "conciliação"), ("certificación", "certificação"), ("evaluación", "avaliação"),
]
FALSE_FRIENDS = {
    "en": ["sector sect", "factor fact", "important import", "grant grate", "want wait", "plant plate",
           "servant service", "nation native", "pension pensive", "station state", "actor act", "relevant relevance"],
    "es": ["pensión pensar", "nación nacer", "sector seco", "actitud acto", "estación estar", "acción acero",
           "canción canto", "lector lección"],
    "pt": ["solidão sol", "certidão certo", "pensão pensar", "nação nascer", "estação estar", "setor seta",
           "ação aço", "multidão multa"],
    "fr": ["nation naître", "station stationner", "candidat candide", "relation relater", "création créer"],
}
# Pairs in FALSE_FRIENDS that belong together after all (listed to show they are joined on purpose).
RELATED = {("relevant", "relevance")}


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


def measure() -> dict:
    def joined(pairs, language, function) -> int:
        return sum(function(_fold(a), language) == function(_fold(b), language) for a, b in pairs)

    report = {}
    for language, families in FAMILIES.items():
        pairs = [pair for family in families for pair in combinations(family.split(), 2)]
        friends = [tuple(pair.split()) for pair in FALSE_FRIENDS[language]]
        unrelated = [pair for pair in friends if pair not in RELATED]
        report[language] = {
            "family pairs": len(pairs), "joined by Snowball": joined(pairs, language, snowball),
            "joined with the rules": joined(pairs, language, stem),
            "false friends": len(unrelated), "wrongly joined by Snowball": joined(unrelated, language, snowball),
            "wrongly joined with the rules": joined(unrelated, language, stem),
        }
    cross = {"pairs": 2 * len(CROSS), "snowball": 0, "rules": 0}
    for spanish, portuguese in CROSS:
        for query, record, language in ((spanish, portuguese, "pt"), (portuguese, spanish, "es")):
            cross["snowball"] += snowball(_fold(query), language) == snowball(_fold(record), language)
            cross["rules"] += stem(_fold(query), language) == stem(_fold(record), language)
    report["es↔pt"] = cross
    return report


def new_merges(words_by_language: dict[str, set[str]]) -> dict[str, list[list[str]]]:
    """Groups of words that Snowball keeps apart and the rules join, per language."""
    merges = {}
    for language, words in words_by_language.items():
        groups: dict[str, set[str]] = {}
        for word in words:
            groups.setdefault(stem(word, language), set()).add(word)
        found = []
        for group in groups.values():
            if len({snowball(word, language) for word in group}) > 1:
                found.append(sorted(group))
        merges[language] = sorted(found)
    return merges


def _words(text: str) -> set[str]:
    return {_fold(word) for word in re.findall(r"\w+", text) if word.isalpha() and len(word) > 3}


def corpus_words() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {language: set() for language in ("en", "es", "pt", "fr")}
    for record in RECORDS:
        found[record.language] |= _words(record.title + " " + record.body)
    with open(VOCABULARY, encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            for language in found:
                found[language] |= _words(row[language].replace("|", " "))
    return found


def main(argv: list[str]) -> int:
    report = measure()
    print("Word families (rial/search/stemming.py against Snowball alone):\n")
    print("| language | family pairs | joined by Snowball | joined with the rules | unrelated pairs | wrongly joined: "
          "Snowball / rules |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for language in FAMILIES:
        r = report[language]
        print(f"| {language} | {r['family pairs']} | {r['joined by Snowball']} | {r['joined with the rules']} | "
              f"{r['false friends']} | {r['wrongly joined by Snowball']} / {r['wrongly joined with the rules']} |")
    cross = report["es↔pt"]
    print(f"\nSpanish ↔ Portuguese cognates meeting in the record's language: {cross['snowball']} of {cross['pairs']} "
          f"with Snowball alone, {cross['rules']} with the rules.")
    words = corpus_words()
    merges = new_merges(words)
    print(f"\nWords of the relevance benchmark and the vocabulary ({sum(map(len, words.values()))} distinct) that the "
          "rules join and Snowball kept apart:")
    for language, groups in merges.items():
        print(f"  {language} ({len(groups)}): " + "; ".join(" = ".join(group) for group in groups))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
