"""The relevance benchmark's judged set: records and queries written for it.

BENCHMARK DATA — every record below is an invented but realistic text (a ministry program, a study, a guide),
written for this benchmark in English, Spanish, Portuguese or French; none is a real program and none is
loaded into the platform. Records are grouped by theme; a query names the themes whose records answer it
(binary judgments: a record of such a theme is relevant, any other is not).

Queries are written as readers of a four-language network type them: short and long, with and without
accents, British spellings, misspellings, and — for a third of them — in a language none of their relevant
records is written in.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Record:
    key: str
    theme: str
    language: str
    kind: str
    title: str
    body: str


@dataclass(frozen=True)
class Query:
    text: str
    language: str
    themes: tuple[str, ...]
    note: str = ""  # "misspelling", "uk", "long", "no accents"…


_counts: dict[tuple[str, str], int] = {}


def R(theme: str, language: str, kind: str, title: str, body: str) -> Record:
    number = _counts[(theme, language)] = _counts.get((theme, language), 0) + 1
    return Record(f"{theme}-{language}{number}", theme, language, kind, title, body)


RECORDS = [
    # --- Child labour ---------------------------------------------------------------------------------------
    R("ci", "es", "program", "Estrategia Nacional para la Prevención y Erradicación del Trabajo Infantil 2021-2025",
      "El Ministerio de Trabajo coordina con los gobiernos locales la detección de niñas, niños y adolescentes que "
      "trabajan en mercados y basurales. Las familias reciben becas escolares y acompañamiento, y las empresas firman "
      "compromisos de cadenas libres de trabajo infantil."),
    R("ci", "es", "document", "Mapa de riesgo de trabajo infantil en la agricultura",
      "Estudio que cruza datos de escolaridad, pobreza y cultivos de temporada para identificar los municipios con "
      "mayor probabilidad de que niños trabajen en la cosecha de café y caña. Sirve para focalizar inspecciones."),
    R("ci", "en", "program", "Child Labour Free Zones in banana-growing districts",
      "A district-level initiative in which schools, employers and labour inspectors agree to keep children out of "
      "packing plants during the harvest. Attendance is monitored monthly and families receive transport vouchers."),
    R("ci", "pt", "program", "Programa de Erradicação do Trabalho Infantil nas feiras livres",
      "Equipes de assistência social e auditores fiscais do trabalho abordam crianças e adolescentes que trabalham "
      "em feiras e semáforos. As famílias são encaminhadas a programas de transferência de renda e as crianças à "
      "jornada escolar ampliada."),
    R("ci", "fr", "document", "Guide d'intervention contre le travail des enfants dans la pêche artisanale",
      "Ce guide explique aux inspecteurs comment repérer les enfants employés sur les embarcations et dans le "
      "séchage du poisson, et comment orienter les familles vers les services sociaux."),
    # --- Forced labour ----------------------------------------------------------------------------------------
    R("tf", "pt", "program", "Grupo Especial de Fiscalização Móvel contra o trabalho escravo",
      "Equipes formadas por auditores fiscais, procuradores e policiais resgatam trabalhadores submetidos a "
      "condições análogas à de escravo em fazendas e carvoarias, garantindo o pagamento das verbas rescisórias e o "
      "seguro-desemprego especial."),
    R("tf", "pt", "document", "Cadastro de empregadores flagrados com mão de obra escrava",
      "Relatório sobre a lista pública de empregadores autuados por escravidão contemporânea, seus efeitos no "
      "crédito rural e nas cadeias de fornecimento de carne e carvão."),
    R("tf", "es", "program", "Protocolo interinstitucional contra el trabajo forzoso",
      "Establece cómo la inspección del trabajo, la fiscalía y la policía actúan ante indicios de trabajo forzoso: "
      "retención de documentos, deudas impagables y amenazas. Incluye la atención a las víctimas."),
    R("tf", "en", "document", "Forced labour indicators for labour inspectors",
      "A checklist of the eleven indicators of forced labour — from retention of identity documents to debt "
      "bondage — with interview techniques for workers who fear retaliation."),
    # --- Labour inspection ------------------------------------------------------------------------------------
    R("insp", "es", "program", "Modernización de la inspección del trabajo con planificación basada en riesgos",
      "Las visitas inspectivas se programan con un modelo que combina denuncias, accidentalidad y registros de "
      "seguridad social. Los inspectores usan tabletas para levantar actas en el lugar de trabajo."),
    R("insp", "es", "document", "Manual de procedimiento inspectivo",
      "Describe las etapas de la fiscalización laboral: orden de inspección, visita, requerimiento de "
      "documentación, acta de infracción y sanciones. Incluye modelos de formularios."),
    R("insp", "en", "program", "Strategic Compliance Initiative of the Department of Labor",
      "Investigators target industries with high rates of wage and hour violations. Workplace visits are combined "
      "with outreach to employers and partnerships with worker centers."),
    R("insp", "pt", "program", "Inspeção do trabalho orientada por dados",
      "Os auditores fiscais do trabalho planejam as ações fiscais a partir do cruzamento de bases de dados do "
      "eSocial e dos acidentes de trabalho notificados, priorizando setores de maior risco."),
    R("insp", "fr", "program", "Plan d'action de l'inspection du travail",
      "L'inspection du travail renforce ses contrôles dans le bâtiment et les services à la personne, forme de "
      "nouveaux inspecteurs et publie chaque année le bilan des visites et des suites données."),
    R("inspr", "es", "program", "Fiscalización en faenas agrícolas de temporada",
      "Durante la cosecha de fruta, equipos de inspectores visitan predios y packings para verificar contratos, "
      "condiciones sanitarias, transporte de trabajadores y pago de remuneraciones."),
    R("inspr", "pt", "program", "Fiscalização rural nas colheitas de café",
      "Ações fiscais em fazendas de café verificam alojamentos, água potável, equipamentos de proteção e o registro "
      "em carteira dos trabalhadores safristas."),
    # --- Migration ----------------------------------------------------------------------------------------------
    R("migr", "es", "program", "Ventanilla única para personas trabajadoras migrantes",
      "Oficina que orienta a personas migrantes sobre permisos de trabajo, afiliación a la seguridad social y "
      "derechos laborales, y las vincula con el servicio público de empleo."),
    R("migr", "es", "document", "Diagnóstico de la migración laboral en la frontera sur",
      "Estudio sobre los flujos de trabajadores transfronterizos en la agricultura y el comercio, sus condiciones "
      "de contratación y las barreras para regularizar su situación."),
    R("migr", "en", "program", "Labour Migration Policy and Action Plan",
      "The policy sets out how the Ministry manages the recruitment of nationals for work abroad, protects them "
      "against abusive recruitment agencies and supports their reintegration when they return."),
    R("migr", "fr", "document", "Intégration des travailleurs immigrants au marché du travail",
      "Rapport sur la reconnaissance des diplômes étrangers, les stages en entreprise et la francisation des "
      "nouveaux arrivants pour faciliter leur insertion professionnelle."),
    R("seas", "en", "program", "Seasonal Agricultural Worker Program",
      "A bilateral arrangement under which farm workers are hired for up to eight months a year. Employers pay "
      "transport and housing, and liaison officers visit farms to resolve complaints."),
    R("seas", "es", "program", "Programa de trabajadores agrícolas temporales en el exterior",
      "El ministerio selecciona y capacita a trabajadores rurales para empleos temporales en el extranjero, "
      "verifica los contratos y acompaña su retorno al finalizar la temporada."),
    # --- Domestic work ------------------------------------------------------------------------------------------
    R("dom", "es", "program", "Registro y formalización de trabajadoras de casas particulares",
      "Campaña para que los empleadores registren a las trabajadoras domésticas, con calculadora de aportes, "
      "contrato tipo y recordatorio del descanso semanal y las vacaciones."),
    R("dom", "pt", "document", "Direitos das trabalhadoras domésticas após a Lei Complementar 150",
      "Cartilha que explica jornada, horas extras, FGTS e seguro-desemprego para empregadas domésticas, com "
      "exemplos de cálculo."),
    R("dom", "en", "document", "Ratifying the Domestic Workers Convention: a roadmap",
      "How a ministry prepared the ratification of Convention 189: consultation of employers' and workers' "
      "organisations, changes to working-time rules and inspection of private homes."),
    # --- Occupational safety and health ----------------------------------------------------------------------
    R("osh", "en", "program", "National Occupational Safety and Health Policy",
      "The policy creates a tripartite OSH council, requires joint health and safety committees in workplaces with "
      "twenty or more workers and sets targets for reducing fatal injuries."),
    R("osh", "es", "program", "Sistema de gestión de la seguridad y salud en el trabajo para pymes",
      "Asistencia técnica gratuita para que pequeñas empresas identifiquen peligros, evalúen riesgos y formen a "
      "sus trabajadores en prevención."),
    R("osh", "fr", "document", "Prévention des risques professionnels dans les PME",
      "Guide pratique pour établir le document unique d'évaluation des risques, organiser la formation à la "
      "sécurité et consulter les représentants du personnel."),
    R("acc", "es", "program", "Registro nacional de accidentes de trabajo y enfermedades profesionales",
      "Plataforma en línea donde las aseguradoras y los empleadores notifican los siniestros laborales; los datos "
      "alimentan las estadísticas y la planificación de la inspección."),
    R("acc", "pt", "document", "Anuário estatístico de acidentes de trabalho",
      "Publicação com a série histórica de acidentes e doenças do trabalho por setor econômico, região e tipo de "
      "lesão, com notas sobre a subnotificação."),
    R("cons", "en", "document", "Fall protection on construction sites",
      "Guidance for contractors on guardrails, harnesses and scaffolding inspections, after falls from height "
      "became the first cause of death among construction workers."),
    R("cons", "es", "program", "Campaña de seguridad en la construcción",
      "Inspectores y cámaras de la construcción visitan obras para verificar andamios, arneses y capacitación de "
      "los obreros; las obras con riesgo grave se paralizan."),
    R("min", "es", "program", "Seguridad minera en la pequeña minería",
      "Programa de formación y asistencia técnica para mineros artesanales sobre ventilación, explosivos y uso "
      "seguro del mercurio, con visitas de fiscalización a las faenas."),
    R("min", "en", "document", "Mine safety and health inspection report",
      "Annual report on inspections of underground and open-pit mines, fatalities, emergency preparedness and "
      "the follow-up of serious violations."),
    R("heat", "en", "program", "Heat Illness Prevention Campaign",
      "Employers of outdoor workers must provide water, rest and shade when temperatures rise; the campaign trains "
      "supervisors to recognise symptoms of heat stress."),
    R("heat", "es", "document", "Protocolo de exposición laboral al calor",
      "Medidas para proteger a trabajadores agrícolas y de la construcción frente al estrés térmico: pausas, "
      "hidratación, horarios y vigilancia de la salud."),
    R("psy", "fr", "program", "Plan de prévention des risques psychosociaux au travail",
      "Le plan soutient les employeurs dans la prévention du stress, de l'épuisement professionnel et du "
      "harcèlement psychologique, et finance des formations pour les gestionnaires."),
    R("psy", "es", "document", "Guía de salud mental en el trabajo",
      "Orientaciones para evaluar riesgos psicosociales, organizar la carga de trabajo y acompañar el retorno "
      "laboral después de una licencia médica por estrés."),
    # --- Social dialogue and labour relations ---------------------------------------------------------------------
    R("dial", "es", "program", "Consejo Superior del Trabajo",
      "Instancia tripartita donde gobierno, empleadores y sindicatos acuerdan la agenda legislativa laboral y el "
      "reajuste del salario mínimo."),
    R("dial", "pt", "program", "Fórum Nacional do Trabalho",
      "Espaço de diálogo social tripartite que discute reformas da legislação trabalhista e sindical com "
      "representantes de centrais sindicais e confederações patronais."),
    R("dial", "en", "document", "Strengthening tripartite consultation under Convention 144",
      "Lessons from a national labour advisory board: how employers and workers are consulted on ILO standards "
      "and on reports to the ILO supervisory bodies."),
    R("cb", "es", "program", "Fortalecimiento de la negociación colectiva por rama",
      "El ministerio ofrece mesas técnicas y datos económicos a sindicatos y empleadores para negociar convenios "
      "colectivos sectoriales."),
    R("cb", "pt", "document", "Panorama das convenções e acordos coletivos",
      "Análise das cláusulas de reajuste salarial, jornada e participação nos lucros registradas no sistema de "
      "negociações coletivas."),
    R("cb", "fr", "document", "La négociation collective dans le secteur public",
      "Étude des conventions collectives conclues avec les syndicats de la fonction publique et de leurs effets sur "
      "la rémunération."),
    R("union", "es", "program", "Registro sindical en línea",
      "Trámite digital para la inscripción de sindicatos, la actualización de directivas y el depósito de "
      "estatutos, con plazos de respuesta garantizados."),
    R("union", "pt", "program", "Cadastro Nacional de Entidades Sindicais",
      "Sistema para o registro de sindicatos e a atualização de dados das diretorias, com consulta pública."),
    R("med", "en", "program", "Industrial Disputes Tribunal and conciliation service",
      "The Ministry of Labour and Social Security offers conciliation to employers and trade unions before a "
      "labour dispute is referred to the tribunal; most disputes are settled at this stage."),
    R("med", "es", "program", "Servicio de mediación laboral",
      "Mediadores del ministerio atienden conflictos colectivos y reclamos individuales para alcanzar acuerdos sin "
      "llegar a juicio."),
    R("med", "fr", "document", "La conciliation et la médiation des différends du travail",
      "Présentation des services de conciliation offerts aux parties lors de la négociation d'une convention "
      "collective et des résultats obtenus."),
    R("court", "es", "program", "Reforma de la justicia laboral y centros de conciliación",
      "Los juicios laborales pasan de juntas de conciliación a tribunales judiciales; antes de demandar, las "
      "partes acuden obligatoriamente a un centro de conciliación."),
    R("court", "en", "document", "Backlog reduction in employment tribunals",
      "Evaluation of case management measures that cut the time needed to hear unfair dismissal and wage claims."),
    # --- Wages --------------------------------------------------------------------------------------------------
    R("mw", "es", "document", "Informe técnico para la fijación del salario mínimo",
      "Análisis de inflación, productividad y costo de la canasta básica que la comisión de salarios mínimos usa "
      "para recomendar el reajuste anual."),
    R("mw", "pt", "program", "Política de valorização do salário mínimo",
      "Regra de reajuste que combina a inflação do ano anterior com o crescimento do produto interno bruto."),
    R("mw", "en", "document", "Minimum wage compliance survey",
      "Results of a survey of small retailers and restaurants on payment of the national minimum wage, with "
      "recommendations for targeted inspections."),
    R("wage", "en", "program", "Wage theft recovery program",
      "Workers can file claims for unpaid wages online; investigators recover back wages and employers who do not "
      "pay face penalties."),
    R("wage", "es", "program", "Fondo de garantía de salarios adeudados",
      "Cuando una empresa quiebra, el fondo paga a los trabajadores las remuneraciones e indemnizaciones "
      "pendientes hasta un tope."),
    R("eqpay", "en", "program", "Pay Equity Act implementation",
      "Federally regulated employers must compare the pay of jobs mainly held by women and men of equal value and "
      "correct gender pay gaps within three years."),
    R("eqpay", "es", "document", "Brecha salarial entre mujeres y hombres",
      "Estudio con datos de la encuesta de empleo sobre la diferencia de ingresos por sexo, ocupación y nivel "
      "educativo."),
    R("eqpay", "fr", "program", "Loi sur l'équité salariale",
      "Les entreprises doivent évaluer les emplois à prédominance féminine et corriger les écarts de rémunération."),
    # --- Gender and care -----------------------------------------------------------------------------------------
    R("harass", "es", "program", "Protocolo contra la violencia y el acoso en el mundo del trabajo",
      "Tras la ratificación del Convenio 190, el ministerio publica un protocolo para prevenir el acoso sexual y "
      "laboral, con canales de denuncia confidenciales."),
    R("harass", "en", "document", "Workplace harassment prevention toolkit",
      "Model policies, training modules and investigation procedures for employers to prevent sexual harassment "
      "and bullying at work."),
    R("harass", "pt", "program", "Campanha contra o assédio moral e sexual no trabalho",
      "Material de conscientização e canal de denúncias para trabalhadoras e trabalhadores vítimas de assédio."),
    R("mat", "es", "program", "Ampliación de la licencia por maternidad y paternidad",
      "La reforma extiende la licencia de maternidad a catorce semanas y crea una licencia de paternidad "
      "remunerada de diez días pagada por la seguridad social."),
    R("mat", "pt", "document", "Salário-maternidade e proteção à gestante",
      "Guia sobre a estabilidade da trabalhadora gestante, a licença-maternidade e os intervalos para amamentação."),
    R("care", "es", "program", "Sistema Nacional Integrado de Cuidados",
      "Crea servicios de cuidado infantil y de asistencia a personas mayores y con dependencia, y forma a las "
      "cuidadoras para profesionalizar el sector."),
    R("care", "en", "document", "Valuing unpaid care work",
      "A time-use study showing how unpaid care responsibilities limit women's participation in the labour market, "
      "with policy options for childcare and long-term care."),
    # --- Employment, youth and skills ----------------------------------------------------------------------------
    R("youth", "es", "program", "Jóvenes Construyendo el Futuro",
      "Jóvenes de 18 a 29 años que no estudian ni trabajan se capacitan durante un año en empresas, recibiendo una "
      "beca mensual y seguro médico."),
    R("youth", "pt", "program", "Programa Primeiro Emprego para a juventude",
      "Incentivo à contratação de jovens de 16 a 24 anos sem experiência profissional, combinado com cursos de "
      "qualificação."),
    R("youth", "en", "program", "Youth Employment Strategy",
      "Wage subsidies for employers who hire young people facing barriers, mentoring and summer jobs in the public "
      "sector."),
    R("youth", "fr", "program", "Programme d'insertion professionnelle des jeunes",
      "Accompagnement personnalisé des jeunes sans diplôme vers un premier emploi, avec stages rémunérés en "
      "entreprise."),
    R("appr", "en", "program", "Registered Apprenticeship expansion",
      "Grants to industry partnerships that create apprenticeships in health care, information technology and "
      "advanced manufacturing, combining paid work with classroom instruction."),
    R("appr", "fr", "document", "L'apprentissage en alternance: bilan",
      "Évaluation des contrats d'apprentissage: taux d'insertion des apprentis, rôle des maîtres d'apprentissage "
      "et financement par les entreprises."),
    R("appr", "es", "program", "Formación dual en empresas",
      "Los aprendices alternan clases en el instituto técnico con práctica laboral en una empresa que designa un "
      "tutor."),
    R("neet", "es", "document", "Ninis: jóvenes que no estudian ni trabajan",
      "Caracterización de los jóvenes fuera del sistema educativo y del mercado laboral, con énfasis en mujeres "
      "jóvenes con responsabilidades de cuidado."),
    R("neet", "pt", "document", "Jovens nem-nem no Brasil",
      "Estudo sobre jovens que não estudam nem trabalham e os fatores que explicam a saída precoce da escola."),
    R("pes", "es", "program", "Red de oficinas del Servicio Público de Empleo",
      "Las oficinas de empleo registran a buscadores de empleo, orientan su búsqueda y los vinculan con vacantes "
      "de empresas; también gestionan la capacitación."),
    R("pes", "en", "program", "American Job Centers network",
      "One-stop centers where job seekers get career counselling, job search workshops and referrals to training, "
      "and employers post vacancies."),
    R("pes", "pt", "program", "Sistema Nacional de Emprego",
      "Postos de atendimento que fazem a intermediação de mão de obra, a habilitação ao seguro-desemprego e o "
      "encaminhamento a cursos."),
    R("pes", "fr", "program", "Modernisation du service public de l'emploi",
      "Les conseillers disposent d'un nouvel outil de profilage des demandeurs d'emploi et d'un portail de mise en "
      "relation avec les offres."),
    R("jobfair", "es", "program", "Ferias de empleo regionales",
      "Encuentros presenciales y virtuales donde empresas ofrecen vacantes y realizan entrevistas en el momento."),
    R("jobfair", "en", "program", "Virtual job fairs for veterans and youth",
      "Online events connecting employers with job seekers, with video interviews and résumé reviews."),
    R("lmi", "es", "program", "Observatorio Laboral",
      "Publica indicadores del mercado de trabajo por región y ocupación, proyecciones de demanda y fichas de "
      "carreras para orientar la formación."),
    R("lmi", "pt", "program", "Observatório Nacional do Mercado de Trabalho",
      "Painéis com dados de emprego formal, rotatividade e salários de admissão para apoiar políticas públicas."),
    R("lmi", "en", "document", "Labour market information system review",
      "Assessment of the surveys, administrative records and analysis capacity available to forecast skills needs."),
    R("skills", "es", "program", "Sistema Nacional de Certificación de Competencias Laborales",
      "Evalúa y certifica a trabajadores que aprendieron su oficio en la práctica, según estándares definidos con "
      "los sectores productivos."),
    R("skills", "pt", "program", "Certificação profissional de trabalhadores experientes",
      "Reconhecimento de saberes adquiridos no trabalho, com avaliação prática e emissão de certificado."),
    R("skills", "en", "document", "Recognition of prior learning in construction trades",
      "How assessors validate the skills of experienced bricklayers and carpenters who never attended vocational "
      "school."),
    R("digsk", "en", "program", "Digital Skills for Work",
      "Free courses in basic computer use, online job applications and data literacy for adults changing careers."),
    R("digsk", "es", "program", "Alfabetización digital para trabajadores",
      "Cursos gratuitos de habilidades digitales básicas y avanzadas para personas desempleadas y trabajadores de "
      "pymes."),
    R("digsk", "fr", "program", "Compétences numériques pour l'emploi",
      "Formations en ligne pour acquérir les compétences numériques demandées par les employeurs."),
    # --- Social protection ------------------------------------------------------------------------------------------
    R("ui", "es", "program", "Seguro de Cesantía",
      "Protege a los trabajadores que pierden su empleo con prestaciones financiadas por cuentas individuales y un "
      "fondo solidario, y los vincula con la bolsa nacional de empleo."),
    R("ui", "pt", "program", "Seguro-desemprego",
      "Benefício pago ao trabalhador dispensado sem justa causa, por até cinco parcelas, com requerimento pela "
      "carteira de trabalho digital."),
    R("ui", "en", "program", "Unemployment Insurance modernization",
      "States replace legacy systems for unemployment benefit claims, improve identity verification and reduce "
      "improper payments."),
    R("ui", "fr", "document", "L'assurance-emploi et les travailleurs saisonniers",
      "Analyse des prestations versées aux chômeurs des industries saisonnières et des règles d'admissibilité."),
    R("ss", "es", "document", "Convenios bilaterales de seguridad social vigentes",
      "Lista de convenios que permiten sumar períodos de cotización en dos países para obtener una pensión de "
      "vejez, invalidez o sobrevivencia."),
    R("ss", "pt", "program", "Acordos internacionais de previdência social",
      "Os acordos garantem a contagem de tempo de contribuição no exterior e evitam a dupla contribuição de "
      "trabalhadores deslocados."),
    R("ss", "en", "document", "Totalization agreements explained",
      "How social security agreements eliminate dual taxation for workers sent abroad and help workers who divided "
      "their careers between two countries qualify for benefits."),
    R("ss", "fr", "document", "Ententes internationales de sécurité sociale",
      "Les ententes permettent de totaliser les périodes de cotisation pour ouvrir le droit à une pension."),
    R("pens", "es", "program", "Pensión Universal para Adultos Mayores",
      "Pensión no contributiva para personas de 65 años o más que no reciben jubilación, pagada cada dos meses."),
    R("pens", "en", "document", "Extending pension coverage to the self-employed",
      "Options for enrolling own-account workers in contributory pension schemes, including simplified "
      "contributions and matching subsidies."),
    R("spf", "es", "program", "Transferencias monetarias condicionadas y empleo",
      "Las familias que reciben transferencias acceden a cursos de capacitación y a la intermediación laboral para "
      "salir de la pobreza."),
    R("spf", "pt", "document", "Piso de proteção social: custos e financiamento",
      "Estimativas do custo de garantias básicas de renda para crianças, idosos e pessoas com deficiência."),
    # --- Informality and enterprises -----------------------------------------------------------------------------------
    R("inf", "es", "program", "Estrategia de formalización laboral",
      "Combina simplificación de trámites, incentivos a la afiliación y fiscalización para reducir la informalidad "
      "en el comercio y la construcción."),
    R("inf", "pt", "program", "Microempreendedor Individual",
      "Regime simplificado que formaliza trabalhadores por conta própria com contribuição mensal fixa e acesso à "
      "previdência."),
    R("inf", "en", "document", "Transition from the informal to the formal economy",
      "A review of policies that helped informal workers and enterprises register, pay contributions and gain "
      "social protection."),
    R("inf", "fr", "document", "L'économie informelle en Haïti",
      "Étude sur les marchands, artisans et transporteurs du secteur informel et sur les obstacles à leur "
      "formalisation."),
    R("msme", "es", "program", "Mipymes productivas",
      "Asistencia técnica y créditos para micro, pequeñas y medianas empresas que formalizan a sus trabajadores y "
      "mejoran su productividad."),
    R("msme", "en", "program", "Small Business Development Centres",
      "Advisers help small businesses write business plans, access finance and comply with employment "
      "regulations."),
    R("coop", "pt", "program", "Fomento à economia solidária",
      "Apoio a cooperativas de catadores, agricultores familiares e artesãos com formação em autogestão e acesso a "
      "mercados."),
    R("coop", "es", "program", "Fortalecimiento de cooperativas de trabajo",
      "Capacitación en gestión y acceso a compras públicas para cooperativas de trabajo y empresas de la economía "
      "social."),
    # --- Future of work -----------------------------------------------------------------------------------------------
    R("tele", "es", "program", "Ley de teletrabajo y derecho a la desconexión",
      "Regula el trabajo a distancia: acuerdo por escrito, provisión de equipos, reversibilidad y derecho a "
      "desconectarse fuera de la jornada."),
    R("tele", "pt", "document", "Teletrabalho no serviço público",
      "Avaliação da adoção do trabalho remoto por órgãos federais: produtividade, custos e saúde dos servidores."),
    R("tele", "en", "document", "Remote work arrangements after the pandemic",
      "Survey of employers on telework policies, home office equipment and occupational safety for employees "
      "working from home."),
    R("tele", "fr", "program", "Accord national sur le télétravail",
      "Les partenaires sociaux fixent les règles du télétravail: volontariat, prise en charge des frais et droit "
      "à la déconnexion."),
    R("plat", "es", "document", "Trabajo en plataformas digitales de reparto",
      "Encuesta a repartidores y conductores de aplicaciones sobre ingresos, horas de trabajo, accidentes y "
      "cobertura de seguridad social."),
    R("plat", "pt", "program", "Proteção social para motoristas de aplicativo",
      "Proposta de contribuição previdenciária e seguro contra acidentes para trabalhadores de plataformas de "
      "transporte e entrega."),
    R("plat", "en", "document", "Gig workers and employment status",
      "Legal analysis of court decisions on whether ride-hailing drivers and delivery riders are employees or "
      "independent contractors."),
    R("green", "en", "program", "Green Jobs and Just Transition Strategy",
      "Training for workers in coal regions moving to renewable energy, energy efficiency retrofits and "
      "conservation jobs."),
    R("green", "es", "document", "Empleos verdes en la economía circular",
      "Estimación de los empleos creados por el reciclaje, la gestión de residuos y las energías renovables."),
    R("green", "fr", "document", "Transition juste et emplois verts",
      "Étude sur les compétences nécessaires à la transition écologique dans le bâtiment et les transports."),
    R("digital", "es", "program", "Transformación digital del Ministerio de Trabajo",
      "Trámites en línea, expediente electrónico y firma digital para que empleadores y trabajadores hagan sus "
      "gestiones sin acudir a una oficina."),
    R("digital", "pt", "program", "Carteira de Trabalho Digital",
      "Aplicativo que substitui a carteira de papel e permite consultar contratos, salários e benefícios."),
    R("digital", "en", "document", "E-government services for labour administration",
      "Review of online services offered by labour ministries: appointment booking, digital complaints and "
      "electronic certificates."),
    R("ereg", "pt", "program", "eSocial: escrituração digital das obrigações trabalhistas",
      "Os empregadores enviam num único sistema as informações de admissões, folha de pagamento, afastamentos e "
      "segurança do trabalho."),
    R("ereg", "es", "program", "Planilla electrónica y registro de trabajadores",
      "Los empleadores declaran mensualmente a sus trabajadores, remuneraciones y aportes en la planilla "
      "electrónica."),
    # --- Groups ---------------------------------------------------------------------------------------------------------
    R("rural", "es", "program", "Empleo rural y desarrollo territorial",
      "Proyectos de infraestructura productiva y capacitación para jóvenes y mujeres de zonas rurales."),
    R("rural", "pt", "program", "Trabalho decente para os trabalhadores rurais",
      "Formalização de assalariados rurais e melhoria das condições de trabalho na agricultura familiar e no "
      "agronegócio."),
    R("rural", "en", "document", "Farmworker housing and working conditions",
      "Report on housing quality, pesticide exposure and wages of agricultural workers employed on large farms."),
    R("fish", "en", "program", "Safety at sea for small-scale fishers",
      "Life jackets, radio equipment and training for artisanal fishers, with a registry of fishing vessels."),
    R("fish", "es", "program", "Pescadores artesanales: protección social y seguridad",
      "Afiliación de pescadores artesanales a la seguridad social y cursos de supervivencia en el mar."),
    R("disab", "es", "program", "Inclusión laboral de personas con discapacidad",
      "Verifica el cumplimiento de la cuota de empleo en empresas y ofrece apoyo para ajustes razonables en el "
      "puesto de trabajo."),
    R("disab", "pt", "program", "Lei de Cotas para pessoas com deficiência",
      "Fiscalização da reserva de vagas em empresas com cem ou mais empregados e programas de qualificação."),
    R("disab", "en", "program", "Disability Employment Initiative",
      "Grants to workforce centers to make services accessible and help job seekers with disabilities find work."),
    R("disab", "fr", "document", "Emploi des personnes handicapées",
      "Bilan de l'obligation d'emploi et des aides à l'adaptation des postes de travail."),
    R("indig", "es", "program", "Empleo y formación para pueblos indígenas",
      "Programa con pertinencia cultural que capacita a jóvenes indígenas en oficios y emprendimientos "
      "comunitarios."),
    R("indig", "en", "document", "Indigenous workers in the labour market",
      "Data on employment rates and earnings of First Nations, Inuit and Métis workers and on training programs."),
    R("older", "en", "program", "Older Workers Employment Program",
      "Part-time community service jobs and training for low-income people aged 55 and over."),
    R("older", "es", "document", "Envejecimiento y mercado de trabajo",
      "Estudio sobre la participación laboral de personas mayores y la adaptación de los puestos de trabajo."),
    R("traffic", "es", "program", "Mesa contra la trata de personas con fines de explotación laboral",
      "Coordina a ministerios y fiscalía para identificar víctimas de trata en talleres textiles y en la "
      "agricultura."),
    R("traffic", "en", "document", "Trafficking in persons for labour exploitation",
      "Case studies of recruitment fraud, debt bondage and confiscated passports among migrant workers."),
    R("equal", "es", "program", "Inclusión laboral de personas afrodescendientes",
      "Acciones afirmativas y capacitación para reducir la discriminación racial en el acceso al empleo."),
    R("equal", "pt", "program", "Promoção da igualdade racial no trabalho",
      "Programa que combate a discriminação racial nas empresas e apoia a contratação de pessoas negras."),
    R("hiv", "en", "document", "HIV and AIDS workplace policy",
      "Model policy that protects workers living with HIV from discrimination and promotes voluntary testing."),
    R("hiv", "es", "document", "VIH y sida en el lugar de trabajo",
      "Guía para empleadores sobre confidencialidad, no discriminación y prevención del VIH."),
    R("transp", "en", "document", "Hours of service for truck drivers",
      "Rules limiting driving time and requiring rest breaks for commercial drivers, with electronic logging "
      "devices."),
    R("transp", "es", "program", "Condiciones de trabajo de la gente de mar",
      "Aplicación del Convenio sobre el trabajo marítimo: contratos, repatriación y condiciones a bordo de los "
      "buques."),
    R("pest", "pt", "document", "Exposição de trabalhadores rurais a agrotóxicos",
      "Estudo sobre intoxicações e uso de equipamentos de proteção individual na aplicação de agrotóxicos."),
    R("pest", "es", "program", "Uso seguro de plaguicidas en la agricultura",
      "Capacitación a trabajadores agrícolas en manipulación de plaguicidas, equipos de protección y primeros "
      "auxilios."),
    # --- Institutions, crises and cooperation ----------------------------------------------------------------------
    R("coopint", "es", "document", "Pasantía técnica sobre inspección del trabajo entre dos ministerios",
      "Informe de una cooperación horizontal en la que inspectores de un país conocieron el sistema de "
      "planificación del otro."),
    R("coopint", "en", "document", "South-South cooperation in labour administration",
      "How ministries of labour exchange experiences through study visits and technical assistance within the "
      "inter-American network."),
    R("coopint", "pt", "document", "Cooperação sul-sul em políticas de emprego",
      "Relato de missões técnicas entre ministérios do trabalho para trocar boas práticas sobre serviços de "
      "emprego."),
    R("covid", "es", "program", "Subsidio al empleo durante la pandemia",
      "Durante la crisis sanitaria, el Estado pagó parte del salario de trabajadores suspendidos para conservar los "
      "empleos."),
    R("covid", "en", "program", "COVID-19 wage subsidy",
      "Employers whose revenue fell could claim a subsidy covering most of their employees' wages to avoid layoffs "
      "during the pandemic."),
    R("covid", "pt", "program", "Programa Emergencial de Manutenção do Emprego e da Renda",
      "Permitiu a redução de jornada e a suspensão de contratos com pagamento de um benefício emergencial durante a "
      "pandemia de coronavírus."),
    R("covid", "fr", "document", "Le chômage partiel pendant la crise sanitaire",
      "Bilan de l'activité partielle: nombre de salariés couverts, coût et effets sur le maintien de l'emploi."),
    R("disaster", "en", "program", "Post-hurricane employment recovery",
      "Emergency employment in debris removal and reconstruction for workers who lost their livelihoods after the "
      "hurricane, with safety training."),
    R("disaster", "fr", "program", "Emplois d'urgence après le séisme",
      "Programme de travaux à haute intensité de main-d'œuvre pour la reconstruction des quartiers touchés par le "
      "tremblement de terre."),
    R("tour", "en", "program", "Hospitality workforce training",
      "Short courses for hotel and restaurant staff in customer service, food safety and languages ahead of the "
      "tourist season."),
    R("tour", "es", "program", "Capacitación para el turismo",
      "Formación de guías, camareros y recepcionistas en las regiones turísticas del país."),
    R("auto", "en", "document", "Automation and the future of jobs",
      "Estimates of jobs at risk from artificial intelligence and robots, and of the retraining workers will need."),
    R("auto", "fr", "program", "Requalification des travailleurs face à l'automatisation",
      "Aide à la reconversion des salariés dont les postes sont transformés par les robots et le numérique."),
    R("ratif", "en", "document", "Ratification of ILO conventions: status report",
      "Which fundamental and governance conventions have been ratified, and the reports due to the supervisory "
      "bodies."),
    R("ratif", "es", "document", "Ratificación de convenios de la OIT",
      "Estado de ratificación de los convenios fundamentales y plan para someter nuevos convenios al congreso."),
    R("hotline", "en", "program", "Workers' complaints hotline",
      "A toll-free line and online form where workers report violations anonymously; complaints are triaged to "
      "inspectors within 48 hours."),
    R("hotline", "es", "program", "Línea de denuncias laborales",
      "Canal telefónico y web para denunciar incumplimientos laborales, con seguimiento del caso por el "
      "denunciante."),
    R("csr", "en", "document", "Due diligence in global supply chains",
      "Guidance for exporters on identifying labour rights risks among suppliers and remedying abuses."),
    R("csr", "fr", "document", "Le devoir de vigilance des entreprises",
      "Analyse des obligations des entreprises donneuses d'ordre envers les droits des travailleurs de leurs "
      "fournisseurs."),
    # --- Themes written in one language only (found from the others through the vocabulary) ----------------
    R("sugar", "es", "program", "Condiciones laborales en la zafra azucarera",
      "Inspecciones a los ingenios durante la zafra para verificar jornadas, pago por tonelada y transporte de los "
      "cortadores de caña de azúcar."),
    R("sugar", "es", "document", "Salud renal de los cortadores de caña",
      "Estudio sobre la enfermedad renal crónica en trabajadores de la caña expuestos al calor y a la "
      "deshidratación."),
    R("garment", "es", "program", "Trabajo decente en la maquila textil",
      "Mesas con las marcas y las fábricas de confección de las zonas francas para mejorar salarios, horarios y "
      "libertad sindical."),
    R("garment", "es", "document", "Diagnóstico de las condiciones en las maquilas de confección",
      "Encuesta a operarias de maquilas sobre horas extraordinarias, metas de producción y acoso."),
    R("retire", "fr", "document", "Le report de l'âge légal de départ à la retraite",
      "Analyse des effets du relèvement de l'âge de la retraite sur l'emploi des seniors et les finances des "
      "régimes de pension."),
    R("retire", "fr", "program", "Retraite progressive",
      "Dispositif permettant de travailler à temps partiel en fin de carrière tout en percevant une partie de la "
      "pension."),
    R("night", "pt", "document", "Trabalho noturno e em turnos de revezamento",
      "Efeitos do trabalho noturno sobre o sono e a saúde dos trabalhadores da indústria e dos hospitais, com "
      "recomendações para escalas de turnos."),
    R("night", "pt", "program", "Adicional noturno e jornada em turnos",
      "Orientação às empresas sobre o pagamento do adicional noturno e os limites da jornada em turnos "
      "ininterruptos."),
    R("ports", "en", "program", "Dock workers registration scheme",
      "A register of port workers that allocates shifts fairly among dockers and funds training in cargo "
      "handling safety."),
    R("ports", "en", "document", "Automation of container terminals and port employment",
      "Study of how automated cranes change employment and skills among longshore workers."),
    R("overtime", "fr", "document", "Heures supplémentaires et durée du travail",
      "Rappel des règles sur la durée maximale hebdomadaire, la majoration des heures supplémentaires et le repos "
      "compensateur."),
    R("overtime", "fr", "program", "Contrôle du temps de travail dans le commerce",
      "Campagne de contrôle des horaires et des heures supplémentaires non payées dans la grande distribution."),
    R("callc", "es", "document", "Condiciones de trabajo en los centros de llamadas",
      "Estudio sobre pausas, control de tiempos, salud vocal y rotación de los teleoperadores de centros de "
      "contacto."),
    R("callc", "es", "program", "Protocolo de salud para teleoperadores",
      "Establece pausas activas, límites al monitoreo y evaluación ergonómica de los puestos en centros de "
      "llamadas."),
    R("sever", "pt", "document", "Verbas rescisórias na demissão sem justa causa",
      "Cartilha sobre aviso prévio, multa do FGTS, férias proporcionais e décimo terceiro na rescisão do contrato "
      "de trabalho."),
    R("sever", "pt", "program", "Homologação digital das rescisões",
      "Serviço online para conferir os valores pagos ao trabalhador demitido e registrar a rescisão."),
    R("strike", "fr", "document", "Le droit de grève dans les services essentiels",
      "Étude des règles de service minimum dans les transports, la santé et l'énergie en cas de grève."),
    R("strike", "fr", "program", "Conseil des services essentiels",
      "Organisme qui détermine les services à maintenir pendant une grève dans le secteur public et parapublic."),
    R("outs", "es", "program", "Ley de subcontratación y empresas de servicios transitorios",
      "Regula la tercerización: responsabilidad solidaria de la empresa principal, registro de contratistas y "
      "fiscalización de los pagos a los trabajadores subcontratados."),
    R("outs", "es", "document", "Evaluación de la reforma sobre subcontratación",
      "Analiza cuántos trabajadores pasaron a la planilla de las empresas principales tras la prohibición de la "
      "subcontratación de personal."),
    R("remit", "en", "program", "Remittances and financial education for migrant families",
      "Courses for families receiving money from relatives abroad on saving, reducing transfer costs and "
      "investing in small businesses."),
    R("remit", "en", "document", "The cost of sending remittances",
      "Survey of fees charged by money transfer operators in the corridors used by the country's migrant "
      "workers."),
    # --- More records of some themes ------------------------------------------------------------------------------
    R("ci", "es", "program", "Sello empresa libre de trabajo infantil",
      "Reconocimiento a las empresas que verifican que en su cadena de proveedores no trabajan niños ni "
      "adolescentes por debajo de la edad mínima."),
    R("insp", "es", "document", "Informe anual de la Dirección de Inspección",
      "Resultados de las visitas de fiscalización, multas aplicadas y principales infracciones detectadas por los "
      "inspectores del trabajo durante el año."),
    R("pes", "es", "program", "Bolsa Nacional de Empleo en línea",
      "Portal donde los buscadores de empleo publican su currículum y las empresas sus ofertas, con "
      "recomendaciones automáticas de vacantes."),
    R("youth", "es", "program", "Mi Primer Empleo",
      "Subsidio a la contratación de jóvenes sin experiencia laboral, con tutoría en la empresa durante seis "
      "meses."),
    R("tele", "es", "document", "Guía de seguridad y salud en el teletrabajo",
      "Recomendaciones de ergonomía, pausas y desconexión digital para personas que trabajan desde su casa."),
    R("ui", "es", "document", "Evaluación del seguro de desempleo",
      "Análisis de la cobertura, el monto de las prestaciones y la duración del desempleo de los beneficiarios."),
    R("mw", "es", "program", "Comisión Nacional de los Salarios Mínimos",
      "Órgano tripartito que fija cada año los salarios mínimos general y profesionales."),
    R("osh", "en", "document", "Safety and health committees: a handbook",
      "How joint committees of workers and managers inspect workplaces, investigate accidents and recommend "
      "preventive measures."),
    R("inf", "es", "document", "Medición de la informalidad laboral",
      "Metodología para estimar el empleo informal con la encuesta de hogares: trabajadores sin seguridad social y "
      "ocupados en el sector informal."),
    R("dial", "es", "document", "Memoria del diálogo social sobre la reforma previsional",
      "Relata las sesiones tripartitas en que sindicatos y empleadores discutieron la reforma del sistema de "
      "pensiones."),
]

QUERIES = [
    # Child labour
    Query("trabajo infantil", "es", ("ci",)),
    Query("child labor", "en", ("ci",)),
    Query("child labour", "en", ("ci",), "uk"),
    Query("trabalho infantil", "pt", ("ci",)),
    Query("travail des enfants", "fr", ("ci",)),
    Query("erradicacion del trabajo infantil en la agricultura", "es", ("ci",), "no accents, long"),
    Query("trabjo infantil", "es", ("ci",), "misspelling"),
    # Forced labour
    Query("trabalho escravo", "pt", ("tf",)),
    Query("escravidão contemporânea", "pt", ("tf",)),
    Query("trabajo forzoso", "es", ("tf",)),
    Query("forced labour", "en", ("tf",), "uk"),
    Query("travail forcé", "fr", ("tf",)),
    Query("esclavitud moderna", "es", ("tf",)),
    Query("slave labor", "en", ("tf",)),
    # Labour inspection
    Query("inspección del trabajo", "es", ("insp", "inspr")),
    Query("inspección laboral", "es", ("insp", "inspr")),
    Query("labor inspection", "en", ("insp", "inspr")),
    Query("labour inspectorate", "en", ("insp", "inspr"), "uk"),
    Query("inspeção do trabalho", "pt", ("insp", "inspr")),
    Query("inspection du travail", "fr", ("insp", "inspr")),
    Query("fiscalización laboral en la cosecha", "es", ("inspr",)),
    Query("inspections in agricultural harvest", "en", ("inspr",)),
    Query("inspeccion del trabajo planificacion riesgos", "es", ("insp",), "no accents"),
    Query("inpeccion laboral", "es", ("insp", "inspr"), "misspelling"),
    # Migration
    Query("trabajadores migrantes", "es", ("migr", "seas")),
    Query("migrant workers", "en", ("migr", "seas")),
    Query("labour migration", "en", ("migr", "seas"), "uk"),
    Query("migração laboral", "pt", ("migr", "seas")),
    Query("travailleurs migrants", "fr", ("migr", "seas")),
    Query("trabalhadores agrícolas temporários no exterior", "pt", ("seas",)),
    Query("seasonal agricultural workers", "en", ("seas",)),
    Query("migration", "en", ("migr", "seas")),
    # Domestic work
    Query("trabajadoras domésticas", "es", ("dom",)),
    Query("domestic workers", "en", ("dom",)),
    Query("trabalho doméstico", "pt", ("dom",)),
    Query("travailleuses domestiques", "fr", ("dom",)),
    Query("convention 189", "en", ("dom",)),
    # OSH
    Query("seguridad y salud en el trabajo", "es", ("osh",)),
    Query("occupational safety and health", "en", ("osh",)),
    Query("segurança e saúde no trabalho", "pt", ("osh",)),
    Query("santé et sécurité au travail", "fr", ("osh",)),
    Query("accidentes de trabajo", "es", ("acc",)),
    Query("acidentes de trabalho estatísticas", "pt", ("acc",)),
    Query("work accidents statistics", "en", ("acc",)),
    Query("construction safety falls", "en", ("cons",)),
    Query("seguridad en la construcción", "es", ("cons",)),
    Query("segurança na construção", "pt", ("cons",)),
    Query("seguridad minera", "es", ("min",)),
    Query("mine safety", "en", ("min",)),
    Query("heat stress", "en", ("heat",)),
    Query("estrés térmico", "es", ("heat",)),
    Query("risques psychosociaux", "fr", ("psy",)),
    Query("riesgos psicosociales estrés laboral", "es", ("psy",)),
    Query("mental health at work", "en", ("psy",)),
    Query("saúde mental no trabalho", "pt", ("psy",)),
    Query("agrotóxicos", "pt", ("pest",)),
    Query("pesticides farm workers", "en", ("pest",)),
    # Social dialogue, bargaining, disputes
    Query("diálogo social tripartito", "es", ("dial",)),
    Query("social dialogue", "en", ("dial",)),
    Query("dialogue social", "fr", ("dial",)),
    Query("negociación colectiva", "es", ("cb",)),
    Query("collective bargaining", "en", ("cb",)),
    Query("negociação coletiva", "pt", ("cb",)),
    Query("convention collective", "fr", ("cb",)),
    Query("registro sindical", "es", ("union",)),
    Query("trade union registration", "en", ("union",)),
    Query("mediation of labour disputes", "en", ("med",), "uk"),
    Query("mediation of labor disputes", "en", ("med",)),
    Query("mediación de conflictos laborales", "es", ("med",)),
    Query("conciliação trabalhista", "pt", ("med", "court")),
    Query("conciliation des différends du travail", "fr", ("med",)),
    Query("labor courts reform", "en", ("court",)),
    Query("justicia laboral", "es", ("court",)),
    # Wages
    Query("salario mínimo", "es", ("mw",)),
    Query("minimum wage", "en", ("mw",)),
    Query("salário mínimo reajuste", "pt", ("mw",)),
    Query("salaire minimum", "fr", ("mw",)),
    Query("unpaid wages", "en", ("wage",)),
    Query("salarios adeudados", "es", ("wage",)),
    Query("salários atrasados", "pt", ("wage",)),
    Query("gender pay gap", "en", ("eqpay",)),
    Query("brecha salarial de género", "es", ("eqpay",)),
    Query("équité salariale", "fr", ("eqpay",)),
    Query("igualdade salarial entre homens e mulheres", "pt", ("eqpay",)),
    # Gender and care
    Query("acoso laboral", "es", ("harass",)),
    Query("sexual harassment at work", "en", ("harass",)),
    Query("assédio no trabalho", "pt", ("harass",)),
    Query("harcèlement au travail", "fr", ("harass", "psy")),
    Query("licencia de maternidad", "es", ("mat",)),
    Query("maternity leave", "en", ("mat",)),
    Query("congé de maternité", "fr", ("mat",)),
    Query("sistema de cuidados", "es", ("care",)),
    Query("care economy", "en", ("care",)),
    Query("economia do cuidado", "pt", ("care",)),
    # Youth, employment services, skills
    Query("empleo juvenil", "es", ("youth", "neet")),
    Query("youth employment", "en", ("youth", "neet")),
    Query("emprego juvenil", "pt", ("youth", "neet")),
    Query("emploi des jeunes", "fr", ("youth", "neet")),
    Query("jovenes que no estudian ni trabajan", "es", ("neet", "youth"), "no accents"),
    Query("NEET youth", "en", ("neet", "youth")),
    Query("apprenticeship", "en", ("appr",)),
    Query("apprentissage", "fr", ("appr",)),
    Query("aprendizaje dual aprendices", "es", ("appr",)),
    Query("aprendizagem", "pt", ("appr",)),
    Query("servicio público de empleo", "es", ("pes",)),
    Query("public employment services", "en", ("pes",)),
    Query("serviço público de emprego", "pt", ("pes",)),
    Query("service public de l'emploi", "fr", ("pes",)),
    Query("bolsa de empleo intermediación", "es", ("pes",)),
    Query("feria de empleo", "es", ("jobfair",)),
    Query("job fair", "en", ("jobfair",)),
    Query("feira de emprego", "pt", ("jobfair",)),
    Query("observatorio laboral", "es", ("lmi",)),
    Query("labour market information", "en", ("lmi",), "uk"),
    Query("observatório do mercado de trabalho", "pt", ("lmi",)),
    Query("certificación de competencias laborales", "es", ("skills",)),
    Query("recognition of prior learning", "en", ("skills",)),
    Query("certificação profissional", "pt", ("skills",)),
    Query("validation des acquis de l'expérience", "fr", ("skills",)),
    Query("digital skills", "en", ("digsk",)),
    Query("habilidades digitales", "es", ("digsk",)),
    Query("competências digitais", "pt", ("digsk",)),
    # Social protection
    Query("seguro de desempleo", "es", ("ui",)),
    Query("seguro de cesantía", "es", ("ui",)),
    Query("unemployment insurance", "en", ("ui",)),
    Query("seguro-desemprego", "pt", ("ui",)),
    Query("assurance chômage", "fr", ("ui",)),
    Query("unemployment benefits", "en", ("ui",)),
    Query("convenios de seguridad social", "es", ("ss",)),
    Query("social security agreements", "en", ("ss",)),
    Query("acordos de previdência social", "pt", ("ss",)),
    Query("totalisation des périodes de cotisation", "fr", ("ss",)),
    Query("pensiones no contributivas", "es", ("pens", "spf")),
    Query("pension coverage self-employed", "en", ("pens",)),
    Query("aposentadoria", "pt", ("pens",)),
    Query("transferencias condicionadas", "es", ("spf",)),
    Query("social protection floor", "en", ("spf",)),
    # Informality and enterprises
    Query("formalización", "es", ("inf",)),
    Query("formalização", "pt", ("inf",)),
    Query("formalization of the informal economy", "en", ("inf",)),
    Query("economía informal", "es", ("inf",)),
    Query("économie informelle", "fr", ("inf",)),
    Query("informality", "en", ("inf",)),
    Query("pymes productividad", "es", ("msme",)),
    Query("small business", "en", ("msme",)),
    Query("cooperativas", "es", ("coop",)),
    Query("economia solidária", "pt", ("coop",)),
    # Future of work
    Query("teletrabajo", "es", ("tele",)),
    Query("telework", "en", ("tele",)),
    Query("teletrabalho", "pt", ("tele",)),
    Query("télétravail", "fr", ("tele",)),
    Query("remote work", "en", ("tele",)),
    Query("derecho a la desconexión", "es", ("tele",)),
    Query("trabajadores de plataformas", "es", ("plat",)),
    Query("platform workers", "en", ("plat",)),
    Query("motoristas de aplicativo", "pt", ("plat",)),
    Query("delivery riders", "en", ("plat",)),
    Query("green jobs", "en", ("green",)),
    Query("empleos verdes", "es", ("green",)),
    Query("transição justa", "pt", ("green",)),
    Query("automatización inteligencia artificial", "es", ("auto",)),
    Query("automation retraining", "en", ("auto",)),
    # Digital ministry
    Query("transformación digital", "es", ("digital", "ereg")),
    Query("e-government labour ministry", "en", ("digital",), "uk"),
    Query("planilla electrónica", "es", ("ereg",)),
    Query("folha de pagamento eletrônica", "pt", ("ereg",)),
    # Groups
    Query("trabajadores rurales", "es", ("rural", "inspr", "seas")),
    Query("rural workers", "en", ("rural", "inspr", "seas")),
    Query("trabalhadores rurais", "pt", ("rural", "inspr", "seas")),
    Query("pescadores artesanales", "es", ("fish",)),
    Query("fishers", "en", ("fish",)),
    Query("personas con discapacidad", "es", ("disab",)),
    Query("persons with disabilities employment", "en", ("disab",)),
    Query("pessoas com deficiência", "pt", ("disab",)),
    Query("personnes handicapées", "fr", ("disab",)),
    Query("pueblos indígenas", "es", ("indig",)),
    Query("indigenous workers", "en", ("indig",)),
    Query("older workers", "en", ("older",)),
    Query("trabajadores mayores", "es", ("older",)),
    Query("trata de personas", "es", ("traffic", "tf")),
    Query("human trafficking", "en", ("traffic", "tf")),
    Query("tráfico de pessoas", "pt", ("traffic", "tf")),
    Query("afrodescendientes", "es", ("equal",)),
    Query("discriminação racial", "pt", ("equal",)),
    Query("HIV workplace", "en", ("hiv",)),
    Query("VIH", "es", ("hiv",)),
    Query("truck drivers", "en", ("transp",)),
    Query("gente de mar", "es", ("transp",)),
    # Institutions, crises, cooperation
    Query("cooperación sur-sur", "es", ("coopint",)),
    Query("south-south cooperation", "en", ("coopint",)),
    Query("cooperação horizontal", "pt", ("coopint",)),
    Query("subsidio al empleo pandemia", "es", ("covid",)),
    Query("covid-19 job retention", "en", ("covid",)),
    Query("manutenção do emprego", "pt", ("covid",)),
    Query("chômage partiel", "fr", ("covid",)),
    Query("hurricane employment recovery", "en", ("disaster",)),
    Query("reconstrucción después del terremoto empleo", "es", ("disaster",)),
    Query("hospitality training tourism", "en", ("tour",)),
    Query("turismo capacitación", "es", ("tour",)),
    Query("ratificación convenios OIT", "es", ("ratif",)),
    Query("ratification of ILO conventions", "en", ("ratif",)),
    Query("línea de denuncias", "es", ("hotline",)),
    Query("complaints hotline", "en", ("hotline",)),
    Query("due diligence supply chains", "en", ("csr",)),
    Query("devoir de vigilance", "fr", ("csr",)),
    Query("debida diligencia cadenas de suministro", "es", ("csr",)),
    # Asked in a language none of the relevant records is written in
    Query("segurança na mineração", "pt", ("min",)),
    Query("sécurité dans les mines", "fr", ("min",)),
    Query("estresse térmico calor", "pt", ("heat",)),
    Query("stress thermique", "fr", ("heat",)),
    Query("accidents du travail", "fr", ("acc",)),
    Query("sécurité sur les chantiers de construction", "fr", ("cons",)),
    Query("enregistrement des syndicats", "fr", ("union",)),
    Query("tribunaux du travail", "fr", ("court",)),
    Query("arriérés de salaire", "fr", ("wage",)),
    Query("garde d'enfants et soins", "fr", ("care",)),
    Query("salon de l'emploi", "fr", ("jobfair",)),
    Query("observatoire du marché du travail", "fr", ("lmi",)),
    Query("retraite des travailleurs indépendants", "fr", ("pens",)),
    Query("socle de protection sociale", "fr", ("spf",)),
    Query("pequenas empresas produtividade", "pt", ("msme",)),
    Query("petites entreprises", "fr", ("msme",)),
    Query("cooperatives social economy", "en", ("coop",)),
    Query("économie sociale et solidaire", "fr", ("coop",)),
    Query("travailleurs des plateformes", "fr", ("plat",)),
    Query("administration électronique", "fr", ("digital",)),
    Query("electronic payroll registry", "en", ("ereg",)),
    Query("travailleurs agricoles", "fr", ("rural", "inspr", "seas")),
    Query("pescadores artesanais", "pt", ("fish",)),
    Query("pêcheurs", "fr", ("fish",)),
    Query("povos indígenas emprego", "pt", ("indig",)),
    Query("peuples autochtones emploi", "fr", ("indig",)),
    Query("trabalhadores mais velhos", "pt", ("older",)),
    Query("travailleurs âgés", "fr", ("older",)),
    Query("traite des personnes", "fr", ("traffic", "tf")),
    Query("racial discrimination employment", "en", ("equal",)),
    Query("discrimination raciale", "fr", ("equal",)),
    Query("HIV no local de trabalho", "pt", ("hiv",)),
    Query("VIH au travail", "fr", ("hiv",)),
    Query("caminhoneiros jornada", "pt", ("transp",)),
    Query("gens de mer", "fr", ("transp",)),
    Query("pesticides", "fr", ("pest",)),
    Query("coopération sud-sud", "fr", ("coopint",)),
    Query("emprego após furacão reconstrução", "pt", ("disaster",)),
    Query("turismo qualificação profissional", "pt", ("tour",)),
    Query("formation hôtellerie tourisme", "fr", ("tour",)),
    Query("automação inteligência artificial", "pt", ("auto",)),
    Query("ratificação de convenções da OIT", "pt", ("ratif",)),
    Query("ratification des conventions de l'OIT", "fr", ("ratif",)),
    Query("canal de denúncias trabalhistas", "pt", ("hotline",)),
    Query("due diligence cadeias de abastecimento", "pt", ("csr",)),
    Query("inspection des exploitations agricoles", "fr", ("inspr",)),
    Query("jeunes ni en emploi ni en formation", "fr", ("neet",)),
    Query("sugar cane cutters", "en", ("sugar",)),
    Query("cortadores de cana-de-açúcar", "pt", ("sugar",)),
    Query("garment factories working conditions", "en", ("garment",)),
    Query("usines textiles maquilas", "fr", ("garment",)),
    Query("retirement age", "en", ("retire",)),
    Query("edad de jubilación", "es", ("retire",)),
    Query("idade de aposentadoria", "pt", ("retire",)),
    Query("night work", "en", ("night",)),
    Query("trabajo nocturno por turnos", "es", ("night",)),
    Query("travail de nuit", "fr", ("night",)),
    Query("trabajadores portuarios", "es", ("ports",)),
    Query("trabalhadores portuários", "pt", ("ports",)),
    Query("overtime", "en", ("overtime",)),
    Query("horas extraordinarias", "es", ("overtime",)),
    Query("horas extras", "pt", ("overtime",)),
    Query("call centre workers", "en", ("callc",), "uk"),
    Query("telemarketing condições de trabalho", "pt", ("callc",)),
    Query("severance pay", "en", ("sever",)),
    Query("indemnización por despido", "es", ("sever",)),
    Query("indemnité de licenciement", "fr", ("sever",)),
    Query("right to strike essential services", "en", ("strike",)),
    Query("huelga en servicios esenciales", "es", ("strike",)),
    Query("direito de greve", "pt", ("strike",)),
    Query("outsourcing", "en", ("outs",)),
    Query("terceirização", "pt", ("outs",)),
    Query("sous-traitance", "fr", ("outs",)),
    Query("remesas", "es", ("remit",)),
    Query("remessas de migrantes", "pt", ("remit",)),
    Query("transferts de fonds des migrants", "fr", ("remit",)),
    # More in the records' own languages
    Query("zafra caña de azúcar", "es", ("sugar",)),
    Query("maquila textil", "es", ("garment",)),
    Query("âge de la retraite", "fr", ("retire",)),
    Query("trabalho noturno", "pt", ("night",)),
    Query("dock workers", "en", ("ports",)),
    Query("heures supplémentaires", "fr", ("overtime",)),
    Query("centros de llamadas", "es", ("callc",)),
    Query("verbas rescisórias", "pt", ("sever",)),
    Query("grève", "fr", ("strike",)),
    Query("subcontratación", "es", ("outs",)),
    Query("remittances", "en", ("remit",)),
    Query("empresa libre de trabajo infantil", "es", ("ci",)),
    Query("bolsa nacional de empleo", "es", ("pes",)),
    Query("medicion de la informalidad", "es", ("inf",), "no accents"),
    Query("unemployement insurance", "en", ("ui",), "misspelling"),
    Query("teletrabalo", "pt", ("tele",), "misspelling"),
    Query("harrassment", "en", ("harass",), "misspelling"),
    Query("programme for young people's employment and apprenticeships", "en", ("youth", "appr", "neet"),
          "uk, long"),
    Query("organisation of labour inspection visits", "en", ("insp", "inspr"), "uk"),
]
