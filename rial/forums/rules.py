"""Who may read, write, follow and moderate in the forums. Pages, API and admin all ask these.

Reading: an open forum is public; a restricted forum is for its members (institutions, people, and, when
the forum says so, the authorities of its working group) and the Secretariat. Writing: the people who act
for an institution of the network (ministries, COSATE and CEATAL, partner organizations) and the
Secretariat. Moderating (hide, lock, move): the Secretariat.
"""

import rules

from rial.accounts.roles import roles_for
from rial.accounts.rules import is_secretariat, is_signed_in, secretariat_manages
from rial.core import derived
from rial.forums.models import Forum, Thread


def visible_forum_ids(user) -> frozenset[int]:
    """The forums ``user`` may read: once per request (cached on the user), and read from the database once per
    person and day until the next committed write (core.derived: memberships, the working groups' chairs and the
    roles behind them are public records; authority follows the date)."""
    cached = getattr(user, "_rial_visible_forums", None)
    if cached is None:
        cached = derived.for_person_today(
            "visible-forums", lambda: frozenset(Forum.objects.visible_to(user).values_list("pk", flat=True)), user)
        user._rial_visible_forums = cached
    return cached


def _forum_of(obj):
    """The forum of a forum, a thread or a post."""
    thread = getattr(obj, "thread", obj)
    return getattr(thread, "forum", thread)


def _thread_of(obj) -> Thread | None:
    """The thread of a thread or a post (a forum has none)."""
    thread = getattr(obj, "thread", obj)
    return thread if isinstance(thread, Thread) else None


@rules.predicate
def can_read_forum(user, obj) -> bool:
    forum = _forum_of(obj)
    return forum is not None and forum.pk in visible_forum_ids(user)


@rules.predicate
def is_thread_shown(user, obj) -> bool:
    """A hidden thread stays readable by its author (who sees why it was hidden) and the Secretariat."""
    thread = _thread_of(obj)
    if thread is None:
        return obj is not None  # a forum: no thread to hide
    return not thread.is_hidden or (user.is_authenticated and thread.author_id == user.pk)


@rules.predicate
def acts_for_the_network(user) -> bool:
    """Ministry members, focal points, social partners and partner organizations (and the Secretariat)."""
    roles = roles_for(user)
    return roles.is_secretariat or bool(roles.institution_ids)


can_read_thread = can_read_forum & (is_thread_shown | is_secretariat)

rules.add_perm("forums.view_forum_page", can_read_forum)
rules.add_perm("forums.view_thread_page", can_read_thread)
rules.add_perm("forums.start_thread", can_read_forum & acts_for_the_network)
rules.add_perm("forums.reply", can_read_thread & acts_for_the_network)
rules.add_perm("forums.follow", is_signed_in & can_read_thread)
rules.add_perm("forums.moderate", is_secretariat)

# The back office: forums are the Secretariat's; threads, posts and subscriptions are people's own, so
# the admin shows them to the Secretariat and changes only what is not a moderation state.
secretariat_manages("forums.forum")
for _model in ("thread", "post", "subscription", "moderationaction"):
    for _action in ("view", "change", "delete"):
        rules.add_perm(f"forums.{_action}_{_model}", is_secretariat)
