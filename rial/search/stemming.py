"""Index terms of single words: British spellings read as American, Snowball stemming, and the word families
Snowball leaves apart joined again.

Everything here works on folded words (lower case, no accents: text.fold), because readers type without
accents and text is indexed the same way. Measured on the word families of ``bench/stemming.py`` (figures in
docs/apps/search.md): what Snowball alone joins, what these rules join besides, and which unrelated words
they wrongly join.

- **English**: British spellings are read as American before stemming ("labour" → "labor", "organisation" →
  "organization", "programme" → "program", "centre" → "center", "travelled" → "traveled"), so both
  spellings give one term. Snowball leaves "migrant" apart from "migration"/"migrate" and "inspector" apart
  from "inspection": a stem ending in -ant (for words ending in -ant/-ants) ends in -at instead, and -ctor in
  -ct.
- **Portuguese**: Snowball's Portuguese stemmer finds -ção, -ções, -ência, -ável… only with their accents,
  so folded words ("formalizacao") kept the whole suffix and never met the verb ("formalizar"). The accents of
  those endings are put back before stemming; Spanish spellings of them (-ción, -sión, -dad) are read as
  Portuguese, and so is the older spelling -cção ("inspecção"), so a Spanish query meets Portuguese text.
  Where Snowball still leaves -ção/-ções, -idão (escravidão/escravo) or -tor (inspetor/inspeção), it is
  removed.
- **Spanish**: Portuguese spellings (-ção, -ções, -dade) are read as Spanish; -ación, -cción, -ctor, -ante
  and -itud left by Snowball are reduced to the family's stem (migración/migrante/migrar, inspección/
  inspector, esclavitud/esclavo).
- **French**: -ation left by Snowball (migration) meets -ant (migrant), and -teur (inspecteur) meets -tion.

A rule only applies when enough of the word remains (``MIN_STEM``), so short words ("nación", "sector",
"want") keep their own stems.
"""

import re
import threading
import unicodedata
from functools import cache

import snowballstemmer

STEMMERS = {"en": "english", "es": "spanish", "pt": "portuguese", "fr": "french"}
MIN_STEM = 4

# --- English: British spellings --------------------------------------------------------------------------

_BRITISH_WORDS = {
    "programme": "program", "programmes": "programs", "defence": "defense", "defences": "defenses",
    "licence": "license", "licences": "licenses", "offence": "offense", "offences": "offenses",
    "practise": "practice", "practised": "practiced", "practises": "practices", "practising": "practicing",
    "judgement": "judgment", "judgements": "judgments", "acknowledgement": "acknowledgment",
    "ageing": "aging", "enrol": "enroll", "enrols": "enrolls", "enrolment": "enrollment",
    "enrolments": "enrollments", "fulfil": "fulfill", "fulfils": "fulfills", "fulfilment": "fulfillment",
    "instalment": "installment", "instalments": "installments", "skilful": "skillful", "wilful": "willful",
    "grey": "gray", "catalogue": "catalog", "catalogues": "catalogs", "analogue": "analog",
    "jewellery": "jewelry", "aluminium": "aluminum", "sceptical": "skeptical", "mould": "mold",
    "plough": "plow", "manoeuvre": "maneuver", "paediatric": "pediatric", "anaemia": "anemia",
    "diarrhoea": "diarrhea", "orthopaedic": "orthopedic", "gynaecology": "gynecology", "foetus": "fetus",
    "leukaemia": "leukemia", "oestrogen": "estrogen", "haemorrhage": "hemorrhage", "tonne": "ton",
    "tonnes": "tons", "cheque": "check", "cheques": "checks", "kerb": "curb", "tyre": "tire", "tyres": "tires",
}
# Words whose -our is -or in American spelling, with everything derived from them (labourer, behavioural).
_OUR_ROOTS = ("labour", "colour", "favour", "honour", "behaviour", "neighbour", "harbour", "humour", "rumour",
              "vigour", "endeavour", "saviour", "flavour", "armour", "odour", "vapour", "savour", "parlour",
              "rigour", "valour", "clamour", "tumour", "splendour", "candour", "ardour", "fervour")
# Words whose -re is -er in American spelling.
_RE_ROOTS = ("centre", "theatre", "metre", "litre", "fibre", "calibre", "sombre", "spectre", "lustre",
             "meagre", "sabre", "ochre")
# -ise/-yse verbs and their derivatives are -ize/-yze, except these words (the part before "ise").
_ISE_SUFFIXES = ("e", "es", "ed", "ing", "er", "ers", "ation", "ations", "ational", "able", "ability")
_ISE_RE = re.compile(r"^(\w{3,}?)is(" + "|".join(sorted(_ISE_SUFFIXES, key=len, reverse=True)) + r")$")
_NOT_ISE_WORDS = (
    "advert adv ar chast circumc compr comprom conc dem desp dev disgu enterpr exc exerc expert franch "
    "enfranch disenfranch improv inc merchand otherw prec prem prom ra rev r superv surm surpr telev treat w "
    "no po pra cru bru an val parad repr likew clockw counterclockw crossw gu sunr appra mort torto turquo "
    "porpo chem upr fr pro")
_NOT_ISE = frozenset(_NOT_ISE_WORDS.split())
_YSE_RE = re.compile(r"^(anal|paral|catal|dial|electrol|hydrol)ys(e|es|ed|ing|er|ers)$")
# Verbs that double their final l in British spelling before -ed, -ing, -er, -or.
_DOUBLE_L_RE = re.compile(
    r"^(travel|cancel|model|label|counsel|level|signal|total|fuel|channel|dial|equal|marshal|tunnel|jewel|"
    r"quarrel|rival|pencil|panel|funnel|shovel|libel|marvel|duel|program)l(ed|ing|er|ers|or|ors)$")


@cache
def _re_words() -> dict[str, str]:
    words = {}
    for british in _RE_ROOTS:
        american = british[:-2] + "er"
        words.update({british: american, british + "s": american + "s", british[:-1] + "d": american + "ed",
                      british[:-1] + "ing": american + "ing"})
    return words


def american(word: str) -> str:
    """A folded English word in American spelling: "labourers" → "laborers", "organisation" → "organization"."""
    if word in _BRITISH_WORDS:
        return _BRITISH_WORDS[word]
    if "our" in word:
        for root in _OUR_ROOTS:
            if word.startswith(root):
                return root[:-2] + "r" + word[len(root):]
    if word in _re_words():
        return _re_words()[word]
    if "is" in word and (match := _ISE_RE.match(word)) and match.group(1) not in _NOT_ISE:
        return f"{match.group(1)}iz{match.group(2)}"
    if "ys" in word and (match := _YSE_RE.match(word)):
        return f"{match.group(1)}yz{match.group(2)}"
    if "ll" in word and (match := _DOUBLE_L_RE.match(word)):
        return match.group(1) + match.group(2)
    return word


# --- Portuguese and Spanish: the same suffixes spelt two ways --------------------------------------------

# Folded Portuguese endings whose accents Snowball needs to find them (longest first), and the Spanish
# spellings of the same endings, read as Portuguese.
_PORTUGUESE_ENDINGS = (
    ("isiones", "issões"), ("ision", "issão"), ("esiones", "essões"), ("esion", "essão"), ("ctores", "tores"),
    ("ctoras", "toras"), ("ctora", "tora"), ("ctor", "tor"), ("ciones", "ções"), ("siones", "sões"), ("coes", "ções"), ("soes", "sões"), ("cion", "ção"),
    ("sion", "são"), ("cao", "ção"), ("sao", "são"), ("oes", "ões"), ("encias", "ências"),
    ("encia", "ência"), ("ancias", "âncias"), ("ancia", "ância"), ("aveis", "áveis"), ("avel", "ável"),
    ("iveis", "íveis"), ("ivel", "ível"), ("dades", "dades"), ("dad", "dade"), ("ao", "ão"),
)
# Folded Portuguese endings read as Spanish (inspeção → inspección, produção → producción).
_SPANISH_ENDINGS = (
    ("ssoes", "siones"), ("ssao", "sion"), ("etores", "ectores"), ("etoras", "ectoras"), ("etora", "ectora"),
    ("etor", "ector"), ("ecoes", "ecciones"), ("ecao", "eccion"), ("ducoes", "ducciones"), ("ducao", "duccion"),
    ("trucoes", "trucciones"), ("trucao", "truccion"), ("coes", "ciones"), ("cao", "cion"), ("soes", "siones"),
    ("sao", "sion"), ("dades", "dades"), ("dade", "dad"),
)
# What Snowball leaves of a family's suffixes, per language, and what it becomes (longest first). Applied to
# the folded stem; a rule applies only when at least MIN_STEM letters (MIN_STEM + 1 for -idão/-itud) remain.
_RESIDUES = {
    "en": (("ctor", "ct", MIN_STEM + 1), ("ant", "at", MIN_STEM + 1)),
    "es": (("accion", "", MIN_STEM), ("acion", "", MIN_STEM), ("ccion", "c", MIN_STEM), ("ctor", "c", MIN_STEM),
           ("itud", "", MIN_STEM + 1), ("ant", "", MIN_STEM)),
    "pt": (("aca", "", MIN_STEM), ("aco", "", MIN_STEM), ("ida", "", MIN_STEM + 1), ("ido", "", MIN_STEM + 1),
           ("ca", "", MIN_STEM), ("co", "", MIN_STEM), ("sa", "s", MIN_STEM), ("so", "s", MIN_STEM),
           ("tor", "", MIN_STEM), ("ant", "", MIN_STEM)),
    "fr": (("teur", "t", MIN_STEM), ("at", "", MIN_STEM)),
}
# The residue rules of a language apply only to words with one of these endings (folded), so that a stem
# that merely ends the same way ("contrat", "candidat", "seca") is kept.
_RESIDUE_WORDS = {
    "en": re.compile(r"(ctors?|ants?)$"),
    "es": re.compile(r"(ci[oó]n|ciones|ctor|ctores|ctora|ctoras|itud|itudes|ante|antes)$"),
    "pt": re.compile(r"(ção|ções|são|sões|idão|idões|tor|tores|tora|toras|ante|antes)$"),
    "fr": re.compile(r"(ations?|teurs?|teuses?)$"),
}


def _ending(word: str, endings: tuple[tuple[str, str], ...], min_length: int = 5) -> str:
    if len(word) < min_length:
        return word
    for ending, replacement in endings:
        if word.endswith(ending):
            return word[: -len(ending)] + replacement
    return word


def _residue(stem: str, word: str, language: str) -> str:
    if not _RESIDUE_WORDS[language].search(word):
        return stem
    for ending, replacement, keep in _RESIDUES[language]:
        if stem.endswith(ending):
            if len(stem) - len(ending) + len(replacement) >= keep:
                return stem[: -len(ending)] + replacement
            return stem
    return stem


# One stemmer per language and thread: a Snowball stemmer keeps the word it works on in itself, so two
# threads of one server process (gunicorn's gthread workers) sharing one mixed their words up.
_stemmers = threading.local()


def _stemmer(language: str):
    made = getattr(_stemmers, "by_language", None)
    if made is None:
        made = _stemmers.by_language = {}
    if language not in made:
        made[language] = snowballstemmer.stemmer(STEMMERS[language])
    return made[language]


def _fold(text: str) -> str:
    return "".join(char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char))


# Spanish plurals of words ending in a consonant are stemmed from their singular: Snowball alone takes a
# singular's -ar/-er/-ir/-ad/-ed/-id/-en for a verb ending ("taller" → "tall", "mujer" → "muj", "joven" →
# "jov", "ciudad" → "ciud") while their plurals only lose "es" ("talleres" → "taller"). Left out on purpose:
# -an ("guyanés" must keep meeting "Guyana"), -on/-l/-j/-s/-y (Snowball already joins "regiones", "laborales",
# "relojes", "países", "leyes" with their singulars; -s would split "inglés" from "inglesa").
SPANISH_PLURAL_RE = re.compile(r"(?<=[aei][rd]|en)es$")
# A final z is written c before e ("luz", "luces"): as c, the singular stems like its plural ("luc").
SPANISH_FINAL_Z_RE = re.compile(r"(?<=\w\w)z(mente)?$")


def spanish_singular(word: str) -> str:
    """The folded Spanish word to stem: "talleres" → "taller", "luz" → "luc", anything else unchanged."""
    if len(word) >= 5 and SPANISH_PLURAL_RE.search(word):
        return word[:-2]
    return SPANISH_FINAL_Z_RE.sub(r"c\1", word)


def stem(word: str, language: str) -> str:
    """The stem of one folded word in one language (without the language tag)."""
    if language == "en":
        return _residue(_stemmer("en").stemWord(american(word)), word, "en")
    if language == "pt":
        # The older spelling -cção (inspecção, acção) and Spanish -cción are today's -ção.
        accented = _ending(word, _PORTUGUESE_ENDINGS).replace("cç", "ç")
        return _residue(_fold(_stemmer("pt").stemWord(accented)), accented, "pt")
    if language == "es":
        spanish = spanish_singular(_ending(word, _SPANISH_ENDINGS, min_length=6))
        return _residue(_stemmer("es").stemWord(spanish), spanish, "es")
    return _residue(_stemmer(language).stemWord(word), word, language)


def snowball(word: str, language: str) -> str:
    """Snowball alone (with the Spanish plural rule that came before), for measuring what the rules add."""
    if language == "es":
        word = spanish_singular(word)
    return _stemmer(language).stemWord(word)
