"""The demo forums: an open forum with a thread that runs (replies, a quotation, a follower, a hidden post),
a locked thread, and a restricted forum for a working group's authorities. Every record is marked DEMO.

Everything is written through the services, so the follower's notifications are real: they are emailed in
the hourly batch (``python manage.py send_notification_batches`` writes the email to var/mail/ locally).
"""

from django.contrib.auth import get_user_model
from django.db import transaction

from rial.conference.models import WorkingGroup
from rial.core.reference import demo_texts
from rial.directory.models import Institution
from rial.forums.markup import quote
from rial.forums.models import Forum
from rial.forums.services import follow, post_hide, post_reply, thread_lock, thread_start
from rial.topics.models import Topic

OPEN_FORUM = "demo-labor-inspection"
RESTRICTED_FORUM = "demo-working-group-authorities"


def _user(username: str):
    return get_user_model().objects.get(username=username)


# The forums' names and descriptions in the languages the loader below does not give (the project's own
# wording); applied on every load, so forums loaded before get them too.
DEMO_TEXTS = {
    OPEN_FORUM: {
        "title_pt": "DEMO A inspeção do trabalho na economia de plataformas",
        "title_fr": "DEMO L'inspection du travail dans l'économie des plateformes",
        "description_pt": "Fórum DEMO: como as inspeções do trabalho chegam a quem trabalha por meio de plataformas digitais.",
        "description_fr": "Forum DEMO : comment les inspections du travail atteignent les personnes qui travaillent par des plateformes numériques."},
    RESTRICTED_FORUM: {
        "title_pt": "DEMO Autoridades do grupo de trabalho", "title_fr": "DEMO Autorités du groupe de travail",
        "description_pt": "Fórum DEMO restrito: a presidência e as vice-presidências do grupo preparam suas reuniões.",
        "description_fr": "Forum DEMO restreint : la présidence et les vice-présidences du groupe préparent ses réunions."},
}


def load_demo() -> None:
    if not Forum.objects.filter(slug=OPEN_FORUM).exists():
        with transaction.atomic():
            _load()
    for slug, texts in DEMO_TEXTS.items():
        forum = Forum.objects.filter(slug=slug, is_demo=True).first()
        if forum is not None:
            demo_texts(forum, texts)


def _load() -> None:
    focal_cl, focal_br, member_co = _user("demo-focal-cl"), _user("demo-focal-br"), _user("demo-member-co")
    cosate, ilo, secretariat = _user("demo-cosate"), _user("demo-ilo"), _user("demo-secretariat")

    forum = Forum.objects.create(
        slug=OPEN_FORUM, is_demo=True, position=1, topic=Topic.objects.filter(slug="labor-inspection").first(),
        title_en="DEMO Labor inspection in the platform economy",
        title_es="DEMO La inspección del trabajo en la economía de plataformas",
        description_en="DEMO forum: how labor inspectorates reach people who work through digital platforms.",
        description_es="Foro DEMO: cómo las inspecciones del trabajo llegan a quienes trabajan mediante plataformas.")
    group = WorkingGroup.objects.filter(number=1).order_by("-conference__number").first()
    restricted = Forum.objects.create(
        slug=RESTRICTED_FORUM, is_demo=True, position=2, is_restricted=True, working_group=group,
        includes_group_authorities=group is not None,
        title_en="DEMO Working group authorities",
        title_es="DEMO Autoridades del grupo de trabajo",
        description_en="DEMO restricted forum: the chair and vice-chairs of the working group prepare its meetings.",
        description_es="Foro DEMO restringido: la presidencia y vicepresidencias del grupo preparan sus reuniones.")
    restricted.member_institutions.set(Institution.objects.filter(slug__in=["ministry-cl", "ministry-br"]))

    # Brazil's focal point follows the whole forum: every post below reaches them in the hourly batch.
    follow(user=focal_br, forum=forum)
    thread = thread_start(forum=forum, user=focal_cl, is_demo=True, title="DEMO Inspecting work on delivery apps",
                          body="DEMO. Our inspectorate started visiting **delivery app** hubs in 2025.\n\n"
                               "- How do you establish who the employer is?\n"
                               "- Do you share data with the social security institute?")
    opening = thread.posts.get(number=1)
    post_reply(thread=thread, user=member_co, reply_to=opening,
               body=quote(opening.body, "DEMO Focal Point Chile")
               + "DEMO. We cross-check the apps' payment records with the social security registry.")
    post_reply(thread=thread, user=ilo,
               body="DEMO. The ILO has a [guide on platform work](https://www.ilo.org/) that may help.")
    spam = post_reply(thread=thread, user=cosate, body="DEMO. An off-topic message, to show moderation.")
    post_hide(post=spam, user=secretariat,
              reason="DEMO: off topic for this forum; please post it in a new thread of the right forum.")
    post_reply(thread=thread, user=focal_br, body="DEMO. Brazil would like to join a bilateral activity on this.")

    old = thread_start(forum=forum, user=ilo, is_demo=True, title="DEMO Webinar dates for 2025",
                       body="DEMO. The webinar took place; thank you all for attending.")
    thread_lock(thread=old, user=secretariat, reason="DEMO: the webinar is over; follow-up goes in a new thread.")

    thread_start(forum=restricted, user=focal_cl, is_demo=True, title="DEMO Agenda of the next working group meeting",
                 body="DEMO. A first list of agenda items for the chair and vice-chairs to review.")
