import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from rial.portfolio import services
from rial.portfolio.models import Program
from rial.portfolio.tests.factories import ProgramFactory, ministry

pytestmark = pytest.mark.django_db


def _draft(user, iso2="CL"):
    return services.program_create(user=user, data={
        "ministry": ministry(iso2), "name_en": "Inspection planning", "summary_en": "Plans inspections."})


def test_it_runs_the_whole_review_and_records_who_and_when(focal_cl, secretariat):
    program = _draft(focal_cl)
    assert program.status == Program.Status.DRAFT
    services.program_submit(program=program, user=focal_cl)
    services.program_return(program=program, user=secretariat, comment="Add the objectives.")
    assert program.status == Program.Status.RETURNED and program.review_comment == "Add the objectives."
    services.program_submit(program=program, user=focal_cl)
    services.program_publish(program=program, user=secretariat)
    program.refresh_from_db()
    assert program.status == Program.Status.PUBLISHED
    assert program.last_reviewed_at == timezone.localdate()
    steps = list(program.transitions.values_list("action", "user__username"))
    assert steps == [("create", "focal-cl"), ("submit", "focal-cl"), ("return", "secretariat"),
                     ("submit", "focal-cl"), ("publish", "secretariat")]
    assert program.history.first().history_change_reason == "portfolio.program.published"
    assert program.history.first().history_user == secretariat


def test_a_focal_point_cannot_draft_for_another_ministry(focal_cl):
    with pytest.raises(PermissionDenied):
        _draft(focal_cl, iso2="BR")
    assert not Program.objects.filter(ministry=ministry("BR")).exists()


def test_a_focal_point_cannot_submit_another_ministrys_program(focal_br):
    program = ProgramFactory(status=Program.Status.DRAFT)
    with pytest.raises(PermissionDenied):
        services.program_submit(program=program, user=focal_br)


def test_a_focal_point_cannot_publish_their_own_program(focal_cl):
    program = ProgramFactory(status=Program.Status.SUBMITTED)
    with pytest.raises(PermissionDenied):
        services.program_publish(program=program, user=focal_cl)
    program.refresh_from_db()
    assert program.status == Program.Status.SUBMITTED


def test_an_illegal_transition_names_the_legal_ones(secretariat):
    program = ProgramFactory(status=Program.Status.DRAFT)
    with pytest.raises(ValidationError) as excinfo:
        services.program_publish(program=program, user=secretariat)
    assert "submit for review" in excinfo.value.messages[0]
    program.refresh_from_db()
    assert program.status == Program.Status.DRAFT
    assert not program.transitions.exists()


def test_returning_needs_a_comment(secretariat):
    program = ProgramFactory(status=Program.Status.SUBMITTED)
    with pytest.raises(ValidationError):
        services.program_return(program=program, user=secretariat, comment="   ")
    program.refresh_from_db()
    assert program.status == Program.Status.SUBMITTED


def test_an_update_is_reviewed_while_the_published_version_stays_visible(focal_cl, secretariat):
    program = ProgramFactory(name_en="Old name", topics=["labor-inspection"])
    revision = services.program_start_revision(program=program, user=focal_cl)
    assert services.program_start_revision(program=program, user=focal_cl) == revision  # only one pending
    services.program_update(program=revision, user=focal_cl, data={"name_en": "New name"})
    services.program_submit(program=revision, user=focal_cl)
    program.refresh_from_db()
    assert program.name_en == "Old name" and program.status == Program.Status.PUBLISHED
    assert list(Program.objects.published()) == [program]

    published = services.program_publish(program=revision, user=secretariat)
    assert published.pk == program.pk
    program.refresh_from_db()
    assert program.name_en == "New name"
    assert list(program.topics.values_list("slug", flat=True)) == ["labor-inspection"]
    assert not program.revisions.active().exists()
    assert program.transitions.last().action == "update_published"


def test_a_crash_while_publishing_an_update_leaves_nothing_half_written(focal_cl, secretariat, monkeypatch):
    program = ProgramFactory(name_en="Old name")
    revision = services.program_start_revision(program=program, user=focal_cl)
    services.program_update(program=revision, user=focal_cl, data={"name_en": "New name"})
    services.program_submit(program=revision, user=focal_cl)

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Program, "archive", boom)
    with pytest.raises(RuntimeError):
        services.program_publish(program=revision, user=secretariat)
    program.refresh_from_db()
    revision.refresh_from_db()
    assert program.name_en == "Old name"
    assert revision.status == Program.Status.SUBMITTED
    assert not program.transitions.filter(action="update_published").exists()


def test_a_published_program_cannot_be_changed_directly(focal_cl):
    program = ProgramFactory()
    with pytest.raises(ValidationError):
        services.program_update(program=program, user=focal_cl, data={"name_en": "Sneaky"})
