"""Small test documents written for these tests (not taken from the IACML documents).

They imitate the layout of real plans: page furniture, a heading broken over lines, several bullet
styles, a label alone on its line, a placeholder for a chair not chosen yet, a RIAL section. The
Spanish plan is the English plan's twin and must parse to the same structure.
"""

from pathlib import Path

import pytest

from rial.conference.importer.countries import CountryNames

PROJECT_ROOT = Path(__file__).resolve().parents[4]
COUNTRIES_CSV = PROJECT_ROOT / "rial" / "directory" / "data" / "countries.csv"
SEEDS_DIR = PROJECT_ROOT.parent / "shared" / "seeds"


def countries() -> CountryNames:
    return CountryNames.from_csv(COUNTRIES_CSV)


def seed_text(prefix: str) -> str:
    """The text of the seed whose file name starts with ``prefix``; skips the test without the seeds."""
    if not SEEDS_DIR.is_dir():
        pytest.skip("seeds folder ../shared/seeds not present")
    matches = sorted(SEEDS_DIR.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"seed {prefix} not present in ../shared/seeds")
    return matches[0].read_text(encoding="utf-8")


ENGLISH_PLAN = """\
OEA/Ser.K/XII.30.1
CIDI/TRABAJO/doc.9/40 rev.2
12 March 2040
Original: Spanish

PLAN OF ACTION OF BRIDGETOWN

1. We, the Ministers of Labor of the Americas, meeting in Bridgetown, Barbados, on May 4 and 5, 2040,
at the XXX Inter-American Conference of Ministers of Labor (IACML), agree on this Plan of Action:

A. ORGANIZATION

2. The Chair pro tempore of the XXX IACML (Barbados), working with the previous Chair (Chile) and the
future Chair (Canada), will lead the follow-up of this Plan.

B.
WORKING GROUPS

WORKING GROUP 1: SKILLS AND JOBS FOR A
CHANGING ECONOMY

3. Working Group 1 will follow the following topics:

· Skills for green jobs;
· Youth employment; and
· Care work and its value.

4. Working Group 1 will carry out the following activities:

a. Map training programs that prepare workers for new sectors.
b.
Share national experiences on apprenticeships, in particular:
- programs run with employers;
- programs for rural young people.
- 2 -
c. Study how public employment services can reach informal workers before the end of 2041.

WORKING GROUP 2:
STRONGER LABOR INSTITUTIONS

5. Working Group 2 will follow the following topics:

• Labor inspection with digital tools
• Social dialogue at sector level

6. Working Group 2 will carry out the following activities:

- a) Compare inspection case-management systems and publish a short guide by June 2041.
- b) Hold an exchange on mediation services.

C. DIRECTIVES FOR THE WORKING GROUPS

7. Working Group 1 will be chaired by the United States, with Jamaica and Peru as vice-chairs.

8. Working Group 2: Ministers of Labor of Trinidad & Tobago (Chair), COUNTRY (Vice Chair), and Uruguay
(Vice Chair).

9. The Working Groups will agree on their calendar no later than March 2041 and will meet at least
twice before the next conference.

D. INTER-AMERICAN NETWORK FOR LABOR ADMINISTRATION (RIAL)

10. The RIAL will carry out the following actions:

· Keep its list of cooperation programs up to date;
· Organize two bilateral exchanges each year; and
· Publish a yearly bulletin.
"""

SPANISH_PLAN = """\
OEA/Ser.K/XII.30.1
CIDI/TRABAJO/doc.9/40 rev.2
12 de marzo de 2040
Original: español

PLAN DE ACCIÓN DE BRIDGETOWN

1. Nosotros, los Ministros de Trabajo de las Américas, reunidos en Bridgetown, Barbados, los días 4 y 5 de
mayo de 2040, en la XXX Conferencia Interamericana de Ministros de Trabajo (CIMT), acordamos este Plan de
Acción:

A. ORGANIZACIÓN

2. La Presidencia pro tempore de la XXX CIMT (Barbados), junto con la Presidencia anterior (Chile) y la
futura Presidencia (Canadá), conducirá el seguimiento de este Plan.

B.
GRUPOS DE TRABAJO

GRUPO DE TRABAJO 1: COMPETENCIAS Y EMPLEO PARA UNA
ECONOMÍA EN CAMBIO

3. El Grupo de Trabajo 1 dará seguimiento a los siguientes temas:

· Competencias para empleos verdes;
· Empleo juvenil; y
· El trabajo de cuidados y su valor.

4. El Grupo de Trabajo 1 llevará a cabo las siguientes actividades:

a. Mapear los programas de formación que preparan a los trabajadores para nuevos sectores.
b.
Compartir experiencias nacionales sobre aprendizaje, en particular:
- programas realizados con empleadores;
- programas para jóvenes rurales.
- 2 -
c. Estudiar cómo los servicios públicos de empleo pueden llegar a los trabajadores informales antes de
fines de 2041.

GRUPO DE TRABAJO 2:
INSTITUCIONES LABORALES MÁS FUERTES

5. El Grupo de Trabajo 2 dará seguimiento a los siguientes temas:

• La inspección del trabajo con herramientas digitales
• El diálogo social a nivel sectorial

6. El Grupo de Trabajo 2 llevará a cabo las siguientes actividades:

- a) Comparar los sistemas de gestión de casos de inspección y publicar una guía breve antes de junio de 2041.
- b) Realizar un intercambio sobre servicios de mediación.

C. DIRECTRICES PARA LOS GRUPOS DE TRABAJO

7. El Grupo de Trabajo 1 será presidido por Estados Unidos de América, con Jamaica y Perú como
vicepresidencias.

8. Grupo de Trabajo 2: Ministros de Trabajo de Trinidad y Tobago (Presidencia), PAÍS (Vicepresidencia) y
Uruguay (Vicepresidencia).

9. Los Grupos de Trabajo acordarán su calendario a más tardar en marzo de 2041 y se reunirán al menos dos
veces antes de la próxima Conferencia.

D. RED INTERAMERICANA PARA LA ADMINISTRACIÓN LABORAL (RIAL)

10. La RIAL llevará a cabo las siguientes acciones:

· Mantener al día su lista de programas de cooperación;
· Organizar dos intercambios bilaterales cada año; y
· Publicar un boletín anual.
"""

REPORT = """\
I. INTRODUCTION

The Plan of Action gave Working Group 1 the following topics:

· Skills for green jobs;
· Youth employment.

In the biennium 2040-2041 the group held two meetings: on June 3rd, 2040 in Kingston, Jamaica and on
March 9, 2041 in Lima, Peru, as well as a workshop on October 1, 2040 in Quito, Ecuador.

The meetings were attended by officials from 15 ministries, the Trade Union Technical Advisory Council
(COSATE), the International Labour Organization (ILO) and the World Bank.

II. AREAS OF CONSENSUS AND ISSUES FOR FURTHER WORK

1. Delegations agreed that apprenticeships work best with employers involved.
2. How to measure skills gaps deserves more reflection.

III. RECOMMENDATIONS

Working Group 1 recommends:

1. Create a shared catalogue of apprenticeship programs.
2. Hold a workshop on skills forecasting.
3. Report on youth employment at the next meeting.
"""

RECIPE = """\
Lemon cake

Ingredients:
- 200 g flour
- 3 eggs
- 1 lemon

1. Heat the oven to 180 degrees.
2. Mix everything and bake for 40 minutes.
"""

PROSE = """\
The harbour was quiet that morning. A few boats came in with the tide, and the market opened late
because of the rain. Nobody expected the ferry before noon.
"""


def parsed_json(text: str) -> dict:
    """A plan parsed from ``text`` as ``import_plan --json`` prints it, plus its language and status."""
    from rial.conference.importer.plan import parse_plan

    plan = parse_plan(text, countries())
    return {**plan.as_json(), "language": plan.language, "status": plan.status}


# SAMPLE written for these tests (not an IACML document): the English plan's twin in French, proving that a
# language is read by adding its table to ``importer/vocabulary.py``.
FRENCH_PLAN = """\
OEA/Ser.K/XII.30.1
CIDI/TRABAJO/doc.9/40 rev.2
12 mars 2040
Original: espagnol

PLAN D'ACTION DE BRIDGETOWN

1. Nous, les Ministres du Travail des Amériques, réunis à Bridgetown, Barbade, les 4 et 5 mai 2040, lors de
la XXX Conférence interaméricaine des ministres du Travail (CIMT), adoptons ce Plan d'action :

A. ORGANISATION

2. La Présidence pro tempore de la XXX CIMT (Barbade), avec la Présidence précédente (Chili) et la future
Présidence (Canada), conduira le suivi de ce Plan.

B.
GROUPES DE TRAVAIL

GROUPE DE TRAVAIL 1 : COMPÉTENCES ET EMPLOIS POUR UNE
ÉCONOMIE EN MUTATION

3. Le Groupe de travail 1 assurera le suivi des thèmes suivants :

· Les compétences pour les emplois verts ;
· L'emploi des jeunes ; et
· Le travail de soin et sa valeur.

4. Le Groupe de travail 1 mènera les activités suivantes :

a. Recenser les programmes de formation qui préparent les travailleurs aux nouveaux secteurs.
b.
Partager les expériences nationales d'apprentissage, en particulier :
- les programmes menés avec les employeurs ;
- les programmes pour les jeunes ruraux.
- 2 -
c. Étudier comment les services publics de l'emploi peuvent atteindre les travailleurs informels avant la
fin 2041.

GROUPE DE TRAVAIL 2 :
DES INSTITUTIONS DU TRAVAIL PLUS FORTES

5. Le Groupe de travail 2 assurera le suivi des thèmes suivants :

• L'inspection du travail avec des outils numériques
• Le dialogue social au niveau sectoriel

6. Le Groupe de travail 2 mènera les activités suivantes :

- a) Comparer les systèmes de gestion des dossiers d'inspection et publier un guide bref avant juin 2041.
- b) Organiser un échange sur les services de médiation.

C. ORIENTATIONS POUR LES GROUPES DE TRAVAIL

7. Le Groupe de travail 1 sera présidé par les États-Unis, avec la Jamaïque et le Pérou comme
vice-présidents.

8. Groupe de travail 2 : Ministres du Travail de Trinité-et-Tobago (Présidence), PAYS (Vice-présidence) et
Uruguay (Vice-présidence).

9. Les Groupes de travail arrêteront leur calendrier au plus tard en mars 2041 et se réuniront au moins deux
fois avant la prochaine Conférence.

D. RÉSEAU INTERAMÉRICAIN POUR L'ADMINISTRATION DU TRAVAIL (RIAL)

10. Le RIAL mènera les actions suivantes :

· Tenir à jour sa liste de programmes de coopération ;
· Organiser deux échanges bilatéraux chaque année ; et
· Publier un bulletin annuel.
"""


# SAMPLE written for these tests: a French Working Group report, read through the same vocabulary tables.
FRENCH_REPORT = """\
I. INTRODUCTION

Le Plan d'action a confié au Groupe de travail 1 les thèmes suivants :

· Les compétences pour les emplois verts ;
· L'emploi des jeunes.

Au cours de la période 2040-2041 le groupe a tenu deux réunions : le 1er juin 2040 à Port-au-Prince (Haïti)
et à Montréal, Canada, le 9 mars 2041, ainsi qu'un atelier le 2 octobre 2040 à Quito.

Ont participé aux réunions des fonctionnaires de 12 ministères, le Conseil technique syndical consultatif
(COSATE) et l'Organisation internationale du Travail (OIT).

II. DOMAINES DE CONSENSUS ET TRAVAUX FUTURS

1. Les délégations sont convenues que l'apprentissage fonctionne mieux avec les employeurs.
2. La mesure des déficits de compétences demande plus de réflexion.

III. RECOMMANDATIONS

Le Groupe de travail 1 recommande :

1. Créer un catalogue commun des programmes d'apprentissage.
2. Organiser un atelier sur l'anticipation des compétences.
"""


# SAMPLE written for these tests: a Portuguese Working Group report, with its meetings' dates and places.
PORTUGUESE_REPORT = """\
I. INTRODUÇÃO

O Plano de Ação atribuiu ao Grupo de Trabalho 2 os seguintes temas:

· A inspeção do trabalho com ferramentas digitais;
· O diálogo social setorial.

No biênio 2040-2041 o grupo realizou duas reuniões: em 3 de maio de 2040 em Rio de Janeiro, Brasil, e em
Montevidéu, Uruguai, no dia 14 de setembro de 2041, além de uma oficina em 5 de agosto de 2040 em Lima.

II. ÁREAS DE CONSENSO E TRABALHO FUTURO

1. As delegações concordaram que a inspeção digital exige dados compartilhados.
2. A mediação setorial merece mais reflexão e trabalho futuro.

III. RECOMENDAÇÕES

O Grupo de Trabalho 2 recomenda:

1. Publicar um guia breve sobre sistemas de inspeção.
2. Realizar um intercâmbio sobre serviços de mediação.
"""


# SAMPLE written for these tests: the English plan's twin in Portuguese.
PORTUGUESE_PLAN = """\
OEA/Ser.K/XII.30.1
CIDI/TRABAJO/doc.9/40 rev.2
12 de março de 2040
Original: espanhol

PLANO DE AÇÃO DE BRIDGETOWN

1. Nós, os Ministros do Trabalho das Américas, reunidos em Bridgetown, Barbados, nos dias 4 e 5 de maio de
2040, na XXX Conferência Interamericana de Ministros do Trabalho (CIMT), acordamos este Plano de Ação:

A. ORGANIZAÇÃO

2. A Presidência pro tempore da XXX CIMT (Barbados), com a Presidência anterior (Chile) e a futura
Presidência (Canadá), conduzirá o acompanhamento deste Plano.

B.
GRUPOS DE TRABALHO

GRUPO DE TRABALHO 1: COMPETÊNCIAS E EMPREGOS PARA UMA
ECONOMIA EM MUDANÇA

3. O Grupo de Trabalho 1 acompanhará os seguintes temas:

· Competências para empregos verdes;
· Emprego juvenil; e
· O trabalho de cuidado e seu valor.

4. O Grupo de Trabalho 1 realizará as seguintes atividades:

a. Mapear os programas de formação que preparam os trabalhadores para novos setores.
b.
Compartilhar experiências nacionais de aprendizagem, em particular:
- programas realizados com empregadores;
- programas para jovens rurais.
- 2 -
c. Estudar como os serviços públicos de emprego podem alcançar os trabalhadores informais até o final de
2041.

GRUPO DE TRABALHO 2:
INSTITUIÇÕES TRABALHISTAS MAIS FORTES

5. O Grupo de Trabalho 2 acompanhará os seguintes temas:

• A inspeção do trabalho com ferramentas digitais
• O diálogo social no nível setorial

6. O Grupo de Trabalho 2 realizará as seguintes atividades:

- a) Comparar os sistemas de gestão de casos de inspeção e publicar um guia breve antes de junho de 2041.
- b) Realizar um intercâmbio sobre serviços de mediação.

C. DIRETRIZES PARA OS GRUPOS DE TRABALHO

7. O Grupo de Trabalho 1 será presidido pelos Estados Unidos, com Jamaica e Peru como vice-presidências.

8. Grupo de Trabalho 2: Ministros do Trabalho de Trinidad e Tobago (Presidência), PAÍS (Vice-presidência) e
Uruguai (Vice-presidência).

9. Os Grupos de Trabalho acordarão seu calendário o mais tardar em março de 2041 e se reunirão pelo menos
duas vezes antes da próxima Conferência.

D. REDE INTERAMERICANA PARA A ADMINISTRAÇÃO DO TRABALHO (RIAL)

10. A RIAL realizará as seguintes ações:

· Manter atualizada sua lista de programas de cooperação;
· Organizar dois intercâmbios bilaterais a cada ano; e
· Publicar um boletim anual.
"""
