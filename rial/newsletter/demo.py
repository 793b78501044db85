"""Demo data: 1,000 DEMO subscribers on the reserved domain example.org, the demo accounts subscribed too
(so the segments have people), and a DEMO issue in English and Spanish composed from the platform's
records, left as a draft for the Secretariat to preview and send (locally the emails go to var/mail/)."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from rial.core.reference import demo_texts
from rial.directory.models import Person
from rial.newsletter import services
from rial.newsletter.models import Issue, IssueItem, Section, Subscriber
from rial.newsletter.sources import SOURCES

DEMO_SUBSCRIBERS = 1000
# Roughly the network's languages: Spanish first, then English, Portuguese and French.
LANGUAGE_CYCLE = ["es"] * 9 + ["en"] * 7 + ["pt"] * 2 + ["fr"] * 2
DEMO_SOURCES = ["cooperation.results", "cooperation.call", "meetings.ahead", "meetings.results",
                "portfolio.program", "library.document"]


def demo_email(number: int) -> str:
    return f"demo-subscriber-{number:04d}@example.org"


def _subscribers() -> None:
    now = timezone.now()
    existing = set(Subscriber.objects.filter(is_demo=True).values_list("email", flat=True))
    new = [Subscriber(email=demo_email(number), name=f"DEMO Subscriber {number:04d}",
                      language=LANGUAGE_CYCLE[number % len(LANGUAGE_CYCLE)], state=Subscriber.State.CONFIRMED,
                      confirmed_at=now, is_demo=True)
           for number in range(1, DEMO_SUBSCRIBERS + 1) if demo_email(number) not in existing]
    people = Person.objects.filter(is_demo=True).exclude(email="").exclude(user__username="demo-secretariat")
    for person in people:
        email = person.email.lower()
        if email not in existing and not Subscriber.objects.filter(email=email).exists():
            new.append(Subscriber(email=email, name=person.full_name, language="en",
                                  state=Subscriber.State.CONFIRMED, confirmed_at=now, is_demo=True))
    if new:
        bulk_create_with_history(new, Subscriber, batch_size=500)


def _issue(editor) -> None:
    issue = services.issue_save(issue=Issue(
        number=services.next_number(), is_demo=True, languages=["en", "es"],
        title_en="DEMO issue: a call's results, the next working group meeting and new programs",
        title_es="Número DEMO: resultados de una convocatoria, la próxima reunión del grupo de trabajo y nuevos programas",
        introduction_en="DEMO introduction: this issue was composed from the demonstration records of the platform "
                        "to show how the Secretariat prepares the newsletter.",
        introduction_es="Introducción DEMO: este número se compuso con los registros de demostración de la plataforma "
                        "para mostrar cómo la Secretaría prepara el boletín."), user=editor)
    since = timezone.localdate() - datetime.timedelta(days=3 * 365)
    for key in DEMO_SOURCES:
        for candidate in SOURCES[key].candidates(since)[:2]:
            services.item_add(issue=issue, user=editor, source=key, object_id=candidate.object_id)
    services.item_save(user=editor, item=IssueItem(
        issue=issue, section=Section.NEWS,
        title_en="DEMO news: a ministry opens a new employment service office",
        title_es="Noticia DEMO: un ministerio abre una nueva oficina del servicio de empleo",
        summary_en="DEMO text written by the Secretariat for the section of news from the ministries.",
        summary_es="Texto DEMO escrito por la Secretaría para la sección de noticias de los ministerios."))
    services.item_save(user=editor, item=IssueItem(
        issue=issue, section=Section.LINKS,
        title_en="The IACML on the OAS website", title_es="La CIMT en el sitio web de la OEA",
        link_en="https://www.oas.org/ext/en/development/iacml", link_es="https://www.oas.org/ext/es/desarrollo/cimt"))


ISSUE_TEXTS = {  # the project's own wording
    "languages": ["en", "es", "pt", "fr"],
    "title_pt": "Número DEMO: resultados de uma convocatória, a próxima reunião do grupo de trabalho e novos programas",
    "title_fr": "Numéro DEMO : résultats d'un appel, la prochaine réunion du groupe de travail et de nouveaux programmes",
    "introduction_pt": "Introdução DEMO: este número foi composto com os registros de demonstração da plataforma "
                       "para mostrar como a Secretaria prepara o boletim.",
    "introduction_fr": "Introduction DEMO : ce numéro a été composé à partir des enregistrements de démonstration de la "
                       "plateforme pour montrer comment le Secrétariat prépare la lettre d'information.",
}
ITEM_TEXTS = {
    "DEMO news: a ministry opens a new employment service office": {
        "title_pt": "Notícia DEMO: um ministério abre um novo escritório do serviço de emprego",
        "title_fr": "Nouvelle DEMO : un ministère ouvre un nouveau bureau du service de l'emploi",
        "summary_pt": "Texto DEMO escrito pela Secretaria para a seção de notícias dos ministérios.",
        "summary_fr": "Texte DEMO écrit par le Secrétariat pour la rubrique des nouvelles des ministères."},
    "The IACML on the OAS website": {
        # The OAS page of the IACML exists in English and Spanish: the pt and fr editions link the English one.
        "title_pt": "A CIMT no site da OEA (em inglês)", "title_fr": "La CIMT sur le site de l'OEA (en anglais)"},
}


def _translate_demo() -> None:
    """The demo issue in the four languages, also when it was loaded before (only a draft is changed: a
    sent issue stays as its readers received it)."""
    for issue in Issue.objects.filter(is_demo=True, state=Issue.State.DRAFT):
        demo_texts(issue, ISSUE_TEXTS)
        for item in issue.items.filter(title_en__in=ITEM_TEXTS):
            demo_texts(item, ITEM_TEXTS[item.title_en])


def load_demo() -> None:
    _subscribers()
    editor = get_user_model().objects.filter(username="demo-secretariat").first()
    if editor is not None and not Issue.objects.filter(is_demo=True).exists():
        _issue(editor)
    _translate_demo()
