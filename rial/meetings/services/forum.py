"""The draft negotiation forum: a restricted window for comments on a draft, paragraph by paragraph."""

import io
import re

import docx
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from rial.accounts.roles import roles_for
from rial.core.audit import save_logged
from rial.core.files import ExtractionError, docx_paragraphs
from rial.directory.models import Institution
from rial.meetings import actions, notices
from rial.meetings.models import DraftForum, ForumComment, ForumParagraph

MAX_PARAGRAPHS = 500


def split_paragraphs(text: str) -> list[str]:
    """A draft pasted as text: paragraphs are separated by blank lines (single line breaks are joined)."""
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n"))
    return [" ".join(line.strip() for line in block.splitlines() if line.strip()) for block in blocks if block.strip()]


def draft_file_paragraphs(forum: DraftForum) -> list[str]:
    """The paragraphs of the draft's own file when it is a Word or text file (else none)."""
    file = forum.draft.file if forum.draft_id else None
    if not file:
        return []
    name = file.name.lower()
    with file.open("rb") as handle:
        if name.endswith(".docx"):
            try:
                return docx_paragraphs(handle)
            except ExtractionError as error:
                raise ValidationError(str(error)) from error
        if name.endswith(".txt"):
            return split_paragraphs(handle.read().decode("utf-8", errors="replace"))
    return []


def forum_create(*, forum: DraftForum, text: str, user) -> DraftForum:
    """Open a forum on a draft; its paragraphs come from the pasted text, or else from the draft's file."""
    if not user.has_perm("meetings.add_draftforum"):
        raise PermissionDenied
    paragraphs = split_paragraphs(text) or draft_file_paragraphs(forum)
    if not paragraphs:
        raise ValidationError(_("Paste the text of the draft (or attach a Word or text file to the draft): it has no paragraph."))
    if len(paragraphs) > MAX_PARAGRAPHS:
        raise ValidationError(_("The draft has more than %(max)s paragraphs.") % {"max": MAX_PARAGRAPHS})
    if forum.opens_at and forum.closes_at and forum.closes_at <= forum.opens_at:
        raise ValidationError(_("The forum must close after it opens."))
    with transaction.atomic():
        forum.created_by = user
        forum.full_clean()
        save_logged(forum, user=user, action=actions.FORUM_CREATED)
        ForumParagraph.objects.bulk_create(
            ForumParagraph(forum=forum, number=number, text=paragraph)
            for number, paragraph in enumerate(paragraphs, start=1))
        notices.forum_opened(forum)
    return forum


def commenting_institutions(user) -> list[Institution]:
    """Whom a user may comment for: their ministries, COSATE/CEATAL, partner organizations; the Secretariat
    comments as itself."""
    roles = roles_for(user)
    mine = Q(pk__in=roles.institution_ids)
    if roles.is_secretariat:
        mine |= Q(kind=Institution.Kind.SECRETARIAT)
    return list(Institution.objects.active().filter(mine).order_by("name"))


def forum_comment(*, paragraph: ForumParagraph, institution: Institution, text: str, user) -> ForumComment:
    if not user.has_perm("meetings.take_part_in_forum", paragraph.forum):
        raise PermissionDenied
    if institution not in commenting_institutions(user):
        raise PermissionDenied
    text = text.strip()
    if not text:
        raise ValidationError(_("Write a comment before sending it."))
    with transaction.atomic():
        forum = DraftForum.objects.select_for_update().get(pk=paragraph.forum_id)
        now = timezone.now()
        if now < forum.opens_at:
            raise ValidationError(_("The forum is not open yet."))
        if now >= forum.closes_at:
            raise ValidationError(_("The forum is closed: comments are no longer accepted."))
        comment = ForumComment(paragraph=paragraph, institution=institution, author=user, text=text)
        comment.full_clean()
        save_logged(comment, user=user, action=actions.FORUM_COMMENTED)
    return comment


def forum_compilation_docx(*, forum: DraftForum, user) -> bytes:
    """Every comment, paragraph by paragraph, for the Secretariat once the forum has closed."""
    if not user.has_perm("meetings.compile_forum", forum):
        raise PermissionDenied
    if not forum.is_closed:
        raise ValidationError(_("The compilation is available once the forum has closed."))
    paragraphs = forum.paragraphs.prefetch_related("comments__institution")
    document = docx.Document()
    document.add_heading(_("Compilation of comments: %(forum)s") % {"forum": forum.title}, level=0)
    document.add_paragraph(_("Forum open from %(opens)s to %(closes)s.") % {
        "opens": timezone.localtime(forum.opens_at).strftime("%Y-%m-%d %H:%M"),
        "closes": timezone.localtime(forum.closes_at).strftime("%Y-%m-%d %H:%M")})
    for paragraph in paragraphs:
        document.add_heading(_("Paragraph %(number)s") % {"number": paragraph.number}, level=1)
        document.add_paragraph(paragraph.text, style="Quote")
        comments = list(paragraph.comments.all())
        if not comments:
            document.add_paragraph(_("No comment."))
        for comment in comments:
            line = document.add_paragraph(style="List Bullet")
            line.add_run(f"{comment.institution.name}: ").bold = True
            line.add_run(comment.text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
