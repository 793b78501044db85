"""Discussion forums: forums by topic or working group, threads, posts in Markdown, subscriptions, moderation.

A post keeps its Markdown source (for quoting, search and history) and the sanitised HTML rendered from it
when it was written (``rial/forums/markup.py``), so reading a thread renders nothing.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from rial.accounts.roles import roles_for
from rial.conference.models import WorkingGroup
from rial.conference.rules import authority_countries
from rial.core.languages import LANGUAGE_CHOICES
from rial.core.models import Archivable, ArchivableQuerySet
from rial.directory.models import Institution, Person
from rial.topics.models import Topic

POSTS_PER_PAGE = 25
THREADS_PER_PAGE = 30
# 64 KB of text: far longer than any real post, short enough that a page of 25 posts stays light.
MAX_POST_CHARS = 64 * 1024
MAX_TITLE_CHARS = 200
MAX_REASON_CHARS = 2000
# Words of the forum addresses (/forum/threads/…) that a forum's short name cannot be.
RESERVED_SLUGS = {"threads", "posts"}


class ForumQuerySet(ArchivableQuerySet):
    def public(self):
        """Forums anyone may read (and search and the API show)."""
        return self.active().filter(is_restricted=False)

    def visible_to(self, user):
        """Open forums for everyone; a restricted forum for its members and the Secretariat."""
        forums = self.active()
        roles = roles_for(user)
        if roles.is_secretariat:
            return forums
        if not user.is_authenticated:
            return forums.filter(is_restricted=False)
        member = Q(member_institutions__in=roles.institution_ids) | Q(member_people__user=user)
        countries = authority_countries(user)
        if countries:
            member |= Q(includes_group_authorities=True) & (
                Q(working_group__chair__in=countries) | Q(working_group__vice_chairs__in=countries))
        return forums.filter(pk__in=Forum.objects.filter(Q(is_restricted=False) | member).values("pk"))


class Forum(Archivable):
    """A place for discussion on one topic or for one working group; restricted forums only for members."""

    title = models.CharField(_("title"), max_length=MAX_TITLE_CHARS)
    slug = models.SlugField(_("short name"), max_length=80, unique=True,
                            help_text=_("Used in the address, e.g. labor-inspection."))
    description = models.TextField(_("description"), blank=True)
    topic = models.ForeignKey(Topic, verbose_name=_("topic"), null=True, blank=True, on_delete=models.PROTECT,
                              related_name="forums")
    working_group = models.ForeignKey(WorkingGroup, verbose_name=_("working group"), null=True, blank=True,
                                      on_delete=models.PROTECT, related_name="forums")
    is_restricted = models.BooleanField(
        _("restricted to members"), default=False,
        help_text=_("Only the member institutions and people below (and the Secretariat) see a restricted forum."))
    member_institutions = models.ManyToManyField(Institution, verbose_name=_("member institutions"), blank=True,
                                                 related_name="forums")
    member_people = models.ManyToManyField(Person, verbose_name=_("member people"), blank=True,
                                           related_name="forums")
    includes_group_authorities = models.BooleanField(
        _("the working group's authorities are members"), default=False,
        help_text=_("Officials of the ministries whose countries chair or vice-chair the working group."))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    is_demo = models.BooleanField(_("demo record"), default=False)
    # history: registered with the translated fields in translation.py

    objects = ForumQuerySet.as_manager()

    class Meta:
        ordering = ["position", "title"]
        verbose_name = _("forum")
        verbose_name_plural = _("forums")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("This short name is taken by the forum pages: choose another one.")})

    def get_absolute_url(self) -> str:
        return reverse("forums:forum", kwargs={"slug": self.slug})


class ThreadQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(visibility=Thread.Visibility.VISIBLE)

    def public(self):
        return self.visible().filter(forum__in=Forum.objects.public())

    def shown_to(self, user):
        """The threads of a forum list: hidden ones only to the Secretariat and their author."""
        if roles_for(user).is_secretariat:
            return self
        if not user.is_authenticated:
            return self.visible()
        return self.filter(Q(visibility=Thread.Visibility.VISIBLE) | Q(author=user))


class Thread(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        LOCKED = "locked", _("Locked")

    class Visibility(models.TextChoices):
        VISIBLE = "visible", _("Visible")
        HIDDEN = "hidden", _("Hidden by the Secretariat")

    forum = models.ForeignKey(Forum, verbose_name=_("forum"), on_delete=models.PROTECT, related_name="threads")
    title = models.CharField(_("title"), max_length=MAX_TITLE_CHARS)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("started by"), on_delete=models.PROTECT,
                               related_name="forum_threads")
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    # Kept on the thread so a forum's list orders and counts without reading its posts.
    last_post_at = models.DateTimeField(_("last post"), null=True, blank=True)
    post_count = models.PositiveIntegerField(_("posts"), default=0)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    visibility = models.CharField(_("visibility"), max_length=10, choices=Visibility.choices,
                                  default=Visibility.VISIBLE)
    is_demo = models.BooleanField(_("demo record"), default=False)
    history = HistoricalRecords()

    objects = ThreadQuerySet.as_manager()

    class Meta:
        ordering = ["-last_post_at", "-pk"]
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        indexes = [models.Index(fields=["forum", "-last_post_at"], name="forum_thread_latest")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("forums:thread", kwargs={"pk": self.pk})

    @property
    def is_locked(self) -> bool:
        return self.status == self.Status.LOCKED

    @property
    def is_hidden(self) -> bool:
        return self.visibility == self.Visibility.HIDDEN

    @property
    def reply_count(self) -> int:
        return max(self.post_count - 1, 0)

    def url_of_post(self, number: int) -> str:
        """The page of the thread that shows post ``number``, with its anchor."""
        page = (max(number, 1) - 1) // POSTS_PER_PAGE + 1
        query = f"?page={page}" if page > 1 else ""
        return f"{self.get_absolute_url()}{query}#post-{number}"


class Post(models.Model):
    class Visibility(models.TextChoices):
        VISIBLE = "visible", _("Visible")
        HIDDEN = "hidden", _("Hidden by the Secretariat")

    thread = models.ForeignKey(Thread, verbose_name=_("thread"), on_delete=models.CASCADE, related_name="posts")
    # Position in the thread (1 = the opening post): pages and links count by it.
    number = models.PositiveIntegerField(_("number"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT,
                               related_name="forum_posts")
    institution = models.ForeignKey(Institution, verbose_name=_("on behalf of"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="forum_posts")
    reply_to = models.ForeignKey("self", verbose_name=_("in reply to"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="replies")
    body = models.TextField(_("text (Markdown)"))
    # The sanitised HTML of ``body``, rendered once when the post was written.
    body_html = models.TextField(_("text (HTML)"))
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    created_at = models.DateTimeField(_("written"), auto_now_add=True, db_index=True)
    visibility = models.CharField(_("visibility"), max_length=10, choices=Visibility.choices,
                                  default=Visibility.VISIBLE)
    is_demo = models.BooleanField(_("demo record"), default=False)
    history = HistoricalRecords(excluded_fields=["body_html"])

    class Meta:
        ordering = ["thread", "number"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        constraints = [models.UniqueConstraint(fields=["thread", "number"], name="one_post_number_per_thread")]
        indexes = [models.Index(fields=["author", "-created_at"], name="forum_post_author")]

    def __str__(self) -> str:
        return f"{self.thread} #{self.number}"

    def get_absolute_url(self) -> str:
        return self.thread.url_of_post(self.number)

    @property
    def is_hidden(self) -> bool:
        return self.visibility == self.Visibility.HIDDEN


class Subscription(models.Model):
    """A person follows a thread or a whole forum; new posts reach them in the hourly batch of news."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_subscriptions")
    forum = models.ForeignKey(Forum, verbose_name=_("forum"), null=True, blank=True, on_delete=models.CASCADE,
                              related_name="subscriptions")
    thread = models.ForeignKey(Thread, verbose_name=_("thread"), null=True, blank=True, on_delete=models.CASCADE,
                               related_name="subscriptions")
    # For a thread: the last post the person marked as read (their desk lists threads with newer posts).
    seen_up_to = models.PositiveIntegerField(_("read up to post"), default=0)
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.CheckConstraint(condition=Q(forum__isnull=True, thread__isnull=False)
                                   | Q(forum__isnull=False, thread__isnull=True), name="subscription_one_target"),
            models.UniqueConstraint(fields=["user", "forum"], condition=Q(forum__isnull=False),
                                    name="one_subscription_per_forum"),
            models.UniqueConstraint(fields=["user", "thread"], condition=Q(thread__isnull=False),
                                    name="one_subscription_per_thread"),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.thread or self.forum}"


class ModerationAction(models.Model):
    """What the Secretariat did to a thread or a post, and why; the author sees the reason."""

    class Action(models.TextChoices):
        HIDE_POST = "hide_post", _("Post hidden")
        SHOW_POST = "show_post", _("Post shown again")
        HIDE_THREAD = "hide_thread", _("Thread hidden")
        SHOW_THREAD = "show_thread", _("Thread shown again")
        LOCK_THREAD = "lock_thread", _("Thread locked")
        UNLOCK_THREAD = "unlock_thread", _("Thread unlocked")
        MOVE_THREAD = "move_thread", _("Thread moved")

    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    thread = models.ForeignKey(Thread, verbose_name=_("thread"), on_delete=models.CASCADE,
                               related_name="moderation_actions")
    post = models.ForeignKey(Post, verbose_name=_("post"), null=True, blank=True, on_delete=models.CASCADE,
                             related_name="moderation_actions")
    reason = models.TextField(_("reason"), max_length=MAX_REASON_CHARS)
    moderator = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("moderator"), on_delete=models.PROTECT,
                                  related_name="+")
    from_forum = models.ForeignKey(Forum, verbose_name=_("moved from"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    to_forum = models.ForeignKey(Forum, verbose_name=_("moved to"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("moderation action")
        verbose_name_plural = _("moderation actions")
        indexes = [models.Index(fields=["thread", "-created_at"], name="forum_moderation_thread")]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.thread}"
