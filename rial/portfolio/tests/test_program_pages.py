import pytest
from django.urls import reverse

from conftest import login
from rial.portfolio.models import Program
from rial.portfolio.tests.factories import ProgramFactory, draft_data

pytestmark = pytest.mark.django_db


def test_the_public_sees_a_published_program(client):
    program = ProgramFactory(name_en="Open program", populations=["youth"])
    response = client.get(reverse("portfolio:detail", args=[program.pk]))
    assert response.status_code == 200
    assert "Open program" in response.content.decode() and "Young people" in response.content.decode()
    assert "Review history" not in response.content.decode()


@pytest.mark.parametrize("persona,status", [
    (None, 404), ("focal_br", 404), ("cosate_rep", 404), ("focal_cl", 200), ("member_co", 404),
])
def test_a_draft_is_seen_only_by_its_ministry_and_the_secretariat(client, request, persona, status):
    # For everyone else an unpublished program does not exist: 404, not a refusal that confirms it.
    program = ProgramFactory(status=Program.Status.DRAFT)
    if persona:
        login(client, request.getfixturevalue(persona))
    response = client.get(reverse("portfolio:detail", args=[program.pk]))
    assert response.status_code == status


def test_the_secretariat_sees_a_draft(secretariat_client):
    program = ProgramFactory(status=Program.Status.DRAFT)
    assert secretariat_client.get(reverse("portfolio:detail", args=[program.pk])).status_code == 200


def test_a_focal_point_drafts_and_submits_through_the_pages(client, focal_cl):
    login(client, focal_cl)
    response = client.post(reverse("portfolio:create"), draft_data())
    program = Program.objects.get(name_en="Youth employment bridge")
    assert response.status_code == 302
    assert program.status == Program.Status.DRAFT and program.languages == ["es"]
    assert list(program.topics.values_list("slug", flat=True)) == ["youth-employment"]
    client.post(reverse("portfolio:submit", args=[program.pk]))
    program.refresh_from_db()
    assert program.status == Program.Status.SUBMITTED


def test_text_written_in_spanish_is_stored_in_spanish(client, focal_cl):
    login(client, focal_cl)
    client.post("/es/programs/new/", draft_data(name="Puente de empleo juvenil"))
    program = Program.objects.get(name_es="Puente de empleo juvenil")
    assert program.name_en in ("", None)


def test_a_focal_point_cannot_create_for_another_ministry(client, focal_cl):
    login(client, focal_cl)
    response = client.post(reverse("portfolio:create"), draft_data(iso2="BR"))
    assert response.status_code == 200
    assert "ministry" in response.context["form"].errors
    assert not Program.objects.exists()


@pytest.mark.parametrize("overrides,field", [
    ({"name": ""}, "name"),
    ({"summary": ""}, "summary"),
    ({"start": "2024-05-01", "end": "2020-01-01"}, "end"),
    ({"budget": "-5", "budget_currency": "USD"}, "budget"),
    ({"budget": "1000"}, "budget_currency"),
    ({"budget": "12abc"}, "budget"),
    ({"budget_currency": "US1"}, "budget_currency"),
    ({"contact_email": "not-an-email"}, "contact_email"),
    ({"languages": ["xx"]}, "languages"),
    ({"topics": ["999999"]}, "topics"),
    ({"start": "31/02/2024"}, "start"),
])
def test_bad_input_is_refused_with_a_message_and_nothing_saved(client, focal_cl, overrides, field):
    login(client, focal_cl)
    response = client.post(reverse("portfolio:create"), draft_data(**overrides))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert "Nothing was saved" in response.content.decode()
    assert not Program.objects.exists()


def test_a_member_who_is_not_focal_point_cannot_add(client, member_co):
    login(client, member_co)
    assert client.get(reverse("portfolio:create")).status_code == 403


def test_another_ministrys_focal_point_cannot_edit_or_submit(client, focal_br):
    program = ProgramFactory(status=Program.Status.DRAFT)
    login(client, focal_br)
    assert client.get(reverse("portfolio:edit", args=[program.pk])).status_code == 403
    assert client.post(reverse("portfolio:submit", args=[program.pk])).status_code == 403
    program.refresh_from_db()
    assert program.status == Program.Status.DRAFT


def test_a_focal_point_cannot_publish_through_the_page(client, focal_cl):
    program = ProgramFactory(status=Program.Status.SUBMITTED)
    login(client, focal_cl)
    assert client.post(reverse("portfolio:publish", args=[program.pk])).status_code == 403
    program.refresh_from_db()
    assert program.status == Program.Status.SUBMITTED


def test_get_never_changes_state(secretariat_client):
    program = ProgramFactory(status=Program.Status.SUBMITTED)
    assert secretariat_client.get(reverse("portfolio:publish", args=[program.pk])).status_code == 405
    program.refresh_from_db()
    assert program.status == Program.Status.SUBMITTED


def test_the_secretariat_returns_with_comments_and_the_focal_point_sees_them(client, secretariat_client, focal_cl):
    program = ProgramFactory(status=Program.Status.SUBMITTED)
    secretariat_client.post(reverse("portfolio:return", args=[program.pk]), {"comment": "Add results."})
    program.refresh_from_db()
    assert program.status == Program.Status.RETURNED
    login(client, focal_cl)
    assert "Add results." in client.get(reverse("portfolio:detail", args=[program.pk])).content.decode()


def test_returning_without_a_comment_changes_nothing(secretariat_client):
    program = ProgramFactory(status=Program.Status.SUBMITTED)
    response = secretariat_client.post(reverse("portfolio:return", args=[program.pk]), {"comment": ""}, follow=True)
    assert "returned with comments" in response.content.decode()
    program.refresh_from_db()
    assert program.status == Program.Status.SUBMITTED


def test_editing_a_published_program_opens_a_pending_update(client, focal_cl):
    program = ProgramFactory(name_en="Published name")
    login(client, focal_cl)
    response = client.get(reverse("portfolio:edit", args=[program.pk]))
    revision = program.revisions.get()
    assert response.url == reverse("portfolio:edit", args=[revision.pk])
    client.post(reverse("portfolio:edit", args=[revision.pk]), draft_data(name="Changed name"))
    revision.refresh_from_db()
    assert revision.name == "Changed name"
    # The public still sees the published version.
    client.logout()
    page = client.get(reverse("portfolio:detail", args=[program.pk])).content.decode()
    assert "Published name" in page and "Changed name" not in page
    assert client.get(reverse("portfolio:revision", args=[revision.pk])).status_code == 404


def test_the_review_queue_is_the_secretariats(client, focal_cl, secretariat_client):
    ProgramFactory(name_en="Waiting", status=Program.Status.SUBMITTED)
    assert "Waiting" in secretariat_client.get(reverse("portfolio:review_queue")).content.decode()
    login(client, focal_cl)
    assert client.get(reverse("portfolio:review_queue")).status_code == 403


def test_my_programs_lists_drafts_of_my_ministry_only(client, focal_cl):
    ProgramFactory(name_en="Mine", status=Program.Status.DRAFT)
    from rial.portfolio.tests.factories import ministry
    ProgramFactory(name_en="Theirs", status=Program.Status.DRAFT, ministry=ministry("BR"))
    login(client, focal_cl)
    page = client.get(reverse("portfolio:mine")).content.decode()
    assert "Mine" in page and "Theirs" not in page
