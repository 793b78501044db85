"""The words of Plans of Action and Working Group reports, one table per language.

The parser's patterns are built from the union of these tables, so a plan in any of the languages is read
by the same code. Reading plans in another language means adding one ``Vocabulary`` to ``LANGUAGES``.
Each entry is a fragment of a regular expression (case-insensitive unless noted), written the way the
documents write it: ``acci[oó]n`` accepts the word with or without its accent.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Vocabulary:
    code: str
    # Function words counted to tell the language of a text: frequent here, rare in the other languages.
    function_words: tuple[str, ...]
    months: tuple[str, ...]  # January to December, lower case, as written in dates
    # Titles: "Draft Plan of Action of Bridgetown".
    draft: tuple[str, ...]
    plan_of_action: tuple[str, ...]
    title_of: tuple[str, ...]  # between "Plan of Action" and the city
    working_group: tuple[str, ...]
    group_abbreviation: tuple[str, ...]  # "WG1", "GT1" (case-sensitive)
    network: tuple[str, ...]  # the full name of the RIAL
    # What a paragraph introduces: "the following topics:", "las siguientes actividades:".
    topics_intro: tuple[str, ...]
    activities_intro: tuple[str, ...]
    topic_word: tuple[str, ...]
    activity_word: tuple[str, ...]
    # The troika and the groups' authorities.
    chair_pro_tempore: tuple[str, ...]
    previous_and_next_chairs: tuple[str, ...]
    previous_chair: tuple[str, ...]
    next_chair: tuple[str, ...]
    chair: tuple[str, ...]  # the role written in brackets or before a colon
    vice_chair: tuple[str, ...]  # singular and plural
    chaired_by: tuple[str, ...]
    with_word: tuple[str, ...]
    as_word: tuple[str, ...]  # "with Jamaica and Peru as vice-chairs"
    its: tuple[str, ...]
    ministers_of_labor_of: tuple[str, ...]  # words before a country in a list of authorities
    and_word: tuple[str, ...]
    articles: tuple[str, ...]
    placeholder: tuple[str, ...]  # a chair not chosen yet, written in capitals (case-sensitive)
    # The conference and where the ministers met.
    conference_name: tuple[str, ...]  # after the Roman numeral
    we_the_ministers: tuple[str, ...]
    met_in: tuple[str, ...]  # "meeting in", "reunidos en" (case-sensitive: they precede a capitalised city)
    city_of: tuple[str, ...]
    small_words: tuple[str, ...]  # lower-case words inside a place name
    # Deadlines.
    by: tuple[str, ...]  # before a date
    date_of: tuple[str, ...]  # "March of 2041", "marzo de 2041"
    before_next_conference: tuple[str, ...]  # deadlines tied to the next conference, not a date
    # Working Group reports, told apart from plans by their headings.
    recommendations: tuple[str, ...]
    consensus: tuple[str, ...]
    # Inside a Working Group report: its section headings, the wording of an issue left for further work,
    # the period, its meetings and who attended.
    consensus_heading: tuple[str, ...]
    further_work_heading: tuple[str, ...]
    further_work_item: tuple[str, ...]
    period_word: tuple[str, ...]
    meeting_word: tuple[str, ...]
    other_event: tuple[str, ...]  # workshops and seminars, which are not meetings of the group
    attended_by: tuple[str, ...]
    such_as: tuple[str, ...]
    # The dates of a report's meetings: "{day}", "{month}" and "{year}" stand for the parts, each shape
    # as the language writes a date ("June 3rd, 2040", "3 de junio de 2040", "1er juin 2040"); "in" before
    # a place and "on" before a date ("in Lima, Peru, on March 9, 2041").
    meeting_date: tuple[str, ...] = ()
    in_place: tuple[str, ...] = ()
    on_date: tuple[str, ...] = ()
    month_aliases: tuple[tuple[str, int], ...] = ()  # other spellings of a month: ("setiembre", 9)


ROMAN = r"(?-i:[IVXLC]+)"

ENGLISH = Vocabulary(
    code="en",
    function_words=("the", "and", "of", "will", "to", "with"),
    months=("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december"),
    draft=(r"draft",),
    plan_of_action=(r"plan\s+of\s+action",),
    title_of=(r"of",),
    working_group=(r"working\s+group",),
    group_abbreviation=("WG",),
    network=(r"network\s+for\s+labou?r\s+administration",),
    topics_intro=(r"following\s+(?:priority\s+)?topics",),
    activities_intro=(r"following\s+(?:priority\s+)?(?:activities|actions|tasks)",),
    topic_word=(r"\btopics?\b",),
    activity_word=(r"\bactivit(?:y|ies)\b", r"\bactions?\b", r"\befforts?\b"),
    chair_pro_tempore=(r"chair\s+pro[\s-]+tempore",),
    previous_and_next_chairs=(r"(?:previous|former|outgoing|past)\s+and\s+(?:future|next|incoming)\s+chairs?",),
    previous_chair=(r"(?:previous|former|outgoing|past)\s+chair",),
    next_chair=(r"(?:future|next|incoming)\s+chair",),
    chair=(r"chair(?:person)?",),
    vice_chair=(r"vice[\s-]?chair(?:person)?s?",),
    chaired_by=(r"(?:chaired|led)\s+by",),
    with_word=(r"with",),
    as_word=(r"as",),
    its=(r"its",),
    ministers_of_labor_of=(r"(?:the\s+)?minist(?:ers|ries)\s+of\s+labou?r\s+of",),
    and_word=(r"and",),
    articles=(r"the",),
    placeholder=(r"COUNTRY",),
    conference_name=(r"inter-?american\s+conference", r"IACML"),
    we_the_ministers=(r"we,?\s+the\s+minist",),
    met_in=(r"(?:gathered|meeting|met|assembled|convened)(?:\s+together)?\s+in",),
    city_of=(r"the\s+city\s+of",),
    small_words=("of", "the", "and"),
    by=(r"by\s+no\s+later\s+than", r"no\s+later\s+than", r"not\s+later\s+than", r"(?:by|before)\s+the\s+end\s+of",
        r"by", r"before", r"until"),
    date_of=(r"of",),
    before_next_conference=(
        r"(?:\bat\s+least\b[^.;:]{0,80}?\s)?\bbefore\s+the\s+(?:next|following|" + ROMAN + r")\s+"
        r"(?:inter-american\s+conference(?:\s+of\s+ministers\s+of\s+labou?r)?|IACML|conference)",
    ),
    recommendations=(r"recommendations",),
    consensus=(r"areas\s+of\s+consensus", r"consensus"),
    consensus_heading=(r"\bconsensus\b",),
    further_work_heading=(r"further\s+work", r"pending\s+issues"),
    further_work_item=(r"\b(?:further|more)\s+(?:reflection|debate|discussion|analysis|study)\b", r"\bfurther\s+work\b",
                       r"\bdeserves?\s+more\b", r"\bissues?\s+for\s+further\b"),
    period_word=(r"biennium", r"period"),
    meeting_word=(r"\bmeetings?\b",),
    other_event=(r"\bworkshops?\b", r"\bseminars?\b", r"\bwebinars?\b"),
    attended_by=(r"\battended\s+by\b",),
    such_as=(r"such\s+as",),
    meeting_date=(r"{month}\s+{day}(?:st|nd|rd|th)?,?\s+{year}",),
    in_place=(r"in",),
    on_date=(r"on",),
)

SPANISH = Vocabulary(
    code="es",
    function_words=("el", "la", "los", "las", "del", "y", "que", "para", "con"),
    months=("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
            "noviembre", "diciembre"),
    month_aliases=(("setiembre", 9),),
    draft=(r"proyecto\s+de", r"borrador\s+de"),
    plan_of_action=(r"plan\s+de\s+acci[oó]n",),
    title_of=(r"de",),
    working_group=(r"grupo\s+de\s+trabajo",),
    group_abbreviation=("GT",),
    network=(r"red\s+interamericana\s+para\s+la\s+administraci[oó]n\s+laboral",),
    topics_intro=(r"siguientes\s+temas",),
    activities_intro=(r"siguientes\s+(?:actividades|acciones|tareas)",),
    topic_word=(r"\btemas?\b",),
    activity_word=(r"\bactividad(?:es)?\b", r"\bacciones\b", r"\besfuerzos\b"),
    chair_pro_tempore=(r"presidencia\s+pro[\s-]+tempore",),
    previous_and_next_chairs=(r"presidencias\s+(?:anterior|saliente)\s+y\s+(?:futura|pr[oó]xima|entrante)",),
    previous_chair=(r"presidencia\s+(?:anterior|saliente)", r"(?:anterior|pasada)\s+presidencia"),
    next_chair=(r"presidencia\s+(?:futura|entrante)", r"(?:futura|pr[oó]xima)\s+presidencia"),
    chair=(r"presiden(?:cia|te|ta)",),
    vice_chair=(r"vice[\s-]?presiden(?:cia|te|ta)s?",),
    chaired_by=(r"presidid[oa]\s+por",),
    with_word=(r"con",),
    as_word=(r"como", r"en\s+las?"),
    its=(r"sus",),
    ministers_of_labor_of=(r"(?:los\s+)?minist(?:ros|erios)\s+de\s+trabajo\s+de",),
    and_word=(r"y", r"e"),
    articles=(),
    placeholder=(r"PA[IÍ]S",),
    conference_name=(r"conferencia\s+interamericana", r"CIMT"),
    we_the_ministers=(r"nosotr[oa]s,?\s+l[oa]s\s+minist",),
    met_in=(r"(?:reunid[oa]s|congregad[oa]s)\s+en",),
    city_of=(r"la\s+ciudad\s+de",),
    small_words=("de", "del", "la", "las", "los", "el", "y"),
    by=(r"a\s+m[aá]s\s+tardar(?:\s+(?:en|el))?", r"antes\s+de(?:l)?(?:\s+(?:fines|finales)\s+de)?",
        r"hasta(?:\s+(?:el|en))?"),
    date_of=(r"de(?:l)?",),
    before_next_conference=(
        r"(?:\bal\s+menos\b[^.;:]{0,80}?\s)?\bantes\s+de\s+la\s+(?:pr[oó]xima|siguiente|" + ROMAN + r")\s+"
        r"(?:conferencia(?:\s+interamericana(?:\s+de\s+ministros\s+de\s+trabajo)?)?|CIMT)",
    ),
    recommendations=(r"recomendaciones",),
    consensus=(r"[aá]reas\s+de\s+consenso", r"consensos?"),
    consensus_heading=(r"\bconsensos?\b",),
    further_work_heading=(r"trabajo\s+futuro", r"temas\s+pendientes"),
    further_work_item=(r"\bmayor\s+(?:reflexi[oó]n|debate|an[aá]lisis)\b", r"\btrabajo\s+futuro\b"),
    period_word=(r"bienio", r"per[ií]odo"),
    meeting_word=(r"\breuni[oó]n(?:es)?\b",),
    other_event=(r"\btaller(?:es)?\b", r"\bseminarios?\b"),
    attended_by=(r"\bparticiparon\b", r"\basistieron\b"),
    such_as=(r"como",),
    meeting_date=(r"{day}\s+de\s+{month}\s+de(?:l)?\s+{year}",),
    in_place=(r"en",),
    on_date=(r"el",),
)

PORTUGUESE = Vocabulary(
    code="pt",
    function_words=("o", "os", "do", "da", "dos", "das", "e", "com", "ao", "não", "uma"),
    months=("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
            "novembro", "dezembro"),
    month_aliases=(("marco", 3),),
    draft=(r"projeto\s+de", r"minuta\s+d[eo]"),
    plan_of_action=(r"plano\s+de\s+a[cç][aã]o",),
    title_of=(r"d[eoa]",),
    working_group=(r"grupo\s+de\s+trabalho",),
    group_abbreviation=("GT",),
    network=(r"rede\s+interamericana\s+(?:para\s+a|de)\s+administra[cç][aã]o\s+(?:do\s+)?trabalh(?:o|ista)",),
    topics_intro=(r"seguintes\s+temas",),
    activities_intro=(r"seguintes\s+(?:atividades|a[cç][oõ]es|tarefas)",),
    topic_word=(r"\btemas?\b",),
    activity_word=(r"\batividades?\b", r"\ba[cç][oõ]es\b", r"\besfor[cç]os\b"),
    chair_pro_tempore=(r"presid[eê]ncia\s+pro[\s-]+tempore",),
    previous_and_next_chairs=(r"presid[eê]ncias\s+anterior\s+e\s+(?:futura|pr[oó]xima)",),
    previous_chair=(r"presid[eê]ncia\s+anterior", r"anterior\s+presid[eê]ncia"),
    next_chair=(r"presid[eê]ncia\s+futura", r"(?:futura|pr[oó]xima)\s+presid[eê]ncia"),
    chair=(r"presid[eê]n(?:cia|te|ta)",),
    vice_chair=(r"vice[\s-]?presid[eê]n(?:cia|te|ta)s?",),
    chaired_by=(r"presidid[oa]\s+(?:por|pel[oa]s?)",),
    with_word=(r"com",),
    as_word=(r"como", r"nas?"),
    its=(r"suas", r"seus"),
    ministers_of_labor_of=(r"(?:os\s+)?minist(?:ros|[ée]rios)\s+do\s+trabalho\s+d[eoa]s?",),
    and_word=(r"e",),
    articles=(r"os", r"as", r"o", r"a"),
    placeholder=(r"PA[IÍ]S",),
    conference_name=(r"confer[eê]ncia\s+interamericana", r"CIMT"),
    we_the_ministers=(r"n[oó]s,?\s+[oa]s\s+minist",),
    met_in=(r"reunid[oa]s\s+(?:em|n[oa])",),
    city_of=(r"cidade\s+de",),
    small_words=("de", "do", "da", "dos", "das", "e"),
    by=(r"o\s+mais\s+tardar\s+(?:em|at[eé])", r"at[eé]\s+o\s+final\s+de", r"antes\s+d[eo]", r"at[eé]"),
    date_of=(r"de",),
    before_next_conference=(
        r"(?:\bpelo\s+menos\b[^.;:]{0,80}?\s)?\bantes\s+da\s+(?:pr[oó]xima|seguinte|" + ROMAN + r")\s+"
        r"(?:confer[eê]ncia(?:\s+interamericana(?:\s+de\s+ministros\s+do\s+trabalho)?)?|CIMT)",
    ),
    recommendations=(r"recomenda[cç][oõ]es",),
    consensus=(r"[aá]reas\s+de\s+consenso", r"consensos?"),
    consensus_heading=(r"\bconsensos?\b",),
    further_work_heading=(r"trabalho\s+futuro", r"temas\s+pendentes"),
    further_work_item=(r"\bmais\s+(?:reflex[aã]o|debate|an[aá]lise)\b", r"\btrabalho\s+futuro\b"),
    period_word=(r"bi[eê]nio", r"per[ií]odo"),
    meeting_word=(r"\breuni[aã]o\b", r"\breuni[oõ]es\b"),
    other_event=(r"\boficinas?\b", r"\bsemin[aá]rios?\b"),
    attended_by=(r"\bparticiparam\b",),
    such_as=(r"como",),
    meeting_date=(r"{day}º?\s+de\s+{month}\s+de\s+{year}",),
    in_place=(r"em", r"n[ao]"),
    on_date=(r"em", r"no\s+dia"),
)

FRENCH = Vocabulary(
    code="fr",
    function_words=("le", "les", "des", "du", "et", "pour", "avec", "aux", "une", "est"),
    months=("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
            "novembre", "décembre"),
    month_aliases=(("fevrier", 2), ("aout", 8), ("decembre", 12)),
    draft=(r"projet\s+de",),
    plan_of_action=(r"plan\s+d['’]action",),
    title_of=(r"de", r"du", r"d['’]"),
    working_group=(r"groupe\s+de\s+travail",),
    group_abbreviation=("GT",),
    network=(r"r[ée]seau\s+interam[ée]ricain\s+(?:pour\s+l['’]|d['’])administration\s+du\s+travail",),
    topics_intro=(r"(?:th[eè]mes|sujets)\s+(?:prioritaires\s+)?suivants",),
    activities_intro=(r"(?:activit[ée]s|actions|t[aâ]ches)\s+(?:prioritaires\s+)?suivantes",),
    topic_word=(r"\bth[eè]mes?\b", r"\bsujets?\b"),
    activity_word=(r"\bactivit[ée]s?\b", r"\bactions?\b", r"\befforts?\b"),
    chair_pro_tempore=(r"pr[ée]sidence\s+pro[\s-]+tempore",),
    previous_and_next_chairs=(
        r"pr[ée]sidences\s+(?:pr[ée]c[ée]dente|sortante)\s+et\s+(?:future|prochaine|entrante)",),
    previous_chair=(r"pr[ée]sidence\s+(?:pr[ée]c[ée]dente|sortante)",),
    next_chair=(r"(?:future|prochaine)\s+pr[ée]sidence", r"pr[ée]sidence\s+(?:future|entrante)"),
    chair=(r"pr[ée]siden(?:ce|te|t)",),
    vice_chair=(r"vice[\s-]?pr[ée]siden(?:ce|te|t)s?",),
    chaired_by=(r"pr[ée]sid[ée]e?\s+par",),
    with_word=(r"avec",),
    as_word=(r"comme", r"[àa]\s+la"),
    its=(r"ses",),
    ministers_of_labor_of=(r"(?:les\s+)?minist(?:res|[èe]res)\s+du\s+travail\s+d[eu]s?",),
    and_word=(r"et",),
    articles=(r"les", r"le", r"la", r"l['’]"),
    placeholder=(r"PAYS",),
    conference_name=(r"conf[ée]rence\s+interam[ée]ricaine", r"CIMT"),
    we_the_ministers=(r"nous,?\s+les\s+minist",),
    met_in=(r"r[ée]uni(?:e)?s\s+[àa]",),
    city_of=(r"la\s+ville\s+de",),
    small_words=("de", "du", "la", "le", "les", "et"),
    by=(r"au\s+plus\s+tard\s+(?:en|le|fin)", r"avant\s+(?:la\s+)?fin", r"avant", r"d['’]ici(?:\s+[àa]\s+la\s+fin)?"),
    date_of=(),
    before_next_conference=(
        r"(?:\bau\s+moins\b[^.;:]{0,80}?\s)?\bavant\s+la\s+(?:prochaine|suivante|" + ROMAN + r")\s+"
        r"(?:conf[ée]rence(?:\s+interam[ée]ricaine(?:\s+des\s+ministres\s+du\s+travail)?)?|CIMT)",
    ),
    recommendations=(r"recommandations",),
    consensus=(r"domaines\s+de\s+consensus", r"consensus"),
    consensus_heading=(r"\bconsensus\b",),
    further_work_heading=(r"travaux\s+futurs", r"questions\s+en\s+suspens"),
    further_work_item=(r"\bplus\s+de\s+(?:r[ée]flexion|d[ée]bat|analyse)\b", r"\btravaux\s+futurs\b"),
    period_word=(r"biennium", r"p[ée]riode"),
    meeting_word=(r"\br[ée]unions?\b",),
    other_event=(r"\bateliers?\b", r"\bs[ée]minaires?\b", r"\bwebinaires?\b"),
    attended_by=(r"\bont\s+particip[ée]\b", r"\bont\s+assist[ée]\b"),
    such_as=(r"comme", r"tels?\s+que"),
    meeting_date=(r"{day}(?:er)?\s+{month}\s+{year}",),
    in_place=(r"[àa]", r"au"),
    on_date=(r"le",),
)

LANGUAGES: tuple[Vocabulary, ...] = (ENGLISH, SPANISH, PORTUGUESE, FRENCH)


def words(name: str) -> str:
    """The fragments of every language for ``name`` as one non-capturing alternation (languages in order)."""
    fragments = [fragment for vocabulary in LANGUAGES for fragment in getattr(vocabulary, name)]
    return "(?:" + "|".join(fragments) + ")"


def month_names(vocabulary: Vocabulary) -> str:
    """The month names of one language (with their other spellings) as one alternation, longest first."""
    names = [*vocabulary.months, *(name for name, _number in vocabulary.month_aliases)]
    return "(?:" + "|".join(sorted(names, key=len, reverse=True)) + ")"


def month_numbers() -> dict[str, int]:
    """Every month name of every language to its number (1-12)."""
    numbers: dict[str, int] = {}
    for vocabulary in LANGUAGES:
        for index, name in enumerate(vocabulary.months, start=1):
            numbers.setdefault(name, index)
        for name, number in vocabulary.month_aliases:
            numbers.setdefault(name, number)
    return numbers
