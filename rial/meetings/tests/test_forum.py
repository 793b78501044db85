import datetime
import io

import docx
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from conftest import login
from rial.directory.models import Institution
from rial.meetings.models import DraftForum, ForumComment
from rial.meetings.services.forum import forum_comment, forum_compilation_docx, forum_create, split_paragraphs
from rial.meetings.tests.factories import conference_with_group, plan_with_mandates

pytestmark = pytest.mark.django_db
DRAFT = """The Ministers of Labor commit to strengthen labor inspection
in urban and rural areas.

They will exchange experiences through the network.


They invite partner organizations to contribute."""


def make_forum(user, *, opens=-1, closes=10) -> DraftForum:
    now = timezone.now()
    forum = DraftForum(title="Draft Plan of Action of the XXIII IACML",
                       opens_at=now + datetime.timedelta(days=opens), closes_at=now + datetime.timedelta(days=closes))
    return forum_create(forum=forum, text=DRAFT, user=user)


def close(forum: DraftForum) -> None:
    DraftForum.objects.filter(pk=forum.pk).update(closes_at=timezone.now() - datetime.timedelta(seconds=1))
    forum.refresh_from_db()


def test_the_draft_is_split_into_numbered_paragraphs(secretariat):
    forum = make_forum(secretariat)
    assert [(p.number, p.text) for p in forum.paragraphs.all()] == [
        (1, "The Ministers of Labor commit to strengthen labor inspection in urban and rural areas."),
        (2, "They will exchange experiences through the network."),
        (3, "They invite partner organizations to contribute."),
    ]


def test_delegations_social_partners_and_partners_comment_while_open(secretariat, focal_cl, cosate_rep, ilo_rep,
                                                                      member_co, client):
    forum = make_forum(secretariat)
    first, second = forum.paragraphs.all()[:2]
    forum_comment(paragraph=first, institution=Institution.objects.get(slug="ministry-cl"), text="Add rural.",
                  user=focal_cl)
    forum_comment(paragraph=first, institution=Institution.objects.get(slug="cosate"), text="Mention unions.",
                  user=cosate_rep)
    login(client, ilo_rep)
    response = client.post(reverse("meetings:forum_comment", args=[forum.pk, 2]),
                           {"institution": Institution.objects.get(slug="ilo").pk, "text": "ILO can help."})
    assert response.status_code == 302
    login(client, member_co)
    page = client.get(forum.get_absolute_url()).content.decode()
    assert "Add rural." in page and "ILO can help." in page
    assert second.comments.get().institution.slug == "ilo"


def test_nobody_comments_for_another_institution(secretariat, focal_cl):
    forum = make_forum(secretariat)
    with pytest.raises(PermissionDenied):
        forum_comment(paragraph=forum.paragraphs.first(), institution=Institution.objects.get(slug="ministry-br"),
                      text="Not ours", user=focal_cl)
    assert not ForumComment.objects.exists()


def test_the_forum_is_restricted(secretariat, client, django_user_model):
    forum = make_forum(secretariat)
    assert client.get(forum.get_absolute_url()).status_code == 302  # to the login page
    outsider = django_user_model.objects.create_user("outsider", password="a-good-test-password")
    login(client, outsider)
    assert client.get(forum.get_absolute_url()).status_code == 403
    assert client.post(reverse("meetings:forum_comment", args=[forum.pk, 1]), {"text": "x"}).status_code == 403


def test_no_comment_before_opening_or_after_closing(secretariat, focal_cl):
    chile = Institution.objects.get(slug="ministry-cl")
    later = make_forum(secretariat, opens=2, closes=20)
    with pytest.raises(ValidationError, match="not open yet"):
        forum_comment(paragraph=later.paragraphs.first(), institution=chile, text="Early", user=focal_cl)
    forum = make_forum(secretariat)
    close(forum)
    with pytest.raises(ValidationError, match="closed"):
        forum_comment(paragraph=forum.paragraphs.first(), institution=chile, text="Late", user=focal_cl)
    assert not ForumComment.objects.exists()


def test_a_window_closing_before_it_opens_is_refused(secretariat):
    with pytest.raises(ValidationError):
        make_forum(secretariat, opens=5, closes=1)
    assert not DraftForum.objects.exists()


def test_an_empty_draft_is_refused(secretariat):
    forum = DraftForum(title="Empty", opens_at=timezone.now(), closes_at=timezone.now() + datetime.timedelta(days=1))
    with pytest.raises(ValidationError):
        forum_create(forum=forum, text=" \n\n ", user=secretariat)
    assert not DraftForum.objects.exists()
    assert split_paragraphs("") == []


def test_the_compilation_waits_for_the_closing_and_lists_comments_by_paragraph(secretariat, focal_cl, client):
    forum = make_forum(secretariat)
    forum_comment(paragraph=forum.paragraphs.get(number=2), institution=Institution.objects.get(slug="ministry-cl"),
                  text="Name the RIAL explicitly.", user=focal_cl)
    with pytest.raises(ValidationError):
        forum_compilation_docx(forum=forum, user=secretariat)
    close(forum)
    login(client, focal_cl)
    assert client.get(reverse("meetings:forum_compilation", args=[forum.pk])).status_code == 403
    login(client, secretariat)
    response = client.get(reverse("meetings:forum_compilation", args=[forum.pk]))
    assert response.status_code == 200
    paragraphs = [p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs]
    second = paragraphs.index("Paragraph 2")
    assert paragraphs[second + 1] == "They will exchange experiences through the network."
    assert paragraphs[second + 2] == f"{Institution.objects.get(slug='ministry-cl').name}: Name the RIAL explicitly."
    assert paragraphs[paragraphs.index("Paragraph 3") + 2] == "No comment."


def test_the_forum_page_runs_a_constant_number_of_queries(secretariat, focal_cl, client,
                                                          django_assert_max_num_queries):
    forum = make_forum(secretariat)
    chile = Institution.objects.get(slug="ministry-cl")
    for paragraph in forum.paragraphs.all():
        for index in range(5):
            forum_comment(paragraph=paragraph, institution=chile, text=f"Comment {index}", user=focal_cl)
    login(client, focal_cl)
    with django_assert_max_num_queries(14):
        assert client.get(forum.get_absolute_url()).status_code == 200


def test_without_pasted_text_the_paragraphs_come_from_the_drafts_word_file(secretariat):
    conference, _group = conference_with_group()
    draft, _mandates = plan_with_mandates(conference, count=0)
    word = docx.Document()
    for text in ("First paragraph of the draft.", "", "Second paragraph of the draft."):
        word.add_paragraph(text)
    buffer = io.BytesIO()
    word.save(buffer)
    draft.file.save("draft.docx", ContentFile(buffer.getvalue()))
    forum = DraftForum(title="Forum on the Word draft", draft=draft, opens_at=timezone.now(),
                       closes_at=timezone.now() + datetime.timedelta(days=30))
    forum_create(forum=forum, text="", user=secretariat)
    assert list(forum.paragraphs.values_list("text", flat=True)) == [
        "First paragraph of the draft.", "Second paragraph of the draft."]
